/**
 * What a file really is, from its first bytes rather than its name or the client's Content-Type: an upload
 * called "rapport.pdf" that is an HTML page is read as HTML, and a renamed executable is refused. The name only
 * chooses between formats the bytes cannot tell apart (Markdown or plain text).
 */
import { extname } from 'node:path';
import { ingestErrors } from './errors.js';
import { isOleFile } from './loaders/docx.js';
import { listZip } from './loaders/zip.js';

export const MEDIA_TYPES = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  html: 'text/html',
  markdown: 'text/markdown',
  text: 'text/plain',
} as const;

const startsWith = (bytes: Uint8Array, sig: string, at = 0) =>
  [...sig].every((ch, i) => bytes[at + i] === ch.charCodeAt(0));

// Markers that only HTML (or Lovdata's HTML saved as .xml) opens with or holds near the top.
const HTML_MARKERS =
  /^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b|<(?:html|body|main|article)\b[^>]*>/i;

/**
 * Text, not binary: no NUL bytes and almost no other control characters. Text in another encoding than UTF-8
 * (Latin-1) passes here on purpose, so the text loader can say "save it as UTF-8" instead of "unsupported".
 */
function looksLikeText(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 8192);
  let controls = 0;
  for (const b of head) {
    if (b === 0) return false; // binary, or UTF-16, which we do not accept
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) controls++;
  }
  return controls <= head.length / 100;
}

/**
 * The media type of `bytes`, for choosing a loader. Throws IngestError `empty_file`, `encrypted` (a password-
 * protected Office file) or `unsupported_format`.
 * @example sniffMediaType(pdfBytes, 'notat.txt') === 'application/pdf'
 */
export function sniffMediaType(
  bytes: Uint8Array,
  filename: string,
  supported: string[] = ['.pdf', '.docx', '.html', '.txt', '.md', '.xml'],
): string {
  if (bytes.length === 0) throw ingestErrors.emptyFile(filename);
  // %PDF may be preceded by junk; the spec lets readers look within the first kilobyte.
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (head.includes('%PDF-')) return MEDIA_TYPES.pdf;
  if (startsWith(bytes, 'PK\x03\x04') || startsWith(bytes, 'PK\x05\x06')) {
    if (listZip(bytes)?.some((e) => e.name === 'word/document.xml')) return MEDIA_TYPES.docx;
    throw ingestErrors.unsupportedFormat(filename, supported);
  }
  // Password-protected DOCX files are OLE containers; the DOCX loader tells them from old .doc files.
  if (isOleFile(bytes)) return MEDIA_TYPES.docx;
  if (!looksLikeText(bytes)) throw ingestErrors.unsupportedFormat(filename, supported);
  const text = new TextDecoder().decode(bytes.subarray(0, 4096));
  if (HTML_MARKERS.test(text)) return MEDIA_TYPES.html;
  return ['.md', '.markdown'].includes(extname(filename).toLowerCase()) ? MEDIA_TYPES.markdown : MEDIA_TYPES.text;
}
