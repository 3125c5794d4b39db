import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { IngestedDocument, PassageDraft } from '../../src/domain/types.js';
import { ingestBytes, ingestText } from '../../src/ingest/index.js';
import { isListItem } from '../../src/ingest/lines.js';
import { MAX_PASSAGE_CHARS, cutPassages } from '../../src/ingest/passages.js';
import { isHeadingLine, isQuestion } from '../../src/ingest/units.js';
import { FIXTURES, loadSeed, loadSeeds, META, SEED_IDS } from './seeds.js';

const SENTENCE_END = /[.!?…]["»”’)]*$/u;
const lastLine = (p: PassageDraft) => p.text.split('\n').at(-1) ?? '';

/** The text just before a passage ends a paragraph or a sentence; the text just after starts one. */
function cutsCleanly(doc: IngestedDocument, p: PassageDraft): boolean {
  const before = doc.text.slice(0, p.start);
  const after = doc.text.slice(p.end);
  const startOk = before === '' || before.endsWith('\n') || /[.!?…]["»”’)]*\s$/u.test(before);
  const endOk = after === '' || after.startsWith('\n') || (SENTENCE_END.test(p.text) && /^\s+\S/u.test(after));
  return startOk && endOk;
}

describe('passages of every seed', () => {
  it('round-trip their offsets, are numbered 0..n-1 and do not overlap', async () => {
    for (const { doc } of await loadSeeds()) {
      expect(doc.passages.length).toBeGreaterThan(0);
      doc.passages.forEach((p, i) => {
        expect(doc.text.slice(p.start, p.end)).toBe(p.text);
        expect(p.ordinal).toBe(i);
        expect(p.text).toBe(p.text.trim());
        if (i > 0) expect(p.start).toBeGreaterThan(doc.passages[i - 1].end);
      });
    }
  });

  it('never start or end mid-sentence', async () => {
    for (const { doc } of await loadSeeds()) {
      for (const p of doc.passages)
        expect(cutsCleanly(doc, p), `${doc.meta.id} p${p.ordinal}: ${p.text.slice(0, 60)}`).toBe(true);
    }
  });

  it('stay within the size limit and are never a lone heading', async () => {
    for (const { doc } of await loadSeeds()) {
      for (const p of doc.passages) {
        expect(p.text.length).toBeLessThanOrEqual(MAX_PASSAGE_CHARS);
        expect(isHeadingLine(p.text) || isQuestion(p.text)).toBe(false);
      }
    }
  });

  it('hash the stored text and are deterministic', async () => {
    const first = await loadSeeds();
    const second = await loadSeeds();
    expect(second.map((s) => s.doc)).toEqual(first.map((s) => s.doc));
    for (const { doc, raw, meta } of first) {
      expect(doc.contentHash).toBe(createHash('sha256').update(doc.text).digest('hex'));
      expect(ingestText(raw, meta)).toEqual(doc);
    }
  });
});

describe('seed 002, the PDF export that answers the ministry questions', () => {
  it('has passages that start with a capital and end a sentence (or are list items)', async () => {
    const { doc } = await loadSeed(SEED_IDS.fagforbundetInput);
    for (const p of doc.passages) {
      expect(p.text).toMatch(/^[\p{Lu}«“"]/u);
      if (!isListItem(lastLine(p))) expect(p.text).toMatch(SENTENCE_END);
    }
  });

  it('carries each ministry question as headingPath context, not as passage text', async () => {
    const { doc } = await loadSeed(SEED_IDS.fagforbundetInput);
    const question =
      'Er det drivkrefter og utviklingstrekk som vil påvirke samfunnet generelt, og som strategien bør ta høyde for?';
    const underIt = doc.passages.find((p) => p.text.startsWith('I en tid med økende geopolitisk spenning'));
    expect(underIt?.headingPath).toContain(question);
    expect(doc.passages.some((p) => p.text.includes(question))).toBe(false);
    const questions = new Set(doc.passages.flatMap((p) => p.headingPath).filter((h) => h.endsWith('?')));
    expect(questions.size).toBe(3);
  });

  it('splits the long paragraph that ran over a page break at a sentence', async () => {
    const { doc } = await loadSeed(SEED_IDS.fagforbundetInput);
    const i = doc.passages.findIndex((p) => p.text.startsWith('En av de største utfordringene'));
    expect(doc.passages[i].text.endsWith('gir best resultater.')).toBe(true);
    expect(doc.passages[i + 1].text.startsWith('Regjeringen har som uttalt mål i Hurdalsplattformen')).toBe(true);
  });
});

describe('passage grouping', () => {
  it('keeps a lead-in with the list it introduces', async () => {
    const { doc } = await loadSeed(SEED_IDS.osloAp);
    const leadIn = doc.passages.find((p) => p.text.startsWith('Oslo Arbeiderparti mener\n'));
    expect(leadIn?.text).toContain('• storbyene, særlig Oslo');
    expect(leadIn?.headingPath).toEqual(['Testlab Oslo']);
  });

  it('merges short paragraphs under one heading but not across headings', () => {
    const text = 'Mål\n\nKort første avsnitt.\n\nKort andre avsnitt.\n\nVeien videre\n\nKort tredje avsnitt.';
    const passages = cutPassages(text);
    expect(passages.map((p) => p.text)).toEqual([
      'Kort første avsnitt.\n\nKort andre avsnitt.',
      'Kort tredje avsnitt.',
    ]);
    expect(passages.map((p) => p.headingPath)).toEqual([['Mål'], ['Veien videre']]);
  });

  it('splits an overlong paragraph between sentences, not after abbreviations', () => {
    const sentence = (i: number) =>
      `Kommune nr. ${i} må f.eks. sikre opplæring av de ansatte i nye digitale verktøy før de tas i bruk. `;
    const paragraph = Array.from({ length: 30 }, (_, i) => sentence(i + 1))
      .join('')
      .trim();
    const passages = cutPassages(paragraph);
    expect(passages.length).toBeGreaterThan(2);
    for (const p of passages) {
      expect(p.text).toMatch(/^Kommune nr\. \d+ må f\.eks\. sikre/);
      expect(p.text).toMatch(/i bruk\.$/);
      expect(p.text.length).toBeLessThanOrEqual(MAX_PASSAGE_CHARS);
    }
    expect(passages.map((p) => p.text).join(' ')).toBe(paragraph);
  });

  it('keeps a single sentence longer than the limit whole', () => {
    const long = `Vi mener ${'at kommunene må få bedre rammer, '.repeat(40)}og at staten må ta ansvar.`;
    const passages = cutPassages(long);
    expect(passages).toHaveLength(1);
    expect(passages[0].text).toBe(long);
  });
});

describe('Markdown', () => {
  it('turns # headings into headingPath, nested by level, and never into passages', async () => {
    const bytes = new Uint8Array(await readFile(join(FIXTURES, 'notat.md')));
    const doc = await ingestBytes(bytes, 'notat.md', META);
    expect(doc.format).toBe('markdown');
    expect(doc.text.startsWith('# Digitalisering i kommunene')).toBe(true); // front matter dropped
    expect(doc.passages.map((p) => p.headingPath)).toEqual([
      ['Digitalisering i kommunene'],
      ['Digitalisering i kommunene', 'Kompetanse'],
      ['Digitalisering i kommunene', 'Kompetanse', 'Hva mener forbundet om kunstig intelligens?'],
      ['Digitalisering i kommunene', 'Personvern'],
      ['Vedlegg'],
    ]);
    for (const p of doc.passages) {
      expect(p.text).not.toMatch(/^#/m);
      expect(doc.text.slice(p.start, p.end)).toBe(p.text);
    }
    expect(doc.passages[0].text).toContain('offentlige.\nDenne linjen hører til samme avsnitt');
    expect(doc.passages[1].text).toContain('- Tillitsvalgte skal være med');
  });

  it('reads setext headings too', () => {
    const passages = cutPassages('Mål\n===\n\nKommunene må få mer ansvar.', 'markdown');
    expect(passages).toHaveLength(1);
    expect(passages[0].headingPath).toEqual(['Mål']);
  });
});
