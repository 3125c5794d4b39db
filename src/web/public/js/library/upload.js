// The library's upload form: drop or pick several files, say whose they are (organisation, kind, date, visibility),
// and watch each file on its own line: its place in the queue, read, made searchable, saved, and then the result —
// stored, skipped as a duplicate, or the server's own Norwegian words for a file it refused.
import { sendFormStream } from '../api.js';
import { announce, h } from '../dom.js';
import { problemText } from '../errors.js';
import { KINDS } from '../labels.js';
import { progressText, refusalHint } from './progressText.js';

/** The kinds a file is uploaded as: all but a consultation, which is imported under «Ny høring». */
const UPLOAD_KINDS = Object.entries(KINDS).filter(([k]) => k !== 'consultation');

/**
 * @param {{ organisations: string[] | null, known: string[], onStored: () => void }} opts `organisations`: those
 *   the person may upload for (null: any, typed or picked from `known`); `onStored` runs once a batch is done.
 */
export function uploadForm({ organisations, known, onStored }) {
  const fileInput = h('input', { id: 'filer', type: 'file', multiple: true, class: 'visually-hidden' });
  const chosen = h('p', { class: 'dropzone__chosen', 'aria-live': 'polite' }, 'Ingen filer valgt.');
  const zone = h(
    'div',
    { class: 'dropzone' },
    fileInput,
    h(
      'label',
      { for: 'filer', class: 'dropzone__label' },
      h('strong', {}, 'Dra filene hit'),
      ' eller ',
      h('span', { class: 'dropzone__pick' }, 'velg filer'),
    ),
    h('p', { class: 'hint' }, 'PDF, Word (DOCX), HTML, Markdown eller tekst. Flere filer kan lastes opp samtidig.'),
    chosen,
  );
  /** @type {File[]} */
  let files = [];
  const setFiles = (list) => {
    files = [...list];
    chosen.textContent = files.length ? `Valgt: ${files.map((f) => f.name).join(', ')}` : 'Ingen filer valgt.';
  };
  fileInput.addEventListener('change', () => setFiles(fileInput.files ?? []));
  zone.addEventListener('dragover', (ev) => {
    ev.preventDefault();
    zone.classList.add('dropzone--over');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('dropzone--over'));
  zone.addEventListener('drop', (ev) => {
    ev.preventDefault();
    zone.classList.remove('dropzone--over');
    if (ev.dataTransfer?.files?.length) setFiles(ev.dataTransfer.files);
  });

  const organisation = organisationField(organisations, known);
  const kind = h(
    'select',
    { id: 'last-opp-type', class: 'input input--medium' },
    UPLOAD_KINDS.map(([value, label]) => h('option', { value }, label)),
  );
  kind.value = 'statement';
  const date = h('input', { id: 'last-opp-dato', type: 'date', class: 'input input--short' });
  // NOTE: internal is the default: a document made public by mistake is read by every organisation at once, one
  // kept internal by mistake is only missing from the others' answers until someone makes it public.
  const visibility = h(
    'fieldset',
    { class: 'choice' },
    h('legend', {}, 'Hvem kan lese dokumentene'),
    radio('internal', 'Internt – bare organisasjonens egne medlemmer kan lese dem', true),
    radio('public', 'Offentlig – alle organisasjonene i innspill kan lese dem (for det som alt er publisert)', false),
  );
  const submit = h('button', { type: 'submit', class: 'button' }, 'Last opp');
  const message = h('div', { class: 'error-slot', role: 'status' });
  const results = h('ul', { class: 'upload-list', 'aria-label': 'Opplastinger' });

  const form = h(
    'form',
    { class: 'form form--compact upload-form', novalidate: true, 'aria-labelledby': 'last-opp-tittel' },
    h('h2', { id: 'last-opp-tittel' }, 'Last opp dokumenter'),
    zone,
    h(
      'div',
      { class: 'field-row' },
      h(
        'div',
        { class: 'field' },
        h('label', { for: 'last-opp-organisasjon' }, 'Dokumentene er fra'),
        organisation.element,
      ),
      h('div', { class: 'field' }, h('label', { for: 'last-opp-type' }, 'Slags dokument'), kind),
      h(
        'div',
        { class: 'field' },
        h('label', { for: 'last-opp-dato' }, 'Dato'),
        h(
          'p',
          { class: 'hint', id: 'last-opp-dato-hint' },
          'Datoen dokumentet ble skrevet eller vedtatt. Bare lover og forskrifter fra Lovdata har datoen i selve filen; ' +
            'andre filer blir ikke lagret når feltet står tomt.',
        ),
        date,
      ),
    ),
    visibility,
    h('div', { class: 'form-actions' }, submit),
    message,
    results,
  );
  date.setAttribute('aria-describedby', 'last-opp-dato-hint');

  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const problems = [];
    if (!files.length) problems.push('Velg eller dra inn minst én fil.');
    if (!organisation.value()) problems.push('Velg organisasjonen dokumentene er fra.');
    message.replaceChildren(
      ...(problems.length ? [h('p', { class: 'notice notice--error', role: 'alert' }, problems.join(' '))] : []),
    );
    if (problems.length) return;
    submit.disabled = true;
    const fields = {
      organisation: organisation.value(),
      kind: kind.value,
      date: date.value,
      visibility: form.querySelector('input[name="synlighet"]:checked')?.value ?? 'internal',
    };
    const batch = files;
    setFiles([]);
    fileInput.value = '';
    // All at once: the server keeps its own line (UPLOAD_CONCURRENCY) and says where each file stands in it.
    const outcomes = await Promise.all(batch.map((file) => uploadOne(file, fields, results)));
    submit.disabled = false;
    const stored = outcomes.filter((o) => o === 'stored').length;
    announce(`${stored} av ${batch.length} filer er lagret.`);
    if (stored) onStored();
  });

  return { element: form };
}

