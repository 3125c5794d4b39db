/**
 * A request body read while it streams in, stopping at a byte limit: a chunked body (no Content-Length) of any size
 * costs at most the limit in memory. Used by the JSON body check and the multipart upload reader.
 */

/**
 * The whole body, or `tooLarge()` thrown as soon as it passes `maxBytes` (the rest is never read).
 * @example const bytes = await readCapped(c.req.raw.body, 1_000_000, () => new AppError('payload_too_large:body'));
 */
export async function readCapped(
  body: ReadableStream<Uint8Array> | null,
  maxBytes: number,
  tooLarge: () => Error,
): Promise<Uint8Array<ArrayBuffer>> {
  if (!body) return new Uint8Array();
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  let sinceYield = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
    // NOTE: chunks that arrived while the thread was busy are all ready at once, and `await read()` then resolves
    // without ever returning to the event loop: draining 20 MB of them held other requests ~0.1 s (CPU, measured
    // with bench/loopStalls.mjs). A turn of the event loop every YIELD_EVERY_BYTES lets them in between: every 1 MB still
    // left 80–180 ms stalls in readCapped during bench:uploads (a CPU profile, December 6); every 256 kB, and the copy
    // below in 1 MB steps, left none, and /search's p95 during uploads went from 83–129 to ~50 ms (BENCHMARKS.md).
    sinceYield += value.byteLength;
    if (sinceYield >= YIELD_EVERY_BYTES) {
      sinceYield = 0;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  // NOTE: an unzeroed buffer of its own, exactly the body (never Node's shared pool): callers use its `.buffer`.
  const buf = new Uint8Array(Buffer.allocUnsafeSlow(total).buffer as ArrayBuffer, 0, total);
  let at = 0;
  sinceYield = 0;
  for (const chunk of chunks) {
    buf.set(chunk, at);
    at += chunk.byteLength;
    // The copy of a large body yields too, as the reading did.
    sinceYield += chunk.byteLength;
    if (sinceYield >= YIELD_EVERY_BYTES * 4) {
      sinceYield = 0;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  return buf;
}

const YIELD_EVERY_BYTES = 256 * 1024;
