/**
 * A quote's frame: the rest of its sentence that a quote taking only part of a cited sentence leaves out. The quote
 * is verbatim, yet what it leaves out may govern it:
 * - a condition, exception or limit: «Leieren har vern mot kreditorene, forutsatt at avtalen er tinglyst» quoted up
 *   to the comma, and the sentence says the tenant is protected, full stop;
 * - the clause it is embedded in: «Vi er imot at kommunen skal dekke kostnadene» quoted from «kommunen», and the
 *   sentence says the costs are the municipality's.
 *
 * elisionEdges.ts does this for a quote that marks the cut («…»); this is the same question for one that does not.
 * Data: lexicons/frames.json.
 */
import { lexiconData } from './lexiconData.js';
import { z } from 'zod';
import { splitSentences } from '../text/sentences.js';
import { phrasesPattern } from './lexicon.js';

const Group = z.object({ frame: z.array(z.string().min(1)).min(1), keep: z.array(z.string().min(1)) });
const FramesSchema = z.object({
  about: z.string(),
  conditions: z.array(z.string().min(1)).min(1),
  limits: z.array(z.string().min(1)).min(1),
  only: z.array(z.string().min(1)).min(1),
  matrix: z.record(z.string(), Group),
});

const anyOf = phrasesPattern;

let compiled:
  | {
      restricting: { kind: 'condition' | 'limit' | 'only'; pattern: RegExp }[];
      matrix: { group: string; frame: RegExp; keep: RegExp | null }[];
    }
  | undefined;
function load() {
  if (!compiled) {
    const raw = FramesSchema.parse(lexiconData('frames'));
    compiled = {
      restricting: [
        { kind: 'condition', pattern: anyOf(raw.conditions, 'giu') },
        { kind: 'limit', pattern: anyOf(raw.limits, 'giu') },
        { kind: 'only', pattern: anyOf(raw.only, 'giu') },
      ],
      matrix: Object.entries(raw.matrix).map(([group, g]) => ({
        group,
        frame: anyOf(g.frame),
        keep: g.keep.length ? anyOf(g.keep) : null,
      })),
    };
  }
  return compiled;
}

export interface QuoteFrame {
  /** The cited sentence before the quote ('' when the quote opens it). */
  before: string;
  /** The cited sentence after the quote ('' when the quote ends it). */
  after: string;
}

/**
 * The parts of the cited sentence(s) around the quote at [start, end) of the passage.
 * @example quoteFrame('Vi er imot at kommunen betaler. Neste.', 14, 30) // → { before: 'Vi er imot at ', after: '.' }
 */
export function quoteFrame(passage: string, start: number, end: number): QuoteFrame {
  const sentences = splitSentences(passage);
  const first = sentences.find((s) => s.start <= start && start < s.end);
  const last = sentences.find((s) => s.start < end && end <= s.end);
  // A quote opening with a capital after a lower-case word starts a sentence the source did not punctuate.
  const unpunctuated = /^\s*\p{Lu}/u.test(passage.slice(start)) && /\p{Ll}\s*$/u.test(passage.slice(0, start));
  const before = first && !unpunctuated ? passage.slice(first.start, start) : '';
  const opening = [...before.matchAll(UNMARKED_START)].pop();
  return {
    before: opening ? before.slice(opening.index + opening[0].length) : before,
    after: last ? passage.slice(end, last.end) : '',
  };
}

/**
 * A sentence start the source did not punctuate («… god bestillerkompetanse Det er få næringer …»): a word that opens
 * sentences, capitalised after a lower-case word. Only before the quote: a frame is the quote's own sentence.
 */
const UNMARKED_START =
  /(?<=\p{Ll}[\p{L}]*)\s+(?=(?:Det|Dette|Den|De|Dei|Disse|Desse|Vi|Me|Eg|Jeg|Han|Hun|Ho|Man|Ein|En|Et|Eit|Dersom|Hvis|Når|Men|Også|Her|Der|Slik)\s)/gu;

/**
 * A clause boundary: after it, a condition belongs to another clause («…, og dersom …»). «men bare», «men ikke»,
 * «men først» restrict the same clause, so they do not end it.
 */
