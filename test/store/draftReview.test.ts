/** The home list's three-valued badge (src/store/drafts.ts draftReview), from a version's report summary. */
import { describe, expect, it } from 'vitest';
import { draftReview } from '../../src/store/drafts.js';

const summary = (verdicts: Record<string, number>, extra: Record<string, unknown> = {}) => {
  const sentences = Object.values(verdicts).reduce((a, b) => a + b, 0);
  return { sentences, claims: sentences, verdicts, statuses: { ok: sentences }, ...extra };
};

describe('draftReview', () => {
  it('is ✓ when the report is ok and no cited source changed since', () => {
    expect(draftReview(true, true, summary({ supported: 3 }))).toBe('supported');
    expect(draftReview(true, false, summary({ supported: 3 }))).toBe('unsupported');
  });
  it('is ≈ when every claim is supported or partly supported', () => {
    expect(draftReview(false, true, summary({ supported: 2, partly_supported: 1 }))).toBe('needs_review');
    // A courtesy line (uncited, no claim) changes nothing.
    expect(
      draftReview(false, true, summary({ supported: 2, partly_supported: 1, uncited: 1 }, { sentences: 4, claims: 3 })),
    ).toBe('needs_review');
  });
  it('is ✗ for an unsupported, contradicted or uncited claim, or a quote not found', () => {
    expect(draftReview(false, true, summary({ supported: 2, contradicted: 1 }))).toBe('unsupported');
    expect(draftReview(false, true, summary({ supported: 2, unsupported: 1 }))).toBe('unsupported');
    expect(draftReview(false, true, summary({ supported: 2, uncited: 1 }))).toBe('unsupported');
    expect(
      draftReview(false, true, summary({ supported: 2, partly_supported: 1 }, { statuses: { ok: 2, fabricated: 1 } })),
    ).toBe('unsupported');
  });
});
