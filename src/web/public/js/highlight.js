// Find a citation's quote in its passage and show it with <mark>. The verifier reports true offsets when it found
// the quote; otherwise we look for it ourselves, first exactly, then ignoring case, spacing and quote-mark style.

/**
 * @returns {{ start: number, end: number } | null}
 * @example findQuote('Vi støtter dette. Og mer.', 'støtter dette') // { start: 3, end: 16 }
 */
export function findQuote(text, quote, hint) {
  if (!text || !quote) return null;
  if (
    hint &&
    Number.isInteger(hint.start) &&
    Number.isInteger(hint.end) &&
    hint.end > hint.start &&
    hint.end <= text.length
  ) {
    if (normalise(text.slice(hint.start, hint.end)).text === normalise(quote).text)
      return { start: hint.start, end: hint.end };
  }
  const exact = text.indexOf(quote);
  if (exact !== -1) return { start: exact, end: exact + quote.length };
  const t = normalise(text);
  const q = normalise(quote).text.trim();
  if (!q) return null;
  const at = t.text.indexOf(q);
  if (at === -1) return null;
  return { start: t.map[at], end: t.map[at + q.length - 1] + 1 };
}

/** Lower case, runs of whitespace as one space, typographic quotes and dashes as plain ones; `map` leads back. */
function normalise(s) {
  let out = '';
  const map = [];
  let lastSpace = false;
  for (let i = 0; i < s.length; i++) {
    let ch = s[i];
    if (/\s/.test(ch)) {
      if (lastSpace) continue;
      ch = ' ';
      lastSpace = true;
    } else lastSpace = false;
    if ('«»“”„"'.includes(ch)) ch = '"';
    else if ('‘’‚'.includes(ch)) ch = "'";
    else if ('–—‐-'.includes(ch)) ch = '-';
    out += ch.toLowerCase();
    map.push(i);
  }
  return { text: out, map };
}

/** The passage text as nodes, with the located quote wrapped in <mark>. */
export function markedText(text, range) {
  if (!range) return [document.createTextNode(text)];
  const mark = document.createElement('mark');
  mark.textContent = text.slice(range.start, range.end);
  return [document.createTextNode(text.slice(0, range.start)), mark, document.createTextNode(text.slice(range.end))];
}
