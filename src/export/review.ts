/**
 * What the verifier found, carried into every export: each sentence that is not ✓ gets a mark («≈ må
 * kontrolleres», «✗ ikke støttet» …), the file opens with a review summary («3 setninger må kontrolleres»), and it
 * says which verdicts the language-model judge made. A source withdrawn since the check counts as ✗, as on the page.
 * A Nynorsk draft gets its summary and marks in Nynorsk («≈ må kontrollerast», «Kjeldekontroll: …»); the verifier's
 * reasons in the Word comments stay as the verifier wrote them (Bokmål).
 *
 * A sentence citing one of the organisation's internal documents (visibility=internal) is marked too, and the
 * summary counts them: the export may go outside the organisation, so the reader checks those before sending. The
 * verdict is not changed by it (an internal source supports a sentence as well as a public one).
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
  /**
   * «Siterer et internt dokument («…»): kontroller før sending» when the sentence cites a document marked internal
   * (visibility=internal); null otherwise. Beside the verdict, never instead of it.
   */
  internal: string | null;
}

export interface DraftReview {
  of(sentence: DraftSentence): SentenceReview;
  /** Sentences marked ≈ and ✗. */
  review: number;
  bad: number;
  judged: number;
  /** Sentences citing an internal document. */
  internal: number;
  /** The summary under the title, starting with `lead`; null for a draft with no sentences. */
  summary: string | null;
  /** «Kildekontroll:» (Bokmål) or «Kjeldekontroll:» (Nynorsk). */
  lead: string;
}

type Lang = 'nb' | 'nn';

/** «A», «B» — each title once, square brackets made round so a Markdown mark stays one bracket. */
const quoted = (titles: string[]) =>
  [...new Set(titles)]
    .map((t) => `«${t.replace(/\[/g, '(').replace(/\]/g, ')').replace(/\s+/g, ' ').trim()}»`)
    .join(', ');

/** Every word the review adds to an export, in the draft's written standard. */
const WORDS = {
  nb: {
    lead: 'Kildekontroll:',
    label: {
      partly_supported: '≈ må kontrolleres',
      unsupported: '✗ ikke støttet',
      contradicted: '✗ motsagt av kilden',
      uncited: '✗ mangler kilde',
    } as Record<string, string>,
    withdrawn: '✗ kilden er trukket tilbake',
    withdrawnReason: 'Dokumentet setningen viser til, er trukket tilbake etter kontrollen.',
    toCheck: (n: number) => `${n} ${n === 1 ? 'setning må' : 'setninger må'} kontrolleres før svaret sendes`,
    bad: (n: number) => `${n} er ikke støttet av kildene (✗)`,
    review: (n: number) => `${n} må leses mot kilden (≈)`,
    marked: 'De er merket i teksten.',
    allGood: 'alle påstander er støttet av kildene de viser til (✓).',
    internalMark: (titles: string[]) =>
      `${titles.length === 1 ? 'Siterer et internt dokument' : 'Siterer interne dokumenter'} (${quoted(titles)}): kontroller før sending`,
    internal: (n: number, titles: string[]) =>
      `${n} ${n === 1 ? 'setning siterer' : 'setninger siterer'} ${titles.length === 1 ? 'et internt dokument' : 'interne dokumenter'} (${quoted(titles)}) og er merket i teksten: kontroller før sending at innholdet kan deles utenfor organisasjonen.`,
    judged: (n: number) =>
      `${n} av vurderingene er gjort av en språkmodell (dommer), ikke bare de faste kontrollene; de er merket «vurdert av språkmodell».`,
  },
  nn: {
    lead: 'Kjeldekontroll:',
    label: {
      partly_supported: '≈ må kontrollerast',
      unsupported: '✗ ikkje støtta',
      contradicted: '✗ motsagt av kjelda',
      uncited: '✗ manglar kjelde',
    } as Record<string, string>,
    withdrawn: '✗ kjelda er trekt tilbake',
    withdrawnReason: 'Dokumentet setninga viser til, er trekt tilbake etter kontrollen.',
    toCheck: (n: number) => `${n} ${n === 1 ? 'setning må' : 'setningar må'} kontrollerast før svaret blir sendt`,
    bad: (n: number) => `${n} er ikkje støtta av kjeldene (✗)`,
    review: (n: number) => `${n} må lesast mot kjelda (≈)`,
    marked: 'Dei er merkte i teksten.',
    allGood: 'alle påstandane er støtta av kjeldene dei viser til (✓).',
    internalMark: (titles: string[]) =>
      `${titles.length === 1 ? 'Siterer eit internt dokument' : 'Siterer interne dokument'} (${quoted(titles)}): kontroller før sending`,
    internal: (n: number, titles: string[]) =>
      `${n} ${n === 1 ? 'setning siterer' : 'setningar siterer'} ${titles.length === 1 ? 'eit internt dokument' : 'interne dokument'} (${quoted(titles)}) og er merkte i teksten: kontroller før sending at innhaldet kan delast utanfor organisasjonen.`,
    judged: (n: number) =>
      `${n} av vurderingane er gjorde av ein språkmodell (dommar), ikkje berre dei faste kontrollane; dei er merkte «vurdert av språkmodell».`,
  },
} as const;

