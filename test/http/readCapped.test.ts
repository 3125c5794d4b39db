/**
 * readCapped: the body whole, or the limit's error as soon as it is passed; and while a large body that is already
 * there is drained and copied, other requests get turns of the event loop (issue 14: /search during uploads).
 */
import { describe, expect, it } from 'vitest';
import { readCapped } from '../../src/http/readCapped.js';

const CHUNK = 64 * 1024;
function body(chunks: number): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (let i = 0; i < chunks; i++) controller.enqueue(new Uint8Array(CHUNK).fill(i % 251));
      controller.close();
    },
  });
}

describe('readCapped', () => {
  it('returns the body byte for byte', async () => {
    const bytes = await readCapped(body(5), 10 * CHUNK, () => new Error('for stor'));
    expect(bytes.byteLength).toBe(5 * CHUNK);
    expect([bytes[0], bytes[CHUNK], bytes[4 * CHUNK + 7]]).toEqual([0, 1, 4]);
  });

  it('throws the limit’s error once the body passes it', async () => {
    await expect(readCapped(body(5), 3 * CHUNK, () => new Error('for stor'))).rejects.toThrow('for stor');
  });

  it('lets the event loop turn every 256 kB while a body that is all there is read and copied', async () => {
    let turns = 0;
    let reading = true;
    const tick = () => {
      if (!reading) return;
      turns++;
      setImmediate(tick);
    };
    setImmediate(tick);
    const bytes = await readCapped(body(64), 100 * CHUNK, () => new Error('for stor')); // 4 MB, all queued
    reading = false;
    expect(bytes.byteLength).toBe(64 * CHUNK);
    // 4 MB in 256 kB steps while reading (16 turns), and a few more while copying.
    expect(turns).toBeGreaterThanOrEqual(16);
  });
});
