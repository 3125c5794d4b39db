/**
 * Verify what a drafter wrote and keep only what holds. Per citation: a quote found in a normalised or loose form
 * is snapped to the passage's true text and offsets; a quote that is really in another passage is moved there when
 * that passage may be cited; anything else is removed. Per sentence: one left without a usable citation, or judged
 * unsupported or contradicted, is dropped and listed with the verifier's reasons. Nothing is ever rewritten into a
 * claim the source does not make: repairs only make quotes more exact.
 */
import type { PassageWithDocument } from '../domain/types.js';
import type { CitationRef } from '../llm/types.js';
import { verifyDraft, type Judge, type PassageSource, type VerificationReport } from '../verify/index.js';
import type { CitationReport } from '../verify/index.js';
import type { DraftSentence, DroppedSentence } from './types.js';

export interface RepairOptions {
  source: PassageSource;
  judge?: Judge;
  /** Who "vi" is; undefined for an answer across all organisations. */
  organisation?: string;
  /** When false, citations of other organisations' passages are removed. */
  allowOthers: boolean;
}

export interface Repaired {
  paragraphs: DraftSentence[][];
  dropped: DroppedSentence[];
  repairs: string[];
  /** The verifier's report on the kept paragraphs. */
  report: VerificationReport | null;
}

const DROP_VERDICTS = new Set(['unsupported', 'contradicted']);

/**
 * @example const { paragraphs, dropped } = await verifyAndRepair(generated, { source, organisation: 'NTL', allowOthers: false })
 */
export async function verifyAndRepair(paragraphs: DraftSentence[][], opts: RepairOptions): Promise<Repaired> {
  const paras = paragraphs.filter((p) => p.length);
  if (paras.length === 0) return { paragraphs: [], dropped: [], repairs: [], report: null };
  // NOTE: the first pass only locates quotes; the judge (one model call per sentence) waits for the second.
  const first = await verify(paras, { ...opts, judge: undefined });
  const repairs: string[] = [];
  const dropped: DroppedSentence[] = [];
  let changed = false;
  const passages = await opts.source.getPassages([
    ...new Set(
      first.sentences.flatMap((s) => s.citations.flatMap((c) => [c.passageId, c.actualPassageId ?? c.passageId])),
    ),
  ]);
  const fixed = paras.map((p, pi) =>
    p.flatMap((sentence, si): DraftSentence[] => {
      if (sentence.citations.length === 0) return [sentence];
      const r = first.sentences.find((x) => x.section === pi && x.index === si)!;
      const reasons: string[] = [];
      const citations = dedupe(r.citations.flatMap((c) => fixCitation(c, passages, opts, repairs, reasons)));
      changed ||=
        citations.length !== sentence.citations.length ||
        citations.some((c, i) => !sameCitation(c, sentence.citations[i]));
      if (citations.length) return [{ ...sentence, citations }];
      dropped.push({
        text: sentence.text,
        citations: sentence.citations,
        reasons: reasons.length ? reasons : r.reasons,
      });
      return [];
    }),
  );
  const kept = fixed.filter((p) => p.length);
  if (kept.length === 0) return { paragraphs: [], dropped, repairs, report: null };
  const second = changed || opts.judge ? await verify(kept, opts) : first;
  const final = kept
    .map((p, pi) =>
      p.filter((sentence, si) => {
        const r = second.sentences.find((x) => x.section === pi && x.index === si)!;
        const bad = DROP_VERDICTS.has(r.verdict) || (r.verdict === 'uncited' && r.claim && sentence.kind === 'claim');
        if (bad) dropped.push({ text: sentence.text, citations: sentence.citations, reasons: r.reasons });
        return !bad;
      }),
    )
    .filter((p) => p.length);
  const report = final.length ? (dropped.length ? await verify(final, opts) : second) : null;
  return { paragraphs: final, dropped, repairs, report };
}

function verify(paragraphs: DraftSentence[][], opts: RepairOptions): Promise<VerificationReport> {
  return verifyDraft(
    { sections: paragraphs.map((p) => ({ sentences: p.map((s) => ({ text: s.text, citations: s.citations })) })) },
    { source: opts.source, judge: opts.judge },
    opts.organisation ? { organisation: opts.organisation } : {},
  );
}

function fixCitation(
  c: CitationReport,
  passages: Map<string, PassageWithDocument>,
  opts: RepairOptions,
  repairs: string[],
  reasons: string[],
): CitationRef[] {
  const allowed = (p: PassageWithDocument) =>
    opts.allowOthers || p.document.organisation.toLowerCase() === opts.organisation?.toLowerCase();
  const target =
    c.status === 'ok'
      ? c.passageId
      : c.status === 'misattributed' || c.status === 'unknown_passage'
        ? c.actualPassageId
        : undefined;
  const passage = target ? passages.get(target) : undefined;
  if (!passage || c.start === undefined || c.end === undefined) {
    reasons.push(c.reason);
    return [];
  }
  if (!allowed(passage)) {
    reasons.push(
      `Kilden ${passage.id} er fra ${passage.document.organisation}; andre organisasjoners dokumenter skal ikke siteres i dette utkastet.`,
    );
    return [];
  }
  const quote = passage.text.slice(c.start, c.end);
  if (target !== c.passageId)
    repairs.push(`Sitatet «${short(quote)}» ble flyttet fra ${c.passageId} til ${target}, der det faktisk står.`);
  else if (quote !== c.quote) repairs.push(`Sitatet «${short(quote)}» ble rettet til ordlyden i ${target}.`);
  return [{ passageId: passage.id, quote, start: c.start, end: c.end }];
}

function dedupe(citations: CitationRef[]): CitationRef[] {
  return citations.filter(
    (c, i) => citations.findIndex((x) => x.passageId === c.passageId && x.start === c.start && x.end === c.end) === i,
  );
}

function sameCitation(a: CitationRef, b: CitationRef | undefined): boolean {
  return !!b && a.passageId === b.passageId && a.quote === b.quote && a.start === b.start && a.end === b.end;
}

function short(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > 60 ? `${t.slice(0, 57)}…` : t;
}
