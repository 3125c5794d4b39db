/** Test helper: the seed corpus (seeds/, ingested by the real ingest stage) as an in-memory PassageSource. */
import type { PassageWithDocument } from '../../src/domain/types.js';
import { memoryPassageSource, verifyDraft, type PassageSource } from '../../src/verify/index.js';
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

/**
 * The report for a sentence citing `quote` (default: the whole text) in one passage with the given text, in a seed
 * organisation's document: the rule tests' way of checking a sentence against a text of their own.
 */
export async function verifyAgainst(text: string, sentence: string, quote = text) {
  const seed = await seedPassage('ntl-prinsipprogram-2019-p000');
  const p: PassageWithDocument = { ...seed, id: 'x-p001', text };
  const report = await verifyDraft(draftOf(sentence, p.id, quote), { source: memoryPassageSource([p]) });
  return report.sentences[0];
}
