/**
 * The husleieloven retrieval set (evals/data/husleie): the passages file is exactly what build.ts makes from the
 * statute in the project, § numbers come from `data-name` (not Lovdata's shifting ids), and every question names
 * a passage that exists.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildPassages, toJsonl } from '../../evals/data/husleie/build.js';
import {
  checkHusleieSet,
  PASSAGES_FILE,
  QUESTIONS_FILE,
  readJsonl,
  type HusleieQuestion,
} from '../../evals/data/husleie/check.js';

const XML = fileURLToPath(new URL('../../evals/data/lovdata/nl-19990326-017.xml', import.meta.url));
const built = buildPassages(readFileSync(XML, 'utf8'));
const questions = readJsonl<HusleieQuestion>(QUESTIONS_FILE);

describe('evals/data/husleie', () => {
  it('passages.jsonl is what build.ts makes from the statute, one passage per §', () => {
    expect(readFileSync(PASSAGES_FILE, 'utf8')).toBe(toJsonl(built));
    expect(built).toHaveLength(93);
  });

  it('names each § by data-name, so § 9-3 a and the §§ after it keep their own numbers', () => {
    const byId = new Map(built.map((p) => [p.id, p]));
    expect(byId.get('hl-9-3a')?.title).toBe('§ 9-3 a. Midlertidig unntak ved utleie av fritidsbolig som bolig');
    expect(byId.get('hl-9-6')?.text).toContain('Oppsigelsesfristen skal være tre måneder');
    expect(byId.get('hl-3-5')?.text).toContain('oppad begrenset til summen av seks måneders leie');
    // Lettered items are kept, amendment notes are not.
    expect(byId.get('hl-9-5')?.text).toMatch(/\nb\) riving eller ombygging/);
    expect(built.some((p) => /Tilføyd ved lov|Endret ved lov/.test(p.text))).toBe(false);
  });

  it('has at least 40 valid questions, each naming an existing passage', () => {
    expect(questions.length).toBeGreaterThanOrEqual(40);
    expect(checkHusleieSet(built, questions)).toEqual([]);
  });

  it('reports an unknown passage_id and a duplicate question id', () => {
    const q = { id: 'hlq-900', question: 'Hvor stort depositum kan utleier kreve?', passage_id: 'hl-3-5' };
    expect(checkHusleieSet(built, [{ ...q, passage_id: 'hl-9-12' }])).toEqual([
      'hlq-900: unknown passage_id «hl-9-12»',
    ]);
    expect(checkHusleieSet(built, [q, q])).toEqual(['hlq-900: duplicate question id']);
  });
});
