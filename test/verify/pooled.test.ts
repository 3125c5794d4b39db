/**
 * A phrase made of words from two cited sentences (src/verify/support/pooled.ts): every word is in the cited text,
 * but no one cited sentence holds the phrase. ≈ with the phrase named; coordinated parts («skriftlig og begrunnet»)
 * may each come from their own sentence; one cited sentence is never pooled.
 */
import { describe, expect, it } from 'vitest';
import { pooledPhrase } from '../../src/verify/support/pooled.js';
import { verifyAgainst } from './seedSource.js';

const OFFICE = 'Kommunen bør opprette et eget innkjøpskontor.';
const FUNDS = 'Staten må bevilge penger for å styrke beredskapen i distriktene.';

describe('pooledPhrase', () => {
  it('names a clause whose subject comes from one cited sentence and its predicate from another', () => {
    const sentence = 'Et eget innkjøpskontor må styrke beredskapen i distriktene.';
    expect(pooledPhrase(sentence, [OFFICE, FUNDS], [])).toBe(sentence);
  });
  it('leaves coordinated points, each held by its own sentence', () => {
    const cited = ['Oppsigelsen skal være skriftlig.', 'Oppsigelsen skal begrunnes av utleieren.'];
    expect(pooledPhrase('Oppsigelsen skal være skriftlig og begrunnes av utleieren.', cited, [])).toBe(null);
    expect(
      pooledPhrase('Kommunen bør opprette et eget innkjøpskontor, og staten må bevilge penger.', [OFFICE, FUNDS], []),
    ).toBe(null);
  });
  it('leaves a clause one cited sentence holds, and a sentence with one cited sentence', () => {
    expect(pooledPhrase('Staten må bevilge penger for å styrke beredskapen.', [OFFICE, FUNDS], [])).toBe(null);
    expect(pooledPhrase('Et eget innkjøpskontor må styrke beredskapen i distriktene.', [FUNDS], [])).toBe(null);
  });
});

describe('the verdict', () => {
  const text = `${OFFICE} ${FUNDS}`;
  const quote = `${OFFICE.slice(0, -1)} … ${FUNDS.slice(0, -1)}`;
  it('is ≈ on a phrase pieced together across an elided quote, naming it', async () => {
    const s = await verifyAgainst(text, 'Et eget innkjøpskontor må styrke beredskapen i distriktene.', quote);
    expect(s.verdict).toBe('partly_supported');
    expect(s.reasons.join(' ')).toContain('setter sammen ord fra ulike setninger i kilden');
  });
  it('is ✓ on the two points restated side by side', async () => {
    const s = await verifyAgainst(
      text,
      'Kommunen bør opprette et eget innkjøpskontor, og staten må bevilge penger for å styrke beredskapen i distriktene.',
      quote,
    );
    expect(s.reasons).toEqual([]);
    expect(s.verdict).toBe('supported');
  });
});
