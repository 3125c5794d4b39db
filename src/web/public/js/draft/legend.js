// The legend for the footnote colours and the one-line summary of a draft's verification.
import { h } from '../dom.js';
import { LEGEND, verdictInfo } from '../labels.js';
import { canonicalLine, flatSentences, summarise } from './model.js';

export function legend() {
  const items = LEGEND.map(([verdict, explanation]) => ({ v: verdictInfo(verdict), verdict, explanation }));
  const name = (i) => (i.verdict === 'unsupported' ? 'Ikke støttet eller motsagt' : i.v.label);
  return h(
    'div',
    { class: 'legend' },
    h('h2', { class: 'legend__title', id: 'forklaring' }, 'Fotnotene:'),
    h(
      'ul',
      { class: 'legend__list', 'aria-labelledby': 'forklaring' },
      items.map((i) =>
        h(
          'li',
          {},
          h('span', { class: ['fn', 'fn--sample', `verdict--${i.v.group}`], 'aria-hidden': 'true' }, i.v.symbol),
          ' ',
          name(i),
        ),
      ),
    ),
    h(
      'details',
      { class: 'legend__more' },
      h('summary', {}, 'Hva betyr de?'),
      h(
        'dl',
        {},
        items.map((i) => [h('dt', {}, name(i)), h('dd', {}, i.explanation)]),
      ),
    ),
  );
}

/** "Alle 18 påstandene er støttet av kildene." or what needs attention. */
export function summaryLine(model) {
  const s = summarise(model);
  if (s.changed)
    return {
      kind: 'pending',
      symbol: '?',
      text: `${s.changed} ${s.changed === 1 ? 'setning er endret' : 'setninger er endret'} etter siste kontroll.`,
    };
  if (s.claims === 0) return { kind: 'none', symbol: '–', text: 'Utkastet har ingen påstander som trenger kilde.' };
  if (s.supported === s.claims)
    return { kind: 'supported', symbol: '✓', text: `Alle ${s.claims} påstandene er støttet av kildene.` };
  const parts = [];
  if (s.bad) parts.push(`${s.bad} ikke støttet`);
  if (s.partly) parts.push(`${s.partly} delvis støttet`);
  return {
    kind: s.bad ? 'unsupported' : 'partly',
    symbol: s.bad ? '✗' : '≈',
    text: `${s.supported} av ${s.claims} påstander er støttet av kildene; ${parts.join(', ')}. Se de markerte fotnotene.`,
  };
}

/**
 * The line after the summary when sentences cite internal documents, as the exports' review summary says it; null
 * when none do. Counted apart from the verdicts: an internal source supports a sentence as well as a public one.
 */
export function internalLine(model) {
  const marked = flatSentences(model).filter((s) => s.internal?.length && canonicalLine(s.text));
  if (!marked.length) return null;
  const titles = [...new Set(marked.flatMap((s) => s.internal))];
  const n = marked.length;
  return (
    `${n} ${n === 1 ? 'setning siterer' : 'setninger siterer'} ` +
    `${titles.length === 1 ? 'et internt dokument' : 'interne dokumenter'} (${titles.map((t) => `«${t}»`).join(', ')}) ` +
    `og er merket «Intern kilde», også i nedlastingene: kontroller før sending at innholdet kan deles utenfor organisasjonen.`
  );
}
