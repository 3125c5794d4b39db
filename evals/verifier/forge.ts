/**
 * Forge the verifier eval's cases: genuine (sentence, passage, quote) triples taken from a corpus, and from them
 * the faults language models make with citations. Deterministic: the same corpus and seed give the same cases.
 *
 * Genuine sentences are near-extractive, as the drafters write them: a source sentence as is, framed with its
 * organisation ("NTL mener at …", "Vi mener at …" for the drafting organisation), or cut to its first clause; the
 * quote is the source sentence, sometimes with its line breaks, quote marks or case changed (normalised and loose
 * tiers). NOTE: free paraphrase is not represented; a real model's paraphrases will score lower on overlap.
 */
import type { PassageWithDocument } from '../../src/domain/types.js';
import { canonicalLine } from '../../src/verify/format.js';
import { findHolder, namedIn, sameOrganisation } from '../../src/verify/holder.js';
import { extractNumbers } from '../../src/verify/numbers.js';
import { isTooShort } from '../../src/verify/quote.js';
import { splitSentences } from '../../src/text/sentences.js';
import { prng } from '../lib/prng.js';
import { mutateNumber, addNegation, removeNegation, replaceWords } from './mutate.js';

export const FAULT_KINDS = [
  'changed_number',
  'added_negation',
  'removed_negation',
  'swapped_organisation',
  'wrong_passage',
  'fabricated_quote',
  'unrelated_claim',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface EvalCase {
  id: string;
  kind: 'genuine' | FaultKind;
  /** For genuine cases: how the sentence and quote were made. */
  variant?: string;
  sentence: string;
  passageId: string;
  quote: string;
  /** The drafting organisation ("vi"). */
  organisation?: string;
  /** For wrong_passage: the passage that really holds the quote. */
  truePassageId?: string;
}

interface Triple {
  passage: PassageWithDocument;
  /** The source sentence, verbatim from the passage. */
  source: string;
}

/** Source sentences that make good claims: one line, 50–300 characters, at least six content words. */
function candidateTriples(passages: PassageWithDocument[]): Triple[] {
  const out: Triple[] = [];
  for (const passage of passages) {
    for (const s of splitSentences(passage.text)) {
      const source = passage.text.slice(s.start, s.end).replace(/^[•\-–*]\s*/, '');
      if (source.length < 50 || source.length > 300 || source.includes('\n') || isTooShort(source)) continue;
      if ((source.match(/[\p{L}]{3,}/gu) ?? []).length < 6 || !/[.!?]$/.test(source)) continue;
      out.push({ passage, source });
    }
  }
  return out;
}

export interface ForgeOptions {
  seed?: number;
  genuine?: number;
  perKind?: number;
  /** Documents to draw a share of the cases from (the seed corpus: the domain the verifier is for). */
  preferred?: Set<string>;
  /** That share, 0–1. */
  preferredShare?: number;
}

/**
 * @example const cases = forgeCases(passages, { seed: 1, genuine: 300, perKind: 60 });
 */
export function forgeCases(passages: PassageWithDocument[], opts: ForgeOptions = {}): EvalCase[] {
  const rand = prng(opts.seed ?? 20250101);
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
  const all = candidateTriples(passages);
  // Pools filtered once (filtering 10k+ sentences per draw made forging the slow part of the eval).
  const pools = {
    any: (t: Triple) => !!t,
    numbers: (t: Triple) => extractNumbers(t.source).length > 0,
    negated: (t: Triple) => removeNegation(t.source) !== null,
    unframed: (t: Triple) => !findHolder(t.source),
  };
  type Pool = keyof typeof pools;
  const split = (ok: (t: Triple) => boolean) => {
    const fit = all.filter(ok);
    return { all: fit, preferred: fit.filter((t) => opts.preferred?.has(t.passage.documentId)) };
  };
  const ready = Object.fromEntries(Object.entries(pools).map(([k, f]) => [k, split(f)])) as Record<
    Pool,
    ReturnType<typeof split>
  >;
  const byDocument = new Map<string, Triple[]>();
  for (const t of all) byDocument.set(t.passage.documentId, [...(byDocument.get(t.passage.documentId) ?? []), t]);
  const draw = (pool: Pool = 'any'): Triple | undefined => {
    const p = ready[pool];
    const from = p.preferred.length && rand() < (opts.preferredShare ?? 0.35) ? p.preferred : p.all;
    return from.length ? pick(from) : undefined;
  };
  const orgs = [...new Set(passages.map((p) => p.document.organisation))].sort();
  const cases: EvalCase[] = [];
  const add = (c: Omit<EvalCase, 'id'>) =>
    cases.push({ id: `${c.kind}-${cases.filter((x) => x.kind === c.kind).length + 1}`, ...c });

  for (let n = 0, tries = 0; n < (opts.genuine ?? 300) && tries < 10_000; tries++) {
    const g = genuine(draw(), rand);
    if (g) {
      add(g);
      n++;
    }
  }

  const makers: Record<FaultKind, () => Omit<EvalCase, 'id'> | null> = {
    changed_number: () => {
      const g = genuine(draw('numbers'), rand);
      const sentence = g && mutateNumber(g.sentence, rand);
      return g && sentence ? { ...g, kind: 'changed_number', variant: undefined, sentence } : null;
    },
    added_negation: () => {
      const g = genuine(draw(), rand);
      const sentence = g && addNegation(g.sentence);
      return g && sentence ? { ...g, kind: 'added_negation', variant: undefined, sentence } : null;
    },
    removed_negation: () => {
      const g = genuine(draw('negated'), rand);
      const sentence = g && removeNegation(g.sentence);
      return g && sentence ? { ...g, kind: 'removed_negation', variant: undefined, sentence } : null;
    },
    swapped_organisation: () => {
      const t = draw('unframed');
      if (!t) return null;
      const org = t.passage.document.organisation;
      const other = pick(orgs.filter((o) => !sameOrganisation(o, org) && !namedIn(o, t.passage.text)));
      if (!other) return null;
      const we = rand() < 0.3;
      const sentence = `${we ? 'Vi' : other} mener at ${lowerFirst(t.source)}`;
      return {
        kind: 'swapped_organisation',
        variant: we ? 'we' : 'named',
        sentence,
        passageId: t.passage.id,
        quote: t.source,
        ...(we ? { organisation: other } : {}),
      };
    },
    wrong_passage: () => {
      const g = genuine(draw(), rand);
      if (!g) return null;
      const p = passages.find((x) => x.id === g.passageId)!;
      const sameDoc = passages.filter(
        (x) => x.documentId === p.documentId && x.id !== p.id && !x.text.includes(g.quote),
      );
      const other =
        sameDoc.length && rand() < 0.5
          ? pick(sameDoc)
          : pick(passages.filter((x) => x.documentId !== p.documentId && !x.text.includes(g.quote)));
      const variant = other.documentId === p.documentId ? 'same_document' : 'other_document';
      return { ...g, kind: 'wrong_passage', variant, passageId: other.id, truePassageId: p.id };
    },
    fabricated_quote: () => {
      const g = genuine(draw(), rand);
      const donor = draw()?.source ?? '';
      const quote = g && replaceWords(g.quote, donor, rand);
      if (!g || !quote || passages.some((p) => p.text.toLowerCase().includes(quote.toLowerCase()))) return null;
      return { ...g, kind: 'fabricated_quote', variant: undefined, quote };
    },
    unrelated_claim: () => {
      // Half from the same document where it has other passages: same topic, harder to tell apart.
      const t = draw();
      if (!t) return null;
      const sameDoc = rand() < 0.5;
      const siblings = (byDocument.get(t.passage.documentId) ?? []).filter((x) => x.passage.id !== t.passage.id);
      const other = sameDoc ? pick(siblings) : draw();
      if (other && !sameDoc && other.passage.documentId === t.passage.documentId) return null;
      if (!other) return null;
      return {
        kind: 'unrelated_claim',
        variant: sameDoc ? 'same_document' : 'other_document',
        sentence: canonicalLine(other.source),
        passageId: t.passage.id,
        quote: t.source,
      };
    },
  };
  for (const kind of FAULT_KINDS) {
    for (let n = 0, tries = 0; n < (opts.perKind ?? 60) && tries < 5000; tries++) {
      const c = makers[kind]();
      if (c) {
        add(c);
        n++;
      }
    }
  }
  return cases;
}

/** A genuine case from a triple: the sentence as is, framed with its organisation, or cut to its first clause. */
function genuine(t: Triple | undefined, rand: () => number): Omit<EvalCase, 'id'> | null {
  if (!t) return null;
  const org = t.passage.document.organisation;
  const r = rand();
  let sentence = canonicalLine(t.source);
  let variant = 'verbatim';
  let organisation: string | undefined;
  if (r < 0.3 && !findHolder(t.source)) {
    const we = rand() < 0.3;
    sentence = `${we ? 'Vi' : org} mener at ${lowerFirst(sentence)}`;
    variant = we ? 'framed_we' : 'framed';
    if (we) organisation = org;
  } else if (r < 0.55) {
    const clause = /^(.{40,}?),\s/.exec(sentence);
    if (clause && !isTooShort(clause[1])) {
      sentence = `${clause[1]}.`;
      variant = 'first_clause';
    }
  }
  if (rand() < 0.25) {
    // A light rewording: one or two words the source does not have, as a drafter adds them.
    const parts = sentence.split(' ');
    for (let k = rand() < 0.5 ? 1 : 2; k > 0; k--) {
      const at = 1 + Math.floor(rand() * (parts.length - 1));
      // Not inside a number or an amount ("600 mill."), nor inside "ikke minst".
      if (!/\d/.test(parts[at - 1] + parts[at]) && !/^ikke$/i.test(parts[at - 1]))
        parts.splice(at, 0, FILLERS[Math.floor(rand() * FILLERS.length)]);
    }
    sentence = parts.join(' ');
    variant += '+reworded';
  }
  const q = rand();
  let quote = t.source;
  if (q < 0.12) {
    quote = quote.replace(/ (?=\S+ \S+$)/, '\n');
    variant += '+linebreak';
  } else if (q < 0.2 && /["«»“”]/.test(quote)) {
    quote = quote.replace(/[«»“”]/g, '"');
    variant += '+quotemarks';
  } else if (q < 0.28) {
    quote = quote.replace(/,(?= )/g, '').toLowerCase();
    variant += '+loose';
  }
  return {
    kind: 'genuine',
    variant,
    sentence,
    passageId: t.passage.id,
    quote,
    ...(organisation ? { organisation } : {}),
  };
}

const FILLERS = ['tydelig', 'i praksis', 'fremover', 'uansett', 'helt', 'faktisk', 'betydelig'];

function lowerFirst(s: string): string {
  // Keep acronyms and names written in capitals ("NTL", "IKT-sikkerhet").
  return /^\p{Lu}\p{Ll}/u.test(s) ? s[0].toLowerCase() + s.slice(1) : s;
}
