// /admin — for site administrators: users with their organisations and roles (disabled users marked, disabled and
// enabled here), passwords, personal tokens (a new token is shown once), and the audit log. Every change goes through the API, which checks the role again.
import { getJson, sendEmpty, sendJson } from '../api.js';
import { announce, formatTimestamp, h } from '../dom.js';
import { problemText, showError } from '../errors.js';
import { currentSession } from '../session.js';

const ROLE_NAMES = { reader: 'Leser', editor: 'Redaktør', admin: 'Administrator' };
const roleSelect = (id, withNone = false) =>
  h(
    'select',
    { id, class: 'input input--short' },
    withNone ? h('option', { value: '' }, 'Ingen (fjern)') : null,
    Object.entries(ROLE_NAMES).map(([value, label]) => h('option', { value }, label)),
  );
const field = (id, label, control) => h('div', { class: 'field' }, h('label', { for: id }, label), control);
const input = (id, attrs = {}) => h('input', { id, class: 'input input--medium', ...attrs });

export async function render(main) {
  document.title = 'Administrasjon – innspill';
  const errorSlot = h('div', { class: 'error-slot', hidden: true });
  const status = h('p', { class: 'status', role: 'status' });
  const usersSlot = h('div');
  const tokensSlot = h('div');
  const auditSlot = h('div');
  const newToken = h('div', { hidden: true });

  main.replaceChildren(
    h('h1', {}, 'Administrasjon'),
    status,
    errorSlot,
    h(
      'section',
      { class: 'admin-section', 'aria-labelledby': 'brukere' },
      h('h2', { id: 'brukere' }, 'Brukere'),
      usersSlot,
      addUserForm(),
    ),
    h(
      'section',
      { class: 'admin-section', 'aria-labelledby': 'nokler' },
      h('h2', { id: 'nokler' }, 'Tilgangsnøkler'),
      newToken,
      tokensSlot,
    ),
    h('section', { class: 'admin-section', 'aria-labelledby': 'logg' }, h('h2', { id: 'logg' }, 'Logg'), auditSlot),
  );
  await refresh();

  async function refresh() {
    const [{ users }, { tokens }] = await Promise.all([getJson('/users'), getJson('/tokens')]);
    usersSlot.replaceChildren(usersTable(users));
    tokensSlot.replaceChildren(tokensTable(tokens));
    auditSlot.replaceChildren(await auditTable());
  }

  /** Run a change, show what happened (or the problem), and redraw the lists. */
  async function act(message, work) {
    errorSlot.hidden = true;
    try {
      await work();
      status.textContent = message;
      announce(message);
      await refresh();
    } catch (err) {
      showError(errorSlot, err);
    }
  }

  function usersTable(users) {
    return h(
      'table',
      { class: 'table' },
      h('thead', {}, h('tr', {}, h('th', {}, 'Bruker'), h('th', {}, 'Organisasjoner og roller'), h('th', {}, 'Endre'))),
      h(
        'tbody',
        {},
        users.map((u) =>
          h(
            'tr',
            u.disabled ? { dataset: { disabled: '' } } : {},
            h(
              'td',
              {},
              h('strong', {}, u.email),
              u.name ? ` (${u.name})` : '',
              u.isAdmin ? h('p', { class: 'hint' }, 'Administrator for hele tjenesten') : null,
              u.disabled
                ? h('p', { class: 'notice notice--warning' }, 'Deaktivert: kan ikke logge inn, nøklene virker ikke')
                : null,
            ),
            h(
              'td',
              {},
              u.memberships.length
                ? h(
                    'ul',
                    {},
                    u.memberships.map((m) => h('li', {}, `${m.organisation}: ${ROLE_NAMES[m.role]}`)),
                  )
                : h('span', { class: 'hint' }, 'Ingen'),
            ),
            h('td', {}, userActions(u)),
          ),
        ),
      ),
    );
  }

  function userActions(u) {
    const id = (name) => `${name}-${u.id}`;
    const org = input(id('org'), { class: 'input input--short', autocomplete: 'off' });
    const role = roleSelect(id('rolle'), true);
    const password = input(id('passord'), {
      type: 'password',
      autocomplete: 'new-password',
      class: 'input input--short',
    });
    const tokenName = input(id('nokkel'), { class: 'input input--short', autocomplete: 'off' });
    const form = (label, fields, onSubmit) =>
      h(
        'form',
        { class: 'admin-form', on: { submit: (ev) => (ev.preventDefault(), onSubmit()) } },
        ...fields,
        h('button', { type: 'submit', class: 'button button--secondary' }, label),
      );
    return h(
      'details',
      {},
      h('summary', {}, 'Endre ', h('span', { class: 'visually-hidden' }, u.email)),
      form('Sett rolle', [field(id('org'), 'Organisasjon', org), field(id('rolle'), 'Rolle', role)], () =>
        act(`Rollen til ${u.email} er endret.`, () =>
          sendJson('PUT', `/users/${encodeURIComponent(u.id)}/roles`, {
            organisation: org.value,
            role: role.value || null,
          }),
        ),
      ),
      // One's own password is changed with the current one, on the account page.
      u.id === currentSession().user?.id
        ? h('p', {}, h('a', { href: '/logg-inn' }, 'Endre ditt eget passord'))
        : form('Sett passord', [field(id('passord'), 'Nytt passord (minst 10 tegn)', password)], () =>
            act(`Passordet til ${u.email} er satt. Brukeren er logget ut overalt.`, () =>
              sendEmpty('PUT', `/users/${encodeURIComponent(u.id)}/password`, { password: password.value }),
            ),
          ),
      u.disabled
        ? form('Aktiver igjen', [], () =>
            act(`${u.email} er aktiv igjen.`, () =>
              sendJson('PUT', `/users/${encodeURIComponent(u.id)}/disabled`, { disabled: false }),
            ),
          )
        : form(
            'Deaktiver',
            [h('p', { class: 'hint' }, 'Brukeren logges ut overalt; det hen har skrevet, blir stående.')],
            () =>
              act(`${u.email} er deaktivert og logget ut overalt.`, () =>
                sendJson('PUT', `/users/${encodeURIComponent(u.id)}/disabled`, { disabled: true }),
              ),
          ),
      form('Lag tilgangsnøkkel', [field(id('nokkel'), 'Navn på nøkkelen', tokenName)], () =>
        act(`Ny tilgangsnøkkel til ${u.email}.`, async () => {
          const issued = await sendJson('POST', `/users/${encodeURIComponent(u.id)}/tokens`, { name: tokenName.value });
          newToken.replaceChildren(
            h(
              'div',
              { class: 'notice notice--warning' },
              h('p', {}, `Nøkkelen «${tokenName.value}» til ${u.email}. Kopier den nå – den vises ikke igjen:`),
              h('p', { class: 'token-once', 'data-token': '' }, issued.token),
            ),
          );
          newToken.hidden = false;
        }),
      ),
    );
  }

  function addUserForm() {
    const email = input('ny-epost', { type: 'email', autocomplete: 'off' });
    const name = input('ny-navn', { autocomplete: 'off' });
    const org = input('ny-org', { autocomplete: 'off' });
    const role = roleSelect('ny-rolle');
    return h(
      'form',
      {
        class: 'admin-form',
        on: {
          submit: (ev) => {
            ev.preventDefault();
            act(`${email.value} er lagt til.`, () =>
              sendJson('POST', '/users', {
                email: email.value.trim(),
                ...(name.value.trim() ? { name: name.value.trim() } : {}),
                ...(org.value.trim() ? { organisation: org.value.trim(), role: role.value } : {}),
              }),
            );
          },
        },
      },
      h('h3', {}, 'Legg til bruker'),
      field('ny-epost', 'E-post', email),
      field('ny-navn', 'Navn (valgfritt)', name),
      field('ny-org', 'Organisasjon (valgfritt)', org),
      field('ny-rolle', 'Rolle i organisasjonen', role),
      h('button', { type: 'submit', class: 'button' }, 'Legg til'),
    );
  }

  function tokensTable(tokens) {
    if (!tokens.length) return h('p', { class: 'hint' }, 'Ingen personlige tilgangsnøkler ennå.');
    return h(
      'table',
      { class: 'table' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ['Navn', 'Eier', 'Laget', 'Sist brukt', 'Status'].map((t) => h('th', {}, t)),
        ),
      ),
      h(
        'tbody',
        {},
        tokens.map((t) =>
          h(
            'tr',
            {},
            h('td', {}, t.name),
            h('td', {}, t.email),
            h('td', {}, formatTimestamp(t.createdAt)),
            h('td', {}, t.lastUsedAt ? formatTimestamp(t.lastUsedAt) : 'Aldri'),
            h(
              'td',
              {},
              t.revokedAt
                ? `Trukket tilbake ${formatTimestamp(t.revokedAt)}`
                : h(
                    'button',
                    {
                      type: 'button',
                      class: 'button button--quiet',
                      on: {
                        click: () =>
                          act(`Nøkkelen «${t.name}» er trukket tilbake.`, () =>
                            sendEmpty('DELETE', `/tokens/${encodeURIComponent(t.id)}`),
                          ),
                      },
                    },
                    'Trekk tilbake',
                    h('span', { class: 'visually-hidden' }, ` nøkkelen ${t.name}`),
                  ),
            ),
          ),
        ),
      ),
    );
  }
}

