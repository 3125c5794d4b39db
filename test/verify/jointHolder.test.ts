/**
 * A view given to several organisations at once («Både NTL og KS mener …», «Begge organisasjonene …») with a citation
 * from each is held by each only where each one's own quote covers it (issue 15; the kind came from the sixth blind
 * set's category list, joint_attribution, not from its cases). Sentences written for the test.
 */
import { describe, expect, it } from 'vitest';
import type { PassageWithDocument } from '../../src/domain/types.js';
import { memoryPassageSource, verifyDraft } from '../../src/verify/index.js';
import { seedPassage } from './seedSource.js';

const CLAIM = 'statlige virksomheter selv må eie og drifte sine fagsystemer';

async function verifyJoint(sentence: string, ksText: string) {
  const seed = await seedPassage('ntl-prinsipprogram-2019-p000');
  const ntl: PassageWithDocument = { ...seed, id: 'a-p001', text: `NTL mener at ${CLAIM}.` };
  const ks: PassageWithDocument = {
    ...seed,
    id: 'b-p001',
    text: ksText,
    document: { ...seed.document, id: 'ks-test', organisation: 'KS' },
  };
  const draft = {
    sections: [
      {
        sentences: [
          {
            text: sentence,
            citations: [
              { passageId: ntl.id, quote: ntl.text },
              { passageId: ks.id, quote: ks.text },
            ],
          },
        ],
      },
    ],
  };
  return (await verifyDraft(draft, { source: memoryPassageSource([ntl, ks]) })).sentences[0];
}

describe('a view held jointly', () => {
  const other = 'KS mener at kommunene trenger bedre finansiering av felles digitale løsninger.';

  it('names the organisation whose own quote does not say it («Både NTL og KS mener …»)', async () => {
    const r = await verifyJoint(`Både NTL og KS mener at ${CLAIM}.`, other);
    expect(r.verdict).toBe('partly_supported');
    expect(r.reasons.join(' ')).toMatch(/sitatet fra «KS» sier ikke dette alene/);
  });

  it('reads «begge organisasjonene» as both cited organisations', async () => {
    expect((await verifyJoint(`Begge organisasjonene mener at ${CLAIM}.`, other)).verdict).toBe('partly_supported');
  });

  it('control: each quote saying it is ✓', async () => {
    expect((await verifyJoint(`Både NTL og KS mener at ${CLAIM}.`, `KS mener at ${CLAIM}.`)).verdict).toBe('supported');
  });
});
