/**
 * `npm run backup` and `npm run restore` as a user runs them, without a server: the README's example writes into a
 * folder a fresh clone lacks (backup makes it); a file that is not an innspill backup is refused in Norwegian with
 * exit 2, and the target directory is not created. The server path of backup is in dataDir.integration.test.ts.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openPglite } from '../../src/store/db.js';
import { runScript } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'innspill-backup-cli-'));
const env = {
  ...process.env,
  DATA_DIR: join(dir, 'pglite'),
  SEED_DIR: join(dir, 'no-seeds'),
  LOG_LEVEL: 'silent',
  DATABASE_URL: '',
  ANTHROPIC_API_KEY: '',
  EMBEDDER: 'local',
};

const run = (script: string, args: string[]) => runScript(script, args, { env, timeout: 170_000 });

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run backup / restore from the command line', { shuffle: false }, () => {
  const file = join(dir, 'kopier', 'innspill.tar.gz');

  it('backup writes into a folder that does not exist yet, making it', async () => {
    const db = await openPglite(env.DATA_DIR);
    await db.query('CREATE TABLE merke (tekst text)');
    await db.query("INSERT INTO merke VALUES ('før kopien')");
    await db.close();
    expect(existsSync(join(dir, 'kopier'))).toBe(false);
    const res = await run('src/cli/backup.ts', [file]);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toContain(`Sikkerhetskopi skrevet til ${file}.`);
    expect(readFileSync(file).subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b])); // gzip
    expect(existsSync(`${file}.partial`)).toBe(false);
  }, 180_000);

  it('restore of a file that is not a backup says so in Norwegian, exit 2, and writes nothing', async () => {
    const target = join(dir, 'gjenopprettet');
    for (const [name, bytes] of [
      ['junk.tar.gz', Buffer.from('ikke en sikkerhetskopi\n')],
      ['annet.tar.gz', readFileSync(file).subarray(0, 200)], // a cut-off backup
    ] as const) {
      const junk = join(dir, name);
      writeFileSync(junk, bytes);
      const res = await run('src/cli/restore.ts', [junk, '--data-dir', target]);
      expect(res.code, res.stderr).toBe(2);
      expect(res.stderr).toBe(
        `Feil: ${junk} er ikke en sikkerhetskopi fra innspill (npm run backup lager en tar.gz av lageret). ` +
          `Ingenting ble skrevet til ${target}.\n`,
      );
      expect(existsSync(target)).toBe(false);
    }
  }, 180_000);

  it('restore of the backup into a new folder works and the store opens', async () => {
    const target = join(dir, 'ny');
    const res = await run('src/cli/restore.ts', [file, '--data-dir', target]);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toContain(`Gjenopprettet ${file} til ${target}.`);
    const db = await openPglite(target);
    try {
      const { rows } = await db.query<{ tekst: string }>('SELECT tekst FROM merke');
      expect(rows).toEqual([{ tekst: 'før kopien' }]);
    } finally {
      await db.close();
    }
  }, 180_000);
});
