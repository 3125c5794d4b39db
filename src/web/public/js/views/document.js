// /dokumenter/:id — one document, readable, split into its passages. Each passage has its id as anchor, so a
// footnote's "les hele dokumentet" link lands on it; `?avsnitt=…&fra=…&til=…` marks the quoted words there.
import { getJson } from '../api.js';
import { formatDate, h, replace } from '../dom.js';
import { markedText } from '../highlight.js';
import { kindLabel, sectionPath } from '../labels.js';

const LANGUAGES = { nb: 'Bokmål', nn: 'Nynorsk', en: 'Engelsk' };

export async function render(main, { params, query }) {
  const doc = await getJson(`/documents/${encodeURIComponent(params[0])}`);
  document.title = `${doc.title} – innspill`;
  const target = query.get('avsnitt');
  const from = Number(query.get('fra'));
  const to = Number(query.get('til'));

  const body = h('div', { class: 'document-body' });
  let lastHeading = '';
  for (const p of doc.passages) {
    const heading = sectionPath(p.headingPath, doc.title);
    if (heading && heading !== lastHeading) body.append(h('h2', { class: 'document-heading' }, heading));
    lastHeading = heading;
    const range =
      p.id === target && Number.isInteger(from) && Number.isInteger(to) && to > from && to <= p.text.length
        ? { start: from, end: to }
        : null;
    body.append(
      h(
        'section',
        {
          id: p.id,
          class: ['passage-block', p.id === target && 'passage-block--target'],
          tabindex: '-1',
          'aria-label': `Avsnitt ${p.ordinal + 1}`,
        },
        h(
          'a',
          { class: 'passage-block__number', href: `#${encodeURIComponent(p.id)}`, title: 'Lenke til avsnittet' },
          `¶ ${p.ordinal + 1}`,
        ),
        h('p', { class: 'passage-block__text' }, ...markedText(p.text, range)),
      ),
    );
  }

  replace(
    main,
    h('p', { class: 'breadcrumbs' }, h('a', { href: '/dokumenter', 'data-link': '' }, '‹ Alle dokumenter')),
    h('h1', {}, doc.title),
    h(
      'dl',
      { class: 'meta meta--inline' },
      h('div', {}, h('dt', {}, 'Organisasjon'), h('dd', {}, doc.organisation)),
      h('div', {}, h('dt', {}, 'Type'), h('dd', {}, kindLabel(doc.kind))),
      h('div', {}, h('dt', {}, 'Dato'), h('dd', {}, formatDate(doc.date))),
      h('div', {}, h('dt', {}, 'Språk'), h('dd', {}, LANGUAGES[doc.language] ?? doc.language)),
      h('div', {}, h('dt', {}, 'Avsnitt'), h('dd', {}, String(doc.passages.length))),
      doc.source ? h('div', {}, h('dt', {}, 'Kilde'), h('dd', { class: 'break' }, doc.source)) : null,
    ),
    body,
  );
}
