// /spor — an adviser's question, answered from the organisations' documents with the same footnotes and source
// panel as a draft. The answer streams in (POST /ask with stream: true) and is then shown sentence by sentence.
import { ApiError, getJson, postStream } from '../api.js';
import { formatDate, h, replace } from '../dom.js';
import { showError } from '../errors.js';
import { applyReport } from '../draft/model.js';
import { renderParagraph } from '../draft/render.js';
import { legend } from '../draft/legend.js';
import { providerBanner } from '../labels.js';
import { positionHolders } from '../organisations.js';
import { keepWork } from '../session.js';

/** POST /ask refuses a longer question (src/draft/ask.ts); the box stops there, and counts down near the end. */
const MAX_QUESTION = 2000;
const COUNT_FROM = 1800;

export async function render(main) {
  document.title = 'Spør – innspill';
  const { documents } = await getJson('/documents');
  // «Svar fra» offers whose views can answer: not the issuer of a consultation (positionHolders).
  const organisations = positionHolders(documents);
  const question = h('textarea', {
    id: 'sporsmal',
    class: 'input',
    rows: '3',
    maxlength: String(MAX_QUESTION),
    'aria-required': 'true',
    'aria-describedby': 'sporsmal-hint sporsmal-teller',
    on: { input: () => count() },
  });
  const counter = h('p', { class: 'hint', id: 'sporsmal-teller', 'aria-live': 'polite', hidden: true });
  function count() {
    const used = question.value.length;
    counter.hidden = used < COUNT_FROM;
    counter.textContent = counter.hidden
      ? ''
      : used >= MAX_QUESTION
        ? `Spørsmålet har nådd grensen på ${MAX_QUESTION} tegn.`
        : `${MAX_QUESTION - used} tegn igjen (høyst ${MAX_QUESTION}).`;
  }
  const organisation = h(
    'select',
    { id: 'sok-organisasjon', class: 'input input--medium' },
    h('option', { value: '' }, 'Alle organisasjoner'),
    organisations.map((o) => h('option', { value: o }, o)),
  );
  const nynorsk = h('input', { id: 'svar-nynorsk', type: 'checkbox', class: 'checkbox__input' });
  // Without a language model the answer is the documents' own sentences, in the form they were written in.
  const nynorskNote = h('span', { class: 'hint', id: 'svar-nynorsk-hint', hidden: true });
  const submit = h('button', { type: 'submit', class: 'button button--primary' }, 'Spør');
  const errorSlot = h('div', { class: 'error-slot', hidden: true });
  const answerSlot = h('section', { class: 'answer', 'aria-labelledby': 'svar-tittel', hidden: true });
  let controller = null;

  const form = h(
    'form',
    {
      class: 'form form--compact',
      novalidate: true,
      'aria-label': 'Spør dokumentene',
      on: { submit: (ev) => (ev.preventDefault(), ask()) },
    },
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'sporsmal' }, 'Spørsmål'),
      h(
        'p',
        { class: 'hint', id: 'sporsmal-hint' },
        'For eksempel: Hva mener Fagforbundet om en offentlig skyløsning?',
      ),
      question,
      counter,
    ),
    h(
      'div',
      { class: 'field-row' },
      h('div', { class: 'field' }, h('label', { for: 'sok-organisasjon' }, 'Svar fra'), organisation),
      h(
        'p',
        { class: 'checkbox field' },
        nynorsk,
        ' ',
        h('label', { for: 'svar-nynorsk' }, 'Svar på nynorsk'),
        ' ',
        nynorskNote,
      ),
    ),
    h('div', { class: 'form-actions' }, submit),
  );

  main.replaceChildren(
    h('h1', {}, 'Spør dokumentene'),
    h(
      'p',
      { class: 'lead' },
      'Et kort svar fra organisasjonenes egne dokumenter. Hver setning har en kontrollert kilde.',
    ),
    form,
    errorSlot,
    answerSlot,
  );

  getJson('/health')
    .then((health) => {
      if (!String(health.drafter ?? 'extractive').startsWith('extractive')) return;
      nynorskNote.textContent =
        '(Ingen språkmodell er satt opp: svaret siterer dokumentene slik de er skrevet, oftest på bokmål.)';
      nynorskNote.hidden = false;
      nynorsk.setAttribute('aria-describedby', nynorskNote.id);
    })
    .catch(() => undefined); // No note is better than an error box over a form that works.

  async function ask() {
    const text = question.value.trim();
    if (text.length < 3) {
      showError(errorSlot, new ApiError({ title: 'Skriv et spørsmål', detail: 'Spørsmålet må ha minst tre tegn.' }));
      question.focus();
      return;
    }
    controller?.abort();
    controller = new AbortController();
    errorSlot.hidden = true;
    submit.disabled = true;
    submit.textContent = 'Leter i dokumentene …';
    const title = h('h2', { id: 'svar-tittel', tabindex: '-1' }, 'Svar');
    const status = h('p', { class: 'status', role: 'status' }, 'Leter i dokumentene …');
    const live = h('p', { class: 'typing__text' });
    replace(answerSlot, title, status, live);
    answerSlot.hidden = false;
    try {
      const result = await postStream(
        '/ask',
        {
          question: text,
          ...(organisation.value ? { organisation: organisation.value } : {}),
          language: nynorsk.checked ? 'nn' : 'nb',
        },
        (name, data) => {
          if (name === 'retrieval')
            status.textContent = data.relevant
              ? `Fant ${data.passages.length} avsnitt. Skriver svaret …`
              : data.outcome === 'uncertain'
                ? `Fant ${data.passages.length} avsnitt, men usikkert om de svarer. Skriver et svar til kontroll …`
                : 'Fant ingenting som svarer på spørsmålet.';
          else if (name === 'delta') live.append(data.text ?? '');
          else if (name === 'verification') status.textContent = 'Kontrollerer kildene …';
        },
        { signal: controller.signal },
      );
      showAnswer(result, title);
    } catch (err) {
      if (err?.name === 'AbortError') return;
      answerSlot.hidden = true;
      showError(errorSlot, err, {
        fieldId: (f) => ({ question: 'sporsmal', organisation: 'sok-organisasjon' })[f],
        onRetry: ask,
      });
    } finally {
      submit.disabled = false;
      submit.textContent = 'Spør';
    }
  }

  function showAnswer(result, title) {
    const sentences = result.sentences.map((s) => ({ ...s, citations: s.citations.map((c) => ({ ...c })) }));
    applyReport(null, result.verification, sentences);
    const banner = providerBanner(result.provenance.provider, result.provenance.model, { answer: true });
    replace(
      answerSlot,
      title,
      h('p', { class: `banner banner--${banner.kind}`, role: 'note' }, banner.text),
      result.answered && sentences.length
        ? [
            // Unsure whether the passages answer this very question: said once above, ≈ on every sentence.
            result.uncertain && result.message ? h('p', { class: 'notice notice--warning' }, result.message) : null,
            legend(),
            h('div', { class: 'draft' }, renderParagraph(sentences, { footnote: 0 })),
          ]
        : h('p', { class: 'notice notice--info' }, result.message ?? 'Vi fant ingenting om dette i dokumentene.'),
      sourcesList(result),
    );
    title.focus();
  }

  // A question typed when the session ran out comes back after sign-in (session.js).
  const releaseWork = keepWork({
    save: () =>
      question.value.trim()
        ? { question: question.value, organisation: organisation.value, nynorsk: nynorsk.checked }
        : null,
    restore: (kept) => {
      question.value = kept.question ?? '';
      if ([...organisation.options].some((o) => o.value === kept.organisation)) organisation.value = kept.organisation;
      nynorsk.checked = Boolean(kept.nynorsk);
      count();
    },
  });
  return () => {
    releaseWork();
    controller?.abort();
  };
}

