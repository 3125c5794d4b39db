/**
 * A draft version as Markdown for download: the stored Markdown (title, sections, footnotes with passage id and
 * quote) with a notice saying who wrote the version (versionNotice.ts), the verifier's review summary and, when cited documents have been withdrawn
 * or replaced since, a warning under the title; raw HTML and non-http(s) links from source text are escaped (safeMarkdown.ts). Every sentence that is not ✓ starts with a visible mark («[≈ må kontrolleres]»,
 * «[✗ ikke støttet]» …), and every sentence citing an internal document is marked «[Siterer et internt dokument (…):
 * kontroller før sending]» and counted in the summary. The Markdown parser (verify/markdown.ts) reads this file back as the draft: the added
 * lines and the marks are not text (verify/markdownNotes.ts), so POST /verify, `npm run verify` and PUT
 * /drafts/:id read an export the same way.
 */
import type { VerificationReport } from '../domain/verification.js';
import { toStructured } from '../draft/structured.js';
import type { DraftDocument } from '../draft/types.js';
import type { Withdrawal } from '../store/documents.js';
import { safeMarkdown } from './safeMarkdown.js';
import { renderMarkdown } from '../verify/index.js';
import { markText, reviewDraft } from './review.js';
import type { Replacement } from '../store/drafts.js';
import { WITHDRAWN_LEAD, replacedWarning, withdrawnWarning } from './withdrawn.js';
import { versionNotice, type VersionAuthor } from './versionNotice.js';
import { versionLine } from '../verify/markdownNotes.js';

const WARNING_LINE = (text: string) => `> **${WITHDRAWN_LEAD}**${text.slice(WITHDRAWN_LEAD.length)}`;
const REVIEW_LINE = (text: string, lead: string) => `> **${lead}**${text.slice(lead.length)}`;

/**
 * @example draftToMarkdown({ draft, markdown, verification, author: { provider: 'person', model: 'manuell redigering' } })
 */
export function draftToMarkdown({
  draft,
  markdown,
  verification,
  author,
  withdrawn = new Map(),
  replaced = new Map(),
  internal = new Map(),
  version,
}: {
  draft: DraftDocument;
  /**
   * The stored version exported: written as «*Versjon 3 av utkastet*», so a file sent back (PUT /drafts/:id) is held
   * to the version it was made from, as the page's save is (`baseVersion`).
   */
  version?: number;
  markdown: string;
  /** Who wrote the version, for its notice; without it the file has none (the stored draft's notice is not used). */
  author?: VersionAuthor;
  /** The stored report; without it the sentences' own verdicts are used. */
  verification?: VerificationReport;
  /** Withdrawn documents the draft cites, by passage id. */
  withdrawn?: Map<string, Withdrawal>;
  /** Replaced documents the draft cites, by passage id (their sentences already marked ✗: draft/replaced.ts). */
  replaced?: Map<string, Pick<Replacement, 'documentId' | 'title' | 'organisation' | 'replacedAt'>>;
  /** Cited passages whose document is internal, by passage id (internalSources.ts). */
  internal?: ReadonlyMap<string, { title: string }>;
}): string {
  const review = reviewDraft(draft, verification, new Set(withdrawn.keys()), internal);
  const marked = review.review + review.bad + review.judged + review.internal > 0;
  if (marked) {
    // NOTE: rendered again from the structured draft with each mark in front of its sentence, so the marks sit
    // where the sentences are whatever the stored Markdown's line layout. Marks go in the order toStructured
    // writes the sentences (non-empty paragraphs, section by section), the order reviewDraft pairs them in.
    const marks = draft.sections.flatMap((s) =>
      s.paragraphs.filter((p) => p.length).flatMap((p) => p.map((t) => markText(review.of(t)))),
    );
    markdown = renderMarkdown(toStructured(draft), { marks });
  }
  const warnings = [
    withdrawnWarning(withdrawn.values(), draft.language),
    replacedWarning(replaced.values(), draft.language),
  ].filter((w): w is string => w !== null);
  const notice = versionNotice(author, draft.language);
  const notes = [
    ...(version !== undefined ? [versionLine(version)] : []),
    ...(notice ? [`*${notice}*`] : []),
    ...(review.summary ? [REVIEW_LINE(review.summary, review.lead)] : []),
    ...warnings.map(WARNING_LINE),
  ];
  const safe = safeMarkdown(markdown);
  if (notes.length === 0) return safe;
  const lines = safe.split('\n');
  const at = lines[0]?.startsWith('# ') ? 1 : 0;
  const block = notes.flatMap((n, i) => (i ? ['', n] : [n]));
  lines.splice(at, 0, ...(at ? [''] : []), ...block, ...(at ? [] : ['']));
  return lines.join('\n');
}

/**
 * A line the export adds (the notice, the review summary, the withdrawn-sources warning) that is not the draft's
 * text; the Markdown parser drops it, and the marks, itself (verify/markdownNotes.ts).
 */
export { isExportNoteLine } from '../verify/markdownNotes.js';
