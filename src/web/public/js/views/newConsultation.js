// /ny — the consultation form. Submitting streams the draft: sources found per part, each section as it is written,
// then the verification; when it is saved, the draft view opens.
import { draftOrganisations } from '../access.js';
import { ApiError, getJson, postStream } from '../api.js';
import { h } from '../dom.js';
import { showError } from '../errors.js';
import { guardLeaving, navigate } from '../navigation.js';
import { keepWork } from '../session.js';
import { positionHolders } from '../organisations.js';
import { openSourcePanel } from '../sourcePanel.js';
import { consultationForm } from './consultationForm.js';
import { consultationImport } from './consultationImport.js';
import { draftProgress } from './progress.js';

export async function render(main) {
  document.title = 'Ny høring – innspill';
  const { documents } = await getJson('/documents');
  // Only organisations the person may draft for, their own chosen: not every name in the library (a ministry
  // that issued a consultation, or an organisation where they only read, ends in a 403 after the form is filled).
  const { organisations, chosen } = draftOrganisations(positionHolders(documents));
  if (!organisations.length) {
    main.replaceChildren(
      h('h1', {}, 'Ny høring'),
      h(
        'p',
        { class: 'notice notice--info', role: 'status' },
        'Du kan lese utkast og spørre dokumentene, men ikke lage nye utkast: det krever rollen redaktør i en organisasjon. ',
        'Be en administrator om den hvis du skal skrive høringsinnspill.',
      ),
      h('p', {}, h('a', { href: '/', 'data-link': '' }, 'Til utkastene')),
    );
    return undefined;
  }
  const form = consultationForm({ organisations, chosen, onSubmit: submit, openSource });
  const importer = consultationImport({
    onImported: (body) => {
      // A sender the text does not name was given at the upload; the stored document is that sender's.
      const c = body.consultation;
      const named = c.issuer?.value
        ? c
        : { ...c, issuer: { value: body.document?.organisation ?? null, source: null } };
      form.prefill(named, body.messages);
      document.getElementById('tittel')?.focus();
    },
  });
  const errorSlot = h('div', { class: 'error-slot', hidden: true });
  const progressSlot = h('div', { class: 'progress-slot' });
  let controller = null;

  const lead = h(
    'p',
    { class: 'lead' },
    'Fyll inn høringen og spørsmålene fra departementet. Utkastet bygger bare på organisasjonens egne dokumenter, og hver setning får en kontrollert kilde.',
  );
  main.replaceChildren(h('h1', {}, 'Ny høring'), lead, importer.element, errorSlot, form.element, progressSlot);
  let leaving = false;
  // A half-filled form is not thrown away by a click on a link or Back without asking.
  guardLeaving(() =>
    !leaving && form.snapshot()
      ? controller
        ? 'Utkastet skrives nå. Forlater du siden, stopper skrivingen og ingenting lagres. Vil du forlate siden?'
        : 'Skjemaet er ikke sendt. Forlater du siden, mister du det du har fylt inn. Vil du forlate siden?'
      : null,
  );
  const kept = h(
    'p',
    { class: 'notice notice--info', role: 'status' },
    'Du ble logget ut mens du skrev. Det du hadde fylt inn, er hentet tilbake.',
  );
  const releaseWork = keepWork({
    save: form.snapshot,
    restore: (data) => {
      form.restore(data);
      errorSlot.replaceChildren(kept);
      errorSlot.hidden = false;
    },
  });

  /** While the draft is written the form steps aside, so the sections appear where the reader is looking. */
  const showForm = (on) => {
    form.element.hidden = !on;
    lead.hidden = !on;
    importer.element.hidden = !on;
  };

  async function submit() {
    const { request, errors } = form.read();
    form.markErrors(errors);
    if (errors.length) {
      showError(errorSlot, new ApiError({ title: 'Noen felt må fylles ut', errors }), { fieldId: form.fieldId });
      return;
    }
    errorSlot.hidden = true;
    controller = new AbortController();
    form.setBusy(true);
    // Drafts of this organisation before this one: after a cancel, a new one with this title was saved by the server.
    const before = await draftIds(request.organisation.name);
    let verified = false;
    const progress = draftProgress({ request, onCancel: () => controller?.abort() });
    const onEvent = (name, data) => {
      if (name === 'verification') verified = true;
      progress.onEvent(name, data);
    };
    showForm(false);
    progressSlot.replaceChildren(progress.element);
    progress.focus();
    try {
      const saved = await postStream('/drafts', request, onEvent, { signal: controller.signal });
      progress.finished(saved);
      controller = null;
      leaving = true;
      await navigate(`/utkast/${encodeURIComponent(saved.id)}`);
    } catch (err) {
      controller = null;
      form.setBusy(false);
      showForm(true);
      // Nothing is saved when drafting stops, so the half-written sections go too; the form is back as it was.
      progressSlot.replaceChildren();
      if (err?.name === 'AbortError') {
        // The cancel may come after the server finished: then the draft is saved, and the person is told so.
        const saved = await savedAnyway(request, before, verified);
        errorSlot.replaceChildren(
          saved
            ? h(
                'div',
                { class: 'notice notice--warning', role: 'status' },
                h(
                  'p',
                  {},
                  'Du avbrøt, men utkastet var allerede ferdig skrevet og ble lagret likevel. Det ligger i listen over utkast.',
                ),
                h(
                  'p',
                  {},
                  h(
                    'a',
                    {
                      href: `/utkast/${encodeURIComponent(saved.id)}`,
                      'data-link': '',
                      // The form's work is in the saved draft: opening it loses nothing, so no question.
                      on: { click: () => (leaving = true) },
                    },
                    `Åpne «${saved.consultationTitle || saved.title}»`,
                  ),
                ),
              )
            : h('p', { class: 'notice notice--info', role: 'status' }, 'Du avbrøt. Ingenting ble lagret.'),
        );
        errorSlot.hidden = false;
        form.focusSubmit();
        return;
      }
      form.markErrors(err?.errors);
      showError(errorSlot, err, { fieldId: form.fieldId, onRetry: submit });
    }
  }

  // Leaving the page stops the stream; the server then stops drafting and saves nothing.
  function openSource(button, source, label) {
    openSourcePanel(button, {
      label: 'Fra høringsdokumentet',
      sentence: label,
      citations: [{ passageId: source.passageId, quote: source.quote }],
    });
  }

  return () => {
    releaseWork();
    importer.abort();
    controller?.abort();
  };
}

/** The ids of the organisation's saved drafts (most recent first); empty when the list cannot be read. */
async function draftIds(organisation) {
  try {
    const { drafts } = await getJson(`/drafts?organisation=${encodeURIComponent(organisation)}&limit=200`);
    return new Set(drafts.map((d) => d.id));
  } catch {
    return null;
  }
}

/**
 * After a cancel: the draft the server saved for this request anyway, if any (a new draft of the organisation with
 * this consultation's title). Once the check had begun the save is moments away, so that case looks twice.
 */
async function savedAnyway(request, before, verified) {
  if (!before) return null;
  for (let attempt = 0; attempt < (verified ? 3 : 1); attempt++) {
    if (attempt) await new Promise((r) => setTimeout(r, 500));
    try {
      const { drafts } = await getJson(
        `/drafts?organisation=${encodeURIComponent(request.organisation.name)}&limit=20`,
      );
      const found = drafts.find((d) => !before.has(d.id) && d.consultationTitle === request.consultation.title);
      if (found) return found;
    } catch {
      return null;
    }
  }
  return null;
}
