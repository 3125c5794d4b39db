import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { DOCX_LIST, DOCX_TABLE } from '../../scripts/fixtures/docx.js';
import { ingestBytes } from '../../src/ingest/index.js';
import { checkZip, listZip } from '../../src/ingest/loaders/zip.js';
import { TEST_META, expectWellFormed, fixture, ingestError } from '../helpers/documents.js';

const ingestDocx = (name: string, bytes: Uint8Array = fixture(name)) => ingestBytes(bytes, name, TEST_META);

describe('DOCX fixture with headings, a list and a table', () => {
  it('keeps Heading 1 and Heading 2 as the heading path', async () => {
    const doc = await ingestDocx('headings-list-table.docx');
    expectWellFormed(doc);
    expect(doc.format).toBe('docx');
    const first = doc.passages[0];
    expect(first.headingPath).toEqual(['Innledning']);
    expect(first.text).toMatch(/^Testforbundet Vest takker for muligheten/);
    const nested = doc.passages.find((p) => p.text.startsWith('Overvåking av ansatte'));
    expect(nested?.headingPath).toEqual([
      'Personvern og informasjonssikkerhet',
      'Våre forslag om personvern og informasjonssikkerhet',
    ]);
    // Headings are context, not passages.
    expect(doc.passages.some((p) => p.text === 'Innledning')).toBe(false);
  });

  it('keeps the list items and their lead-in together, and the table rows as text', async () => {
    const doc = await ingestDocx('headings-list-table.docx');
    const list = doc.passages.find((p) => p.text.includes(DOCX_LIST[0]));
    expect(list?.text).toMatch(/^Vi foreslår at strategien slår fast tre prinsipper:/);
    for (const item of DOCX_LIST) expect(list?.text).toContain(`- ${item}`);
    expect(doc.text).toContain(DOCX_TABLE[1].join(' | '));
    expect(doc.text).toContain(DOCX_TABLE[2].join(' | '));
  });

  it('takes the title from the document when the caller only guessed it', async () => {
    const doc = await ingestBytes(
      fixture('headings-list-table.docx'),
      'x.docx',
      { ...TEST_META, title: 'X' },
      undefined,
      { guessed: ['title'] },
    );
    expect(doc.meta.title).toBe('Høringsinnspill om kommunal digitalisering');
  });
});

describe('refused DOCX files', () => {
  it('a zip bomb is refused from its declared sizes, before anything is inflated', async () => {
    const err = await ingestError(() => ingestDocx('zip-bomb.docx'));
    expect(err.code).toBe('archive_too_large');
    expect(err.message).toMatch(/pakkes ut til for mye data/);
  });

  it('an entry that inflates to more than it declares is refused too', async () => {
    const zip = new JSZip();
    zip.file('word/document.xml', ' '.repeat(5_000_000), { createFolders: false });
    const bytes = Buffer.from(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
    // Lie in both headers: claim 1 kB uncompressed.
    const central = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    bytes.writeUInt32LE(1000, central + 24);
    bytes.writeUInt32LE(1000, 22);
    expect(listZip(bytes)?.[0].uncompressedSize).toBe(1000);
    const err = await ingestError(() => checkZip(bytes, 'lure.docx', 'DOCX'));
    expect(err.code).toBe('archive_too_large');
    expect(err.message).toMatch(/større utpakket enn arkivet oppgir/);
  });

  it('a ZIP without word/document.xml, a truncated file and an empty file are refused', async () => {
    const zip = new JSZip();
    zip.file('hello.txt', 'hei');
    const notWord = await zip.generateAsync({ type: 'uint8array' });
    expect((await ingestError(() => ingestDocx('arkiv.docx', notWord))).code).toBe('corrupt_file');
    const good = fixture('headings-list-table.docx');
    expect((await ingestError(() => ingestDocx('avkortet.docx', good.slice(0, good.length / 2)))).code).toBe(
      'corrupt_file',
    );
    expect((await ingestError(() => ingestDocx('tom.docx', new Uint8Array()))).code).toBe('empty_file');
  });
});