/** The passages retrieval weighed, grouped by document, each linking to its place in the document. */
function sourcesList(result) {
  if (!result.sources?.length) return null;
  const byDocument = new Map();
  for (const s of result.sources) {
    const documentId = s.id.replace(/-p\d+$/, '');
    if (!byDocument.has(documentId)) byDocument.set(documentId, { ...s, documentId, passages: [] });
    byDocument.get(documentId).passages.push(s.id);
  }
  return [
    h('h3', {}, result.answered ? 'Avsnitt som ble vurdert' : 'Nærmeste treff i dokumentene'),
    h(
      'ul',
      { class: 'source-list' },
      [...byDocument.values()].map((d) =>
        h(
          'li',
          {},
          h('a', { href: `/dokumenter/${encodeURIComponent(d.documentId)}`, 'data-link': '' }, d.title),
          ` – ${d.organisation}, ${formatDate(d.date)}. Avsnitt `,
          d.passages
            .map((id) => ({ id, n: Number(/-p(\d+)$/.exec(id)?.[1] ?? NaN) + 1 }))
            .sort((a, b) => a.n - b.n)
            .map((p, i) => [
              i ? ', ' : '',
              h(
                'a',
                {
                  href: `/dokumenter/${encodeURIComponent(d.documentId)}#${encodeURIComponent(p.id)}`,
                  'data-link': '',
                },
                Number.isNaN(p.n) ? p.id : String(p.n),
              ),
            ]),
          '.',
        ),
      ),
    ),
  ];
}
