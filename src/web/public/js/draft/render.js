// Sections and sentences with footnote markers, shared by the draft view, the live progress and the answers on
// "Spør". A marker shows the footnote number and a verdict symbol, coloured by verdict; its hidden text says the
// verdict in words, so colour is never the only signal.
import { h } from '../dom.js';
import { verdictInfo } from '../labels.js';
import { openSourcePanel } from '../sourcePanel.js';

/**
 * @param {{ sections: any[] }} model see model.js
 * @param {{ editable?: boolean, onEdit?: (sentence: any) => void, onAccept?: (section: any) => void, pending?: boolean, withdrawn?: Map<string, any> }} [opts]
 *   pending: sentences have no final verdict yet (the draft is still being written); withdrawn: cited passages
 *   whose document has been withdrawn since, by passage id; onAccept: a section marked «usikkert» may be accepted
 */
export function renderDraft(model, opts = {}) {
  const ctx = { footnote: 0, ...opts };
  return h(
    'article',
    { class: 'draft', 'aria-label': 'Utkastet' },
    model.sections.map((s, i) => renderSection(s, i, ctx)),
  );
}

/** One section; `ctx.footnote` carries the running footnote number across sections. */
export function renderSection(section, index, ctx = { footnote: 0 }) {
  const headingId = `del-${index + 1}`;
  const el = h('section', {
    class: ['draft-section', `draft-section--${section.kind}`],
    'aria-labelledby': headingId,
    dataset: { status: section.status },
  });
  if (section.kind === 'question' && Number.isInteger(section.questionIndex))
    el.append(h('p', { class: 'draft-section__label' }, `Spørsmål ${section.questionIndex + 1}`));
  el.append(h('h2', { id: headingId, class: 'draft-section__heading' }, section.heading ?? 'Uten overskrift'));
  if (section.reviewReason) el.append(uncertainNote(section, ctx));
  // An edit of a sentence makes the section the editor's: its «usikkert» mark goes (the server does the same).
  ctx.section = section;
  for (const paragraph of section.paragraphs) if (paragraph.length) el.append(renderParagraph(paragraph, ctx));
  if (section.status === 'dropped') {
    el.append(
      h(
        'p',
        { class: 'notice notice--warning' },
        'Alle setningene som ble skrevet her, ble fjernet fordi kildene ikke støttet dem.',
      ),
    );
  }
  const extras = renderExtras(section);
  if (extras) el.append(extras);
  return el;
}

/**
 * Issue 17: the section was drafted though it is unsure the organisation's documents answer the question; every
 * sentence is ≈. Said in words above the text, with a way to accept it as read.
 */
function uncertainNote(section, ctx) {
  const note = h(
    'div',
    { class: 'notice notice--warning draft-section__uncertain' },
    h(
      'p',
      {},
      h('span', { 'aria-hidden': 'true' }, '≈ '),
      'Usikkert om kildene svarer på spørsmålet. Setningene er hentet fra organisasjonens dokumenter, men les dem mot kildene før du bruker dem.',
    ),
  );
  if (ctx.onAccept && !ctx.pending)
    note.append(
      h(
        'button',
        { type: 'button', class: 'button button--secondary', on: { click: () => ctx.onAccept(section) } },
        'Godta avsnittet som lest',
      ),
    );
  return note;
}

/** A paragraph of sentences with their markers (also the answer on "Spør"). */
export function renderParagraph(sentences, ctx = { footnote: 0 }) {
  const p = h('p', { class: 'draft-paragraph' });
  sentences.forEach((sentence, i) => {
    if (i > 0) p.append(' ');
    p.append(renderSentence(sentence, ctx));
  });
  return p;
}

function renderSentence(sentence, ctx) {
  const text = h('span', { class: 'sentence__text' }, sentence.text);
  ctx.sentence = (ctx.sentence ?? 0) + 1;
  if (ctx.editable) makeEditable(text, sentence, ctx, ctx.sentence);
  const wrap = h('span', { class: ['sentence', sentence.changed && 'sentence--changed'] }, text);
  if (sentence.kind === 'notice') {
    const v = verdictInfo('no_position');
    wrap.append(
      ' ',
      h('span', { class: 'tag verdict--none' }, h('span', { 'aria-hidden': 'true' }, `${v.symbol} `), v.label),
    );
    return wrap;
  }
  const verdict =
    sentence.changed || ctx.pending || !sentence.verdict
      ? 'pending'
      : sentence.withdrawn
        ? 'withdrawn'
        : sentence.verdict;
  const needsMarker = sentence.citations.length > 0 || (verdict === 'uncited' && sentence.claim);
  if (!needsMarker) return wrap;
  const v = verdictInfo(verdict);
  const markers = sentence.citations.length
    ? sentence.citations.map((c, i) => ({ number: ++ctx.footnote, index: i }))
    : [{ number: null, index: -1 }];
  for (const m of markers) {
    const spoken = m.number ? `Fotnote ${m.number}: ${v.short}. Vis kilden.` : `${v.label}. Vis forklaring.`;
    wrap.append(
      h(
        'button',
        {
          type: 'button',
          class: ['fn', `verdict--${v.group}`],
          'aria-expanded': 'false',
          'aria-controls': 'source-panel',
          title: `${v.label} – vis kilden`,
          dataset: { verdict, footnote: m.number ?? '' },
          on: { click: (ev) => openFor(ev.currentTarget, sentence, m, verdict, ctx.withdrawn) },
        },
        h('span', { 'aria-hidden': 'true' }, m.number ? `${m.number}\u2009${v.symbol}` : v.symbol),
        h('span', { class: 'visually-hidden' }, spoken),
      ),
    );
  }
  if (sentence.internal?.length) {
    const says = internalMark(sentence.internal);
    wrap.append(
      ' ',
      h(
        'span',
        { class: 'tag tag--internal', title: says },
        'Intern kilde',
        h('span', { class: 'visually-hidden' }, `: ${says}`),
      ),
    );
  }
  return wrap;
}

