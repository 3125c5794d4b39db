import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Shuffle test order to catch tests that depend on each other's leftovers.
    sequence: { shuffle: true },
    // PGlite boots a WASM PostgreSQL per test file (~1 s on this machine); give slow hosts room, but no test
    // asserts on time: speed lives in `npm run bench`.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Two cores: more workers than that only thrash.
    maxWorkers: 2,
  },
});
