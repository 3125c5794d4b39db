/**
 * A stored draft read after a document it cites was replaced (PUT /documents/:id with a new file): the stored
 * verdicts were about the old text, so each sentence citing the replaced document is shown as not supported (✗),
 * with a reason naming the document, in the structured draft and the verification report alike. The API, the page
 * and both exports then say the same as the list's badge (store/drafts.ts changedCitationsSql), and a new check
 * («Kontroller kilder», or an edit saved as a new version) gives the verdicts of the new text.
 */
import type { DraftDocument, VerificationReport } from '../domain/index.js';
import { VERDICTS } from '../domain/verification.js';
import type { Replacement } from '../store/drafts.js';
import type { DraftContent } from './redact.js';

/** The reason a sentence citing a replaced document gets, in Bokmål like the verifier's reasons. */
export function replacedReason(r: Pick<Replacement, 'title'>): string {
  return (
    `Dokumentet «${r.title}» som setningen viser til, er erstattet av en ny versjon etter kontrollen: ` +
    'kontroller kildene på nytt mot den nye versjonen.'
  );
}

/**
 * `content` with every sentence citing a `replaced` passage marked ✗ (unsupported); the same object when none is.
 * @example markReplaced(record, replaced).verification.ok // false when a cited document was replaced since
 */
export function markReplaced<T extends DraftContent>(content: T, replaced: Map<string, Replacement>): T {
  if (replaced.size === 0) return content;
  const hit = (citations: { passageId: string }[]) =>
    citations.map((c) => replaced.get(c.passageId)).find((r) => r !== undefined);
  const structured: DraftDocument = {
    ...content.structured,
    sections: content.structured.sections.map((s) => ({
      ...s,
      paragraphs: s.paragraphs.map((p) =>
        p.map((t) => (hit(t.citations) ? { ...t, verdict: 'unsupported' as const } : t)),
      ),
    })),
  };
  const sentences = content.verification.sentences.map((s) => {
    const r = hit(s.citations);
    if (!r) return s;
    // NOTE: the judge's answer was about the old text; left in, the exports would credit the ✗ to it.
    const { judge: _judge, ...rest } = s;
    return { ...rest, verdict: 'unsupported' as const, reasons: [replacedReason(r), ...s.reasons] };
  });
  const verdicts = Object.fromEntries(
    VERDICTS.map((v) => [v, sentences.filter((s) => s.verdict === v).length]),
  ) as VerificationReport['summary']['verdicts'];
  const verification: VerificationReport = {
    ...content.verification,
    ok: false,
    sentences,
    summary: { ...content.verification.summary, verdicts },
  };
  return { ...content, structured, verification };
}
