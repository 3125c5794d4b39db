// /utkast/:id — read a draft, open every footnote's source, edit sentences in place, check the sources again, save a
// new version, open earlier versions, download DOCX or Markdown.
import { readOnlyReason } from '../access.js';
import { getJson } from '../api.js';
import { announce, formatDate, h, replace } from '../dom.js';
import { errorBox } from '../errors.js';
import { providerBanner } from '../labels.js';
import { guardLeaving } from '../navigation.js';
import { keepWork, leavingForLogin } from '../session.js';
import { closeSourcePanel } from '../sourcePanel.js';
import { ApiError } from '../api.js';
import { checkModel, plainText, saveModel } from '../draft/check.js';
import { internalLine, legend, summaryLine } from '../draft/legend.js';
import { modelFromVersion, summarise } from '../draft/model.js';
import { extrasCount, renderDraft } from '../draft/render.js';
import { versionList } from '../draft/versions.js';

export async function render(main, { params, query }) {
  const id = params[0];
  const requested = query.get('versjon');
  const data = await getJson(
    `/drafts/${encodeURIComponent(id)}${requested ? `?version=${encodeURIComponent(requested)}` : ''}`,
  );
  const state = {
    data,
    model: modelFromVersion(data.current),
    editing: false,
    dirty: false,
    busy: false,
    // The draft's latest version when the page read it: every save says it was based on it (baseVersion), so the
    // server refuses (409) a save that would silently replace a version another editor saved in between.
    base: latestOf(data),
  };
  // A reader may read, check and download, not edit: the server would refuse the save (403) after the edits.
  const readOnly = readOnlyReason(data.current.draft.organisation, 'utkastet og kontrollere kildene');

  const heading = h('h1', { class: 'draft-title' });
  const meta = h('p', { class: 'draft-meta' });
  const banner = h('p', { class: 'banner', role: 'note' });
  const oldVersion = h('p', { class: 'notice notice--info', hidden: true });
  const withdrawnNotice = h('div', { class: 'notice notice--warning', hidden: true });
  const replacedNotice = h('div', { class: 'notice notice--warning', hidden: true, 'data-notice': 'replaced' });
  const summary = h('p', { class: 'summary' });
  // Beside the verdicts' summary, not in it: its colour is the verdicts', and an internal source changes none.
  const internalNotice = h('p', { class: 'notice notice--warning', hidden: true, 'data-notice': 'internal' });
  const status = h('p', { class: 'status', role: 'status' });
  const errorSlot = h('div', { class: 'error-slot', hidden: true });
  // The text of a save refused because someone else saved first, kept to copy after the newest version is loaded.
  const conflictSlot = h('section', { class: 'notice notice--warning', hidden: true, 'data-notice': 'conflict' });
  const articleSlot = h('div', { class: 'draft-slot' });
  const versionsSlot = h('section', { class: 'versions', 'aria-labelledby': 'versjoner' });

  const editButton = h(
    'button',
    { type: 'button', class: 'button button--secondary', 'aria-pressed': 'false', on: { click: toggleEdit } },
    'Rediger teksten',
  );
  const checkButton = h('button', { type: 'button', class: 'button', on: { click: check } }, 'Kontroller kilder');
  const saveButton = h(
    'button',
    { type: 'button', class: 'button button--secondary', on: { click: save } },
    'Lagre ny versjon',
  );
  const extrasToggle = h('input', {
    type: 'checkbox',
    id: 'vis-fjernet',
    on: { change: () => articleSlot.classList.toggle('show-extras', extrasToggle.checked) },
  });
  const extrasLabel = h('label', { for: 'vis-fjernet' });
  // Visible as "Last ned: Word (DOCX) Markdown"; each link's full name says what it does.
  const hiddenVerb = () => h('span', { class: 'visually-hidden' }, 'Last ned ');
  const docx = h('a', { class: 'download-link', download: '' }, hiddenVerb(), 'Word (DOCX)');
  const md = h('a', { class: 'download-link', download: '' }, hiddenVerb(), 'Markdown');
  for (const link of [docx, md]) link.addEventListener('click', confirmUnverified);
  const exportNote = h(
    'p',
    { class: 'hint', hidden: true },
    'Nedlastingen gjelder den lagrede versjonen. Lagre først for å få med endringene.',
  );
  const editHint = h(
    'p',
    { class: 'hint', hidden: true },
    'Klikk i en setning for å endre den. Fotnotene følger setningen. Tøm en setning for å fjerne den.',
  );

  replace(
    main,
    h('p', { class: 'breadcrumbs' }, h('a', { href: '/', 'data-link': '' }, '‹ Alle utkast')),
    heading,
    meta,
    banner,
    oldVersion,
    withdrawnNotice,
    replacedNotice,
    summary,
    internalNotice,
    h(
      'div',
      { class: 'toolbar', role: 'group', 'aria-label': 'Arbeid med utkastet' },
      h('div', { class: 'toolbar__group' }, readOnly ? checkButton : [editButton, checkButton, saveButton]),
      h(
        'div',
        { class: 'toolbar__group' },
        h('span', { class: 'toolbar__label', 'aria-hidden': 'true' }, 'Last ned:'),
        docx,
        md,
      ),
    ),
    readOnly ? h('p', { class: 'hint', id: 'bare-lesing' }, readOnly) : null,
    editHint,
    exportNote,
    status,
    errorSlot,
    conflictSlot,
    h('div', { class: 'draft-options' }, legend(), h('p', { class: 'checkbox' }, extrasToggle, ' ', extrasLabel)),
    articleSlot,
    versionsSlot,
  );

  const onBeforeUnload = (ev) => {
    // On the way to the login page the edits are kept in the browser (session.js), so no warning is needed.
    if (!state.dirty || leavingForLogin()) return;
    ev.preventDefault();
    ev.returnValue = '';
  };
  window.addEventListener('beforeunload', onBeforeUnload);
  // A link or Back inside the page asks too (the browser's own warning covers only reload and closing the tab).
  guardLeaving(() =>
    state.dirty
      ? 'Endringene i utkastet er ikke lagret. Forlater du siden, mister du dem. Vil du forlate siden?'
      : null,
  );

  function show() {
    const { current, versions } = state.data;
    const latest = versions.at(-1)?.version ?? current.version;
    document.title = `${current.draft.title} – innspill`;
    heading.textContent = current.draft.title;
    // The draft's own words are Bokmål or Nynorsk (the page around them is Bokmål): marked so screen readers and the
    // browser's spell-check read a Nynorsk draft as Nynorsk.
    const lang = current.draft.language === 'nn' ? 'nn' : 'nb';
    heading.lang = lang;
    articleSlot.lang = lang;
    const c = current.request?.consultation ?? {};
    meta.replaceChildren(
      [
        current.draft.organisation,
        c.issuer ? `Til ${c.issuer}` : null,
        c.reference ? `Deres ref. ${c.reference}` : null,
        c.deadline ? `Frist ${formatDate(c.deadline)}` : null,
        `Versjon ${current.version} av ${latest}`,
      ]
        .filter(Boolean)
        .join(' · '),
    );
    const first = versions[0];
    const b = providerBanner(current.provenance.provider, current.provenance.model, {
      originalProvider: first?.provider,
      originalModel: first?.model,
    });
    banner.className = `banner banner--${b.kind}`;
    banner.textContent = b.text;
    oldVersion.hidden = current.version === latest;
    oldVersion.replaceChildren(
      `Du ser på en eldre versjon (${current.version}). `,
      h('a', { href: `/utkast/${encodeURIComponent(id)}`, 'data-link': '' }, `Åpne siste versjon (${latest})`),
    );
    const gone = [...new Map((current.withdrawnSources ?? []).map((w) => [w.documentId, w])).values()];
    withdrawnNotice.hidden = gone.length === 0;
    replace(
      withdrawnNotice,
      h(
        'p',
        {},
        gone.length === 1
          ? 'Et dokument utkastet viser til, er trukket tilbake etter at det ble skrevet:'
          : `${gone.length} dokumenter utkastet viser til, er trukket tilbake etter at det ble skrevet:`,
      ),
      h(
        'ul',
        {},
        gone.map((w) => h('li', {}, `«${w.title}» (${w.organisation}), ${formatDate(w.withdrawnAt.slice(0, 10))}`)),
      ),
      h('p', {}, 'Fotnotene som viser dit, trenger en annen kilde før svaret sendes.'),
    );
    // A document replaced by a new version since the check: the server shows its sentences ✗ (their verdicts were
    // about the old text) until «Kontroller kilder» checks them against the new one.
    const changed = [...new Map((current.replacedSources ?? []).map((r) => [r.documentId, r])).values()];
    replacedNotice.hidden = changed.length === 0;
    replace(
      replacedNotice,
      h(
        'p',
        {},
        changed.length === 1
          ? 'Et dokument utkastet viser til, er erstattet av en ny versjon etter at det ble skrevet:'
          : `${changed.length} dokumenter utkastet viser til, er erstattet av nye versjoner etter at det ble skrevet:`,
      ),
      h(
        'ul',
        {},
        changed.map((r) => h('li', {}, `«${r.title}» (${r.organisation}), ${formatDate(r.replacedAt.slice(0, 10))}`)),
      ),
      h(
        'p',
        {},
        'Setningene som viser dit, er merket ✗ til kildene er kontrollert på nytt (Kontroller kilder) mot den nye versjonen.',
      ),
    );
    // A saved version with ✗ sentences (unsupported, contradicted, uncited, withdrawn source) downloads only after
    // the person confirms; the server refuses it without allowUnverified=true.
    const unverified = summarise(modelFromVersion(current)).bad;
    const confirmed = unverified ? '&allowUnverified=true' : '';
    docx.href = `/drafts/${encodeURIComponent(id)}/export?format=docx&version=${current.version}${confirmed}`;
    md.href = `/drafts/${encodeURIComponent(id)}/export?format=md&version=${current.version}${confirmed}`;
    docx.dataset.unverified = md.dataset.unverified = String(unverified);
    const extras = extrasCount(state.model);
    extrasToggle.hidden = extras === 0;
    extrasLabel.textContent = extras
      ? `Vis fjernede og reparerte setninger (${extras})`
      : 'Ingen setninger ble fjernet eller reparert.';
    replace(versionsSlot, versionList(id, versions, current.version));
    showDraft();
  }

  /** Ask before a download of a version with ✗ sentences; the file marks them and says how many to check. */
  function confirmUnverified(event) {
    const n = Number(event.currentTarget.dataset.unverified || 0);
    if (!n) return;
    const which = n === 1 ? '1 setning er' : `${n} setninger er`;
    const ok = window.confirm(
      `${which} ikke støttet av kildene de viser til (✗). Vil du laste ned utkastet likevel? ` +
        'Setningene blir merket i filen, og filen sier hvor mange som må kontrolleres.',
    );
    if (!ok) event.preventDefault();
  }

  function showDraft() {
    // The source panel shows the stored quote of a withdrawn or replaced source (the passage may be gone).
    const withdrawn = new Map(
      [...(state.data.current.replacedSources ?? []), ...(state.data.current.withdrawnSources ?? [])].map((w) => [
        w.passageId,
        w,
      ]),
    );
    articleSlot.replaceChildren(
      renderDraft(state.model, {
        editable: state.editing,
        onEdit: markDirty,
        onAccept: readOnly ? undefined : accept,
        withdrawn,
      }),
    );
    updateSummary();
  }

  function updateSummary() {
    const line = summaryLine(state.model);
    // Sentences citing internal documents are downloaded without asking (the organisation's own material; README,
    // «What an export says about its sentences»), so the summary above the download links says it, as the files do.
    const internal = internalLine(state.model);
    summary.className = `summary summary--${line.kind}`;
    summary.replaceChildren(
      h('span', { 'aria-hidden': 'true', class: 'summary__symbol' }, line.symbol),
      ' ',
      line.text,
    );
    internalNotice.hidden = !internal;
    internalNotice.textContent = internal ?? '';
    exportNote.hidden = !state.dirty;
  }

  function markDirty() {
    if (!state.dirty) {
      state.dirty = true;
      status.textContent = 'Endret – ikke kontrollert og ikke lagret.';
    }
    updateSummary();
  }

  function toggleEdit() {
    state.editing = !state.editing;
    editButton.setAttribute('aria-pressed', String(state.editing));
    editButton.textContent = state.editing ? 'Ferdig med redigering' : 'Rediger teksten';
    editHint.hidden = !state.editing;
    closeSourcePanel({ restoreFocus: false });
    showDraft();
    if (state.editing) articleSlot.querySelector('.sentence__text')?.focus();
  }

  async function busy(button, label, work) {
    if (state.busy) return;
    state.busy = true;
    const before = button.textContent;
    button.textContent = label;
    for (const b of [editButton, checkButton, saveButton]) b.disabled = true;
    main.setAttribute('aria-busy', 'true');
    errorSlot.hidden = true;
    try {
      await work();
    } catch (err) {
      if (err instanceof ApiError && err.code === 'conflict:draft_version') keepConflictingText();
      errorSlot.replaceChildren(errorBox(err, { onRetry: () => button.click() }));
      errorSlot.hidden = false;
      status.textContent = '';
      errorSlot.firstElementChild?.focus();
    } finally {
      state.busy = false;
      button.textContent = before;
      for (const b of [editButton, checkButton, saveButton]) b.disabled = false;
      main.removeAttribute('aria-busy');
    }
  }

  function check() {
    return busy(checkButton, 'Kontrollerer …', async () => {
      const { saved } = await checkModel(id, state.model, { baseVersion: state.base });
      closeSourcePanel({ restoreFocus: false });
      if (saved) await adopt(saved, `Kildene er kontrollert, og teksten er lagret som versjon ${saved.version}.`);
      else {
        showDraft();
        const line = summaryLine(state.model);
        status.textContent = `Kildene er kontrollert. ${line.text}${state.dirty ? ' Endringene er ikke lagret ennå.' : ''}`;
        announce(status.textContent);
      }
    });
  }

  function save() {
    return busy(saveButton, 'Lagrer …', async () => {
      const saved = await saveModel(id, state.model, { baseVersion: state.base });
      await adopt(saved, `Lagret som versjon ${saved.version}. Kildene er kontrollert på nytt.`);
    });
  }

  /** Accept a section marked «usikkert» as read: saved as a new version without its ≈ mark (issue 17). */
  function accept(section) {
    if (state.busy) return;
    return busy(saveButton, 'Lagrer …', async () => {
      const saved = await saveModel(id, state.model, { accept: [section.heading], baseVersion: state.base });
      await adopt(saved, `«${section.heading}» er godtatt som lest og lagret som versjon ${saved.version}.`);
    });
  }

  /** Show a version the server just saved, and list it among the versions. */
  async function adopt(saved, message) {
    const fresh = await getJson(`/drafts/${encodeURIComponent(id)}?version=${saved.version}`);
    state.data = fresh;
    state.model = modelFromVersion(fresh.current);
    state.dirty = false;
    state.base = latestOf(fresh);
    conflictSlot.hidden = true;
    history.replaceState(null, '', `/utkast/${encodeURIComponent(id)}?versjon=${saved.version}`);
    show();
    status.textContent = message;
    announce(message);
  }

  /**
   * The save was refused: another editor saved a newer version since this page read the draft (409
   * conflict:draft_version), and nothing was saved. The edited text stays on the page and is put in a box to copy,
   * which stays when the newest version is loaded, so the edit can be made again there.
   */
  function keepConflictingText() {
    const text = h('textarea', {
      id: 'ulagret-tekst',
      class: 'input',
      rows: '10',
      readonly: true,
      value: plainText(state.model),
    });
    const copy = h(
      'button',
      {
        type: 'button',
        class: 'button button--secondary',
        on: {
          click: async () => {
            text.select();
            try {
              await navigator.clipboard.writeText(text.value);
              announce('Teksten er kopiert.');
            } catch {
              announce('Teksten er merket. Kopier den med Ctrl+C (Cmd+C på Mac).');
            }
          },
        },
      },
      'Kopier teksten',
    );
    const reload = h(
      'button',
      { type: 'button', class: 'button', 'data-action': 'last-inn-nyeste', on: { click: loadNewest } },
      'Last inn nyeste versjon',
    );
    replace(
      conflictSlot,
      h('h2', { class: 'notice__title' }, 'Endringene dine er ikke lagret'),
      h(
        'p',
        { 'data-part': 'lead' },
        'En nyere versjon av utkastet ble lagret mens du redigerte (av en annen, eller fra en annen fane). Kopier ' +
          'teksten din, last inn den nyeste versjonen og gjør endringene dine på nytt der.',
      ),
      h('label', { for: 'ulagret-tekst' }, 'Teksten din (ikke lagret)'),
      text,
      h('p', { class: 'toolbar__group' }, copy, reload),
    );
    conflictSlot.hidden = false;
  }

  /** After a refused save: show the newest version (the unsaved text stays in the box above to copy). */
  function loadNewest() {
    return busy(saveButton, 'Laster …', async () => {
      const fresh = await getJson(`/drafts/${encodeURIComponent(id)}`);
      state.data = fresh;
      state.model = modelFromVersion(fresh.current);
      state.dirty = false;
      state.base = latestOf(fresh);
      history.replaceState(null, '', `/utkast/${encodeURIComponent(id)}`);
      show();
      conflictSlot.querySelector('[data-action="last-inn-nyeste"]')?.remove();
      const lead = conflictSlot.querySelector('[data-part="lead"]');
      if (lead)
        lead.textContent =
          `Den nyeste versjonen (${fresh.current.version}) er lastet inn nedenfor. Gjør endringene dine på nytt der; ` +
          'teksten du ikke fikk lagret, står her til du har lagret.';
      const message = `Versjon ${fresh.current.version} er lastet inn. Teksten du ikke fikk lagret, står i boksen over.`;
      status.textContent = message;
      announce(message);
    });
  }

  show();
  // Edits not yet saved survive an expired session: kept in the browser, put back here after sign-in.
  const releaseWork = keepWork({
    save: () => (state.dirty ? { version: state.data.current.version, base: state.base, model: state.model } : null),
    restore: (kept) => {
      state.model = kept.model;
      // Saved later, the edit is still checked against the version it was made on, not the one loaded now.
      if (kept.base !== undefined) state.base = kept.base;
      if (!state.editing) toggleEdit();
      state.dirty = true;
      showDraft();
      status.textContent = `Du ble logget ut mens du redigerte. Endringene dine (fra versjon ${kept.version}) er hentet tilbake, men ikke lagret ennå.`;
      announce(status.textContent);
    },
  });
  return () => {
    releaseWork();
    window.removeEventListener('beforeunload', onBeforeUnload);
  };
}

/** The draft's latest version as GET /drafts/:id says it (whichever version the page shows). */
function latestOf(data) {
  return data.latestVersion ?? data.versions?.at(-1)?.version ?? data.current.version;
}