/** One file: its line in the list, its progress, its result. Resolves with 'stored', 'skipped' or 'failed'. */
async function uploadOne(file, fields, list) {
  const bar = h('progress', { max: '100', value: '0', 'aria-label': `Fremdrift for ${file.name}` });
  const status = h('p', { class: 'upload-item__status' }, 'Sender …');
  const item = h(
    'li',
    { class: 'upload-item', dataset: { file: file.name } },
    h('p', { class: 'upload-item__name' }, file.name),
    bar,
    status,
  );
  list.prepend(item);
  const body = new FormData();
  for (const [k, v] of Object.entries(fields)) if (v) body.set(k, v);
  body.set('file', file, file.name);
  try {
    const result = await sendFormStream('POST', '/documents', body, (name, data) => {
      if (name !== 'progress') return;
      const p = progressText(data);
      if (!p) return;
      status.textContent = p.text;
      bar.value = Math.round(p.share * 100);
    });
    bar.value = 100;
    const d = result.document;
    const link = h('a', { href: `/dokumenter/${encodeURIComponent(d.id)}`, 'data-link': '' }, d.title);
    item.classList.add('upload-item--done');
    // Who may read it, as stored (the server's word, not the form's): internal or public.
    const readers = { public: ' (offentlig)', internal: ' (internt)' }[d.visibility] ?? '';
    status.replaceChildren(
      result.outcome === 'unchanged' ? `Uendret – allerede lagret${readers}: ` : `Lagret${readers}: `,
      link,
      ` (${d.passageCount} avsnitt).`,
    );
    return 'stored';
  } catch (err) {
    bar.remove();
    const duplicate = err?.code === 'conflict:duplicate';
    item.classList.add(duplicate ? 'upload-item--skipped' : 'upload-item--error');
    status.replaceChildren(h('strong', {}, duplicate ? 'Hoppet over: ' : 'Ikke lagret: '), ...refusal(err));
    return duplicate ? 'skipped' : 'failed';
  }
}

/**
 * The server's own words for a refused file (problemText: title, detail, the fields it names), with the next step
 * where its detail speaks to API clients: a taken id (409) or the same content stored before links to the document.
 */
function refusal(err) {
  const title = err?.title ?? 'Noe gikk galt';
  const id = typeof err?.documentId === 'string' ? err.documentId : null;
  const open = (text) => h('a', { href: `/dokumenter/${encodeURIComponent(id)}`, 'data-link': '' }, text);
  if (err?.code === 'conflict:document' && id)
    return [
      `${title}. Et dokument med samme navn (id «${id}») er lagret fra før. `,
      open('Åpne det'),
      ' og velg «Erstatt med ny fil» for å legge inn denne versjonen.',
    ];
  const hint = refusalHint(err);
  return [
    problemText(err),
    ...(err?.code === 'conflict:duplicate' && id ? [' ', open('Åpne dokumentet'), '.'] : []),
    hint ? ` ${hint}` : '',
  ];
}

function radio(value, label, checked) {
  const id = `synlighet-${value}`;
  return h(
    'div',
    { class: 'radio' },
    h('input', { id, type: 'radio', name: 'synlighet', value, checked, class: 'radio__input' }),
    h('label', { for: id }, label),
  );
}

/** A list of the person's own organisations, or (for whoever may write for any) a free field with suggestions. */
function organisationField(organisations, known) {
  if (organisations) {
    const select = h(
      'select',
      { id: 'last-opp-organisasjon', class: 'input input--medium' },
      organisations.length > 1 ? h('option', { value: '' }, 'Velg organisasjon') : null,
      organisations.map((o) => h('option', { value: o }, o)),
    );
    return { element: select, value: () => select.value };
  }
  const input = h('input', {
    id: 'last-opp-organisasjon',
    class: 'input input--medium',
    list: 'kjente-organisasjoner',
    autocomplete: 'off',
  });
  const datalist = h(
    'datalist',
    { id: 'kjente-organisasjoner' },
    known.map((o) => h('option', { value: o })),
  );
  return { element: h('span', {}, input, datalist), value: () => input.value.trim() };
}
