/**
 * `npm run ingest` through a running server (src/cli/ingestViaServer.ts) and the id namespaces
 * (src/domain/documentIds.ts): an id made from a file name is the server's to choose, in the organisation's
 * namespace; an id the metadata gives outside it replaces the document a local ingest stored under it, and is
 * refused with the server's reason, per file, when no such document exists. A real server on 127.0.0.1.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestViaServer } from '../../src/cli/ingestViaServer.js';
import { loadConfig } from '../../src/config/env.js';
import { resolveInputs } from '../../src/corpus/inputs.js';
import { storeFiles } from '../../src/corpus/storeFiles.js';
import { createApp } from '../../src/http/app.js';
import { silentLogger } from '../../src/log.js';
import { openPglite } from '../../src/store/db.js';
import { countAll } from '../../src/store/documents.js';
import { ensureEmbedder } from '../../src/store/embeddings.js';
import { migrate } from '../../src/store/migrate.js';
import { localEmbedder } from '../helpers/runtime.js';

const dir = mkdtempSync(join(tmpdir(), 'innspill-ids-'));
const listed = join(dir, 'listed');
const loose = join(dir, 'loose');
for (const d of [listed, loose]) mkdirSync(d);
writeFileSync(join(listed, 'gammel.txt'), 'Alfa mener at alle kommuner skal ha en egen plan for skolehelsetjenesten.');
writeFileSync(join(listed, 'ny.txt'), 'Alfa mener at skolebibliotekene må ha bemanning hver dag hele skoleåret.');
writeFileSync(
  join(listed, 'metadata.yaml'),
  ['gammel', 'ny']
    .map(
      (f) =>
        `- file: ${f}.txt\n  id: ${f}-notat\n  organisation: Alfa\n  title: Notat ${f}\n  kind: other\n  date: "2024"`,
    )
    .join('\n'),
);
writeFileSync(join(loose, 'uttalelse.txt'), 'Alfa krever at leksehjelpen blir gratis for alle elever på barnetrinnet.');

const db = await openPglite('memory://');
await migrate(db);
const embedder = await localEmbedder();
await ensureEmbedder(db, embedder);
// A local ingest keeps the ids it is given: «gammel-notat» is stored before any server runs.
const old = (await resolveInputs([listed])).filter((f) => f.meta.id === 'gammel-notat');
await storeFiles({ db, embedder }, old);
const config = loadConfig({ DATA_DIR: 'memory://', LOG_LEVEL: 'silent' });
const app = createApp({ db, embedder, config, logger: silentLogger });
let server: ServerType;
let base = '';
beforeAll(async () => {
  server = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
  await db.close();
});

describe('npm run ingest through a server, with ids per organisation', () => {
  it('replaces a stored id it may not take anew, refuses a new one with the reason, names loose files in the namespace', async () => {
    const before = await countAll(db);
    const result = await ingestViaServer(base, [listed, loose], { defaults: { organisation: 'Alfa' } });
    const byPath = new Map(result.documents.map((d) => [d.path, d]));
    expect(byPath.get(join(listed, 'gammel.txt'))).toMatchObject({ id: 'gammel-notat', outcome: 'duplicate' });
    expect(byPath.get(join(loose, 'uttalelse.txt'))).toMatchObject({ id: 'alfa-uttalelse', outcome: 'created' });
    expect(result.refused?.map((r) => [r.path, r.error.message])).toEqual([
      [
        join(listed, 'ny.txt'),
        '«ny.txt»: Id-en «ny-notat» må begynne med «alfa-»: et dokument fra Alfa får en id som begynner med organisasjonens navn. Utelat id-en, så lages den av tittelen.',
      ],
    ]);
    expect((await countAll(db)).documents).toBe(before.documents + 1);
  });
});
