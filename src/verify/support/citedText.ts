/**
 * What a citation puts before the support checks: the cited passage's sentences its quote touches, and what the
 * cited document says about itself (its title and date).
 */
import type { PassageWithDocument } from '../../domain/types.js';
import { MONTHS } from '../../text/months.js';
import { splitSentences } from '../../text/sentences.js';
import { hasElision, matchElided } from '../elision.js';
import type { CitationReport } from '../locate.js';

/** A citation whose quote was found in its passage (status ok), with that passage. */
export interface UsableCitation {
  citation: CitationReport;
  passage: PassageWithDocument;
}

/** A sentence opening with one of these points back: «Dette må avhjelpes.» is about the sentence before. */
const ANAPHOR = /^\s*(?:dette|disse|denne|desse|slik|såleis|dermed)\b/iu;

/**
 * The cited passage's sentences that the quote at [start, end) touches, and the sentence before them when the
 * first one opens by pointing back («Dette …»): a sentence that names what «dette» is, is still faithful.
 */
function quoteContext(passage: string, start: number, end: number, quote: string): string {
  const all = splitSentences(passage);
  const at = all.findIndex((s) => s.end > start && s.start < end);
  if (at < 0) return passage.slice(start, end);
  const last = all.findLastIndex((s) => s.end > start && s.start < end);
  const from = at > 0 && ANAPHOR.test(passage.slice(all[at].start, all[at].end)) ? at - 1 : at;
  // NOTE (issue 15, third blind set opened): a whole sentence an elided quote skips is not cited: its «ikke» made a
  // faithful restatement of the pieces around it ✗ («… Har leieren ikke protestert …, kan leieren ikke …» left out).
  // What the skipped text held is the elision check's business (≈ «Sitatet hopper over …»).
  const spans = hasElision(quote) ? matchElided(quote, passage.slice(start, end))?.spans : undefined;
  if (!spans) return passage.slice(all[from].start, all[last].end);
  const touched = (s: { start: number; end: number }) =>
    spans.some((x) => s.end > start + x.start && s.start < start + x.end);
  return all
    .slice(from, last + 1)
    .filter((s, i) => i === 0 || touched(s))
    .map((s) => passage.slice(s.start, s.end))
    .join(' ');
}

/** The cited passages' sentences the quotes touch; two quotes from one source sentence give it once, not twice. */
export const contextOf = (usable: readonly UsableCitation[]) =>
  [
    ...new Set(usable.map((u) => quoteContext(u.passage.text, u.citation.start!, u.citation.end!, u.citation.quote))),
  ].join('\n');

/**
 * A document's ISO date as Norwegian prose ("2024-12-05" → "5. desember 2024"), so its day and month count as dates
 * and years, never as bare numbers: a sentence's «12 skytjenester» must not find its 12 in the month of the date.
 */
export function spokenDate(date: string | undefined | null): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date ?? '');
  if (!m) return '';
  const month = m[2] ? MONTHS[Number(m[2]) - 1] : undefined;
  if (!month) return m[1];
  return m[3] ? `${Number(m[3])}. ${month} ${m[1]}` : `${month} ${m[1]}`;
}
