/** Chooses the embedder from configuration: the offline local one by default. */
import type { Config } from '../config/env.js';
import type { TextEmbedder } from '../store/textEmbedder.js';
import { LocalEmbedder } from './local.js';

export type { TextEmbedder };

export async function createEmbedder(config: Pick<Config, 'EMBEDDER'> & Partial<Config>): Promise<TextEmbedder> {
  if (config.EMBEDDER === 'openai') {
    const { createOpenAIEmbedder } = await import('./openai.js');
    return createOpenAIEmbedder(config as Config);
  }
  return new LocalEmbedder();
}
