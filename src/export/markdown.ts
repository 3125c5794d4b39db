/**
 * A draft version as Markdown for download: the stored Markdown (title, sections, footnotes with passage id and
 * quote) with the extractive label and, when cited documents have been withdrawn since, a warning under the
 * title, raw HTML and non-http(s) links from source text escaped (safeMarkdown.ts). PUT /drafts/:id accepts this file back; those lines are dropped there (isExportNoteLine).
 */
import type { DraftDocument } from '../draft/types.js';
import type { Withdrawal } from '../store/documents.js';
import { safeMarkdown } from './safeMarkdown.js';
import { WITHDRAWN_LEAD, withdrawnWarning } from './withdrawn.js';

const WARNING_LINE = (text: string) => `> **${WITHDRAWN_LEAD}**${text.slice(WITHDRAWN_LEAD.length)}`;

export function draftToMarkdown({
  draft,
  markdown,
  withdrawn = [],
}: {
  draft: DraftDocument;
  markdown: string;
  withdrawn?: Iterable<Withdrawal>;
}): string {
  const warning = withdrawnWarning(withdrawn, draft.language);
  const notes = [...(draft.notice ? [`*${draft.notice}*`] : []), ...(warning ? [WARNING_LINE(warning)] : [])];
  const safe = safeMarkdown(markdown);
  if (notes.length === 0) return safe;
  const lines = safe.split('\n');
  const at = lines[0]?.startsWith('# ') ? 1 : 0;
  const block = notes.flatMap((n, i) => (i ? ['', n] : [n]));
  lines.splice(at, 0, ...(at ? [''] : []), ...block, ...(at ? [] : ['']));
  return lines.join('\n');
}

/** A line the export adds (the withdrawn-sources warning) that an edit sent back must not take as text. */
export function isExportNoteLine(line: string): boolean {
  return line.trim().startsWith(`> **${WITHDRAWN_LEAD}**`) && /(trukket|trekt|trekte) tilbake/.test(line);
}
