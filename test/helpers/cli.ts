/** Test helper: run a CLI script as a child process (through tsx), as a user runs `npm run …`, and keep its output. */
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run `script` with `args`; a non-zero exit is returned, not thrown. */
export async function runScript(
  script: string,
  args: readonly string[],
  options: { env: NodeJS.ProcessEnv; timeout?: number; maxBuffer?: number },
): Promise<CliRun> {
  try {
    const { stdout, stderr } = await promisify(execFile)(
      join('node_modules', '.bin', 'tsx'),
      [script, ...args],
      options,
    );
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as CliRun;
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** The environment of an offline CLI run: quiet, the embedded store, the local embedder, no service tokens. */
export const offlineEnv = (env: Record<string, string> = {}): NodeJS.ProcessEnv => ({
  ...process.env,
  LOG_LEVEL: 'silent',
  DATABASE_URL: '',
  EMBEDDER: 'local',
  API_TOKENS: '',
  ...env,
});

/** A data directory under `dir` held by a live process (this one), as `npm start` holds it; `url` when it is a server. */
export function heldDataDir(dir: string, name: string, serverUrl?: string): string {
  const dataDir = join(dir, name);
  const holder = { pid: process.pid, startedAt: new Date().toISOString(), processStart: null, url: serverUrl };
  writeFileSync(`${dataDir}.lock`, JSON.stringify(holder));
  return dataDir;
}