const MARK: Record<string, '≈' | '✗'> = {
  partly_supported: '≈',
  unsupported: '✗',
  contradicted: '✗',
  uncited: '✗',
};

/**
 * Pair the draft's sentences with the stored report (same order: non-empty paragraphs, section by section; the
 * text is compared so a mismatch never marks the wrong sentence) and count the marks. `internal`: the cited passages
 * whose document is internal, by passage id, with the document's title.
 * @example const r = reviewDraft(record.structured, record.verification, new Set()); r.summary // «Kildekontroll: 2 setninger må kontrolleres …»
 */
export function reviewDraft(
  draft: DraftDocument,
  verification: VerificationReport | undefined,
  withdrawnPassageIds: Set<string> = new Set(),
  internal: ReadonlyMap<string, { title: string }> = new Map(),
): DraftReview {
  const lang: Lang = draft.language === 'nn' ? 'nn' : 'nb';
  const w = WORDS[lang];
  const reports = verification?.sentences ?? [];
  const sentences = draft.sections.flatMap((s) => s.paragraphs.filter((p) => p.length).flat());
  const bySentence = new Map<DraftSentence, SentenceReview>();
  sentences.forEach((s, i) => {
    const r: SentenceReport | undefined = reports[i]?.text === s.text ? reports[i] : undefined;
    const titles = s.citations.flatMap((c) => {
      const doc = internal.get(c.passageId);
      return doc ? [doc.title] : [];
    });
    // Each document once: two passages of one note are «et internt dokument».
    bySentence.set(s, {
      ...reviewOf(s, r, withdrawnPassageIds, lang),
      internal: titles.length ? w.internalMark([...new Set(titles)]) : null,
    });
  });
  const all = [...bySentence.values()];
  const review = all.filter((x) => x.mark === '≈').length;
  const bad = all.filter((x) => x.mark === '✗').length;
  const judged = all.filter((x) => x.judged).length;
  const internalCount = all.filter((x) => x.internal).length;
  const lines: string[] = [];
  if (review + bad > 0) {
    const n = review + bad;
    const parts = [...(bad ? [w.bad(bad)] : []), ...(review ? [w.review(review)] : [])];
    lines.push(`${w.lead} ${w.toCheck(n)}: ${parts.join(', ')}. ${w.marked}`);
  } else if (sentences.length) lines.push(`${w.lead} ${w.allGood}`);
  if (internalCount > 0) {
    const titles = sentences.flatMap((s) => s.citations.flatMap((c) => internal.get(c.passageId)?.title ?? []));
    lines.push(w.internal(internalCount, [...new Set(titles)]));
  }
  if (judged > 0) lines.push(w.judged(judged));
  return {
    of: (s) => bySentence.get(s) ?? { mark: null, label: null, reason: null, judged: false, internal: null },
    review,
    bad,
    judged,
    internal: internalCount,
    summary: lines.length ? lines.join(' ') : null,
    lead: w.lead,
  };
}

function reviewOf(
  s: DraftSentence,
  r: SentenceReport | undefined,
  withdrawn: Set<string>,
  lang: Lang,
): Omit<SentenceReview, 'internal'> {
  const w = WORDS[lang];
  const judged = !!r?.judge && 'decided' in r.judge && r.judge.decided === true;
  if (s.citations.some((c) => withdrawn.has(c.passageId)))
    return { mark: '✗', label: w.withdrawn, reason: w.withdrawnReason, judged };
  const verdict = r?.verdict ?? s.verdict;
  // A greeting or transition without a source is fine; an uncited claim is not.
  const claim = r ? r.claim : s.kind === 'claim';
  if (!verdict || verdict === 'supported' || (verdict === 'uncited' && !claim))
    return { mark: null, label: judged ? '✓ vurdert av språkmodell' : null, reason: null, judged };
  return { mark: MARK[verdict], label: w.label[verdict], reason: r?.reasons[0] ?? null, judged };
}

/**
 * The label as it stands in the text: «[≈ må kontrolleres]», with the judge noted when it decided, and after it the
 * internal-source mark («[Siterer et internt dokument («…»): kontroller før sending]»). The mark's full stops are
 * escaped so the Markdown reader does not end a sentence inside it (verify/markdownParagraph.ts).
 */
export function markText(r: SentenceReview): string | null {
  const marks = [
    ...(r.label ? [`[${r.label}${r.judged && r.mark ? ', vurdert av språkmodell' : ''}]`] : []),
    ...(r.internal ? [`[${escapeMarkdown(r.internal)}]`] : []),
  ];
  return marks.length ? marks.join(' ') : null;
}

/** A backslash, a sentence end and the `&` of `&lt;`/`&amp;` escaped as the Markdown form reads them. */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\.!?…]/g, '\\$&').replace(/&(?=(?:lt|amp);)/g, '\\&');
}
