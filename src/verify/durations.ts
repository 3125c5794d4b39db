/**
 * Lengths of time written differently: «tolv måneder» is «ett år», «30 måneder» is «to år og seks måneder», «et
 * halvt års leie» is «seks måneders leie», «et kvart år» is «tre måneder», «to uker» is «14 dager». Where the cited
 * text gives the same length in other words, the sentence's wording is replaced by the cited text's before the
 * number, unit and overlap checks, so a faithful recount is not a changed figure. A length the cited text does not
 * give is left alone (and still checked).
 */
import { NUMBER_WORDS } from './numbers.js';

/** Number words that are no count of units («halvparten», «dobbelt»): a duration's amount never comes from them. */
const NOT_AN_AMOUNT = new Set(['halvparten', 'halvdelen', 'dobbelt']);
const NUMBER: Record<string, number> = {
  ...Object.fromEntries(Object.entries(NUMBER_WORDS).filter(([w]) => !NOT_AN_AMOUNT.has(w))),
  // Before a unit of time the article is the number one («ett år», «ein månad»), unlike elsewhere (numbers.ts).
  en: 1,
  ett: 1,
  et: 1,
  ei: 1,
  ein: 1,
  eitt: 1,
  eit: 1,
  // Month counts of whole years, as statutes and agreements write them.
  tjuefire: 24,
  trettiseks: 36,
  førtiåtte: 48,
};
/** Unit word → [kind, size]: months count years and months, days count weeks and days. */
const UNIT: [RegExp, 'months' | 'days', number][] = [
  [/^(?:år|års|åra|årene|året)$/u, 'months', 12],
  [/^(?:måned|måneds|måneder|måneders|månad|månads|månader|månaders|mnd)$/u, 'months', 1],
  [/^(?:uke|ukes|uker|ukers|veke|vekes|veker|vekers)$/u, 'days', 7],
  [/^(?:dag|dags|dager|dagers|døgn|døgns)$/u, 'days', 1],
];
const FRACTION: Record<string, number> = { halvt: 0.5, kvart: 0.25 };

export interface Duration {
  start: number;
  end: number;
  text: string;
  kind: 'months' | 'days';
  value: number;
}

const TOKEN = /[\p{L}\p{N}]+(?:,\d+)?/gu;

/** The lengths of time in a text, single («tre måneder») and summed («to år og seks måneder»). */
export function durations(text: string): Duration[] {
  const tokens = [...text.matchAll(TOKEN)].map((m) => ({
    w: m[0].toLowerCase(),
    start: m.index!,
    end: m.index! + m[0].length,
  }));
  const unitOf = (w: string) => UNIT.find(([re]) => re.test(w));
  const singles: (Duration & { last: number; first: number })[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    let amount: number | undefined;
    let at = i + 1;
    if (/^\d+(?:,\d+)?$/.test(t.w)) amount = Number(t.w.replace(',', '.'));
    else if (t.w in NUMBER) amount = NUMBER[t.w];
    else if (t.w in FRACTION) amount = FRACTION[t.w];
    else if (t.w === 'halvår' || t.w === 'halvåret') amount = 0.5;
    if (amount === undefined) continue;
    // «ett halvt år»: the article before a fraction is no number.
    if (tokens[at]?.w in FRACTION && NUMBER[t.w] === 1) {
      amount = FRACTION[tokens[at].w];
      at++;
    }
    const unit = t.w.startsWith('halvår') ? unitOf('år') : unitOf(tokens[at]?.w ?? '');
    if (!unit) continue;
    const last = t.w.startsWith('halvår') ? i : at;
    singles.push({
      start: t.start,
      end: tokens[last].end,
      text: text.slice(t.start, tokens[last].end),
      kind: unit[1],
      value: amount * unit[2],
      first: i,
      last,
    });
  }
  const out: Duration[] = singles.map(({ first: _f, last: _l, ...d }) => d);
  // «to år og seks måneder»: two lengths of one kind joined by «og» count as their sum too.
  for (let k = 0; k + 1 < singles.length; k++) {
    const [a, b] = [singles[k], singles[k + 1]];
    if (a.kind === b.kind && tokens[a.last + 1]?.w === 'og' && b.first === a.last + 2)
      out.push({
        start: a.start,
        end: b.end,
        text: text.slice(a.start, b.end),
        kind: a.kind,
        value: a.value + b.value,
      });
  }
  return out;
}

/**
 * The sentence with each length of time that the cited text gives in other words written as the cited text writes it.
 * @example alignDurations('Fristen er tolv måneder.', 'Fristen er ett år.') // → 'Fristen er ett år.'
 */
export function alignDurations(sentence: string, cited: string): string {
  const theirs = durations(cited);
  if (theirs.length === 0) return sentence;
  const mine = durations(sentence).sort((a, b) => b.end - b.start - (a.end - a.start));
  const taken: [number, number][] = [];
  const edits: { start: number; end: number; text: string }[] = [];
  for (const d of mine) {
    if (taken.some(([s, e]) => d.start < e && s < d.end)) continue;
    if (theirs.some((x) => x.text.toLowerCase() === d.text.toLowerCase())) {
      taken.push([d.start, d.end]);
      continue;
    }
    const same = theirs.find((x) => x.kind === d.kind && Math.abs(x.value - d.value) < 1e-9);
    if (!same) continue;
    taken.push([d.start, d.end]);
    edits.push({ start: d.start, end: d.end, text: same.text });
  }
  let out = sentence;
  for (const e of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}
