/**
 * The offline drafter, the default when no model is configured. It writes nothing itself: it picks the sentences
 * of the retrieved passages that best answer the question, orders them (best passage first, each passage's
 * sentences in their own order) and cites each one with itself as the quote, so every quote is verbatim and every
 * offset exact. Sentences from another organisation are attributed to it. Drafts made this way are labelled as
 * extractive wherever they are shown.
 */
import type { SentenceEmbedder } from '../domain/embedder.js';
import { contentStems } from '../text/words.js';
import { canonicalLine } from '../text/normalise.js';
import { isTooShort } from '../text/quoteLength.js';
import { splitSentences } from '../text/sentences.js';
import { looksLikeInstruction } from './injection.js';
import {
  ZERO_USAGE,
  type CitedSentence,
  type Generation,
  type GenerationRequest,
  type LlmProvider,
  type SourcePassage,
} from './types.js';

const EXTRACTIVE_MODEL = 'extractive-v1';

/** What the drafter needs of the embedder (src/domain/embedder.ts). */
export type { SentenceEmbedder } from '../domain/embedder.js';

interface Candidate {
  source: SourcePassage;
  rank: number;
  start: number;
  end: number;
  quote: string;
  text: string;
  stems: Set<string>;
  score: number;
}

/** Openings that point back to a sentence the reader won't see when this one is lifted out alone. */
const ANAPHORA =
  /^(dette|denne|disse|det|der|her|årsaken til dette|samtidig|dessuten|også|men|derfor|slik|dermed)(?![\p{L}\p{N}])/iu;

/** Words that mark a position or a proposal, which a høringsinnspill is made of. */
// NOTE: Unicode lookarounds, not \b, which is ASCII-only and never matches after "må".
const STANCE =
  /(?<![\p{L}\p{N}])(må|bør|skal|krever|kreve|foreslår|ønsker|mener|forventer|støtter|går inn for|vil ha|trengs|nødvendig|viktig)(?![\p{L}\p{N}])/iu;

/**
 * @example const drafter = createExtractiveProvider({ embedder }); await drafter.generate(request)
 */
export function createExtractiveProvider({ embedder }: { embedder?: SentenceEmbedder } = {}): LlmProvider {
  return {
    name: 'extractive',
    model: EXTRACTIVE_MODEL,
    extractive: true,
    async generate(req: GenerationRequest): Promise<Generation> {
      const used = new Set((req.exclude ?? []).map((c) => `${c.passageId}:${c.start}`));
      const candidates = req.sources
        .flatMap((source, rank) => candidatesOf(source, rank))
        .filter((c) => !used.has(`${c.source.id}:${c.start}`));
      await scoreCandidates(
        candidates,
        withoutNames(req.question, [req.organisation, ...req.sources.map((x) => x.organisation)]),
        embedder,
      );
      const chosen = select(candidates, req.maxSentences);
      // An answer leads with its best sentence; a section reads better in the sources' own order.
      const paragraphs =
        req.task === 'answer'
          ? [chosen.map((c) => toSentence(c, req.organisation))]
          : arrange(chosen, req.organisation);
      return {
        paragraphs: paragraphs.filter((p) => p.length),
        usage: ZERO_USAGE,
        model: EXTRACTIVE_MODEL,
        requestId: null,
        stopReason: 'end_turn',
      };
    },
  };
}

function candidatesOf(source: SourcePassage, rank: number): Candidate[] {
  return blocksOf(source.text)
    .flatMap((b) =>
      splitSentences(source.text.slice(b.start, b.end)).map((s) => ({
        start: b.start + s.start,
        end: b.start + s.end,
      })),
    )
    .flatMap(({ start, end }) => {
      const quote = source.text.slice(start, end);
      const text = canonicalLine(quote);
      // Questions (the ministry's, repeated in a response), headings, fragments and orders to a model are not positions.
      if (/\?\s*$/.test(text) || !/[.!…»”)]\s*$/.test(text) || text.length > 600) return [];
      if (isTooShort(quote) || looksLikeInstruction(text)) return [];
      return [{ source, rank, start, end, quote, text, stems: new Set(contentStems(text)), score: 0 }];
    });
}

/**
 * Lines of a passage, a hard-wrapped line joined with the next when that continues it in lower case. A heading
 * line (no full stop, next line capitalised) stays on its own, so it never glues onto the sentence below it.
 */
