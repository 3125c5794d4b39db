/** Test helper: the seed corpus (seeds/, ingested by the real ingest stage) as an in-memory PassageSource. */
import type { PassageWithDocument } from '../../src/domain/types.js';
import { memoryPassageSource, type PassageSource } from '../../src/verify/index.js';
import { seedPassages } from '../../evals/verifier/corpus.js';

let cached: Promise<PassageWithDocument[]> | undefined;

export function seeds(): Promise<PassageWithDocument[]> {
  return (cached ??= seedPassages());
}

export async function seedSource(): Promise<PassageSource> {
  return memoryPassageSource(await seeds());
}

export async function seedPassage(id: string): Promise<PassageWithDocument> {
  const p = (await seeds()).find((x) => x.id === id);
  if (!p) throw new Error(`no seed passage ${id}`);
  return p;
}

/** A one-sentence structured draft. */
export function draftOf(text: string, passageId?: string, quote?: string) {
  return { sections: [{ sentences: [{ text, citations: passageId ? [{ passageId, quote: quote! }] : [] }] }] };
}
