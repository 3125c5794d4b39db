/**
 * The part of an imported consultation a passage belongs to (consultationItems.ts `partOf`): what pairs a question
 * with the proposal of the part its best match lies in.
 */
import { describe, expect, it } from 'vitest';
import type { ExtractedProposal } from '../../src/domain/consultation.js';
import { partOf } from '../../src/draft/consultationItems.js';

const proposal = (number: string, chapter: string, passageIds: string[], start: number): ExtractedProposal => ({
  number,
  heading: 'Departementets forslag',
  chapter: { number: chapter, heading: `Kapittel ${chapter}` },
  text: `Departementet foreslår ${number}.`,
  source: { passageId: passageIds[0], page: null, quote: `Departementet foreslår ${number}.`, start, end: start + 20 },
  section: { start, end: start + 100 },
  passageIds,
});

const proposals = [
  proposal('1.3', '1', ['p13'], 1000),
  proposal('2.2', '2', ['p22'], 2000),
  proposal('2.4', '2', ['p24'], 2500),
];
const passage = (id: string, start: number, headingPath: string[]) => ({ id, start, headingPath });

describe('partOf', () => {
  it('a passage of a proposal’s section is that proposal’s', () => {
    expect(partOf(proposals, passage('p22', 2000, ['2.2 Departementets forslag']))).toBe(proposals[1]);
  });

  it('a passage under a numbered heading of a chapter with a proposal is that proposal’s, the next one after it', () => {
    expect(partOf(proposals, passage('b', 500, ['1 Tema', '1.2 Gjeldende rett']))).toBe(proposals[0]);
    expect(partOf(proposals, passage('c', 2300, ['2.3 Andre hensyn']))).toBe(proposals[2]);
    expect(partOf(proposals, passage('d', 2900, ['2.5 Overgangsregler']))).toBe(proposals[2]);
  });

  it('a chapter without a proposal is a part with none; the letter and front matter are no part', () => {
    expect(partOf(proposals, passage('e', 3000, ['3 Økonomiske og administrative konsekvenser']))).toBeNull();
    expect(partOf(proposals, passage('f', 100, ['Høring – endringer i loven']))).toBeUndefined();
    expect(partOf(proposals, passage('g', 100, []))).toBeUndefined();
  });
});
