/** Markdown (.md): `#` headings become headingPath (front matter is dropped by ingest). */
import { decodeUtf8 } from './decode.js';
import type { Loader } from './types.js';

export const markdownLoader: Loader = {
  name: 'markdown',
  extensions: ['.md', '.markdown'],
  mediaTypes: ['text/markdown', 'text/x-markdown'],
  async load(bytes, filename) {
    return { text: decodeUtf8(bytes, filename), format: 'markdown' };
  },
};
