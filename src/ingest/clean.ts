/**
 * Cleaning: normalise whitespace and invisible characters, then drop collected-text boilerplate with
 * the rules in boilerplate-rules.ts. Line structure is kept (blank lines included) because PDF repair,
 * which runs next, reads the blank-line pattern.
 */
import { BOILERPLATE_RULES, type BoilerplateRule } from './boilerplate-rules.js';

export interface CleanOptions {
  /** Markdown input: keep leading indentation (nested lists, code) and drop YAML front matter. */
  markdown?: boolean;
  rules?: readonly BoilerplateRule[];
  /** The loader's syntax ('pdf', 'html', …): rules that keep their match in it are skipped. */
  format?: string;
}

export interface Removal {
  rule: string;
  text: string;
}

export interface CleanResult {
  text: string;
  /** What the rules removed, in order; useful for logs and for reviewing a new rule. */
  removed: Removal[];
}

// Spaces that should read as an ordinary space: tab, NBSP, the U+2000 block, narrow NBSP, ideographic.
const SPACE_LIKE = /[\t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;
// Soft hyphen, zero-width space, word joiner, BOM: invisible in print, but they break word matching.
const INVISIBLE = /[\u00AD\u200B\u2060\uFEFF]/g;
// C0 controls other than \n (tab and \f are handled first). Ingest also relies on this to keep its
// private split markers (\u0001, \u0002) out of document text.
const CONTROL = /[\u0000-\u0009\u000B-\u001F\u007F]/g;

/**
 * Normalise characters and whitespace without changing the line structure.
 * @example normalizeWhitespace('a\u00A0 b  \r\nkompe\u00ADtanse') === 'a b\nkompetanse'
 */
export function normalizeWhitespace(raw: string, keepIndent = false): string {
  const text = raw
    .normalize('NFC') // "å" as one code point, so offsets and matching agree across sources
    .replace(/\r\n?|[\u2028\u2029]/g, '\n')
    .replace(/\f/g, '\n') // a page break is at least a line break
    .replace(/\u00AD[ \t]*\n[ \t]*/g, '') // a soft hyphen at a line end joins the word halves
    .replace(INVISIBLE, '')
    .replace(SPACE_LIKE, ' ')
    .replace(CONTROL, '');
  return text
    .split('\n')
    .map((line) => {
      const indent = keepIndent ? (/^ */.exec(line)?.[0] ?? '') : '';
      return indent + line.trim().replace(/ {2,}/g, ' ');
    })
    .join('\n');
}

/** Apply boilerplate rules in order, recording every removal. */
function applyRules(text: string, rules: readonly BoilerplateRule[] = BOILERPLATE_RULES, format?: string): CleanResult {
  const removed: Removal[] = [];
  let out = text;
  for (const rule of rules) {
    if (format && rule.keepIn?.includes(format)) continue;
    out = out.replace(rule.pattern, (match) => {
      removed.push({ rule: rule.name, text: match.trim() });
      return rule.replacement ?? '';
    });
  }
  return { text: out, removed };
}

// YAML front matter ("---\ntitle: …\n---") at the very start of a Markdown file: metadata, not text.
const FRONT_MATTER = /^---\n[\s\S]*?\n(?:---|\.\.\.)[ \t]*(?:\n|$)/;

/** Drop Markdown front matter; run after normalisation (line ends are \n). */
function stripFrontMatter(text: string): string {
  return text.replace(FRONT_MATTER, '');
}

/**
 * Clean collected text: normalise, drop boilerplate, trim the ends. Blank-line runs are left for
 * repair to read; `tidyBlankLines` collapses them at the end of ingest.
 * @example cleanText('Foto: NTB\nKommunene må få mer.').text === 'Kommunene må få mer.'
 */
export function cleanText(raw: string, options: CleanOptions = {}): CleanResult {
  const markdown = options.markdown ?? false;
  const normalised = normalizeWhitespace(raw, markdown);
  const { text, removed } = applyRules(
    markdown ? stripFrontMatter(normalised) : normalised,
    options.rules,
    options.format,
  );
  // A removal can leave a line of spaces; trim again so blank lines are truly empty.
  const trimmed = text
    .split('\n')
    .map((l) => l.trimEnd())
    .join('\n');
  return { text: trimmed.replace(/^\n+/, '').trimEnd(), removed };
}

/** Collapse runs of blank lines to one and trim the document: the form that is stored. */
export function tidyBlankLines(text: string): string {
  return text.replace(/\n{3,}/g, '\n\n').trim();
}