const BOUNDARY = /[;:]|,\s*(?:og|men|eller|samt|mens)\s+(?!(?:bare|berre|kun|ikke|ikkje|først|senest|seinast)\b)/iu;
/** The text opens a new sentence part of its own: a bracket or dash aside, or a list. */
const PUNCT_END = /[\s.!?»"”)]*$/u;

const OPENING_CONDITION = /^\s*(Når|Om|Viss)\s[^,]{3,},\s/u;
/** «ikke bare» (not only) widens and «ikke minst» (not least) stresses; neither restricts. */
const notOnly = (kind: string, text: string, at: number) =>
  (kind === 'only' || (kind === 'limit' && /^minst/iu.test(text.slice(at)))) &&
  /(?<![\p{L}])(?:ikke|ikkje)\s+$/iu.test(text.slice(0, at));

export interface FrameRestriction {
  kind: 'condition' | 'limit' | 'only';
  /** The word in the cited sentence, as written. */
  word: string;
}

/**
 * The first condition, exception, limit or «bare» in the frame that governs the quoted clause, or null: before the
 * quote with no clause boundary after it («Dersom …, kan utleieren …»), or after it with none before it
 * («…, forutsatt at …»). Kinds the quote has itself (`quoted`) are the quote's own checks' business.
 */
export function frameRestriction(
  frame: QuoteFrame,
  quoted: ReadonlySet<FrameRestriction['kind']> = new Set(),
): FrameRestriction | null {
  // A sentence opening with «Når …,» or «Om …,» sets a condition for its main clause, as «dersom» does.
  const opening = frame.before.match(OPENING_CONDITION);
  if (opening && !quoted.has('condition')) return { kind: 'condition', word: opening[1] };
  for (const { kind, pattern } of load().restricting) {
    if (quoted.has(kind)) continue;
    for (const m of frame.before.matchAll(pattern))
      if (!notOnly(kind, frame.before, m.index) && !BOUNDARY.test(frame.before.slice(m.index + m[0].length)))
        return { kind, word: m[0] };
    const after = frame.after.replace(PUNCT_END, '');
    for (const m of after.matchAll(pattern)) {
      if (BOUNDARY.test(after.slice(0, m.index))) break;
      if (!notOnly(kind, after, m.index)) return { kind, word: m[0] };
    }
  }
  return null;
}

/** A quote opening right after a complementiser: what it says is the object of the words before it. */
const EMBEDDED = /(?<![\p{L}])(?:at|om|å)\s*$/iu;

export interface FrameMatrix {
  group: string;
  /** The frame word in the cited sentence, as written. */
  word: string;
  /** The part of the cited sentence before the quote, trimmed. */
  before: string;
}

/**
 * The clause a quote is embedded in, when it says the source does not assert the quoted words (it opposes, fears,
 * denies, doubts or hopes for them) and the sentence has none of its words nor another way of saying it; or null.
 */
export function droppedMatrix(frame: QuoteFrame, sentence: string): FrameMatrix | null {
  if (!EMBEDDED.test(frame.before)) return null;
  // Only the clause the quote is embedded in: the part after the last clause boundary.
  const parts = frame.before.split(BOUNDARY);
  const clause = parts[parts.length - 1];
  for (const { group, frame: words, keep } of load().matrix) {
    const m = clause.match(words);
    if (!m) continue;
    if (words.test(sentence) || keep?.test(sentence)) continue;
    return { group, word: m[0], before: frame.before.trim() };
  }
  return null;
}

/**
 * Whether a text opposes or denies something in words that are no negation («Vi er imot at …», «Det er en myte at
 * …»): a sentence restating it with «ikke» («Vi mener kommunen ikke skal …») adds no negation the source lacks.
 */
export function opposesInWords(text: string): boolean {
  return load().matrix.some(
    ({ group, frame }) =>
      (group === 'against' || group === 'denial') &&
      [...text.matchAll(new RegExp(frame.source, 'giu'))].some((m) =>
        OPENS_CLAUSE.test(text.slice(m.index + m[0].length)),
      ),
  );
}
/** A clause it governs opens within three words («imot at», «en myte at», «feil å hevde at»). */
const OPENS_CLAUSE = /^(?:\s+[\p{L}\p{N}-]+){0,3}?\s+(?:at|å)(?![\p{L}])/iu;
