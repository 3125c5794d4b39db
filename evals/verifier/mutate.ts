/**
 * The edits that turn a genuine sentence or quote into a faulty one, as a language model would get it wrong.
 * Each returns null when the text offers nothing to edit.
 */
import { STOPWORDS } from '../../src/text/words.js';

const NUMBER_WORDS = ['to', 'tre', 'fire', 'fem', 'seks', 'sju', 'åtte', 'ni', 'ti', 'tolv', 'tjue', 'hundre'];

/** Change one number: 850 000 → 950 000, 2017 → 2019, 2/3 → 3/4, "seks" → "sju". */
export function mutateNumber(sentence: string, rand: () => number): string | null {
  const digits = [...sentence.matchAll(/(?<![\p{L}\p{N}])\d+(?:[ \u00A0\u202F]\d{3})*(?:[.,/]\d+)?/gu)];
  if (digits.length) {
    const m = digits[Math.floor(rand() * digits.length)];
    return sentence.slice(0, m.index) + changeDigits(m[0], rand) + sentence.slice(m.index + m[0].length);
  }
  const words = [...sentence.matchAll(/(?<![\p{L}])(\p{L}+)(?![\p{L}])/gu)].filter((m) =>
    NUMBER_WORDS.includes(m[1].toLowerCase()),
  );
  if (!words.length) return null;
  const m = words[Math.floor(rand() * words.length)];
  const i = NUMBER_WORDS.indexOf(m[1].toLowerCase());
  return (
    sentence.slice(0, m.index) + NUMBER_WORDS[(i + 1) % NUMBER_WORDS.length] + sentence.slice(m.index + m[0].length)
  );
}

function changeDigits(num: string, rand: () => number): string {
  if (/^(19|20)\d\d$/.test(num)) return String(Number(num) + 1 + Math.floor(rand() * 4));
  const first = num.search(/[1-9]/);
  if (first < 0) return num.replace(/0$/, '5');
  return num.slice(0, first) + String((Number(num[first]) % 9) + 1) + num.slice(first + 1);
}

// NOTE: \b is ASCII-only in JavaScript even with /u, so word edges are written as \p{L} look-arounds.
const FINITE =
  /(?<!\p{L})(er|var|har|hadde|kan|kunne|skal|skulle|vil|ville|må|bør|blir|ble|får|fikk|gir|ga|gjør|krever|trenger|betyr|bidrar|sikrer|fører|finnes|fins)(?!\p{L})/iu;
const NEGATED = /(?<!\p{L})(ikke|ikkje|aldri|ingen|verken|hverken|uten|mangler)(?!\p{L})/iu;

/** Insert "ikke" after the first finite verb of the claim (after "mener at" when framed). */
export function addNegation(sentence: string): string | null {
  const from = Math.max(0, sentence.indexOf(' at ') + 1);
  const m = FINITE.exec(sentence.slice(from));
  if (!m) return null;
  const at = from + m.index + m[0].length;
  if (NEGATED.test(sentence.slice(Math.max(0, at - 40), at + 40))) return null;
  return `${sentence.slice(0, at)} ikke${sentence.slice(at)}`;
}

/** Drop a negation: "ikke", "ikkje", "aldri" (not "ikke bare", "ikke minst"), or "uten" → "med". */
export function removeNegation(sentence: string): string | null {
  const m = /\s(ikke|ikkje|aldri)(?!\p{L})(?!\s+(bare|berre|minst|kun))/iu.exec(sentence);
  if (m) return sentence.slice(0, m.index) + sentence.slice(m.index + m[0].length);
  const u = /(?<!\p{L})uten(?!\p{L})/u.exec(sentence);
  return u ? sentence.slice(0, u.index) + 'med' + sentence.slice(u.index + 4) : null;
}

/** Replace one or two content words of a quote with words from another text: a plausible, invented quote. */
export function replaceWords(quote: string, donor: string, rand: () => number): string | null {
  const isContent = (w: string) => w.length >= 5 && !STOPWORDS.has(w.toLowerCase());
  const targets = [...quote.matchAll(/\p{L}+/gu)].filter((m) => isContent(m[0]));
  const fillers = [...new Set((donor.match(/\p{L}+/gu) ?? []).filter(isContent).map((w) => w.toLowerCase()))];
  if (targets.length < 2 || fillers.length < 2) return null;
  let out = quote;
  const count = rand() < 0.5 ? 1 : 2;
  for (let k = 0; k < count; k++) {
    const all = [...out.matchAll(/\p{L}+/gu)].filter((m) => isContent(m[0]));
    const t = all[Math.floor(rand() * all.length)];
    const f = fillers[Math.floor(rand() * fillers.length)];
    if (f === t[0].toLowerCase()) continue;
    out = out.slice(0, t.index) + f + out.slice(t.index + t[0].length);
  }
  return out === quote ? null : out;
}
