/**
 * Markdown (.md): `#` headings become headingPath (front matter is dropped by ingest). The first level-1 heading is
 * the document's own title, as a DOCX's first «Overskrift 1» is: «# NTLs interne strategi …» names the document
 * better than its file name «ntl-intern.md».
 */
import { decodeUtf8 } from './decode.js';
import type { Loader } from './types.js';

/** The first `# ` heading of the text (front matter skipped), without closing #s or emphasis markers. */
export function markdownTitle(text: string): string | undefined {
  const body = text.replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/u, '');
  const m = /^#[ \t]+(.+?)[ \t]*#*[ \t]*$/mu.exec(body);
  const title = m?.[1].replace(/[*_`]/gu, '').trim();
  return title && title.length <= 500 ? title : undefined;
}

export const markdownLoader: Loader = {
  name: 'markdown',
  extensions: ['.md', '.markdown'],
  mediaTypes: ['text/markdown', 'text/x-markdown'],
  async load(bytes, filename) {
    const text = decodeUtf8(bytes, filename);
    const title = markdownTitle(text);
    return { text, format: 'markdown', ...(title ? { meta: { title } } : {}) };
  },
};
