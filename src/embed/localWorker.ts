/**
 * Worker-thread entry of the local embedder (see localThread.ts): the same LocalEmbedder code, built with the
 * options it is given, embeds each batch it receives unless the calling thread has claimed it first, and sends
 * the vectors back in one Float64Array (transferred, not copied; float64, so the numbers are exactly those
 * LocalEmbedder.embed returns on any thread).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { LocalEmbedder, type LocalEmbedderOptions } from './local.js';
import { CLAIM, type EmbedReply, type EmbedRequest } from './localProtocol.js';

const embedder = new LocalEmbedder({ ...(workerData as LocalEmbedderOptions), offThread: false });
const port = parentPort!;

port.on('message', ({ id, texts, claim }: EmbedRequest) => {
  if (Atomics.compareExchange(claim, 0, CLAIM.open, CLAIM.byWorker) !== CLAIM.open) {
    port.postMessage({ id, skipped: true } satisfies EmbedReply);
    return;
  }
  try {
    const vectors = embedder.embedFlat(texts);
    port.postMessage({ id, vectors } satisfies EmbedReply, [vectors.buffer]);
  } catch (err) {
    port.postMessage({ id, error: (err as Error).message } satisfies EmbedReply);
  }
});
embedder.embed('klar'); // loads the IDF table and warms the code before saying so
port.postMessage({ ready: true } satisfies EmbedReply);
