/**
 * One path from file to stored document, through the function `npm run ingest` calls (loadFiles → storeFiles):
 * a text is stored once whatever the id or file name, and the type comes from the bytes, as for an upload.
 */
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFiles } from '../../src/bootstrap/loadFiles.js';
import { readCorpusDir } from '../../src/corpus/inputs.js';
import { countAll, getDocument, listPassagesOfDocument } from '../../src/store/documents.js';
import { DOCUMENTS } from '../helpers/documents.js';
import { seededStore } from '../helpers/runtime.js';

let rt: Awaited<ReturnType<typeof seededStore>>;
let dir: string;

beforeAll(async () => {
  rt = await seededStore();
  dir = await mkdtemp(join(tmpdir(), 'innspill-corpus-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('ingesting texts that are already stored', () => {
  it('seeds/ a second time stores nothing and reports all five as duplicates, naming the documents', async () => {
    const before = await countAll(rt.db);
    const seedIds = (await readCorpusDir('seeds')).map((f) => f.meta.id);
    const result = await loadFiles(rt, ['seeds']);
    expect(result.documentsRead).toBe(5);
    expect(result.passagesWritten).toBe(0);
    expect(result.documents.map((d) => d.outcome)).toEqual(Array(5).fill('duplicate'));
    expect(result.documents.map((d) => d.duplicateOf?.id)).toEqual(seedIds);
    expect(await countAll(rt.db)).toEqual(before);
  });

  it('a seed copied under another name (so another id) is skipped as a duplicate of the stored seed', async () => {
    const before = await countAll(rt.db);
    const copy = join(dir, 'ntl-kopi.txt');
    await copyFile('seeds/ntl-prinsipprogram-2019-digitalisering.txt', copy);
    const result = await loadFiles(rt, [copy], { defaults: { organisation: 'NTL', date: '2019' } });
    expect(result.documents).toEqual([
      expect.objectContaining({
        id: 'ntl-kopi',
        outcome: 'duplicate',
        duplicateOf: expect.objectContaining({ id: 'ntl-prinsipprogram-2019' }),
      }),
    ]);
    expect(await getDocument(rt.db, { id: 'ntl-kopi' })).toBeNull();
    expect(await countAll(rt.db)).toEqual(before);
  });

  it('two files with the same new text in one run: the first is stored, the second names it', async () => {
    const text = 'Kommunene må få mer ansvar for digital kompetanse hos de ansatte, og staten må betale for det.';
    await writeFile(join(dir, 'a-original.txt'), text);
    await writeFile(join(dir, 'b-kopi.txt'), text);
    const result = await loadFiles(rt, [join(dir, 'a-original.txt'), join(dir, 'b-kopi.txt')], {
      defaults: { organisation: 'Testforbundet', date: '2024' },
    });
    expect(result.documents.map((d) => [d.id, d.outcome, d.duplicateOf?.id, d.duplicateOf?.inBatch])).toEqual([
      ['a-original', 'created', undefined, undefined],
      ['b-kopi', 'duplicate', 'a-original', true],
    ]);
    expect(await getDocument(rt.db, { id: 'b-kopi' })).toBeNull();
  });
});

describe('the type comes from the bytes', () => {
  it('a PDF named .txt is stored as a PDF, with its pages', async () => {
    const renamed = join(dir, 'innspill.txt');
    await copyFile(DOCUMENTS + 'two-columns.pdf', renamed);
    const result = await loadFiles(rt, [renamed], { defaults: { organisation: 'Testforbundet Vest', date: '2024' } });
    expect(result.documents.map((d) => d.outcome)).toEqual(['created']);
    const doc = await getDocument(rt.db, { id: result.documents[0].id });
    expect(doc).toMatchObject({ format: 'pdf', title: 'Høringsinnspill om kommunal digitalisering' });
    const passages = await listPassagesOfDocument(rt.db, { documentId: result.documents[0].id });
    expect(passages.length).toBeGreaterThan(0);
    expect(passages.every((p) => p.page === 1 || p.page === 2)).toBe(true);
  });
});
