// /dokumenter — the library: the corpus by organisation, with filters for organisation and kind, newest first, and
// for editors the upload form (several files, each with its own progress and result). Readers get the list only.
import { getJson } from '../api.js';
import { formatDate, h, replace } from '../dom.js';
import { uploadOrganisations } from '../access.js';
import { kindLabel } from '../labels.js';
import { uploadForm } from '../library/upload.js';

/** A message for the next time the library opens (a withdrawal, from the document's page). */
let flash = null;
export function flashOnLibrary(text) {
  flash = text;
}

export async function render(main, { query }) {
  document.title = 'Dokumenter – innspill';
  let { documents } = await getJson('/documents');
  const organisations = unique(documents.map((d) => d.organisation));
  const kinds = unique(documents.map((d) => d.kind));
  const orgSelect = select(
    'filter-organisasjon',
    'Alle organisasjoner',
    organisations.map((o) => [o, o]),
    query.get('organisasjon'),
  );
  const kindSelect = select(
    'filter-type',
    'Alle typer',
    kinds.map((k) => [k, kindLabel(k)]),
    query.get('type'),
  );
  const count = h('p', { class: 'status', role: 'status' });
  const list = h('div', { class: 'document-groups' });

  function update() {
    const shown = documents
      .filter(
        (d) =>
          (!orgSelect.value || d.organisation === orgSelect.value) &&
          (!kindSelect.value || d.kind === kindSelect.value),
      )
      .sort((a, b) => b.date.localeCompare(a.date) || a.title.localeCompare(b.title, 'nb'));
    count.textContent = `Viser ${shown.length} av ${documents.length} dokumenter.`;
    const groups = unique(shown.map((d) => d.organisation));
    list.replaceChildren(
      ...groups.map((org) =>
        h(
          'section',
          { class: 'document-group', 'aria-labelledby': `org-${slug(org)}` },
          h('h2', { id: `org-${slug(org)}` }, org),
          table(shown.filter((d) => d.organisation === org)),
        ),
      ),
    );
    const params = new URLSearchParams();
    if (orgSelect.value) params.set('organisasjon', orgSelect.value);
    if (kindSelect.value) params.set('type', kindSelect.value);
    history.replaceState(null, '', `/dokumenter${params.size ? `?${params}` : ''}`);
  }
  orgSelect.addEventListener('change', update);
  kindSelect.addEventListener('change', update);

  // Editors (and whoever may write for any organisation) get the upload form; a reader's list has none.
  const mine = uploadOrganisations();
  const upload =
    mine === null || mine.length
      ? uploadForm({
          organisations: mine,
          known: organisations,
          onStored: async () => {
            ({ documents } = await getJson('/documents'));
            resetOptions(
              orgSelect,
              unique(documents.map((d) => d.organisation)).map((o) => [o, o]),
            );
            resetOptions(
              kindSelect,
              unique(documents.map((d) => d.kind)).map((k) => [k, kindLabel(k)]),
            );
            update();
          },
        }).element
      : h(
          'p',
          { class: 'hint', id: 'bare-lesing' },
          'Du kan lese dokumentene, men ikke laste opp nye: det krever rollen redaktør i en organisasjon.',
        );
  const notice = flash ? h('p', { class: 'notice notice--info', role: 'status' }, flash) : null;
  flash = null;

  // replace() skips the missing parts (no notice), where replaceChildren writes «null». A reader gets a line for the
  // upload form, saying why there is none.
  replace(
    main,
    h('h1', {}, 'Dokumenter'),
    h(
      'p',
      { class: 'lead' },
      'Dokumentene utkast og svar bygger på. Hvert dokument er delt i avsnitt, og fotnotene viser til disse avsnittene.',
    ),
    notice,
    upload,
    h(
      'div',
      { class: 'filters', role: 'search', 'aria-label': 'Filtrer dokumentene' },
      h('div', { class: 'field' }, h('label', { for: 'filter-organisasjon' }, 'Organisasjon'), orgSelect),
      h('div', { class: 'field' }, h('label', { for: 'filter-type' }, 'Type'), kindSelect),
    ),
    count,
    list,
  );
  update();
}

function table(docs) {
  return h(
    'table',
    { class: 'table table--library' },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        ['Tittel', 'Type', 'Dato'].map((t) => h('th', { scope: 'col' }, t)),
        h('th', { scope: 'col', class: 'numeric' }, 'Avsnitt'),
      ),
    ),
    h(
      'tbody',
      {},
      docs.map((d) =>
        h(
          'tr',
          {},
          h('td', {}, h('a', { href: `/dokumenter/${encodeURIComponent(d.id)}`, 'data-link': '' }, d.title)),
          h(
            'td',
            {},
            kindLabel(d.kind),
            d.visibility === 'internal' ? [' ', h('span', { class: 'tag' }, 'Internt')] : null,
          ),
          h('td', {}, formatDate(d.date)),
          h('td', { class: 'numeric' }, String(d.passageCount)),
        ),
      ),
    ),
  );
}

function select(id, all, options, value) {
  const el = h(
    'select',
    { id, class: 'input input--medium' },
    h('option', { value: '' }, all),
    options.map(([v, label]) => h('option', { value: v }, label)),
  );
  if (value && options.some(([v]) => v === value)) el.value = value;
  return el;
}

/** Refill a filter's options after an upload, keeping the choice when it is still there. */
function resetOptions(select, options) {
  const value = select.value;
  select.replaceChildren(select.options[0], ...options.map(([v, label]) => h('option', { value: v }, label)));
  select.value = options.some(([v]) => v === value) ? value : '';
}

function unique(values) {
  return [...new Set(values)].sort((a, b) => a.localeCompare(b, 'nb'));
}

function slug(s) {
  return s.toLowerCase().replace(/[^a-z0-9æøå]+/g, '-');
}
