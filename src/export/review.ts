/**
 * What the verifier found, carried into every export: each sentence that is not ✓ gets a mark («≈ må
 * kontrolleres», «✗ ikke støttet» …), the file opens with a review summary («3 setninger må kontrolleres»), and it
 * says which verdicts the language-model judge made. A source withdrawn since the check counts as ✗, as on the page.
 */
import type { DraftDocument, DraftSentence } from '../draft/types.js';
import type { SentenceReport, VerificationReport } from '../domain/verification.js';

export interface SentenceReview {
  /** ≈ needs review, ✗ not supported; null for ✓ and for greetings that need no source. */
  mark: '≈' | '✗' | null;
  /** The mark's words, e.g. «✗ motsagt av kilden». */
  label: string | null;
  /** The verifier's first reason, for a Word comment. */
  reason: string | null;
  /** The judge's answer set this verdict. */
  judged: boolean;
}

export interface DraftReview {
  of(sentence: DraftSentence): SentenceReview;
  /** Sentences marked ≈ and ✗. */
  review: number;
  bad: number;
  judged: number;
  /** The summary under the title, starting «Kildekontroll:»; null for a draft with no sentences. */
  summary: string | null;
}

const LABEL: Record<string, { mark: '≈' | '✗'; label: string }> = {
  partly_supported: { mark: '≈', label: '≈ må kontrolleres' },
  unsupported: { mark: '✗', label: '✗ ikke støttet' },
  contradicted: { mark: '✗', label: '✗ motsagt av kilden' },
  uncited: { mark: '✗', label: '✗ mangler kilde' },
};
const WITHDRAWN = { mark: '✗' as const, label: '✗ kilden er trukket tilbake' };

/**
 * Pair the draft's sentences with the stored report (same order: non-empty paragraphs, section by section; the
 * text is compared so a mismatch never marks the wrong sentence) and count the marks.
 * @example const r = reviewDraft(record.structured, record.verification, new Set()); r.summary // «Kildekontroll: 2 setninger må kontrolleres …»
 */
export function reviewDraft(
  draft: DraftDocument,
  verification: VerificationReport | undefined,
  withdrawnPassageIds: Set<string> = new Set(),
): DraftReview {
  const reports = verification?.sentences ?? [];
  const sentences = draft.sections.flatMap((s) => s.paragraphs.filter((p) => p.length).flat());
  const bySentence = new Map<DraftSentence, SentenceReview>();
  sentences.forEach((s, i) => {
    const r: SentenceReport | undefined = reports[i]?.text === s.text ? reports[i] : undefined;
    bySentence.set(s, reviewOf(s, r, withdrawnPassageIds));
  });
  const all = [...bySentence.values()];
  const review = all.filter((x) => x.mark === '≈').length;
  const bad = all.filter((x) => x.mark === '✗').length;
  const judged = all.filter((x) => x.judged).length;
  const lines: string[] = [];
  if (review + bad > 0) {
    const n = review + bad;
    const parts = [
      ...(bad ? [`${bad} er ikke støttet av kildene (✗)`] : []),
      ...(review ? [`${review} må leses mot kilden (≈)`] : []),
    ];
    lines.push(
      `Kildekontroll: ${n} ${n === 1 ? 'setning må' : 'setninger må'} kontrolleres før svaret sendes: ${parts.join(', ')}. De er merket i teksten.`,
    );
  } else if (sentences.length) lines.push('Kildekontroll: alle påstander er støttet av kildene de viser til (✓).');
  if (judged > 0)
    lines.push(
      `${judged} av vurderingene er gjort av en språkmodell (dommer), ikke bare de faste kontrollene; de er merket «vurdert av språkmodell».`,
    );
  return {
    of: (s) => bySentence.get(s) ?? { mark: null, label: null, reason: null, judged: false },
    review,
    bad,
    judged,
    summary: lines.length ? lines.join(' ') : null,
  };
}

function reviewOf(s: DraftSentence, r: SentenceReport | undefined, withdrawn: Set<string>): SentenceReview {
  const judged = !!r?.judge && 'decided' in r.judge && r.judge.decided === true;
  if (s.citations.some((c) => withdrawn.has(c.passageId)))
    return { ...WITHDRAWN, reason: 'Dokumentet setningen viser til, er trukket tilbake etter kontrollen.', judged };
  const verdict = r?.verdict ?? s.verdict;
  // A greeting or transition without a source is fine; an uncited claim is not.
  const claim = r ? r.claim : s.kind === 'claim';
  if (!verdict || verdict === 'supported' || (verdict === 'uncited' && !claim))
    return { mark: null, label: judged ? '✓ vurdert av språkmodell' : null, reason: null, judged };
  const l = LABEL[verdict];
  return { ...l, reason: r?.reasons[0] ?? null, judged };
}

/** The label as it stands in the text: «[≈ må kontrolleres]», with the judge noted when it decided. */
export function markText(r: SentenceReview): string | null {
  if (!r.label) return null;
  return `[${r.label}${r.judged && r.mark ? ', vurdert av språkmodell' : ''}]`;
}

/** The marks the Markdown export puts in front of sentences, removed from an edit sent back. */
export function stripMarks(markdown: string): string {
  return markdown.replace(/\[(?:≈|✗|✓) [^\]\n]*\] ?/g, '');
}

/** The word opening the review summary (an edit sent back drops the line). */
export const REVIEW_LEAD = 'Kildekontroll:';
