import { describe, expect, it } from 'vitest';
import { questionTerms } from '../../src/draft/questionTerms.js';

const wordsOf = (q: string, names: string[] = []) => questionTerms(q, names).map((t) => t.word);

describe('the words of a consultation question that name its topic', () => {
  it('drops a ministry’s request frame, in Bokmål and Nynorsk', () => {
    expect(
      wordsOf('Departementet ber om høringsinstansenes syn på hvilke hindringer som finnes for datautveksling.'),
    ).toEqual(['hindringer', 'finnes', 'datautveksling']);
    expect(wordsOf('Departementet ønskjer innspel på korleis omstillinga bør handterast.')).toEqual([
      'omstillinga',
      'handterast',
    ]);
  });

  it('drops the organisation’s name, also in Nynorsk or misspelt', () => {
    expect(wordsOf('Kva meiner Oslo Arbeidarparti om ei kompetansereform?', ['Oslo Arbeiderparti'])).toEqual([
      'kompetansereform',
    ]);
    expect(wordsOf('Hva mener Fagforbundets ledelse om KI?', ['Fagforbundet'])).toEqual(['ledelse', 'ki']);
  });

  it('gives each word the forms a text may use: the other written standard, synonyms, spellings', () => {
    const [tilsette] = questionTerms('tilsette');
    expect(tilsette.forms).toContain('ansatte');
    const [kunnskap] = questionTerms('kunnskap');
    expect(kunnskap.forms).toContain('kompetanse');
    const [overvaking] = questionTerms('overvåking');
    expect(overvaking.forms).toContain('overvåkning');
  });

  it('bridges an inflected Nynorsk noun through its listed base form («vidareutdanninga»)', () => {
    const [vidare] = questionTerms('Kva bør gjerast med vidareutdanninga?');
    expect(vidare.word).toBe('vidareutdanninga');
    expect(vidare.forms).toContain('videreutdanning');
  });
});
