// / — the saved drafts, most recently changed first, and the way to start a new one.
import { getJson } from '../api.js';
import { formatTimestamp, h, replace } from '../dom.js';

export async function render(main) {
  document.title = 'Utkast – innspill';
  const { drafts } = await getJson('/drafts?limit=100');
  replace(
    main,
    h(
      'div',
      { class: 'page-head' },
      h('h1', {}, 'Utkast til høringsinnspill'),
      h('a', { href: '/ny', class: 'button', 'data-link': '' }, 'Ny høring'),
    ),
    h(
      'p',
      { class: 'lead' },
      'Hver setning i et utkast viser til et avsnitt i organisasjonens egne dokumenter, og hver kilde er kontrollert.',
    ),
    drafts.length
      ? table(drafts)
      : h(
          'p',
          { class: 'empty' },
          'Ingen utkast ennå. Start med ',
          h('a', { href: '/ny', 'data-link': '' }, 'en ny høring'),
          '.',
        ),
  );
}

function table(drafts) {
  return h(
    'table',
    { class: 'table' },
    h('caption', { class: 'visually-hidden' }, 'Lagrede utkast'),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        ['Høring', 'Organisasjon', 'Målform', 'Versjon', 'Kildekontroll', 'Sist endret'].map((t) =>
          h('th', { scope: 'col' }, t),
        ),
      ),
    ),
    h(
      'tbody',
      {},
      drafts.map((d) =>
        h(
          'tr',
          {},
          h(
            'td',
            {},
            h('a', { href: `/utkast/${encodeURIComponent(d.id)}`, 'data-link': '' }, d.consultationTitle || d.title),
          ),
          h('td', {}, d.organisation),
          // A Bokmål and a Nynorsk draft of one consultation are otherwise identical rows.
          h('td', {}, d.language === 'nn' ? 'nynorsk' : 'bokmål'),
          h('td', {}, String(d.latestVersion)),
          h(
            'td',
            {},
            // Three-valued as the draft's own page: ≈ sentences to check are no ✗.
            d.review === 'supported' || (d.review === undefined && d.verificationOk)
              ? h('span', { class: 'tag verdict--supported' }, '✓ Alle støttet')
              : d.review === 'needs_review'
                ? h('span', { class: 'tag verdict--partly' }, '≈ Må kontrolleres')
                : h('span', { class: 'tag verdict--unsupported' }, '✗ Må rettes'),
          ),
          h('td', {}, formatTimestamp(d.updatedAt)),
        ),
      ),
    ),
  );
}
