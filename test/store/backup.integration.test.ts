/**
 * Backups: POST /admin/backup on a PGlite store on disk (the path `npm run backup` takes while a server runs),
 * restored with `npm run restore`'s function into an empty directory, equals the original row for row: every
 * document, passage (with its vector), draft and draft version. A non-empty target is refused.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { AppError } from '../../src/errors.js';
import { createApp } from '../../src/http/app.js';
import { silentLogger } from '../../src/log.js';
import { restorePgliteBackup } from '../../src/store/backup.js';
import { openPglite, type Db } from '../../src/store/db.js';
import { jsonInit, seededStore, testConfig } from '../helpers/runtime.js';

const dir = mkdtempSync(join(tmpdir(), 'innspill-backup-'));
let db: Db;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  db = await openPglite(join(dir, 'original'));
  const rt = await seededStore(db);
  app = createApp({ ...rt, config: testConfig, logger: silentLogger });
  const request = parseYaml(await readFile('examples/consultation-digitalisering.yaml', 'utf8'));
  const created = await app.request('/drafts', jsonInit('POST', request));
  expect(created.status).toBe(201);
  const id = ((await created.json()) as { id: string }).id;
  const edited = await app.request(
    `/drafts/${id}`,
    jsonInit('PUT', {
      structured: {
        title: 'Kort svar',
        sections: [{ heading: 'Innledning', sentences: [{ text: 'Vi viser til høringen.' }] }],
      },
    }),
  );
  expect(edited.status).toBe(200);
}, 180_000);

afterAll(async () => {
  await db?.close();
  rmSync(dir, { recursive: true, force: true });
});

const TABLES = ['documents', 'passages', 'drafts', 'draft_versions', 'withdrawn_documents', 'embedder_state'];

/** Every row of every table as text, vectors included (to_jsonb writes a vector as its text form). */
async function snapshot(store: Db): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const t of TABLES) {
    const { rows } = await store.query<{ r: string }>(`SELECT to_jsonb(t)::text AS r FROM ${t} t ORDER BY 1`);
    out[t] = rows.map((row) => row.r);
  }
  return out;
}

describe('backup and restore (PGlite)', () => {
  it('restores a backup taken through POST /admin/backup to a store equal row for row, vectors included', async () => {
    const res = await app.request('/admin/backup', jsonInit('POST', {}));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/gzip');
    const file = join(dir, 'innspill.tar.gz');
    writeFileSync(file, new Uint8Array(await res.arrayBuffer()));

    await restorePgliteBackup(file, join(dir, 'restored'));
    const restored = await openPglite(join(dir, 'restored'));
    try {
      const before = await snapshot(db);
      const after = await snapshot(restored);
      expect(before.documents.length).toBeGreaterThan(0);
      expect(before.passages.length).toBeGreaterThan(0);
      expect(before.passages[0]).toMatch(/"embedding": "\[/);
      expect(before.drafts.length).toBe(1);
      expect(before.draft_versions.length).toBe(2);
      for (const t of TABLES) expect(after[t], t).toEqual(before[t]);
    } finally {
      await restored.close();
    }
  }, 180_000);

  it('refuses to restore into a directory that is not empty, and leaves it alone', async () => {
    const target = join(dir, 'occupied');
    rmSync(target, { recursive: true, force: true });
    await import('node:fs').then((fs) => fs.mkdirSync(target));
    writeFileSync(join(target, 'viktig.txt'), 'ikke rør');
    const err = await restorePgliteBackup(join(dir, 'innspill.tar.gz'), target).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('conflict:data_dir');
    expect((err as AppError).message).toMatch(/er ikke tom/);
    expect(readdirSync(target)).toEqual(['viktig.txt']);
  });
});
