/** Test runtime: an in-memory PGlite store with the seed corpus, the real local embedder, the real app. */
import { seedIfEmpty } from '../../src/bootstrap/loadFiles.js';
import { loadConfig } from '../../src/config/env.js';
import { createEmbedder } from '../../src/embed/index.js';
import { createApp } from '../../src/http/app.js';
import { silentLogger } from '../../src/log.js';
import { openPglite, type Db } from '../../src/store/db.js';
import { ensureEmbedder } from '../../src/store/embeddings.js';
import { migrate } from '../../src/store/migrate.js';
import type { IngestedDocument } from '../../src/domain/types.js';
import { ingestText } from '../../src/ingest/index.js';
import { writeDocuments } from '../../src/store/writeDocuments.js';

export const testConfig = loadConfig({ DATA_DIR: 'memory://', LOG_LEVEL: 'silent' });

export async function localEmbedder() {
  return createEmbedder(testConfig);
}

/** Migrate a store (a new in-memory one unless given) and bind the embedder: no documents yet. */
export async function emptyStore(db?: Db) {
  const store = db ?? (await openPglite('memory://'));
  await migrate(store);
  const embedder = await localEmbedder();
  await ensureEmbedder(store, embedder);
  return { db: store, embedder };
}

/** A Testforbundet consultation response of one text, for suites that write a tiny corpus of their own. */
export function textDocument(id: string, text: string): IngestedDocument {
  return ingestText(text, {
    id,
    organisation: 'Testforbundet',
    title: `Dokument ${id}`,
    kind: 'consultation_response',
    date: '2024',
    language: 'nb',
  });
}

/** An in-memory store holding only `documents`. */
export async function storeWith(documents: IngestedDocument[]) {
  const rt = await emptyStore();
  await writeDocuments(rt.db, rt.embedder, documents);
  return rt;
}

/** Migrate a store, bind the embedder and ingest seeds/. */
export async function seededStore(db?: Db) {
  const rt = await emptyStore(db);
  await seedIfEmpty(rt, 'seeds');
  return rt;
}

/** The real app on an empty in-memory store (suites that upload their own documents, e.g. the access suites). */
export async function emptyApp() {
  const rt = await emptyStore();
  return { ...rt, config: testConfig, app: createApp({ ...rt, config: testConfig, logger: silentLogger }) };
}

export async function seededApp(overrides: Partial<Parameters<typeof createApp>[0]> = {}) {
  const rt = await seededStore();
  const app = createApp({ ...rt, config: testConfig, logger: silentLogger, ...overrides });
  return { ...rt, app };
}

/** JSON request helper for app.request. */
export function jsonInit(method: string, body: unknown, headers: Record<string, string> = {}): RequestInit {
  return {
    method,
    body: typeof body === 'string' ? body : JSON.stringify(body),
    headers: { 'content-type': 'application/json', ...headers },
  };
}
