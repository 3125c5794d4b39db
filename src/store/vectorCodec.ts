/** Vector wire formats: pgvector's text literal and PostgreSQL binary COPY rows of (text, vector). */

/** "[0.1,0.2,…]" — the text form pgvector parses on both drivers. */
export function toVectorLiteral(v: ArrayLike<number>): string {
  return `[${Array.prototype.join.call(v, ',')}]`;
}

/** Parse pgvector's text output ("[1,2,3]") back into numbers. */
export function parseVectorLiteral(s: string): number[] {
  return s.slice(1, -1).split(',').map(Number);
}

const SIGNATURE = [0x50, 0x47, 0x43, 0x4f, 0x50, 0x59, 0x0a, 0xff, 0x0d, 0x0a, 0x00];

/**
 * Encode rows for `COPY t (id text, embedding vector) FROM … WITH (FORMAT binary)`.
 * pgvector's binary form: int16 dim, int16 unused (0), then dim big-endian float4s.
 */
export function encodeBinaryCopy(rows: { id: string; embedding: ArrayLike<number> }[]): Uint8Array<ArrayBuffer> {
  const enc = new TextEncoder();
  const ids = rows.map((r) => enc.encode(r.id));
  let size = SIGNATURE.length + 8 + 2;
  rows.forEach((r, i) => {
    size += 2 + 4 + ids[i].length + 4 + 4 + 4 * r.embedding.length;
  });
  const buf = new Uint8Array(size);
  const view = new DataView(buf.buffer);
  buf.set(SIGNATURE, 0);
  let o = SIGNATURE.length;
  view.setInt32(o, 0); // flags
  view.setInt32(o + 4, 0); // header extension length
  o += 8;
  rows.forEach((r, i) => {
    view.setInt16(o, 2);
    o += 2;
    view.setInt32(o, ids[i].length);
    o += 4;
    buf.set(ids[i], o);
    o += ids[i].length;
    const dim = r.embedding.length;
    view.setInt32(o, 4 + 4 * dim);
    view.setInt16(o + 4, dim);
    view.setInt16(o + 6, 0);
    o += 8;
    for (let d = 0; d < dim; d++) {
      view.setFloat32(o, r.embedding[d]);
      o += 4;
    }
  });
  view.setInt16(o, -1);
  return buf;
}
