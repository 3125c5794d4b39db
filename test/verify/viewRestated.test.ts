/**
 * A view restated with a modal (issue 15, soft alarms; NOTE in src/verify/support/lexical.ts): «X mener … er
 * utgangspunktet» said as «X mener … skal være utgangspunktet» adds no obligation; the same «skal» against a plain
 * statement does.
 */
import { describe, expect, it } from 'vitest';
import type { PassageWithDocument } from '../../src/domain/types.js';
import { memoryPassageSource, verifyDraft } from '../../src/verify/index.js';
import { draftOf, seedPassage } from './seedSource.js';

async function verdictOf(text: string, sentence: string) {
  const seed = await seedPassage('ntl-prinsipprogram-2019-p000');
  const p: PassageWithDocument = { ...seed, id: 'x-p001', text };
  const r = await verifyDraft(draftOf(sentence, p.id, text), { source: memoryPassageSource([p]) });
  return r.sentences[0];
}

describe('a view restated with «skal» or «må»', () => {
  it('is ✓ when both the cited text and the sentence give it as a view («mener»)', async () => {
    const s = await verdictOf(
      'Oslo Arbeiderparti mener at innbyggernes behov er utgangspunktet for alle nye digitale tjenester.',
      'Oslo Arbeiderparti mener innbyggernes behov skal være utgangspunktet for alle nye digitale tjenester.',
    );
    expect(s.verdict).toBe('supported');
  });

  it('still needs review when the cited text states a fact, not a view', async () => {
    const s = await verdictOf(
      'Innbyggernes behov er utgangspunktet for alle nye digitale tjenester.',
      'Vi mener innbyggernes behov skal være utgangspunktet for alle nye digitale tjenester.',
    );
    expect(s.verdict).toBe('partly_supported');
    expect(s.reasons).toContain(
      'Setningen sier «skal», men kilden sier ingenting om forpliktelse; det er setningens egen påstand.',
    );
  });
});