/** What each audit action is called on the page. */
const ACTIONS = {
  upload: 'Lastet opp dokument',
  replace: 'Erstattet dokument',
  withdraw: 'Trakk tilbake dokument',
  draft: 'Laget utkast',
  edit: 'Redigerte utkast',
  export: 'Lastet ned utkast',
  backup: 'Tok sikkerhetskopi',
  'user.add': 'La til bruker',
  'user.role': 'Endret rolle',
  'user.admin': 'Endret administrator',
  'user.password': 'Satte passord',
  'user.disable': 'Deaktiverte bruker',
  'user.enable': 'Aktiverte bruker',
  'token.issue': 'Laget tilgangsnøkkel',
  'token.revoke': 'Trakk tilbake tilgangsnøkkel',
  signin: 'Logget inn',
  'signin.refused': 'Mislykket innlogging',
  signout: 'Logget ut',
};

/** The audit log (GET /audit), newest first, 50 at a time; «Vis eldre» fetches the next page. */
async function auditTable() {
  const body = h('tbody');
  const more = h('button', { type: 'button', class: 'button button--secondary', hidden: true }, 'Vis eldre');
  const load = async (before) => {
    const page = await getJson(`/audit?limit=50${before ? `&before=${encodeURIComponent(before)}` : ''}`);
    body.append(
      ...page.entries.map((e) =>
        h(
          'tr',
          { dataset: { action: e.action } },
          h('td', {}, formatTimestamp(e.at)),
          h('td', {}, e.actor),
          h('td', {}, ACTIONS[e.action] ?? e.action),
          h('td', {}, e.organisation ?? ''),
          h('td', {}, e.target ?? ''),
          h('td', {}, h('code', {}, e.requestId ?? '')),
        ),
      ),
    );
    more.hidden = !page.next;
    more.onclick = () => load(page.next);
    return page.entries.length;
  };
  try {
    if (!(await load())) return h('p', { class: 'hint' }, 'Ingenting i loggen ennå.');
  } catch (err) {
    return h('p', { class: 'hint' }, `Loggen kunne ikke hentes: ${problemText(err)}`);
  }
  const head = ['Tid', 'Hvem', 'Hva', 'Organisasjon', 'Gjelder', 'Forespørsel'].map((t) => h('th', {}, t));
  return h('div', {}, h('table', { class: 'table' }, h('thead', {}, h('tr', {}, head)), body), more);
}
