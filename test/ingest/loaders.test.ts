import { describe, expect, it } from 'vitest';
import { IngestError, ingestBytes, ingestText, loaderFor } from '../../src/ingest/index.js';
import { LOADERS, findLoader } from '../../src/ingest/loaders/index.js';
import { META } from './seeds.js';

const utf8 = (s: string) => new TextEncoder().encode(s);

/** Run `fn` and return the IngestError it throws (failing the test if it throws anything else). */
async function ingestError(fn: () => unknown): Promise<IngestError> {
  try {
    await fn();
  } catch (err) {
    expect(err).toBeInstanceOf(IngestError);
    return err as IngestError;
  }
  throw new Error('expected an IngestError');
}

describe('loader registry', () => {
  it('picks a loader by extension, case-insensitively, or by media type', () => {
    expect(loaderFor('notat.txt').name).toBe('text');
    expect(loaderFor('NOTAT.MD').name).toBe('markdown');
    expect(loaderFor('upload.bin', 'text/markdown; charset=utf-8').name).toBe('markdown');
    expect(findLoader('scan.odt')).toBeUndefined();
  });

  it('is a plain list every loader of which declares extensions and media types', () => {
    expect(LOADERS.map((l) => l.name)).toEqual(['text', 'markdown', 'pdf', 'docx', 'html', 'lovdata']);
    for (const l of LOADERS) {
      expect(l.extensions.every((e) => e.startsWith('.') && e === e.toLowerCase())).toBe(true);
      expect(l.mediaTypes.length).toBeGreaterThan(0);
    }
  });

  it('rejects an unsupported format with a Norwegian message naming the file', async () => {
    const err = await ingestError(() => ingestBytes(utf8('x'), 'høringssvar.odt', META));
    expect(err.code).toBe('unsupported_format');
    expect(err.details.file).toBe('høringssvar.odt');
    expect(err.message).toContain('«høringssvar.odt»');
    expect(err.message).toContain('.txt');
  });
});

describe('decoding', () => {
  it('rejects invalid UTF-8 (a Latin-1 file) with invalid_utf8', async () => {
    const latin1 = new Uint8Array([0x62, 0x6c, 0xe5, 0x62, 0xe6, 0x72, 0x2e]); // "blåbær." in Latin-1
    const err = await ingestError(() => ingestBytes(latin1, 'gammel.txt', META));
    expect(err.code).toBe('invalid_utf8');
    expect(err.message).toMatch(/ikke gyldig UTF-8/);
  });

  it('rejects a truncated multi-byte sequence', async () => {
    const err = await ingestError(() =>
      ingestBytes(new Uint8Array([...utf8('Kommunene må'), 0xc3]), 'kuttet.md', META),
    );
    expect(err.code).toBe('invalid_utf8');
  });

  it('drops a byte-order mark', async () => {
    const doc = await ingestBytes(
      new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Kommunene må få mer ansvar.')]),
      'bom.txt',
      META,
    );
    expect(doc.text).toBe('Kommunene må få mer ansvar.');
    expect(doc.format).toBe('text');
  });
});

describe('empty documents', () => {
  it.each([
    ['nothing', ''],
    ['whitespace', ' \n\u00A0\n\t\n'],
    ['only boilerplate', 'Foto: NTB\nHei, jeg heter Isa. Hva kan jeg hjelpe med?\nSist oppdatert: 05.12.2024'],
    ['only headings', 'Digitalisering\n\nKompetanse'],
  ])('%s raises empty_document', async (_name, raw) => {
    const fromText = await ingestError(() => ingestText(raw, META));
    expect(fromText.code).toBe('empty_document');
    const fromBytes = await ingestError(() => ingestBytes(utf8(raw), 'tom.txt', META));
    expect(fromBytes.code).toBe('empty_document');
    expect(fromBytes.message).toContain('«tom.txt»');
  });

  it('is an Error with a stable name for logs', async () => {
    const err = await ingestError(() => ingestText('', META));
    expect(err).toBeInstanceOf(Error);
    expect(err.name).toBe('IngestError');
  });
});

describe('Markdown title', () => {
  it('is the first level-1 heading, as a DOCX title is its first «Overskrift 1»', async () => {
    const md =
      '---\ndato: 2024\n---\n\nInnledning uten overskrift.\n\n# NTLs *interne* strategi for digitalisering #\n\n## Del 1\n\nTekst.\n';
    expect((await loaderFor('notat.md').load(utf8(md), 'ntl-intern.md')).meta).toEqual({
      title: 'NTLs interne strategi for digitalisering',
    });
    // No level-1 heading: no title of its own, so the file name stays the fallback.
    expect((await loaderFor('notat.md').load(utf8('## Del 1\n\nTekst.\n'), 'notat.md')).meta).toBeUndefined();
  });
});
