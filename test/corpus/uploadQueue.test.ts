import { describe, expect, it } from 'vitest';
import { UploadQueue } from '../../src/corpus/uploadQueue.js';

/** A job that finishes when the test says so. */
function gate() {
  let open!: () => void;
  const done = new Promise<void>((resolve) => (open = resolve));
  return { open, done };
}

describe('UploadQueue', () => {
  it('runs up to its concurrency at once and tells each waiting upload its place as the line moves', async () => {
    const queue = new UploadQueue(2);
    const gates = [gate(), gate(), gate(), gate()];
    const started: number[] = [];
    const positions: Record<number, number[]> = { 0: [], 1: [], 2: [], 3: [] };
    const runs = gates.map((g, i) =>
      queue.run(
        async () => {
          started.push(i);
          await g.done;
          return i;
        },
        (p) => positions[i].push(p),
      ),
    );
    await new Promise((r) => setImmediate(r));
    expect(started).toEqual([0, 1]);
    expect(positions).toEqual({ 0: [], 1: [], 2: [1], 3: [2] });

    gates[1].open();
    await runs[1];
    await new Promise((r) => setImmediate(r));
    expect(started).toEqual([0, 1, 2]);
    expect(positions[3]).toEqual([2, 1]);

    gates[0].open();
    gates[2].open();
    gates[3].open();
    expect(await Promise.all(runs)).toEqual([0, 1, 2, 3]);
    expect(queue.length).toBe(0);
  });

  it('lets an upload whose client went away leave the line, and frees the turn of one that failed', async () => {
    const queue = new UploadQueue(1);
    const first = gate();
    const running = queue.run(async () => {
      await first.done;
      throw new Error('lest feil');
    });
    const controller = new AbortController();
    const leaving = queue.run(async () => 'never', undefined, controller.signal);
    const positions: number[] = [];
    const staying = queue.run(
      async () => 'ran',
      (p) => positions.push(p),
    );
    controller.abort(new Error('borte'));
    await expect(leaving).rejects.toThrow('borte');
    expect(positions).toEqual([2, 1]);
    first.open();
    await expect(running).rejects.toThrow('lest feil');
    expect(await staying).toBe('ran');
  });
});
