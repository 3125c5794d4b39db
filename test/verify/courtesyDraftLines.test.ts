/**
 * The drafter's own frame lines are not claims to the verifier: «Vi har ingen konkrete forslag her.» (what the
 * offline drafter writes where the organisation's documents propose nothing on an item) was read as an uncited claim,
 * so every such draft was ✗ and its export needed allowUnverified. A claim of the same words about someone else, or
 * with a topic, still needs its source.
 */
import { describe, expect, it } from 'vitest';
import { NO_PROPOSALS } from '../../src/draft/itemProposals.js';
import { isClaim } from '../../src/verify/claim.js';
import { verifyDraft, memoryPassageSource } from '../../src/verify/index.js';

describe('the drafter’s «no proposals» line', () => {
  it('is no claim, in Bokmål and Nynorsk', () => {
    expect(isClaim(NO_PROPOSALS.nb)).toBe(false);
    expect(isClaim(NO_PROPOSALS.nn)).toBe(false);
    expect(isClaim('Vi har ingen innspill til dette.')).toBe(false);
  });
  it('leaves a sentence about what someone else proposes, or one with a topic, a claim', () => {
    expect(isClaim('Regjeringen har ingen forslag om å styrke kommunenes økonomi.')).toBe(true);
    expect(isClaim('Vi har ingen forslag om å kutte i bemanningen.')).toBe(true);
  });
  it('leaves a draft holding only it verified, not ✗', async () => {
    const draft = { sections: [{ sentences: [{ text: NO_PROPOSALS.nn, citations: [] }] }] };
    const report = await verifyDraft(draft, { source: memoryPassageSource([]) });
    expect(report.sentences[0].claim).toBe(false);
    expect(report.ok).toBe(true);
  });
});
