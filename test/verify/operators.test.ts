/**
 * Operator words a sentence adds (src/verify/operators.ts, lexicons/operators.json): overlap lets a ✓ sentence carry a
 * word or two the cited text lacks, but not one that says how far, how often, in which order or how soon, unless the
 * cited text says that kind of thing too. Sentences of our own, on the road and kindergarten acts' kind of wording.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { unbackedOperator } from '../../src/verify/operators.js';
import { verifyAgainst } from './seedSource.js';

describe('the operators lexicon', () => {
  const data = JSON.parse(readFileSync('src/verify/lexicons/operators.json', 'utf8')) as {
    classes: Record<string, { words: string[]; backedBy: string[] }>;
  };
  it('has every class backed by its own words (a sentence repeating the text’s operator is never flagged)', () => {
    for (const [name, c] of Object.entries(data.classes))
      for (const w of c.words) expect(unbackedOperator([w], `Teksten sier ${w} her.`), `${name}: ${w}`).toBe(null);
  });
  it('flags each class’s words against a text that says nothing of the kind', () => {
    for (const [name, c] of Object.entries(data.classes))
      for (const w of c.words)
        expect(unbackedOperator([w], 'Kommunen vedlikeholder veien og brøyter den.'), `${name}: ${w}`).toBe(w);
  });
});

describe('unbackedOperator', () => {
  it('lets a restated operator pass: «så snart» for «straks», «som regel» for «hovedregelen», «flere» for «økning»', () => {
    expect(unbackedOperator(['snart'], 'Vedtaket skal straks sendes partene.')).toBe(null);
    expect(unbackedOperator(['regel'], 'Hovedregelen er at barnet får plass i nærmiljøet.')).toBe(null);
    expect(unbackedOperator(['flere'], 'Det gir en økning i antall plasser.')).toBe(null);
    expect(unbackedOperator(['mer'], 'En forsiktigere tilnærming er best.')).toBe(null);
  });
  it('ignores content words: they are overlap’s business', () => {
    expect(unbackedOperator(['barnehage', 'kommune'], 'Veien skal brøytes.')).toBe(null);
  });
});

describe('verdicts', () => {
  it('«hele» for a text that limits it to the part in conflict is ≈, with the word in the reason', async () => {
    const text = 'I den grad veien er bygd over grensen, faller den delen av avtalen bort ved utskifting.';
    const added = await verifyAgainst(text, 'Er veien bygd over grensen, faller hele avtalen bort ved utskifting.');
    expect(added.verdict).toBe('partly_supported');
    expect(added.reasons.join(' ')).toContain('«hele»');
  });
  it('«så snart» for a plain «når» is ≈; the same sentence with «når» is ✓', async () => {
    const text = 'Kommunen skal sende vedtaket til foreldrene når søknaden om plass er ferdig behandlet.';
    const soon = await verifyAgainst(
      text,
      'Kommunen skal sende vedtaket til foreldrene så snart søknaden om plass er ferdig behandlet.',
    );
    expect(soon.verdict).toBe('partly_supported');
    expect((await verifyAgainst(text, text)).verdict).toBe('supported');
  });
});
