/** Issue 15: "supported" means near-extractive and shift-free; reasons name the word or clause. */
import { describe, expect, it } from 'vitest';
import { verifyDraft } from '../../src/verify/index.js';
import { matchElided, quotePieces } from '../../src/verify/elision.js';
import { sameOrganisation } from '../../src/verify/holder.js';
import { draftOf, seedSource } from './seedSource.js';

const FAGF_P001 = 'fagforbundet-uttalelse-2024-p001';

async function sentence(text: string, passageId: string, quote: string, organisation?: string) {
  const report = await verifyDraft(
    draftOf(text, passageId, quote),
    { source: await seedSource() },
    organisation ? { organisation } : {},
  );
  return report.sentences[0];
}

describe('a stricter "supported"', () => {
  it('never calls a stance reversal without a negation word supported, and names the words', async () => {
    const src = await seedSource();
    const p = (await src.getPassages([FAGF_P001])).get(FAGF_P001)!;
    const quote = p.text.match(/Vi støtter[^.]*\./)?.[0];
    expect(quote, 'the seed passage has «Vi støtter …»').toBeDefined();
    const s = await sentence(quote!.replace('Vi støtter', 'Vi er skeptiske til'), FAGF_P001, quote!, 'Fagforbundet');
    expect(s.verdict).not.toBe('supported');
    expect(s.reasons.join(' ')).toMatch(/standpunkt: den sier «skeptiske», men kilden sier «støtter»/);
  });

  it('flags an appended clause by name', async () => {
    const src = await seedSource();
    const p = (await src.getPassages([FAGF_P001])).get(FAGF_P001)!;
    const quote = p.text.match(/Vi støtter[^.]*\./)![0];
    const s = await sentence(
      `${quote.slice(0, -1)}, og staten bør derfor fullfinansiere nye datasentre i alle fylker.`,
      FAGF_P001,
      quote,
      'Fagforbundet',
    );
    expect(s.verdict).toBe('partly_supported');
    expect(s.reasons.join(' ')).toMatch(/Leddet «.*fullfinansiere.*» står ikke i kilden|årsak eller følge/);
  });

  it('accepts an elided quote piece by piece in order, and flags a skipped negation', () => {
    expect(quotePieces('Vi støtter […] satsinga')).toEqual(['Vi støtter', 'satsinga']);
    const text = 'Vi støtter fullt ut satsinga. Vi vil ikke kutte i tilbudet til de eldre.';
    expect(matchElided('Vi støtter … satsinga', text)).toMatchObject({ tier: 'exact', start: 0, end: 28 });
    expect(matchElided('satsinga … Vi støtter', text)).toBeNull();
    expect(matchElided('Vi vil … kutte i tilbudet', text)?.gaps).toEqual([' ikke ']);
  });

  it('holds «vi» and short forms to the organisation: Oslo Ap, Arbeidarpartiet, NTL; refuses others', () => {
    expect(sameOrganisation('Oslo Ap', 'Oslo Arbeiderparti')).toBe(true);
    expect(sameOrganisation('Arbeidarpartiet', 'Oslo Arbeiderparti')).toBe(true);
    expect(sameOrganisation('NTL', 'Norsk Tjenestemannslag (NTL)')).toBe(true);
    expect(sameOrganisation('Fagforbundet', 'Oslo Arbeiderparti')).toBe(false);
    expect(sameOrganisation('Høyre', 'Oslo Arbeiderparti')).toBe(false);
  });

  it('treats «Vi viser til at …» as a claim, «Vi ser fram til …» as courtesy', async () => {
    const draft = {
      sections: [
        {
          sentences: [
            { text: 'Vi viser til at regjeringen har kuttet i tilskuddene.', citations: [] },
            { text: 'Vi ser fram til å følge det videre arbeidet med strategien.', citations: [] },
          ],
        },
      ],
    };
    const r = await verifyDraft(draft, { source: await seedSource() });
    expect(r.sentences.map((s) => s.claim)).toEqual([true, false]);
  });
});
