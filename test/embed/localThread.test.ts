/**
 * The local embedder on its worker thread gives the very same vectors as on the calling thread, whichever thread
 * ends up embedding a batch, and keeps working when the worker is gone.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { LocalEmbedder, OFF_THREAD_MIN, WORKER_FROM } from '../../src/embed/local.js';
import { LocalEmbedderThread } from '../../src/embed/localThread.js';
import { readdirSync, readFileSync } from 'node:fs';

const here = new LocalEmbedder({ offThread: false });
const SEEDS = new URL('../../seeds/', import.meta.url);
/** Paragraphs of the seed documents: real Norwegian text, a few hundred of them. */
const texts = readdirSync(SEEDS)
  .filter((f) => /\.(md|txt)$/.test(f))
  .flatMap((f) => readFileSync(new URL(f, SEEDS), 'utf8').split(/\n\s*\n/))
  .map((p) => p.trim())
  .filter((p) => p.length > 0);
const batches = Array.from({ length: 6 }, (_, b) =>
  Array.from({ length: 40 + b }, (_, i) => texts[(b * 40 + i) % texts.length]),
);

describe('LocalEmbedderThread', () => {
  const threads: LocalEmbedderThread[] = [];
  const newThread = (helpWhenIdle = true) => {
    threads.push(new LocalEmbedderThread({ dimension: here.dimension }, (t) => here.embedFlat(t), 0, helpWhenIdle));
    return threads.at(-1)!;
  };
  afterAll(() => Promise.all(threads.map((t) => t.close())));

  it('embeds on the worker exactly as on this thread', async () => {
    const thread = newThread(false);
    expect(await thread.ready()).toBe(true);
    const got = await Promise.all(batches.map((b) => thread.embed(b)));
    expect(thread.batches.worker).toBe(batches.length);
    got.forEach((flat, b) => expect(Array.from(flat)).toEqual(Array.from(here.embedFlat(batches[b]))));
  });

  it('shares batches between the worker and this thread, each done once, the same vectors', async () => {
    const thread = newThread();
    const got = await Promise.all(batches.map((b) => thread.embed(b)));
    expect(thread.batches.worker + thread.batches.here).toBe(batches.length);
    got.forEach((flat, b) => expect(Array.from(flat)).toEqual(Array.from(here.embedFlat(batches[b]))));
  });

  it('after the worker is gone, embeds the same on this thread', async () => {
    const thread = newThread();
    await thread.ready();
    await thread.close();
    const before = thread.batches.here;
    expect(Array.from(await thread.embed(batches[0]))).toEqual(Array.from(here.embedFlat(batches[0])));
    expect(thread.batches.here).toBe(before + 1);
  });
});

describe('LocalEmbedder.embedDocuments off the main thread', () => {
  const embedder = new LocalEmbedder();
  afterAll(() => embedder.close());

  it('returns what embed returns, text by text, for batches large enough to leave the thread', async () => {
    const big = Array.from(
      { length: OFF_THREAD_MIN + 7 },
      (_, i) => texts[i % texts.length] + (i >= texts.length ? ` ${i}` : ''),
    );
    // Enough at once to start the worker: some are embedded while it starts, by this thread, the rest by it.
    const calls = Array.from({ length: Math.ceil(WORKER_FROM / big.length) + 1 }, (_, k) => big.slice(k % 3));
    const results = await Promise.all(calls.map((b) => embedder.embedDocuments(b)));
    results.forEach((vectors, k) => expect(vectors).toEqual(calls[k].map((t) => here.embed(t))));
  });
});
