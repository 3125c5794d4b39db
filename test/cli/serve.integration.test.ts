/** The real `npm start` entry point in a child process. */
import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

describe('npm start', () => {
  let taken: Server;
  let port: number;
  beforeAll(async () => {
    taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    port = (taken.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((resolve) => taken.close(() => resolve())));

  it('stops with one Norwegian line, no stack trace, when its port is taken', async () => {
    const run = promisify(execFile)(join('node_modules', '.bin', 'tsx'), ['src/cli/serve.ts'], {
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: 'memory://',
        LOG_LEVEL: 'silent',
        DATABASE_URL: '',
        ANTHROPIC_API_KEY: '',
      },
      timeout: 60_000,
    });
    const err = (await run.then(
      () => null,
      (e: unknown) => e,
    )) as { code: number; stderr: string } | null;
    expect(err, 'npm start should fail on a taken port').not.toBeNull();
    expect(err!.code).toBe(1);
    expect(err!.stderr).toContain(`porten ${port} på 127.0.0.1 er allerede i bruk`);
    expect(err!.stderr).not.toMatch(/\n\s+at /);
  }, 90_000);
});
