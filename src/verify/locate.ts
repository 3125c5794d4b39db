/**
 * Check one citation: is the quote in the passage it names, elsewhere in the corpus (misattributed), or nowhere
 * (fabricated)? Too-short quotes are flagged whatever they match.
 */
import type { PassageWithDocument } from '../domain/types.js';
import type { CitationReport, DocumentRef } from '../domain/verification.js';
import type { Citation } from './format.js';
import { isTooShort, matchQuote, TIERS, type QuoteMatch } from './quote.js';
import { citationReason } from './reasons.js';
import { hasElision, matchElided } from './elision.js';
import { splitSentences } from '../text/sentences.js';
import type { PassageSource } from './source.js';

export type { CitationReport, CitationStatus, DocumentRef } from '../domain/verification.js';

/** How many candidates to test when looking for a quote's real source. */
const CANDIDATES = 25;

export async function checkCitation(
  citation: Citation,
  passages: Map<string, PassageWithDocument>,
  source: PassageSource,
): Promise<CitationReport> {
  const cited = passages.get(citation.passageId);
  const base = { passageId: citation.passageId, quote: citation.quote, ...(cited ? { document: docRef(cited) } : {}) };
  const here = cited
    ? (matchQuote(citation.quote, cited.text, citation.start) ??
      (hasElision(citation.quote) ? matchElided(citation.quote, cited.text) : null))
    : null;
  let report: CitationReport;
  if (here) {
    // A whole source sentence quoted is never too short: it is everything the source says there.
    const short = isTooShort(citation.quote) && !wholeSentence(cited!.text, here.start, here.end);
    report = { ...base, status: short ? 'too_short' : 'ok', ...located(here), reason: '' };
  } else {
    const elsewhere = await locateElsewhere(citation.quote, source, cited);
    const status = !cited ? 'unknown_passage' : elsewhere ? 'misattributed' : 'fabricated';
    report = elsewhere
      ? {
          ...base,
          status,
          ...located(elsewhere.match),
          actualPassageId: elsewhere.passage.id,
          actualDocument: docRef(elsewhere.passage),
          reason: '',
        }
      : { ...base, status, tier: null, reason: '' };
    if (cited && elsewhere && isTooShort(citation.quote)) report.status = 'too_short';
  }
  report.reason = citationReason(report);
  return report;
}

function wholeSentence(text: string, start: number, end: number): boolean {
  const trim = (a: number, b: number) => text.slice(a, b).replace(/^[\s«"“]+|[\s.!?»"”:;]+$/gu, '');
  const quoted = trim(start, end);
  return quoted !== '' && splitSentences(text).some((s) => trim(s.start, s.end) === quoted);
}

function located(m: QuoteMatch) {
  return { tier: m.tier, start: m.start, end: m.end };
}

function docRef(p: PassageWithDocument): DocumentRef {
  return { id: p.document.id, title: p.document.title, organisation: p.document.organisation };
}

/**
 * Look for the quote in other passages: first the whole quote as a case-insensitive substring, then its two
 * longest words (catching quotes whose line breaks, quote marks or punctuation differ from the source), then
 * the source's search when it has one. The best tier wins; among equals, a passage of the cited document.
 */
async function locateElsewhere(
  quote: string,
  source: PassageSource,
  cited: PassageWithDocument | undefined,
): Promise<{ passage: PassageWithDocument; match: QuoteMatch } | null> {
  const q = quote.trim();
  const seen = new Map<string, PassageWithDocument>();
  const add = (ps: PassageWithDocument[]) => ps.forEach((p) => p.id !== cited?.id && seen.set(p.id, p));
  add(await source.findContaining(q, CANDIDATES));
  if (seen.size === 0) {
    const longest = [...new Set(q.match(/[\p{L}\p{N}]{4,}/gu) ?? [])].sort((a, b) => b.length - a.length).slice(0, 2);
    for (const w of longest) add(await source.findContaining(w, CANDIDATES));
  }
  if (seen.size === 0 && source.search) add(await source.search(q, CANDIDATES));
  let best: { passage: PassageWithDocument; match: QuoteMatch } | null = null;
  for (const passage of seen.values()) {
    const match = matchQuote(q, passage.text);
    if (!match) continue;
    const better =
      !best ||
      TIERS.indexOf(match.tier) < TIERS.indexOf(best.match.tier) ||
      (match.tier === best.match.tier &&
        passage.documentId === cited?.documentId &&
        best.passage.documentId !== cited?.documentId);
    if (better) best = { passage, match };
  }
  return best;
}
