/**
 * The plain-text report `npm run verify` prints (src/verify/textReport.ts): parts numbered by their headings, the
 * paragraphs of one part under it.
 */
import { describe, expect, it } from 'vitest';
import type { VerificationReport } from '../../src/verify/index.js';
import { formatReport } from '../../src/verify/textReport.js';

const sentence = (section: number, text: string, heading?: string) => ({
  section,
  ...(heading ? { heading } : {}),
  verdict: 'supported' as const,
  text,
  citations: [],
  reasons: [],
});

describe('formatReport', () => {
  it('numbers the parts by their headings; a paragraph without one stays under its part', () => {
    const report = {
      ok: true,
      sentences: [
        sentence(0, 'Første avsnitt.', 'Kompetanse'),
        sentence(1, 'Andre avsnitt.'),
        sentence(2, 'Neste del.', 'Personvern'),
      ],
      summary: { sentences: 3, claims: 3, verdicts: { supported: 3 }, tiers: {}, statuses: {}, citations: 0 },
    } as unknown as VerificationReport;
    const lines = formatReport(report).split('\n');
    expect(lines.filter((l) => l.startsWith('Del '))).toEqual(['Del 1: Kompetanse', 'Del 2: Personvern']);
    expect(lines.indexOf('  ✔ STØTTET: Andre avsnitt.')).toBe(lines.indexOf('Del 1: Kompetanse') + 2);
  });

  it('numbers a draft without headings as one part', () => {
    const report = {
      ok: true,
      sentences: [sentence(0, 'Første.'), sentence(1, 'Andre.')],
      summary: { sentences: 2, claims: 2, verdicts: { supported: 2 }, tiers: {}, statuses: {}, citations: 0 },
    } as unknown as VerificationReport;
    expect(
      formatReport(report)
        .split('\n')
        .filter((l) => l.startsWith('Del ')),
    ).toEqual(['Del 1']);
  });
});
