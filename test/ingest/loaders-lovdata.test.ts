import { readdirSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { IngestedDocument } from '../../src/domain/types.js';
import { resolveInputs } from '../../src/corpus/inputs.js';
import { ingestBytes } from '../../src/ingest/index.js';
import { MAX_PASSAGE_CHARS } from '../../src/ingest/passages.js';
import { LOVDATA, TEST_META, expectWellFormed } from '../helpers/documents.js';

const FILES = readdirSync(LOVDATA)
  .filter((f) => f.endsWith('.xml'))
  .sort();
let statutes: Map<string, IngestedDocument>;

beforeAll(async () => {
  // As `npm run ingest -- evals/data/lovdata` reads them: no metadata.yaml, fields guessed from the file name.
  const inputs = await resolveInputs([LOVDATA]);
  statutes = new Map();
  for (const input of inputs) {
    const bytes = new Uint8Array(readFileSync(input.path));
    statutes.set(
      input.path.split('/').at(-1)!,
      await ingestBytes(bytes, input.path, input.meta, undefined, { guessed: input.guessed }),
    );
  }
});

describe('the 25 Lovdata statutes', () => {
  it('all ingest, with well-formed passages', () => {
    expect(FILES).toHaveLength(25);
    expect([...statutes.keys()].sort()).toEqual(FILES);
    for (const doc of statutes.values()) expectWellFormed(doc);
    const total = [...statutes.values()].reduce((n, d) => n + d.passages.length, 0);
    // One per § (1,076 articles, repealed ones empty), more where a long § is split at sentences.
    expect(total).toBeGreaterThan(1000);
    expect(total).toBeLessThan(2500);
  });

  it('take title, ministry, kind and date from the header instead of the guessed defaults', () => {
    const husleie = statutes.get('nl-19990326-017.xml')!;
    expect(husleie.meta).toMatchObject({
      id: 'nl-19990326-017',
      title: 'Lov om husleieavtaler (husleieloven)',
      organisation: 'Kommunal- og distriktsdepartementet',
      kind: 'statute',
      date: '1999-03-26',
      source: 'https://lovdata.no/dokument/NL/lov/1999-03-26-17',
      language: 'nb',
    });
    expect(husleie.format).toBe('lovdata');
    expect(statutes.get('nl-19610505-000.xml')!.meta.language).toBe('nn'); // grannegjerdelova
    for (const doc of statutes.values()) {
      expect(doc.meta.kind).toBe('statute');
      expect(doc.meta.organisation).not.toBe('Ukjent');
    }
  });

  it('give one passage per § anchored at its id, with chapter and § title as heading path', () => {
    const husleie = statutes.get('nl-19990326-017.xml')!;
    const depositum = husleie.passages.filter((p) => p.anchor === 'kapittel-3-paragraf-5');
    expect(depositum.length).toBeGreaterThanOrEqual(1);
    expect(depositum[0].headingPath).toEqual(['Kapittel 3. Leie og andre ytelser', '§ 3-5. Depositum']);
    expect(depositum[0].text).toMatch(/^Det kan avtales at leieren til sikkerhet for skyldig leie/);
    // Every § of the statute that has text has a passage; no passage is outside a §.
    const anchors = new Set(husleie.passages.map((p) => p.anchor));
    expect(anchors.has('kapittel-1-paragraf-1')).toBe(true);
    expect(husleie.passages.every((p) => p.anchor?.startsWith('kapittel-'))).toBe(true);
    // Editorial notes are not the law's words.
    expect(husleie.text).not.toMatch(/Endret ved lov/);
  });

  it('anchor each § at the § its data-name names, also after § 9-3 a in husleieloven where the ids shift', () => {
    const husleie = statutes.get('nl-19990326-017.xml')!;
    const chapter9 = new Map<string, string>();
    for (const p of husleie.passages)
      if (p.anchor?.startsWith('kapittel-9-')) chapter9.set(p.anchor, p.headingPath.at(-1) ?? '');
    // Lovdata's element id kapittel-9-paragraf-6 is § 9-5; the anchor must say 9-5 and the heading must agree.
    expect(chapter9.get('kapittel-9-paragraf-3a')).toMatch(/^§ 9-3 ?a\./);
    expect(chapter9.get('kapittel-9-paragraf-5')).toMatch(/^§ 9-5\./);
    for (const [anchor, heading] of chapter9) {
      const n = /paragraf-(\d+[a-z]?)$/.exec(anchor)![1];
      expect(heading.replace(/\s+/g, ''), anchor).toMatch(new RegExp(`^§9-${n}\\.`));
    }
    expect(chapter9.size).toBeGreaterThanOrEqual(10);
    // A statute numbered without chapters (§ 19 in its chapter 9) is anchored at its § alone.
    const unchaptered = statutes.get('nl-19610616-015.xml')!.passages;
    expect(unchaptered.some((p) => p.anchor === 'paragraf-1')).toBe(true);
    expect(unchaptered.every((p) => /^paragraf-\d+[a-z]?$/.test(p.anchor ?? ''))).toBe(true);
  });

  it('split only a long § at paragraphs or sentences, every piece keeping the anchor and heading path', () => {
    let split = 0;
    for (const doc of statutes.values()) {
      const pieces = new Map<string, typeof doc.passages>();
      for (const p of doc.passages) pieces.set(String(p.anchor), [...(pieces.get(String(p.anchor)) ?? []), p]);
      for (const group of pieces.values()) {
        if (group.length === 1) continue;
        split++;
        expect(new Set(group.map((p) => p.headingPath.join(' / '))).size).toBe(1);
        for (const p of group.slice(1)) {
          const before = doc.text.slice(0, p.start);
          expect(before.endsWith('\n') || /[.!?:;]["»”’)]*\s$/u.test(before), p.text.slice(0, 40)).toBe(true);
          expect(p.ordinal).toBe(group[0].ordinal + group.indexOf(p));
        }
        expect(group.reduce((n, p) => n + p.text.length, 0)).toBeGreaterThan(MAX_PASSAGE_CHARS);
      }
    }
    expect(split).toBeGreaterThan(50); // the long §§ of burettslagslova, matrikkellova and others
  });

  it('statutes without §§ (amendment laws) still give passages, anchored at their sections', () => {
    const amendment = statutes.get('nl-20150619-063.xml')!;
    expect(amendment.passages.length).toBeGreaterThan(0);
    expect(amendment.passages[0].anchor).toBe('kapittel-1');
    expect(amendment.text).toContain('Loven gjelder fra 1. juli 2015.');
  });

  it('a statute uploaded as .html is read the same way', async () => {
    const bytes = new Uint8Array(readFileSync(LOVDATA + 'nl-19990326-017.xml'));
    const doc = await ingestBytes(bytes, 'husleieloven.html', TEST_META, 'text/html');
    expect(doc.format).toBe('lovdata');
    expect(doc.passages.some((p) => p.anchor === 'kapittel-3-paragraf-5')).toBe(true);
  });
});
