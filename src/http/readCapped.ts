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
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  const buf = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    buf.set(chunk, at);
    at += chunk.byteLength;
  }
  return buf;
}
