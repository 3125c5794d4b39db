/**
 * Markdown that is safe to open in a renderer: a draft quotes source text (passages, titles) verbatim, and a
 * passage may hold raw HTML (`<img src=x onerror=…>`) or a `javascript:` link. The export escapes every `<` (so no
 * tag or autolink survives as markup) and turns links whose target is not http(s) into their plain text.
 *
 * NOTE: it escapes rather than drops, so the quoted words stay readable; an exported quote with `&lt;` then no
 * longer matches its passage byte for byte, which is the right trade for a file meant for people.
 */

/**
 * `[text](target)` where target does not start with http(s):// or # (in-page anchors); the target may hold one
 * level of balanced parentheses, as CommonMark allows (`javascript:alert(1)`).
 */
const UNSAFE_INLINE_LINK = /(!?)\[([^\]\n]*)\]\(\s*<?(?!https?:\/\/|#)((?:[^()\n]|\([^()\n]*\))*)\)/gi;
/** A reference definition `[label]: target` with a non-http(s) scheme (footnote definitions `[^n]:` are text). */
const UNSAFE_REFERENCE = /^(\s{0,3})\[(?!\^)([^\]\n]+)\]:\s*<?(?!https?:\/\/)[a-z][a-z0-9+.-]*:\S*.*$/gim;

/**
 * @example safeMarkdown('«<img src=x onerror=alert(1)>» [x](javascript:alert(1))') === '«&lt;img src=x onerror=alert(1)>» x'
 */
export function safeMarkdown(markdown: string): string {
  return markdown
    .replace(/</g, '&lt;')
    .replace(UNSAFE_INLINE_LINK, (_m, _bang: string, text: string) => text)
    .replace(UNSAFE_REFERENCE, (_m, indent: string, label: string) => `${indent}${label}`);
}
