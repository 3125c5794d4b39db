/**
 * `npm run ingest` through a running server (src/cli/ingestViaServer.ts) and the id namespaces
 * (src/domain/documentIds.ts): an id made from a file name is the server's to choose, in the organisation's
 * namespace; an id the metadata gives outside it replaces the document a local ingest stored under it, and is
 * refused with the server's reason, per file, when no such document exists. A real server on 127.0.0.1.
 * The whole seed corpus goes in through a second server over a fresh in-memory store: every seed's id lies in its
 * organisation's namespace, «oslo-ap-…» in Oslo Arbeiderparti's short form (src/text/organisationNames.ts).
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { serve, type ServerType } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestViaServer } from '../../src/cli/ingestViaServer.js';
import { loadConfig } from '../../src/config/env.js';
import { resolveInputs } from '../../src/corpus/inputs.js';
import { storeFiles } from '../../src/corpus/storeFiles.js';
import { idNamespaceProblem } from '../../src/domain/documentIds.js';
import { createApp } from '../../src/http/app.js';
import { silentLogger } from '../../src/log.js';
import { openPglite } from '../../src/store/db.js';
import { countAll, listDocuments } from '../../src/store/documents.js';
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
// The seeds' server: a fresh in-memory store, as `npm start --server` would meet an empty data directory.
const seedDb = await openPglite('memory://');
await migrate(seedDb);
await ensureEmbedder(seedDb, embedder);
const seedApp = createApp({ db: seedDb, embedder, config, logger: silentLogger });
const SEEDS = join(import.meta.dirname, '..', '..', 'seeds');

const listen = (fetch: typeof app.fetch): Promise<ServerType> =>
  new Promise((resolve) => {
    const s = serve({ fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
  });
const url = (s: ServerType) => `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
let server: ServerType;
let seedServer: ServerType;
let base = '';
beforeAll(async () => {
  [server, seedServer] = await Promise.all([listen(app.fetch), listen(seedApp.fetch)]);
  base = url(server);
});
afterAll(async () => {
  await Promise.all([server, seedServer].map((s) => new Promise<void>((r) => s.close(() => r()))));
  await Promise.all([db.close(), seedDb.close()]);
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
        '«ny.txt»: Id-en «ny-notat» kan ikke brukes: et dokument fra Alfa får en id som begynner med «alfa-» og ikke hører til en annen organisasjon. Utelat id-en, så lages den av tittelen.',
      ],
    ]);
    expect((await countAll(db)).documents).toBe(before.documents + 1);
  });
});

describe('the seed corpus through a server', () => {
  const seeds = parse(readFileSync(join(SEEDS, 'metadata.yaml'), 'utf8')) as { id: string; organisation: string }[];

  it('gives every seed an id in its own organisation’s namespace', () => {
    const organisations = seeds.map((s) => s.organisation);
    expect(seeds.length).toBe(5);
    for (const s of seeds) expect(idNamespaceProblem(s.id, s.organisation, organisations), s.id).toBeNull();
  });

  it('stores the whole seeds/ folder under the seeds’ own ids, none refused', async () => {
    const result = await ingestViaServer(url(seedServer), [SEEDS], { defaults: {} });
    expect(result.refused).toBeUndefined();
    expect(result.documents.map((d) => [d.id, d.outcome]).sort()).toEqual(seeds.map((s) => [s.id, 'created']).sort());
    const stored = await listDocuments(seedDb, {});
    expect(stored.map((d) => [d.id, d.organisation]).sort()).toEqual(seeds.map((s) => [s.id, s.organisation]).sort());
    expect(stored.find((d) => d.id.startsWith('oslo-ap-'))?.organisation).toBe('Oslo Arbeiderparti');
  });
});
