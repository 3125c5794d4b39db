/**
 * Word (.docx) through mammoth: the document → semantic HTML (Heading 1–6 as h1–h6, lists, tables) → the same
 * Markdown-shaped text as HTML pages, so headings become `headingPath`. The ZIP is checked for bombs before
 * mammoth inflates anything, and images are never read.
 */
import { ingestErrors } from '../errors.js';
import { htmlToMarkdown } from './htmlMarkdown.js';
import type { Loader } from './types.js';
import { checkZip } from './zip.js';

const KIND = 'Word-dokument (DOCX)';

// Title styles are not in mammoth's default map; Norwegian Word names the style "Tittel".
const STYLE_MAP = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Tittel'] => h1:fresh",
  "p[style-name='Subtitle'] => p:fresh",
];

// An encrypted DOCX is not a ZIP but an OLE compound file holding an "EncryptedPackage" stream (name in UTF-16LE).
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ENCRYPTED_PACKAGE = Buffer.from('EncryptedPackage', 'utf16le');

export function isOleFile(bytes: Uint8Array): boolean {
  return OLE_MAGIC.every((b, i) => bytes[i] === b);
}

/**
 * The characters in the body's text runs (`<w:t>`), an entity counting as one: about the length of the text mammoth
 * would extract, in ~1 s for 50 MB of text where mammoth takes minutes and a GB of heap. 0 when it can't be read
 * (mammoth then reports the fault).
 */
export async function countDocxText(bytes: Uint8Array): Promise<number> {
  const { default: JSZip } = await import('jszip');
  let xml: string;
  try {
    const entry = (await JSZip.loadAsync(bytes)).file('word/document.xml');
    if (!entry) return 0;
    xml = await entry.async('string');
  } catch {
    return 0;
  }
  let chars = 0;
  for (const m of xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)) {
    const text = m[1];
    chars += text.length;
    if (text.includes('&')) for (const e of text.matchAll(/&[#a-zA-Z0-9]+;/g)) chars -= e[0].length - 1;
  }
  return chars;
}

export const docxLoader: Loader = {
  name: 'docx',
  extensions: ['.docx'],
  mediaTypes: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  async load(bytes, filename, limits) {
    if (bytes.length === 0) throw ingestErrors.emptyFile(filename);
    if (isOleFile(bytes)) {
      if (Buffer.from(bytes).includes(ENCRYPTED_PACKAGE)) throw ingestErrors.encrypted(filename);
      throw ingestErrors.unsupportedFormat(filename, ['.docx (eldre .doc-filer må lagres som .docx først)']);
    }
    const entries = checkZip(bytes, filename, KIND);
    if (!entries.some((e) => e.name === 'word/document.xml')) throw ingestErrors.corruptFile(filename, KIND);
    if (limits?.maxChars !== undefined) {
      const chars = await countDocxText(bytes);
      if (chars > limits.maxChars) throw ingestErrors.documentTooLong(filename, chars, limits.maxChars);
    }
    // NOTE: mammoth and cheerio are imported when a DOCX is loaded, not at startup (~0.4 s of `npm start`).
    const [{ default: mammoth }, cheerio] = await Promise.all([import('mammoth'), import('cheerio')]);
    let html: string;
    try {
      const result = await mammoth.convertToHtml(
        { buffer: Buffer.from(bytes) },
        { styleMap: STYLE_MAP, convertImage: mammoth.images.imgElement(async () => ({ src: '' })) },
      );
      html = result.value;
    } catch (err) {
      throw ingestErrors.corruptFile(filename, KIND, err);
    }
    const $ = cheerio.load(html);
    const title = $('h1').first().text().trim();
    return {
      text: htmlToMarkdown($('body')[0]),
      format: 'docx',
      syntax: 'markdown',
      ...(title && title.length <= 500 ? { meta: { title } } : {}),
    };
  },
};
