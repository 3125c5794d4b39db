/**
 * Runs a module of src/ from its compiled copy in dist/, after bringing dist/ up to date (scripts/build-dist.mjs):
 * `node scripts/run-dist.mjs src/cli/serve.ts [args…]` behaves like `tsx src/cli/serve.ts [args…]`, ~1 s sooner.
 * Used by `npm start`; tests and the other scripts keep running src/ through tsx.
 */
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildDist, OUT } from './build-dist.mjs';

const entry = process.argv[2];
if (!entry || !/^src\/.+\.ts$/.test(entry)) {
  process.stderr.write('Bruk: node scripts/run-dist.mjs src/<fil>.ts [argumenter]\n');
  process.exit(2);
}
let module = join(OUT, entry.slice('src/'.length).replace(/\.ts$/, '.js'));
try {
  await buildDist();
} catch (err) {
  // A file that does not compile (maybe one the entry doesn't even import), dist/ not writable, esbuild missing:
  // run src/ through tsx as before, which fails only if the entry really needs what is broken.
  process.stderr.write(
    `innspill: ${/** @type {Error} */ (err).message}\ninnspill: running ${entry} through tsx instead.\n`,
  );
  const { register } = await import('tsx/esm/api');
  register();
  module = resolve(entry);
}
// The entry sees the argv it would see under tsx: [node, its own path, its arguments…].
process.argv.splice(1, 2, module);
await import(pathToFileURL(module).href);
