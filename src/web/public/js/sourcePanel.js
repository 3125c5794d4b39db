// The source panel beside the text: for a footnote, the sentence's verdict and reasons, and for each citation the
// document (title, organisation, date), the passage with the quoted words marked, and a link to the whole document
// at that passage. Focus moves into the panel when it opens and back to the footnote when it closes.
import { getJson } from './api.js';
import { formatDate, h, replace } from './dom.js';
import { errorBox } from './errors.js';
import { findQuote, markedText } from './highlight.js';
import { kindLabel, sectionPath, verdictInfo } from './labels.js';

const passages = new Map();
let trigger = null;
let openRun = 0;

function panel() {
  return document.getElementById('source-panel');
}

export function initSourcePanel() {
  const el = panel();
  el.querySelector('[data-close-panel]').addEventListener('click', () => closeSourcePanel());
  document.addEventListener('keydown', (ev) => {
    if (ev.key === 'Escape' && !el.hidden) {
      ev.preventDefault();
      closeSourcePanel();
    }
  });
}

export function closeSourcePanel({ restoreFocus = true } = {}) {
  const el = panel();
  if (el.hidden) return;
  el.hidden = true;
  document.body.classList.remove('panel-open');
  trigger?.setAttribute('aria-expanded', 'false');
  if (restoreFocus && trigger?.isConnected) trigger.focus();
  trigger = null;
}

/** Fetch a passage once per page load; the corpus does not change under an open page often enough to matter. */
function loadPassage(id) {
  if (!passages.has(id))
    passages.set(
      id,
      getJson(`/passages/${encodeURIComponent(id)}`).catch((err) => (passages.delete(id), Promise.reject(err))),
    );
  return passages.get(id);
}

/**
 * @param {HTMLElement} button the footnote marker that opened the panel
 * @param {{ label: string, sentence: string, verdict: string, reasons?: string[], citations: { passageId: string, quote: string, start?: number, end?: number, status?: string, reason?: string }[] }} info
 */
export async function openSourcePanel(button, info) {
  const el = panel();
  const run = ++openRun;
  trigger?.setAttribute('aria-expanded', 'false');
  trigger = button;
  button.setAttribute('aria-expanded', 'true');
  const body = el.querySelector('.source-panel__body');
  el.querySelector('#source-panel-title').textContent = info.label;
  // The verdict stays in the fixed head with the title and «Lukk»; only the sentence and sources scroll.
  const v = info.verdict ? verdictInfo(info.verdict) : null;
  replace(
    verdictSlot(el),
    v
      ? h(
          'p',
          { class: ['verdict-line', `verdict--${v.group}`] },
          h('span', { class: 'verdict-line__symbol', 'aria-hidden': 'true' }, v.symbol),
          ` ${v.label}`,
        )
      : null,
  );
  const citationsSlot = h('div', { class: 'source-panel__citations' }, h('p', { class: 'loading' }, 'Henter kilden …'));
  body.scrollTop = 0;
  replace(
    body,
    h('p', { class: 'source-panel__sentence' }, info.sentence),
    info.reasons?.length
      ? h(
          'ul',
          { class: 'reasons' },
          info.reasons.map((r) => h('li', {}, r)),
        )
      : null,
    citationsSlot,
  );
  el.hidden = false;
  document.body.classList.add('panel-open');
  el.focus();

  const parts = await Promise.all(
    info.citations.map((c) =>
      c.withdrawn
        ? { c }
        : loadPassage(c.passageId).then(
            (p) => ({ c, p }),
            (err) => ({ c, err }),
          ),
    ),
  );
  if (run !== openRun) return;
  citationsSlot.replaceChildren(
    ...parts.map(({ c, p, err }) => (c.withdrawn ? withdrawnView(c) : err ? errorBox(err) : citationView(c, p))),
  );
  revealMark(body, citationsSlot.querySelector('mark'));
}

/** Under the panel's head: where the verdict goes (made once, so the shell's HTML stays as it is). */
function verdictSlot(el) {
  let slot = el.querySelector('.source-panel__verdict');
  if (!slot) {
    slot = h('div', { class: 'source-panel__verdict' });
    el.querySelector('.source-panel__head').after(slot);
  }
  return slot;
}

/** Scroll the panel's body (not the page) so the highlighted quote is in view, a little below its top. */
function revealMark(panelEl, mark) {
  if (!mark) return;
  const p = panelEl.getBoundingClientRect();
  const m = mark.getBoundingClientRect();
  if (m.bottom > p.bottom || m.top < p.top) panelEl.scrollTop += m.top - p.top - panelEl.clientHeight / 4;
}

/**
 * The document was withdrawn (or replaced by a new version: `replacedAt`) after the draft was written: the stored
 * quote is all there is to show of what the sentence was checked against.
 */
function withdrawnView(c) {
  const w = c.withdrawn;
  const what = w.replacedAt
    ? `Dokumentet ble erstattet av en ny versjon ${formatDate(w.replacedAt.slice(0, 10))}. Sitatet under er slik det sto da utkastet ble skrevet. Kontroller kildene på nytt mot den nye versjonen før svaret sendes.`
    : `Dokumentet ble trukket tilbake ${formatDate(w.withdrawnAt.slice(0, 10))}. Sitatet under er slik det sto da utkastet ble skrevet. Finn en annen kilde før svaret sendes.`;
  return h(
    'article',
    { class: 'citation' },
    h('h3', { class: 'citation__title' }, w.title),
    h('dl', { class: 'meta' }, h('div', {}, h('dt', {}, 'Organisasjon'), h('dd', {}, w.organisation))),
    h('p', { class: 'notice notice--warning' }, what),
    h('blockquote', { class: 'passage' }, h('mark', {}, c.quote)),
  );
}

function citationView(c, p) {
  const doc = p.document;
  const range = findQuote(p.text, c.quote, c.status === 'ok' || c.status === undefined ? c : undefined);
  const where = new URLSearchParams({ avsnitt: p.id });
  if (range) {
    where.set('fra', String(range.start));
    where.set('til', String(range.end));
  }
  const href = `/dokumenter/${encodeURIComponent(doc.id)}?${where}#${encodeURIComponent(p.id)}`;
  return h(
    'article',
    { class: 'citation' },
    h('h3', { class: 'citation__title' }, doc.title),
    h(
      'dl',
      { class: 'meta' },
      h('div', {}, h('dt', {}, 'Organisasjon'), h('dd', {}, doc.organisation)),
      h('div', {}, h('dt', {}, 'Dato'), h('dd', {}, formatDate(doc.date))),
      h('div', {}, h('dt', {}, 'Type'), h('dd', {}, kindLabel(doc.kind))),
      sectionPath(p.headingPath, doc.title)
        ? h('div', {}, h('dt', {}, 'Del'), h('dd', {}, sectionPath(p.headingPath, doc.title)))
        : null,
    ),
    c.status && c.status !== 'ok' && c.reason ? h('p', { class: 'notice notice--warning' }, c.reason) : null,
    range
      ? null
      : h(
          'p',
          { class: 'notice notice--warning' },
          'Sitatet står ikke ordrett i avsnittet. Sitatet var: ',
          h('q', {}, c.quote),
        ),
    h('blockquote', { class: 'passage', cite: href }, ...markedText(p.text, range)),
    h('p', {}, h('a', { href, 'data-link': '' }, 'Les hele dokumentet fra dette avsnittet')),
  );
}
