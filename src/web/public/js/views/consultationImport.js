// «Last opp høringsdokumentet» on /ny: pick or drop the høringsbrev/høringsnotat (PDF, DOCX, HTML), follow the
// upload's progress, and hand what was read out of it (POST /consultations) to the form. A document imported before
// (409) can be opened as it was imported, when the refusal names it.
import { ApiError, getJson, sendFormStream } from '../api.js';
import { h } from '../dom.js';
import { showError } from '../errors.js';
import { progressText } from '../library/progressText.js';

const ACCEPT =
  '.pdf,.docx,.html,.htm,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/html';

/** @param {{ onImported: (body: { consultation: any, messages: string[], document: any }, how: 'new' | 'earlier') => void }} opts */
export function consultationImport({ onImported }) {
  const file = h('input', { id: 'horingsdokument', type: 'file', accept: ACCEPT, class: 'input-file' });
  const bar = h('progress', { id: 'import-fremdrift', max: '1', hidden: true });
  const status = h('p', { class: 'status', role: 'status', id: 'import-status' });
  // Each step of the upload stays listed, so a fast import still shows what was done.
  const log = h('ol', { class: 'progress__log import__log', id: 'import-logg', 'aria-label': 'Opplastingen' });
  const errorSlot = h('div', { class: 'error-slot', hidden: true });
  const zone = h(
    'div',
    { class: 'drop-zone' },
    h('label', { for: 'horingsdokument', class: 'drop-zone__label' }, 'Velg høringsdokumentet'),
    h(
      'p',
      { class: 'hint', id: 'horingsdokument-hint' },
      'PDF, Word (DOCX) eller en nettside (HTML). Du kan også dra filen hit.',
    ),
    file,
  );
  file.setAttribute('aria-describedby', 'horingsdokument-hint');
  // The issuer is read from the text; this field names it only when the text names none (the server says so: 400 on
  // `issuer`). What the user types is never the importing organisation: the document is stored as the issuer's.
  const issuer = h('input', {
    id: 'horing-avsender',
    type: 'text',
    class: 'input',
    autocomplete: 'organization',
    'aria-describedby': 'horing-avsender-hint',
  });
  const issuerField = h(
    'div',
    { class: 'field' },
    h('label', { for: 'horing-avsender' }, 'Hvem sendte høringen (bare om dokumentet ikke sier det)'),
    h(
      'p',
      { class: 'hint', id: 'horing-avsender-hint' },
      'Hentes ut av dokumentet. Fyll inn bare når dokumentet ikke selv sier hvem som sendte det på høring.',
    ),
    issuer,
  );
  let controller = null;

  const element = h(
    'section',
    { class: 'form-section import', 'aria-labelledby': 'last-opp-tittel' },
    h('h2', { id: 'last-opp-tittel' }, 'Last opp høringsdokumentet'),
    h(
      'p',
      { class: 'hint' },
      'Tittel, avsender, referanse, frist, spørsmål og forslag hentes ut av dokumentet og fylles inn under, med en lenke til stedet de står. Eller fyll inn skjemaet selv.',
    ),
    zone,
    issuerField,
    bar,
    log,
    status,
    errorSlot,
  );

  file.addEventListener('change', () => {
    if (file.files?.[0]) upload(file.files[0]);
  });
  zone.addEventListener('dragover', (ev) => {
    ev.preventDefault();
    zone.classList.add('drop-zone--over');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('drop-zone--over'));
  zone.addEventListener('drop', (ev) => {
    ev.preventDefault();
    zone.classList.remove('drop-zone--over');
    const dropped = ev.dataTransfer?.files?.[0];
    if (dropped) upload(dropped);
  });

  async function upload(f) {
    controller?.abort();
    controller = new AbortController();
    errorSlot.hidden = true;
    file.disabled = true;
    bar.hidden = false;
    bar.removeAttribute('value');
    status.textContent = `Laster opp «${f.name}» …`;
    log.replaceChildren();
    const form = new FormData();
    form.set('file', f, f.name);
    if (issuer.value.trim()) form.set('issuer', issuer.value.trim());
    try {
      const body = await sendFormStream(
        'POST',
        '/consultations',
        form,
        (name, e) => {
          const line = name === 'progress' ? progressText(e) : null;
          if (!line) return;
          status.textContent = line.text;
          const last = log.lastElementChild;
          if (last?.dataset.phase === e.phase) last.textContent = status.textContent;
          else log.append(h('li', { class: 'progress__item', dataset: { phase: e.phase } }, status.textContent));
          if (e.phase === 'embed' && e.total) {
            bar.max = e.total;
            bar.value = e.done;
          }
        },
        { signal: controller.signal },
      );
      // The list ends where the upload ended, as a document upload's line does («Lagret: …»), not at «Lagrer …».
      finishLog(`Lagret: «${body.document?.title ?? f.name}».`, 'done');
      status.textContent = `Hentet ut fra «${f.name}». Se over feltene under før du lager utkastet.`;
      onImported(body, 'new');
    } catch (err) {
      if (err?.name === 'AbortError') return;
      if (log.childElementCount) finishLog('Ikke lagret.', 'none');
      status.textContent = '';
      refused(err, f.name);
    } finally {
      bar.hidden = true;
      file.disabled = false;
      file.value = '';
      controller = null;
    }
  }

  /** The log's last line: the save step's «Lagrer …» becomes its outcome, or the outcome follows the last step. */
  function finishLog(text, kind) {
    const last = log.lastElementChild;
    const line = last?.dataset.phase === 'save' ? last : log.appendChild(h('li', {}));
    line.className = `progress__item progress__item--${kind}`;
    line.dataset.phase = 'finished';
    line.textContent = text;
  }

  /** A refusal in Norwegian; for a document imported before, the way to what was read out of it then. */
  function refused(err, name) {
    // The 409 names the stored document in `documentId`; an older server only in the detail's «…».
    const earlier =
      err instanceof ApiError && err.status === 409
        ? (err.documentId ?? /id «([^»]+)»/.exec(err.detail ?? '')?.[1] ?? null)
        : null;
    if (!earlier) {
      showError(errorSlot, err, { onRetry: () => file.click() });
      // No sender in the text: the field above is where to name it before the file is chosen again.
      if (err instanceof ApiError && err.errors.some((e) => e.field === 'issuer')) issuer.focus();
      return;
    }
    const box = showError(
      errorSlot,
      new ApiError({
        status: 409,
        title: 'Høringsdokumentet er allerede lastet opp',
        detail: `«${name}» er lastet opp før. Du kan bruke det som ble hentet ut da.`,
      }),
    );
    const open = h(
      'button',
      {
        type: 'button',
        class: 'button button--secondary',
        on: {
          click: async () => {
            open.disabled = true;
            try {
              const body = await getJson(`/consultations/${encodeURIComponent(earlier)}`);
              errorSlot.hidden = true;
              status.textContent = `Hentet fram «${body.document.title}», importert tidligere.`;
              onImported(body, 'earlier');
            } catch (e) {
              // Not an imported consultation (the same file stored as an ordinary document), or not readable.
              showError(
                errorSlot,
                e instanceof ApiError && e.status === 404
                  ? new ApiError({
                      title: 'Fant ikke en importert høring',
                      detail: `Det samme innholdet er lagret som et vanlig dokument («${earlier}»), ikke som en høring. Fyll inn skjemaet selv.`,
                    })
                  : e,
              );
            }
          },
        },
      },
      'Bruk den importerte høringen',
    );
    box.append(h('p', {}, open));
  }

  return { element, abort: () => controller?.abort() };
}
