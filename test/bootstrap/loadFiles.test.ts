import { beforeAll, describe, expect, it } from 'vitest';
import { loadFiles } from '../../src/bootstrap/loadFiles.js';
import { IngestError } from '../../src/ingest/index.js';
import { countAll, getDocument, listPassagesOfDocument } from '../../src/store/documents.js';
import { DOCUMENTS, LOVDATA } from '../helpers/documents.js';
import { seededStore } from '../helpers/runtime.js';

type Store = Awaited<ReturnType<typeof seededStore>>;
let rt: Store;

beforeAll(async () => {
  rt = await seededStore();
});

describe('npm run ingest (loadFiles) with PDF, DOCX, HTML and Lovdata files', () => {
  it('reads the three good fixtures by extension, with the CLI defaults', async () => {
    const files = ['two-columns.pdf', 'headings-list-table.docx', 'article-with-chrome.html'].map((f) => DOCUMENTS + f);
    const result = await loadFiles(rt, files, { defaults: { organisation: 'Testforbundet Vest', date: '2024' } });
    expect(result.documents.map((d) => d.outcome)).toEqual(['created', 'created', 'created']);
    const pdf = await getDocument(rt.db, { id: 'two-columns' });
    expect(pdf).toMatchObject({ format: 'pdf', organisation: 'Testforbundet Vest', date: '2024' });
    // Several files named at once: the title is guessed from the file name, so the PDF's own title replaces it.
    expect(pdf?.title).toBe('Høringsinnspill om kommunal digitalisering');
    const passages = await listPassagesOfDocument(rt.db, { documentId: 'two-columns' });
    expect(passages.every((p) => p.page === 1 || p.page === 2)).toBe(true);
  });

  it('reads the Lovdata folder without a metadata.yaml: 25 statutes, § anchors, metadata from their headers', async () => {
    const before = await countAll(rt.db);
    const result = await loadFiles(rt, [LOVDATA]);
    expect(result.documentsRead).toBe(25);
    expect((await countAll(rt.db)).documents).toBe(before.documents + 25);
    const husleie = await getDocument(rt.db, { id: 'nl-19990326-017' });
    expect(husleie).toMatchObject({
      title: 'Lov om husleieavtaler (husleieloven)',
      kind: 'statute',
      organisation: 'Kommunal- og distriktsdepartementet',
      date: '1999-03-26',
    });
    const passages = await listPassagesOfDocument(rt.db, { documentId: 'nl-19990326-017' });
    expect(passages.find((p) => p.anchor === 'kapittel-3-paragraf-5')?.headingPath.at(-1)).toBe('§ 3-5. Depositum');
  });

  it('a bad file among good ones stops the whole ingest and stores nothing', async () => {
    const before = await countAll(rt.db);
    const err = await loadFiles(rt, [DOCUMENTS + 'headings-list-table.docx', DOCUMENTS + 'zip-bomb.docx'], {
      defaults: { organisation: 'X' },
    }).catch((e) => e);
    expect(err).toBeInstanceOf(IngestError);
    expect(err.code).toBe('archive_too_large');
    expect(await countAll(rt.db)).toEqual(before);
  });
});
