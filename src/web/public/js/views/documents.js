// /dokumenter — the corpus by organisation, with filters for organisation and kind, newest first.
import { getJson } from '../api.js';
import { formatDate, h } from '../dom.js';
import { kindLabel } from '../labels.js';

export async function render(main, { query }) {
  document.title = 'Dokumenter – innspill';
  const { documents } = await getJson('/documents');
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

  main.replaceChildren(
    h('h1', {}, 'Dokumenter'),
    h(
      'p',
      { class: 'lead' },
      'Dokumentene utkast og svar bygger på. Hvert dokument er delt i avsnitt, og fotnotene viser til disse avsnittene.',
    ),
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
    { class: 'table' },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        ['Tittel', 'Type', 'Dato', 'Avsnitt'].map((t) => h('th', { scope: 'col' }, t)),
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
          h('td', {}, kindLabel(d.kind)),
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

function unique(values) {
  return [...new Set(values)].sort((a, b) => a.localeCompare(b, 'nb'));
}

function slug(s) {
  return s.toLowerCase().replace(/[^a-z0-9æøå]+/g, '-');
}
