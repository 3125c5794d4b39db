// /ny — the consultation form. Submitting streams the draft: sources found per part, each section as it is written,
// then the verification; when it is saved, the draft view opens.
import { ApiError, getJson, postStream } from '../api.js';
import { h } from '../dom.js';
import { showError } from '../errors.js';
import { navigate } from '../main.js';
import { keepWork } from '../session.js';
import { consultationForm } from './consultationForm.js';
import { draftProgress } from './progress.js';

export async function render(main) {
  document.title = 'Ny høring – innspill';
  const { documents } = await getJson('/documents');
  const organisations = [...new Set(documents.map((d) => d.organisation))].sort((a, b) => a.localeCompare(b, 'nb'));
  const form = consultationForm({ organisations, onSubmit: submit });
  const errorSlot = h('div', { class: 'error-slot', hidden: true });
  const progressSlot = h('div', { class: 'progress-slot' });
  let controller = null;

  const lead = h(
    'p',
    { class: 'lead' },
    'Fyll inn høringen og spørsmålene fra departementet. Utkastet bygger bare på organisasjonens egne dokumenter, og hver setning får en kontrollert kilde.',
  );
  main.replaceChildren(h('h1', {}, 'Ny høring'), lead, errorSlot, form.element, progressSlot);
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
    const progress = draftProgress({ request, onCancel: () => controller?.abort() });
    showForm(false);
    progressSlot.replaceChildren(progress.element);
    progress.focus();
    try {
      const saved = await postStream('/drafts', request, progress.onEvent, { signal: controller.signal });
      progress.finished(saved);
      controller = null;
      await navigate(`/utkast/${encodeURIComponent(saved.id)}`);
    } catch (err) {
      controller = null;
      form.setBusy(false);
      showForm(true);
      // Nothing is saved when drafting stops, so the half-written sections go too; the form is back as it was.
      progressSlot.replaceChildren();
      if (err?.name === 'AbortError') {
        errorSlot.replaceChildren(
          h('p', { class: 'notice notice--info', role: 'status' }, 'Du avbrøt. Ingenting ble lagret.'),
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
  return () => {
    releaseWork();
    controller?.abort();
  };
}
