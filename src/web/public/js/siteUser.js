// The header's right end: who is signed in (a link to changing one's password) and «Logg ut», or «Logg inn» when the server needs sign-in and nobody
// is. A server still open (no users, no tokens) shows nothing here.
import { h } from './dom.js';
import { csrfToken } from './session.js';

export function showSignedIn(session) {
  const slot = document.getElementById('site-user');
  if (!slot) return;
  for (const el of document.querySelectorAll('[data-admin-only]')) el.hidden = !session.user?.admin;
  if (session.user) {
    const logout = h('button', { type: 'button', class: 'button button--header', on: { click: signOut } }, 'Logg ut');
    // The name opens /logg-inn, which for a signed-in user is where they change their own password.
    slot.replaceChildren(
      h(
        'a',
        { class: 'site-user__name', href: '/logg-inn', title: 'Din konto: endre passord' },
        h('span', { class: 'visually-hidden' }, 'Innlogget som '),
        session.user.name || session.user.email,
      ),
      logout,
    );
  } else if (!session.open && location.pathname !== '/logg-inn') {
    const next = encodeURIComponent(location.pathname + location.search);
    slot.replaceChildren(h('a', { class: 'site-user__link', href: `/logg-inn?neste=${next}` }, 'Logg inn'));
  } else if (session.open)
    // No user and no token yet: anyone who reaches the server may do everything (README: Users and access).
    slot.replaceChildren(
      h(
        'span',
        {
          class: 'site-user__open',
          title: 'Ingen brukere er opprettet ennå, så alle som når serveren, har full tilgang.',
        },
        'Åpen tilgang',
      ),
    );
  else slot.replaceChildren();
}

async function signOut() {
  // The session ends on the server (the cookie alone would still be valid until it expired).
  await fetch('/session', { method: 'DELETE', headers: { 'x-csrf-token': csrfToken() } }).catch(() => undefined);
  location.assign('/logg-inn');
}
