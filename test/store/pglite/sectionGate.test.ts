/**
 * The gate in front of PGlite's one connection (src/store/pglite/sectionGate.ts): searches (readers) run side by
 * side; a transaction (writer) starts only when no search runs; whoever arrives first goes first, so a search
 * waits for at most the transaction ahead of it and no transaction waits for ever.
 */
import { describe, expect, it } from 'vitest';
import { SectionGate } from '../../../src/store/pglite/sectionGate.js';

/** A job the test finishes by hand, recording when it started and ended. */
function job(name: string, events: string[]) {
  let finish!: () => void;
  const done = new Promise<void>((r) => (finish = r));
  return {
    run: async () => {
      events.push(`${name} start`);
      await done;
      events.push(`${name} end`);
    },
    finish,
  };
}
const settle = () => new Promise((r) => setImmediate(r));

describe('SectionGate', () => {
  it('runs searches side by side, and a transaction that arrives meanwhile only after all of them', async () => {
    const gate = new SectionGate();
    const events: string[] = [];
    const [a, b, w] = [job('search a', events), job('search b', events), job('save', events)];
    const running = [gate.read(a.run), gate.read(b.run), gate.write(w.run)];
    await settle();
    expect(events).toEqual(['search a start', 'search b start']);
    a.finish();
    await settle();
    expect(events).not.toContain('save start');
    b.finish();
    await settle();
    expect(events.at(-1)).toBe('save start');
    w.finish();
    await Promise.all(running);
  });

  it('lets a search that arrives behind a waiting transaction start only after it: first come, first served', async () => {
    const gate = new SectionGate();
    const events: string[] = [];
    const [a, w, c] = [job('search a', events), job('save', events), job('search c', events)];
    const running = [gate.read(a.run), gate.write(w.run), gate.read(c.run)];
    await settle();
    expect(gate.waiting).toBe(2);
    a.finish();
    await settle();
    expect(events).toEqual(['search a start', 'search a end', 'save start']);
    w.finish();
    await settle();
    expect(events.slice(-2)).toEqual(['save end', 'search c start']);
    c.finish();
    await Promise.all(running);
  });

  it('runs transactions one at a time, and lets the next in when one fails', async () => {
    const gate = new SectionGate();
    const failed = gate.write(async () => {
      throw new Error('rolled back');
    });
    const after = gate.write(async () => 'next');
    await expect(failed).rejects.toThrow('rolled back');
    await expect(after).resolves.toBe('next');
    expect(gate.waiting).toBe(0);
  });
});
