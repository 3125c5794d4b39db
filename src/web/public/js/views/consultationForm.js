// The consultation form: fields, questions that can be added and removed, background pasted or read from a .txt/.md
// file in the browser, organisation, written language and length. `read()` gives the POST /drafts body, or the
// missing fields in the same shape as the API's problem errors so both are shown the same way.
import { h, replace } from '../dom.js';

const MAX_QUESTIONS = 20;
const MAX_BACKGROUND = 20_000;

/**
 * @param {{ organisations: string[], chosen?: string, onSubmit: () => void, openSource: Function }} opts
 *   `organisations`: those the person may draft for; `chosen`: the one selected at first (their own).
 */
export function consultationForm({ organisations, chosen = '', onSubmit, openSource }) {
  const ids = {
    'consultation.title': 'tittel',
    'consultation.issuer': 'avsender',
    'consultation.reference': 'referanse',
    'consultation.deadline': 'frist',
    'consultation.questions': 'sporsmal-1',
    'consultation.background': 'bakgrunn',
    'organisation.name': 'organisasjon',
    'organisation.voice': 'stemme',
  };
  /** The input for a field path from a problem body ("consultation.questions.2" → the third question). */
  const fieldId = (path) => {
    const q = /^consultation\.questions\.(\d+)/.exec(path);
    if (q) return `sporsmal-${Number(q[1]) + 1}`;
    const item = /^consultation\.items\.(.+)$/.exec(path);
    if (item) return `punkt-${item[1]}-tekst`;
    if (path === 'consultation.items') return imported.items[0]?.box.id;
    return ids[path];
  };
  const input = (id, attrs = {}) => h('input', { id, name: id, class: 'input', ...attrs });
  /** Under an imported field: «hentet fra side 3» (opens the passage), or the note that it was not found. */
  const notes = {};
  const field = (id, label, control, hint) =>
    h(
      'div',
      { class: 'field' },
      h('label', { for: id }, label),
      hint ? h('p', { class: 'hint', id: `${id}-hint` }, hint) : null,
      control,
      (notes[id] = h('p', { class: 'source-note', id: `${id}-kilde`, hidden: true })),
    );

  const title = input('tittel', { type: 'text', autocomplete: 'off', 'aria-required': 'true' });
  const issuer = input('avsender', {
    type: 'text',
    autocomplete: 'off',
    'aria-required': 'true',
    'aria-describedby': 'avsender-hint',
  });
  const reference = input('referanse', {
    type: 'text',
    autocomplete: 'off',
    class: 'input input--short',
    'aria-describedby': 'referanse-hint',
  });
  const deadline = input('frist', { type: 'date', class: 'input input--short', 'aria-describedby': 'frist-hint' });
  const background = h('textarea', {
    id: 'bakgrunn',
    name: 'bakgrunn',
    class: 'input',
    rows: '5',
    'aria-describedby': 'bakgrunn-hint',
  });
  const backgroundFile = input('bakgrunn-fil', {
    type: 'file',
    accept: '.txt,.md,text/plain,text/markdown',
    class: 'input-file',
  });
  const fileStatus = h('p', { class: 'hint', role: 'status' });
  const organisation = h(
    'select',
    { id: 'organisasjon', name: 'organisasjon', class: 'input input--medium', 'aria-required': 'true' },
    organisations.length > 1 ? h('option', { value: '' }, 'Velg organisasjon') : null,
    organisations.map((o) => h('option', { value: o }, o)),
  );
  organisation.value = organisations.includes(chosen) ? chosen : organisations.length === 1 ? organisations[0] : '';
  const voice = h('textarea', {
    id: 'stemme',
    name: 'stemme',
    class: 'input',
    rows: '2',
    'aria-describedby': 'stemme-hint',
  });
  const others = input('andre', { type: 'checkbox', class: 'checkbox__input' });
  const radios = (name, options, checked) =>
    options.map(([value, label, hint]) =>
      h(
        'div',
        { class: 'radio' },
        input(`${name}-${value}`, { type: 'radio', name, value, checked: value === checked, class: 'radio__input' }),
        h('label', { for: `${name}-${value}` }, label, hint ? h('span', { class: 'hint' }, ` – ${hint}`) : null),
      ),
    );

  /** The consultation imported into the form (POST /consultations), and its items as ticked and edited. */
  const imported = { extraction: null, items: [] };
  const questionList = h('ol', { class: 'questions' });
  const questionsHeading = h('h2', { id: 'sporsmal-tittel' });
  const questionsHint = h('p', { class: 'hint' });
  /** The typed questions' heading: the consultation's questions, or (beside an import's items) the secretary's own. */
  function titleQuestions(own) {
    questionsHeading.textContent = own ? 'Egne spørsmål (valgfritt)' : 'Spørsmål fra høringen';
    questionsHint.textContent = own
      ? 'Spørsmål dere vil svare på i tillegg til punktene over. Utkastet får én del per spørsmål.'
      : 'Ett spørsmål per felt. Utkastet får én del per spørsmål.';
  }
  titleQuestions(false);
  const addButton = h(
    'button',
    { type: 'button', class: 'button button--secondary', on: { click: () => addQuestion('', true) } },
    'Legg til spørsmål',
  );

  function addQuestion(text = '', focus = false) {
    const item = h('li', { class: 'question' });
    const area = h('textarea', { class: 'input', rows: '2', value: text, 'aria-required': 'true' });
    const label = h('label');
    const remove = h('button', {
      type: 'button',
      class: 'button button--quiet',
      on: { click: () => removeQuestion(item) },
    });
    item.append(label, area, remove);
    questionList.append(item);
    renumber();
    if (focus) area.focus();
  }

  function removeQuestion(item) {
    const next = item.nextElementSibling ?? item.previousElementSibling;
    item.remove();
    renumber();
    next?.querySelector('textarea')?.focus();
  }

  function renumber() {
    const items = [...questionList.children];
    // Beside an imported consultation's items the typed questions are the secretary's own, and may be none.
    const own = imported.extraction !== null;
    items.forEach((item, i) => {
      const [label, area, remove] = item.children;
      area.id = `sporsmal-${i + 1}`;
      label.htmlFor = area.id;
      label.textContent = `${own ? 'Eget spørsmål' : 'Spørsmål'} ${i + 1}`;
      remove.replaceChildren(
        'Fjern',
        h('span', { class: 'visually-hidden' }, ` ${own ? 'eget spørsmål' : 'spørsmål'} ${i + 1}`),
      );
      remove.disabled = !own && items.length === 1;
    });
    addButton.disabled = items.length >= MAX_QUESTIONS;
  }

  backgroundFile.addEventListener('change', async () => {
    const file = backgroundFile.files?.[0];
    if (!file) return;
    if (!/\.(txt|md|markdown)$/i.test(file.name) && !/^text\//.test(file.type)) {
      fileStatus.textContent = `«${file.name}» er ikke en tekstfil. Velg en .txt- eller .md-fil.`;
      return;
    }
    const text = await file.text();
    if (text.length > MAX_BACKGROUND) {
      fileStatus.textContent = `«${file.name}» har ${text.length.toLocaleString('nb')} tegn; bakgrunnen kan ha høyst 20 000. Lim inn et utdrag i stedet.`;
      return;
    }
    background.value = text;
    fileStatus.textContent = `Leste inn «${file.name}» (${text.length.toLocaleString('nb')} tegn).`;
  });

  // An imported consultation (POST /consultations): its questions and proposals as items to tick and edit.
  const questionItems = h('ol', { class: 'items' });
  const proposalItems = h('ol', { class: 'items' });
  const itemsNote = h('div', { class: 'source-notes' });
  const itemsSection = h(
    'section',
    { class: 'form-section', 'aria-labelledby': 'punkter-tittel', hidden: true },
    h('h2', { id: 'punkter-tittel' }, 'Punkter fra høringen'),
    h(
      'p',
      { class: 'hint' },
      'Huk av det utkastet skal svare på. Du kan endre teksten. Utkastet får én del per punkt, med det departementet foreslår sitert fra høringsdokumentet.',
    ),
    itemsNote,
    h('h3', { id: 'punkter-sporsmal' }, 'Spørsmål til høringsinstansene'),
    questionItems,
    h('h3', { id: 'punkter-forslag' }, 'Departementets forslag'),
    proposalItems,
  );
  const submitButton = h('button', { type: 'submit', class: 'button button--primary' }, 'Lag utkast');
  const fieldset = h(
    'fieldset',
    { class: 'form-body' },
    h('legend', { class: 'visually-hidden' }, 'Høringen'),
    h(
      'section',
      { class: 'form-section', 'aria-labelledby': 'om-horingen' },
      h('h2', { id: 'om-horingen' }, 'Om høringen'),
      field('tittel', 'Tittel på høringen', title),
      field(
        'avsender',
        'Avsender',
        issuer,
        'Departementet eller etaten som har sendt høringen. Svaret adresseres hit.',
      ),
      h(
        'div',
        { class: 'field-row' },
        field('referanse', 'Referanse (valgfritt)', reference, 'Saksnummeret, for eksempel 25/1873.'),
        field('frist', 'Frist (valgfritt)', deadline, 'Datoen svaret må være sendt innen.'),
      ),
    ),
    itemsSection,
    h(
      'section',
      { class: 'form-section', 'aria-labelledby': 'sporsmal-tittel' },
      questionsHeading,
      questionsHint,
      questionList,
      addButton,
    ),
    h(
      'section',
      { class: 'form-section', 'aria-labelledby': 'bakgrunn-tittel' },
      h('h2', { id: 'bakgrunn-tittel' }, 'Bakgrunn (valgfritt)'),
      field('bakgrunn', 'Bakgrunnstekst', background, 'Lim inn sammendraget av høringen, eller last opp en tekstfil.'),
      field('bakgrunn-fil', 'Last opp bakgrunnen som fil (.txt eller .md)', backgroundFile),
      fileStatus,
    ),
    h(
      'section',
      { class: 'form-section', 'aria-labelledby': 'organisasjon-tittel' },
      h('h2', { id: 'organisasjon-tittel' }, 'Organisasjon og form'),
      field('organisasjon', 'Organisasjon', organisation, null),
      h(
        'p',
        { class: 'checkbox' },
        others,
        ' ',
        h('label', { for: 'andre' }, 'Tillat sitater fra andre organisasjoners dokumenter (de navngis i teksten)'),
      ),
      field(
        'stemme',
        'Stemme og tone (valgfritt)',
        voice,
        'For eksempel: saklig og tydelig, med vekt på de ansattes medvirkning.',
      ),
      h(
        'fieldset',
        { class: 'choice' },
        h('legend', {}, 'Målform'),
        radios(
          'malform',
          [
            ['nb', 'Bokmål'],
            ['nn', 'Nynorsk'],
          ],
          'nb',
        ),
      ),
      h(
        'fieldset',
        { class: 'choice' },
        h('legend', {}, 'Lengde'),
        radios(
          'lengde',
          [
            ['short', 'Kort', 'omtrent tre setninger per spørsmål'],
            ['medium', 'Middels', 'omtrent fem'],
            ['long', 'Lang', 'omtrent åtte'],
          ],
          'medium',
        ),
      ),
    ),
    h('div', { class: 'form-actions' }, submitButton),
  );
  const element = h(
    'form',
    {
      class: 'form',
      novalidate: true,
      'aria-label': 'Ny høring',
      on: { submit: (ev) => (ev.preventDefault(), onSubmit()) },
    },
    fieldset,
  );
  addQuestion();

  function read() {
    const errors = [];
    const need = (value, field, reason) => {
      if (!value) errors.push({ field, reason });
      return value;
    };
    const questions = [...questionList.querySelectorAll('textarea')].map((t) => t.value.trim());
    const filled = questions.filter(Boolean);
    const items = imported.items.filter((i) => i.box.checked);
    for (const i of items)
      if (!i.area.value.trim())
        errors.push({ field: `consultation.items.${i.key}`, reason: 'skriv teksten, eller fjern haken' });
    const consultation = {
      title: need(title.value.trim(), 'consultation.title', 'skriv tittelen på høringen'),
      issuer: need(issuer.value.trim(), 'consultation.issuer', 'skriv hvem som har sendt høringen'),
      ...(reference.value.trim() ? { reference: reference.value.trim() } : {}),
      ...(deadline.value ? { deadline: deadline.value } : {}),
      questions: filled,
      ...(background.value.trim() ? { background: background.value.trim() } : {}),
    };
    if (imported.extraction) {
      consultation.documentId = imported.extraction.documentId;
      // The edited wording goes along only when it differs from what was read out of the document.
      consultation.items = items.map((i) => ({
        kind: i.kind,
        index: i.index,
        ...(i.area.value.trim() !== i.original ? { text: i.area.value.trim() } : {}),
      }));
      if (!items.length && !filled.length)
        errors.push({
          field: 'consultation.items',
          reason: 'velg minst ett punkt å svare på, eller skriv et eget spørsmål',
        });
    } else if (!filled.length) errors.push({ field: 'consultation.questions', reason: 'skriv minst ett spørsmål' });
    const request = {
      consultation,
      organisation: {
        name: need(organisation.value, 'organisation.name', 'velg organisasjonen som skal svare'),
        ...(voice.value.trim() ? { voice: voice.value.trim() } : {}),
        allowOtherOrganisations: others.checked,
      },
      language: element.querySelector('input[name="malform"]:checked')?.value ?? 'nb',
      length: element.querySelector('input[name="lengde"]:checked')?.value ?? 'medium',
    };
    return { request, errors };
  }

  /** Mark each field with an error inline too (aria-invalid and the reason above the input); none clears them. */
  function markErrors(errors = []) {
    for (const el of element.querySelectorAll('.field-error')) el.remove();
    for (const el of element.querySelectorAll('[aria-invalid]')) {
      el.removeAttribute('aria-invalid');
      const ids = (el.getAttribute('aria-describedby') ?? '').split(' ').filter((x) => x && !x.endsWith('-feil'));
      if (ids.length) el.setAttribute('aria-describedby', ids.join(' '));
      else el.removeAttribute('aria-describedby');
    }
    for (const e of errors) {
      const input = document.getElementById(fieldId(e.field) ?? '');
      if (!input || input.getAttribute('aria-invalid')) continue;
      const message = h(
        'p',
        { class: 'field-error', id: `${input.id}-feil` },
        e.reason.charAt(0).toUpperCase() + e.reason.slice(1),
      );
      input.before(message);
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute(
        'aria-describedby',
        [input.getAttribute('aria-describedby'), message.id].filter(Boolean).join(' '),
      );
    }
  }

  function setBusy(on) {
    fieldset.disabled = on;
    submitButton.textContent = on ? 'Lager utkast …' : 'Lag utkast';
  }

  /** Everything typed so far, for keeping across an expired session; null when the form is untouched. */
  function snapshot() {
    const questions = [...questionList.querySelectorAll('textarea')].map((t) => t.value);
    const values = {
      title: title.value,
      issuer: issuer.value,
      reference: reference.value,
      deadline: deadline.value,
      background: background.value,
      organisation: organisation.value,
      voice: voice.value,
      others: others.checked,
      language: element.querySelector('input[name="malform"]:checked')?.value,
      length: element.querySelector('input[name="lengde"]:checked')?.value,
      questions,
      ...(imported.extraction
        ? {
            imported: {
              extraction: imported.extraction,
              messages: imported.messages,
              items: imported.items.map((i) => ({ key: i.key, checked: i.box.checked, text: i.area.value })),
            },
          }
        : {}),
    };
    const typed = [values.title, values.issuer, values.reference, values.background, values.voice, ...questions];
    return typed.some((v) => v.trim()) ? values : null;
  }

  /** Put a snapshot back (the question fields are recreated to match). */
  function restore(v) {
    if (v.imported) {
      prefill(v.imported.extraction, v.imported.messages);
      for (const kept of v.imported.items ?? []) {
        const item = imported.items.find((i) => i.key === kept.key);
        if (!item) continue;
        item.box.checked = kept.checked;
        item.area.value = kept.text;
      }
    }
    title.value = v.title ?? '';
    issuer.value = v.issuer ?? '';
    reference.value = v.reference ?? '';
    deadline.value = v.deadline ?? '';
    background.value = v.background ?? '';
    if ([...organisation.options].some((o) => o.value === v.organisation)) organisation.value = v.organisation;
    voice.value = v.voice ?? '';
    others.checked = Boolean(v.others);
    for (const [name, value] of [
      ['malform', v.language],
      ['lengde', v.length],
    ]) {
      const radio = value && element.querySelector(`input[name="${name}"][value="${CSS.escape(value)}"]`);
      if (radio) radio.checked = true;
    }
    const questions = (v.questions ?? []).filter((q) => !v.imported || q.trim()).slice(0, MAX_QUESTIONS);
    questionList.replaceChildren();
    for (const q of questions.length || v.imported ? questions : ['']) addQuestion(q);
    renumber();
  }

  /**
   * Fill the form from an import (POST /consultations or GET /consultations/:id): the four fields, each with where
   * it was found or the note that it was not; the questions (ticked) and proposals (ticked only when there are no
   * questions, as the server's default) as items to tick and edit. `openSource(button, source, label)` shows a passage.
   */
  function prefill(extraction, messages = []) {
    imported.extraction = extraction;
    imported.messages = messages;
    const missing = new Map(extraction.notFound.map((f, i) => [f, messages[i]]));
    const fields = [
      ['title', title, 'tittel', 'Tittelen'],
      ['issuer', issuer, 'avsender', 'Avsenderen'],
      ['reference', reference, 'referanse', 'Referansen'],
      ['deadline', deadline, 'frist', 'Fristen'],
    ];
    for (const [key, control, id, label] of fields) {
      const f = extraction[key];
      control.value = f?.value ?? '';
      const note = notes[id];
      note.hidden = false;
      if (f?.value && f.source) replace(note, sourceLink(f.source, `${label}: ${f.value}`));
      else
        replace(
          note,
          h('span', { class: 'source-note__missing' }, missing.get(key) ?? 'Fant ikke feltet i dokumentet.'),
        );
    }
    // The typed questions stay, as the secretary's own beside the items; blank ones go.
    for (const area of [...questionList.querySelectorAll('textarea')])
      if (!area.value.trim()) area.closest('li').remove();
    titleQuestions(true);
    renumber();
    itemsSection.hidden = false;
    imported.items = [];
    const answerProposals = extraction.questions.length === 0;
    questionItems.replaceChildren(
      ...extraction.questions.map((q, index) =>
        itemRow({
          kind: 'question',
          index,
          key: `q${index + 1}`,
          label: `Spørsmål ${index + 1}`,
          text: q.text,
          source: q.source,
          checked: true,
        }),
      ),
    );
    proposalItems.replaceChildren(
      ...extraction.proposals.map((p, index) =>
        itemRow({
          kind: 'proposal',
          index,
          key: `f${index + 1}`,
          // «Forslag 5.3 – Tilsyn og kontroll»: the chapter says what it is about, the heading only that it is a proposal.
          label: `Forslag ${[p.number, p.chapter?.heading ?? p.heading].filter(Boolean).join(' – ')}`,
          text: p.text,
          source: p.source,
          checked: answerProposals,
        }),
      ),
    );
    replace(
      itemsNote,
      ['questions', 'proposals']
        .filter((f) => missing.has(f))
        .map((f) => h('p', { class: 'source-note__missing' }, missing.get(f))),
    );
    element.querySelector('#punkter-sporsmal').hidden = extraction.questions.length === 0;
    element.querySelector('#punkter-forslag').hidden = extraction.proposals.length === 0;
  }

  function itemRow({ kind, index, key, label, text, source, checked }) {
    const box = input(`punkt-${key}`, { type: 'checkbox', class: 'checkbox__input', checked });
    const area = h('textarea', {
      id: `punkt-${key}-tekst`,
      class: 'input',
      rows: '2',
      value: text,
      'aria-label': `Teksten i ${label.toLowerCase()}`,
    });
    imported.items.push({ kind, index, key, box, area, original: text.trim() });
    return h(
      'li',
      { class: 'item' },
      h('p', { class: 'checkbox' }, box, ' ', h('label', { for: box.id }, label)),
      area,
      h('p', { class: 'source-note' }, sourceLink(source, label)),
    );
  }

  /** «hentet fra side 3» as a button that opens the passage; a source with no passage (a heading) names its page. */
  function sourceLink(source, label) {
    const where = source.page ? `hentet fra side ${source.page}` : 'hentet fra høringsdokumentet';
    if (!source.passageId) return h('span', {}, where);
    return h(
      'button',
      {
        type: 'button',
        class: 'link-button',
        'aria-expanded': 'false',
        on: { click: (ev) => openSource?.(ev.currentTarget, source, label) },
      },
      where,
      h('span', { class: 'visually-hidden' }, ` (${label})`),
    );
  }

  /** Back to typing by hand: the imported items go, what is in the four fields stays. */
  function clearImport() {
    imported.extraction = null;
    imported.items = [];
    itemsSection.hidden = true;
    titleQuestions(false);
    if (!questionList.children.length) addQuestion();
    renumber();
    for (const note of Object.values(notes)) note.hidden = true;
  }

  return {
    element,
    prefill,
    clearImport,
    importedDocument: () => imported.extraction?.documentId ?? null,
    read,
    setBusy,
    fieldId,
    markErrors,
    snapshot,
    restore,
    focusSubmit: () => submitButton.focus(),
  };
}
