/** Plain text (.txt): collected web text and PDF copy-outs; cleaning and repair do the rest. */
import { decodeUtf8 } from './decode.js';
import type { Loader } from './types.js';

export const textLoader: Loader = {
  name: 'text',
  extensions: ['.txt', '.text'],
  mediaTypes: ['text/plain'],
  async load(bytes, filename) {
    return { text: decodeUtf8(bytes, filename), format: 'text' };
  },
};