function blocksOf(text: string): { start: number; end: number }[] {
  const lines: { start: number; end: number }[] = [];
  let at = 0;
  for (const line of text.split('\n')) {
    if (line.trim()) lines.push({ start: at, end: at + line.length });
    at += line.length + 1;
  }
  const blocks: { start: number; end: number }[] = [];
  for (const l of lines) {
    const prev = blocks[blocks.length - 1];
    const continues =
      prev &&
      !/[.!?…:;»”)]\s*$/.test(text.slice(prev.start, prev.end)) &&
      /^\s*\p{Ll}/u.test(text.slice(l.start, l.end));
    if (continues) prev.end = l.end;
    else blocks.push({ ...l });
  }
  return blocks;
}

/**
 * The question without organisation names: "Hva mener Fagforbundet om …" would otherwise favour every sentence that
 * names Fagforbundet over the one that answers.
 */
function withoutNames(question: string, names: (string | undefined)[]): string {
  let q = question;
  for (const name of new Set(names.filter((n): n is string => !!n))) {
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    q = q.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?:s|'|’s)?(?![\\p{L}\\p{N}])`, 'giu'), ' ');
  }
  return q.replace(/\s+/g, ' ').trim() || question;
}

async function scoreCandidates(cands: Candidate[], question: string, embedder?: SentenceEmbedder): Promise<void> {
  if (cands.length === 0) return;
  const q = new Set(contentStems(question));
  // "Hvor mange …?" and "Når …?" ask for a number or a year: a sentence that has one is more likely the answer.
  const wantsNumber = /^\s*(hvor|kor)\s+(mange|mye|mykje|stor|store|høy|lenge)|^\s*(når|kva tid|hvilket år)/iu.test(
    question,
  );
  const vectors = embedder ? await embedder.embedDocuments(cands.map((c) => c.text)) : null;
  const qv = embedder ? await embedder.embedQuery(question) : null;
  cands.forEach((c, i) => {
    const lexical = q.size ? [...q].filter((s) => c.stems.has(s)).length / q.size : 0;
    const semantic = vectors && qv ? dot(vectors[i], qv) : lexical;
    // NOTE: the passage's retrieval rank carries what the sentence alone can't (its heading, its neighbours).
    c.score =
      semantic +
      0.5 * lexical +
      0.15 / (1 + c.rank) +
      (STANCE.test(c.text) ? 0.05 : 0) -
      (ANAPHORA.test(c.text) ? 0.1 : 0) +
      (wantsNumber && /\d/.test(c.text) ? 0.2 : 0);
  });
}

/** Best first, skipping near-duplicates; sentences far below the best are left out. */
function select(cands: Candidate[], max: number): Candidate[] {
  const sorted = [...cands].sort((a, b) => b.score - a.score || a.rank - b.rank || a.start - b.start);
  const chosen: Candidate[] = [];
  const floor = (sorted[0]?.score ?? 0) * 0.5;
  for (const c of sorted) {
    if (chosen.length >= max || c.score < floor) break;
    if (chosen.some((x) => x.text === c.text || jaccard(x.stems, c.stems) > 0.6)) continue;
    chosen.push(c);
  }
  return chosen;
}

/** One paragraph per passage, passages in retrieval order, sentences in their order in the passage. */
function arrange(chosen: Candidate[], organisation?: string): CitedSentence[][] {
  const byPassage = new Map<string, Candidate[]>();
  for (const c of [...chosen].sort((a, b) => a.rank - b.rank || a.start - b.start)) {
    byPassage.set(c.source.id, [...(byPassage.get(c.source.id) ?? []), c]);
  }
  return [...byPassage.values()].map((group) => group.map((c) => toSentence(c, organisation)));
}

function toSentence(c: Candidate, organisation?: string): CitedSentence {
  const own = organisation !== undefined && c.source.organisation.toLowerCase() === organisation.toLowerCase();
  return {
    text: own ? c.text : `${c.source.organisation} skriver: «${c.text}»`,
    citations: [{ passageId: c.source.id, quote: c.quote, start: c.start, end: c.end }],
  };
}

function dot(a: number[], b: number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let inter = 0;
  for (const x of a) if (b.has(x)) inter++;
  return inter / (a.size + b.size - inter);
}
