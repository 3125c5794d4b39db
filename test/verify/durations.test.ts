import { describe, expect, it } from 'vitest';
import { durations } from '../../src/verify/durations.js';

const lengths = (text: string) => durations(text).map((d) => [d.kind, d.value, d.text]);

describe('durations: lengths of time in words and figures', () => {
  it('counts number words from the shared table, articles as one before a unit, and whole-year month counts', () => {
    expect(lengths('tolv måneder')).toEqual([['months', 12, 'tolv måneder']]);
    expect(lengths('ett år')).toEqual([['months', 12, 'ett år']]);
    expect(lengths('ein månad')).toEqual([['months', 1, 'ein månad']]);
    expect(lengths('sytten dager')).toEqual([['days', 17, 'sytten dager']]);
    expect(lengths('førtiåtte måneder')).toEqual([['months', 48, 'førtiåtte måneder']]);
  });

  it('sums a length given in two units and reads fractions of a year', () => {
    expect(lengths('to år og seks måneder').at(-1)).toEqual(['months', 30, 'to år og seks måneder']);
    expect(lengths('et halvt år').map(([, v]) => v)).toContain(6);
  });

  it('takes no amount from words that are no count («halvparten», «dobbelt»)', () => {
    expect(lengths('halvparten år')).toEqual([]);
    expect(lengths('dobbelt uker')).toEqual([]);
  });
});
