/**
 * The server's local embedder keeps the request thread free (openRuntime's `serving` → createEmbedder's
 * spareCallingThread → LocalEmbedder): every large batch an upload asks for is embedded on the worker thread and
 * none on the thread that answers requests. An ingest's runtime (not serving) embeds the same batches on its own
 * thread, so a server built without the option, or an option that no longer reaches the embedder, fails here.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { openRuntime, type Runtime } from '../../src/bootstrap/runtime.js';
import { loadConfig } from '../../src/config/env.js';
import { LocalEmbedder, OFF_THREAD_MIN } from '../../src/embed/local.js';
import { silentLogger } from '../../src/log.js';

const config = loadConfig({ DATA_DIR: 'memory://', LOG_LEVEL: 'silent' });
const words = readFileSync(new URL('../../seeds/README.md', import.meta.url), 'utf8')
  .split(/\s+/)
  .filter(Boolean);
/** Three batches as an upload's embed step sends them: each past OFF_THREAD_MIN, together well below WORKER_FROM. */
const batches = [0, 1, 2].map((b) =>
  Array.from({ length: OFF_THREAD_MIN + 44 }, (_, i) => `${words[(b * 7 + i) % words.length]} avsnitt ${b}-${i}`),
);
const reference = new LocalEmbedder({ offThread: false });

describe('openRuntime: where the local embedder embeds', () => {
  let rt: Runtime | undefined;
  afterEach(async () => {
    await (rt?.embedder as LocalEmbedder | undefined)?.close();
    await rt?.db.close();
    rt = undefined;
  });

  async function embedAll(serving: boolean) {
    rt = await openRuntime(config, { logger: silentLogger, serving });
    const embedder = rt.embedder as LocalEmbedder;
    expect(embedder).toBeInstanceOf(LocalEmbedder);
    const vectors = await Promise.all(batches.map((b) => embedder.embedDocuments(b)));
    vectors.forEach((v, b) => expect(v).toEqual(batches[b].map((t) => reference.embed(t))));
    return embedder.batchesEmbedded;
  }

  it('a server embeds every large batch on the worker, none on its request thread', async () => {
    expect(await embedAll(true)).toEqual({ worker: 3, here: 0 });
  });

  it('an ingest (not serving) embeds the same batches on its own thread', async () => {
    expect(await embedAll(false)).toEqual({ worker: 0, here: 3 });
  });
});
