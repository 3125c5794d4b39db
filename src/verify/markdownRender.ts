/**
 * Structured draft → Markdown (the inverse of parseMarkdown; see markdown.ts for the rules).
 */
import { StructuredDraftSchema, type Citation, type Sentence, type StructuredDraft } from './format.js';
import { fromZodError } from './errors.js';
import { renderFootnote } from './footnotes.js';
import { looksLikeMark } from './markdownNotes.js';
import { ENTITY, parseParagraph } from './markdownParagraph.js';
import { splitSentences } from '../text/sentences.js';

/**
 * Render a draft as Markdown with numbered footnotes, one per citation. `marks` (the export's review marks, e.g.
 * «[≈ må kontrolleres]»; markdownNotes.ts) go in front of the sentences, in order through the sections; null for none.
 * @example renderMarkdown({ sections: [{ sentences: [{ text: 'Vi støtter satsinga.', citations: [] }] }] })
 *   === 'Vi støtter satsinga.\n'
 */
export function renderMarkdown(
  input: StructuredDraft,
  { marks = [] }: { marks?: readonly (string | null)[] } = {},
): string {
  const parsed = StructuredDraftSchema.safeParse(input);
  if (!parsed.success) throw fromZodError(parsed.error);
  const draft = parsed.data;
  const blocks: string[] = [];
  const footnotes: string[] = [];
  const cite = (c: Citation) => {
    footnotes.push(renderFootnote(footnotes.length + 1, c));
    return `[^${footnotes.length}]`;
  };
  if (draft.title !== undefined) blocks.push(`# ${escapeLine(draft.title)}`);
  let n = 0;
  for (const section of draft.sections) {
    if (section.heading !== undefined) blocks.push(`## ${escapeLine(section.heading)}`);
    const marksHere = section.sentences.map(() => marks[n++] ?? null);
    if (section.sentences.length) blocks.push(renderParagraph(section.sentences, marksHere, cite));
  }
  if (footnotes.length) blocks.push(footnotes.join('\n'));
  return blocks.join('\n\n') + '\n';
}

/** One paragraph if it splits back into the same sentences, else one sentence per hard-broken line. */
function renderParagraph(sentences: Sentence[], marks: (string | null)[], cite: (c: Citation) => string): string {
  const bodies = sentences.map((s, i) => (marks[i] ? `${marks[i]} ` : '') + escapeSentence(s.text));
  const refs = sentences.map((s) => s.citations.map(() => '[^0]').join(''));
  const joined = bodies.map((b, i) => b + refs[i]).join(' ');
  const back = parseParagraph([{ text: joined, line: 1 }]);
  const same =
    back.length === sentences.length &&
    back.every((b, i) => b.text === sentences[i].text && b.refs.length === sentences[i].citations.length);
  const withRefs = sentences.map((s, i) => bodies[i] + s.citations.map(cite).join(''));
  return same ? withRefs.join(' ') : withRefs.join('\\\n');
}

/**
 * Escape what Markdown or our splitter would read differently: backslashes, `[^`, the `&` of `&lt;`/`&amp;`, a
 * block marker or something that looks like a review mark at the start, and every full stop (or ! ? …) where the
 * splitter would end the sentence early.
 */
function escapeSentence(text: string): string {
  const internal = new Set(
    splitSentences(text)
      .slice(0, -1)
      .map((s) => lastTerminal(text, s.end)),
  );
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    const entity = c === '&' && ENTITY.test(text.slice(i, i + 5));
    if (c === '\\' || (c === '[' && text[i + 1] === '^') || internal.has(i) || entity) out += '\\';
    out += c;
  }
  return looksLikeMark(out) ? `\\${out}` : escapeStart(out);
}

function escapeLine(text: string): string {
  return escapeStart(
    text
      .replace(/\\/g, '\\\\')
      .replace(/\[\^/g, '\\[^')
      .replace(/&(?=(?:lt|amp);)/g, '\\&'),
  ).replace(/(\s)(#+)$/, '$1\\$2');
}

/** A leading #, list marker, quote marker or "1." would start a block instead of text. */
function escapeStart(text: string): string {
  const ordered = /^(\d{1,9})([.)])(?=\s|$)/.exec(text);
  if (ordered) return `${ordered[1]}\\${ordered[2]}${text.slice(ordered[0].length)}`;
  return /^[#>*+-]/.test(text) ? `\\${text}` : text;
}

function lastTerminal(text: string, end: number): number {
  let i = end - 1;
  while (i > 0 && !'.!?…'.includes(text[i])) i--;
  return i;
}
