/**
 * A draft version as Markdown for download: the stored Markdown (title, sections, footnotes with passage id and
 * quote) with the extractive label under the title when it has one. PUT /drafts/:id accepts this file back; the
 * label line is ignored there.
 */
import type { DraftDocument } from '../draft/types.js';

export function draftToMarkdown({ draft, markdown }: { draft: DraftDocument; markdown: string }): string {
  if (!draft.notice) return markdown;
  const lines = markdown.split('\n');
  const at = lines[0]?.startsWith('# ') ? 1 : 0;
  lines.splice(at, 0, ...(at ? [''] : []), `*${draft.notice}*`, ...(at ? [] : ['']));
  return lines.join('\n');
}
