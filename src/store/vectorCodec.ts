/** pgvector's text literal, both ways (binary COPY is in copyBinary.ts). */

/** "[0.1,0.2,…]" — the text form pgvector parses on both drivers. */
export function toVectorLiteral(v: ArrayLike<number>): string {
  return `[${Array.prototype.join.call(v, ',')}]`;
}

/** Parse pgvector's text output ("[1,2,3]") back into numbers. */
export function parseVectorLiteral(s: string): number[] {
  return s.slice(1, -1).split(',').map(Number);
}
