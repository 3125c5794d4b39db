import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { MEDIA_TYPES, sniffMediaType } from '../../src/ingest/sniff.js';
import { LOVDATA, fixture, ingestError } from '../helpers/documents.js';
import { readFileSync } from 'node:fs';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('content sniffing', () => {
  it('trusts the bytes, not the file name', () => {
    expect(sniffMediaType(fixture('two-columns.pdf'), 'notat.txt')).toBe(MEDIA_TYPES.pdf);
    expect(sniffMediaType(fixture('headings-list-table.docx'), 'bilde.png')).toBe(MEDIA_TYPES.docx);
    expect(sniffMediaType(fixture('article-with-chrome.html'), 'rapport.pdf')).toBe(MEDIA_TYPES.html);
    expect(sniffMediaType(new Uint8Array(readFileSync(LOVDATA + 'nl-19990326-017.xml')), 'lov.xml')).toBe(
      MEDIA_TYPES.html,
    );
    expect(sniffMediaType(utf8('Kommunene må få mer ansvar.'), 'rapport.pdf')).toBe(MEDIA_TYPES.text);
  });

  it('lets the name choose only between text formats the bytes cannot tell apart', () => {
    expect(sniffMediaType(utf8('# Mål\n\nMer tillit.'), 'notat.md')).toBe(MEDIA_TYPES.markdown);
    expect(sniffMediaType(utf8('# Mål\n\nMer tillit.'), 'notat.txt')).toBe(MEDIA_TYPES.text);
  });

  it('finds %PDF after leading junk, and HTML after a comment or XML declaration', () => {
    expect(sniffMediaType(new Uint8Array([0x0a, 0x0a, ...utf8('%PDF-1.7\n')]), 'a')).toBe(MEDIA_TYPES.pdf);
    expect(sniffMediaType(utf8('<!-- lagret --> <html><body><p>Hei</p></body></html>'), 'a')).toBe(MEDIA_TYPES.html);
    expect(sniffMediaType(utf8('<?xml version="1.0"?><html><body>x</body></html>'), 'a')).toBe(MEDIA_TYPES.html);
  });

  it('refuses empty and binary files with IngestErrors', async () => {
    expect((await ingestError(() => sniffMediaType(new Uint8Array(), 'tom.pdf'))).code).toBe('empty_file');
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect((await ingestError(() => sniffMediaType(png, 'skann.pdf'))).code).toBe('unsupported_format');
    // Latin-1 text is text: the text loader then asks for UTF-8 (invalid_utf8) rather than calling it unsupported.
    expect(sniffMediaType(new Uint8Array([0x62, 0x6c, 0xe5, 0x62, 0xe6, 0x72]), 'latin1.txt')).toBe(MEDIA_TYPES.text);
    const zip = new JSZip();
    zip.file('bilde.txt', 'x');
    const notWord = await zip.generateAsync({ type: 'uint8array' });
    expect((await ingestError(() => sniffMediaType(notWord, 'arkiv.docx'))).code).toBe('unsupported_format');
    // A ZIP with word/document.xml sniffs as DOCX even when it is a bomb: the DOCX loader refuses it.
    expect(sniffMediaType(fixture('zip-bomb.docx'), 'x')).toBe(MEDIA_TYPES.docx);
  });
});
