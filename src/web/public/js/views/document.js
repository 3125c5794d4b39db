// /dokumenter/:id — one document, readable, split into its passages. Each passage has its id as anchor, so a
// footnote's "les hele dokumentet" link lands on it; `?avsnitt=…&fra=…&til=…` marks the quoted words there.
// Editors of its organisation may replace it with a new file; its administrators may withdraw it.
import { getJson } from '../api.js';
import { announce, formatDate, formatTimestamp, h, replace } from '../dom.js';
import { markedText } from '../highlight.js';
import { kindLabel, sectionPath } from '../labels.js';
import { canEdit, canWithdraw } from '../access.js';
import { replaceControl } from '../library/replace.js';
import { confirmWithdrawal } from '../library/withdraw.js';
import { navigate } from '../navigation.js';
import { flashOnLibrary } from './documents.js';

const LANGUAGES = { nb: 'Bokmål', nn: 'Nynorsk', en: 'Engelsk' };
const VISIBILITY = { public: 'Offentlig', internal: 'Internt' };

export async function render(main, { params, query }, notice = null) {
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

  const tools = [];
  let replaceStatus = null;
  if (canEdit(doc.organisation)) {
    const control = replaceControl(doc, async (result) => {
      await render(
        main,
        { params, query },
        `Dokumentet er erstattet: ny versjon med ${result.document.passageCount} avsnitt, lagret ${formatTimestamp(result.document.updatedAt)}.`,
      );
    });
    tools.push(control.element);
    replaceStatus = control.status;
  }
  if (canWithdraw(doc.organisation)) {
    const withdraw = h('button', { type: 'button', class: 'button button--secondary' }, 'Trekk tilbake …');
    withdraw.addEventListener('click', async () => {
      const done = await confirmWithdrawal(doc);
      if (!done) return withdraw.focus();
      flashOnLibrary(`«${done.title}» er trukket tilbake (${done.passagesRemoved} avsnitt slettet).`);
      await navigate('/dokumenter');
    });
    tools.push(withdraw);
  }

  replace(
    main,
    h('p', { class: 'breadcrumbs' }, h('a', { href: '/dokumenter', 'data-link': '' }, '‹ Alle dokumenter')),
    h('h1', {}, doc.title),
    notice ? h('p', { class: 'notice notice--info', role: 'status', id: 'dokument-melding' }, notice) : null,
    tools.length ? h('div', { class: 'toolbar document-tools' }, tools) : null,
    replaceStatus,
    h(
      'dl',
      { class: 'meta meta--inline' },
      h('div', {}, h('dt', {}, 'Organisasjon'), h('dd', {}, doc.organisation)),
      h('div', {}, h('dt', {}, 'Type'), h('dd', {}, kindLabel(doc.kind))),
      h('div', {}, h('dt', {}, 'Dato'), h('dd', {}, formatDate(doc.date))),
      h('div', {}, h('dt', {}, 'Språk'), h('dd', {}, LANGUAGES[doc.language] ?? doc.language)),
      h('div', {}, h('dt', {}, 'Avsnitt'), h('dd', {}, String(doc.passages.length))),
      h('div', {}, h('dt', {}, 'Sist endret'), h('dd', {}, formatTimestamp(doc.updatedAt))),
      doc.visibility ? h('div', {}, h('dt', {}, 'Synlighet'), h('dd', {}, VISIBILITY[doc.visibility])) : null,
      doc.source ? h('div', {}, h('dt', {}, 'Kilde'), h('dd', { class: 'break' }, doc.source)) : null,
    ),
    body,
  );
  if (notice) announce(notice);
}