/** The words the exports mark such a sentence with (src/export/review.ts), on the page too. */
export function internalMark(titles) {
  const which = titles.length === 1 ? 'Siterer et internt dokument' : 'Siterer interne dokumenter';
  return `${which} (${titles.map((t) => `«${t}»`).join(', ')}): kontroller før sending.`;
}

export const JUDGED =
  'Vurdert av språkmodell (dommer): vurderingen under er gjort av en språkmodell, ikke bare de faste kontrollene.';

function openFor(button, sentence, marker, verdict, withdrawn) {
  const reports = sentence.citationReports ?? [];
  const cited = sentence.citations[marker.index];
  const citations =
    marker.index < 0
      ? []
      : [
          {
            ...cited,
            ...(sentence.changed ? {} : pick(reports[marker.index])),
            withdrawn: withdrawn?.get(cited.passageId),
          },
        ];
  openSourcePanel(button, {
    label: marker.number ? `Kilde til fotnote ${marker.number}` : 'Setning uten kilde',
    sentence: sentence.text,
    verdict,
    reasons: sentence.changed
      ? ['Setningen er endret etter siste kontroll. Trykk «Kontroller kilder» for å kontrollere den på nytt.']
      : sentence.judged
        ? [JUDGED, ...sentence.reasons]
        : sentence.reasons,
    citations,
  });
}

/** The parts of a citation report the panel uses; the report's offsets are where the verifier really found it. */
function pick(r) {
  if (!r) return {};
  return { status: r.status, reason: r.reason, ...(r.start !== undefined ? { start: r.start, end: r.end } : {}) };
}

/** Each sentence is its own plain-text field, so its citations stay attached whatever is typed. */
function makeEditable(el, sentence, ctx, number) {
  try {
    el.contentEditable = 'plaintext-only';
  } catch {
    el.contentEditable = 'true'; // Browsers without plaintext-only; the paste handler below keeps it plain.
  }
  el.setAttribute('role', 'textbox');
  el.setAttribute('aria-label', `Setning ${number}`);
  el.spellcheck = true;
  el.addEventListener('keydown', (ev) => {
    // A sentence is one line; Enter would split it where the verifier cannot follow.
    if (ev.key === 'Enter') ev.preventDefault();
  });
  el.addEventListener('paste', (ev) => {
    ev.preventDefault();
    const text = (ev.clipboardData?.getData('text/plain') ?? '').replace(/\s+/g, ' ');
    document.execCommand('insertText', false, text);
  });
  const section = ctx.section;
  el.addEventListener('input', () => {
    sentence.text = el.textContent ?? '';
    if (section?.reviewReason) {
      delete section.reviewReason;
      el.closest('section')?.querySelector('.draft-section__uncertain')?.remove();
    }
    if (!sentence.changed) {
      sentence.changed = true;
      el.parentElement?.classList.add('sentence--changed');
      for (const b of el.parentElement?.querySelectorAll('.fn') ?? []) setPending(b);
    }
    ctx.onEdit?.(sentence);
  });
}

function setPending(button) {
  const v = verdictInfo('pending');
  button.className = `fn verdict--${v.group}`;
  button.dataset.verdict = 'pending';
  button.title = `${v.label} – vis kilden`;
  const n = button.dataset.footnote;
  button.replaceChildren(
    h('span', { 'aria-hidden': 'true' }, n ? `${n}\u2009${v.symbol}` : v.symbol),
    h('span', { class: 'visually-hidden' }, n ? `Fotnote ${n}: ${v.short}. Vis kilden.` : `${v.label}.`),
  );
}

/** Sentences the pipeline dropped and citations it repaired; shown when the reader asks for them. */
function renderExtras(section) {
  const dropped = section.dropped ?? [];
  const repairs = section.repairs ?? [];
  if (!dropped.length && !repairs.length) return null;
  return h(
    'div',
    { class: 'section-extras' },
    dropped.length
      ? [
          h('h3', {}, `Fjernet (${dropped.length})`),
          h(
            'ul',
            { class: 'dropped' },
            dropped.map((d) =>
              h(
                'li',
                {},
                h('del', {}, d.text),
                d.reasons?.length
                  ? h(
                      'ul',
                      { class: 'reasons' },
                      d.reasons.map((r) => h('li', {}, r)),
                    )
                  : null,
              ),
            ),
          ),
        ]
      : null,
    repairs.length
      ? [
          h('h3', {}, `Reparert (${repairs.length})`),
          h(
            'ul',
            { class: 'repairs' },
            repairs.map((r) => h('li', {}, r)),
          ),
        ]
      : null,
  );
}

/** How many dropped sentences and repairs the model has, for the toggle's label. */
export function extrasCount(model) {
  return model.sections.reduce((n, s) => n + (s.dropped?.length ?? 0) + (s.repairs?.length ?? 0), 0);
}
