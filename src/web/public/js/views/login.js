// /logg-inn — sign in with e-mail and password, with a personal access token (the first administrator from
// INNSPILL_ADMIN_EMAIL has only that), or with the organisation's identity provider (OpenID Connect) when the server
// has one. `?neste=` is where to go afterwards; `?utlopt=1` says the session ran out (work is kept). Signed in, the
// same page changes one's own password (the header's name links here).
import { ApiError, sendEmpty } from '../api.js';
import { announce, h } from '../dom.js';
import { showError } from '../errors.js';
import { currentSession, hasKeptWork, loadSession, safeNext } from '../session.js';

const OIDC_ERRORS = {
  ukjent: 'Du er ikke registrert som bruker i innspill. Be en administrator om å legge deg til.',
  avvist: 'Innloggingen hos identitetstilbyderen ble ikke godtatt. Prøv igjen.',
  utilgjengelig: 'Fikk ikke kontakt med identitetstilbyderen. Prøv igjen om litt, eller logg inn med passord.',
};

export async function render(main, { query }) {
  document.title = 'Logg inn – innspill';
  const next = safeNext(query.get('neste'));
  const session = await loadSession({ reload: true });
  if (session.user) {
    document.title = 'Din konto – innspill';
    main.replaceChildren(
      h('h1', {}, 'Din konto'),
      h('p', {}, `Du er logget inn som ${session.user.name || session.user.email}. `),
      h('p', {}, h('a', { href: next, 'data-link': '' }, 'Gå videre')),
      changePasswordForm(session.user),
    );
    return;
  }

  const errorSlot = h('div', { class: 'error-slot', hidden: true });
  const email = h('input', {
    id: 'epost',
    name: 'epost',
    type: 'email',
    class: 'input input--medium',
    autocomplete: 'username',
    'aria-required': 'true',
  });
  const password = h('input', {
    id: 'passord',
    name: 'passord',
    type: 'password',
    class: 'input input--medium',
    autocomplete: 'current-password',
    'aria-required': 'true',
  });
  const submit = h('button', { type: 'submit', class: 'button button--primary' }, 'Logg inn');
  const form = h(
    'form',
    { class: 'login-form', novalidate: true, on: { submit: signIn } },
    h('div', { class: 'field' }, h('label', { for: 'epost' }, 'E-post'), email),
    h('div', { class: 'field' }, h('label', { for: 'passord' }, 'Passord'), password),
    submit,
  );

  const notices = [];
  if (query.get('utlopt'))
    notices.push(
      h(
        'p',
        { class: 'notice notice--info', role: 'status' },
        hasKeptWork(new URL(next, location.origin).pathname)
          ? 'Økten din er utløpt. Logg inn igjen – det du holdt på med, er tatt vare på og kommer tilbake.'
          : 'Du må logge inn for å fortsette.',
      ),
    );
  const oidcError = OIDC_ERRORS[query.get('feil') ?? ''];
  if (oidcError) notices.push(h('p', { class: 'notice notice--error', role: 'alert' }, oidcError));

  const { oidc } = currentSession();
  const oidcBlock = oidc
    ? h(
        'div',
        { class: 'login-oidc' },
        h(
          'a',
          { class: 'button button--secondary', href: `/auth/oidc?neste=${encodeURIComponent(next)}` },
          `Logg inn med ${oidc.name}`,
        ),
        h('p', { class: 'hint' }, 'Eller logg inn med e-post og passord:'),
      )
    : null;

  const tokenInput = h('input', {
    id: 'nokkel',
    name: 'nokkel',
    type: 'password',
    class: 'input input--medium',
    autocomplete: 'off',
    spellcheck: 'false',
  });
  const tokenSubmit = h('button', { type: 'submit', class: 'button button--secondary' }, 'Bruk tilgangsnøkkelen');
  const tokenBlock = h(
    'details',
    { class: 'login-token' },
    h('summary', {}, 'Logg inn med tilgangsnøkkel'),
    h(
      'p',
      { class: 'hint' },
      'Har du bare en tilgangsnøkkel (inn_…), for eksempel den første administratorens fra oppstarten? ' +
        'Lim den inn her, og sett et eget passord etterpå.',
    ),
    h(
      'form',
      { class: 'login-form', novalidate: true, on: { submit: signInWithToken } },
      h('div', { class: 'field' }, h('label', { for: 'nokkel' }, 'Tilgangsnøkkel'), tokenInput),
      tokenSubmit,
    ),
  );

  main.replaceChildren(
    h('h1', {}, 'Logg inn'),
    ...notices,
    errorSlot,
    ...(oidcBlock ? [oidcBlock] : []),
    form,
    tokenBlock,
  );
  email.focus();

  async function signInWithToken(ev) {
    ev.preventDefault();
    if (!tokenInput.value.trim()) {
      const errors = [{ field: 'token', reason: 'lim inn tilgangsnøkkelen' }];
      showError(errorSlot, new ApiError({ title: 'Noen felt må fylles ut', errors }), { fieldId });
      return;
    }
    tokenSubmit.disabled = true;
    try {
      const { user } = await postSession({ token: tokenInput.value.trim() });
      // A user with no password yet (the first administrator, signed in with the start-up token) is led to «Sett et
      // passord» on the account view first, as the README says; «Gå videre» there leads on to where they were going.
      location.assign(user?.hasPassword === false ? `/logg-inn?neste=${encodeURIComponent(next)}` : next);
    } catch (err) {
      tokenInput.value = '';
      showError(errorSlot, err, { fieldId, tokenForm: false });
      tokenSubmit.disabled = false;
    }
  }

  async function signIn(ev) {
    ev.preventDefault();
    const errors = [];
    if (!email.value.trim()) errors.push({ field: 'email', reason: 'skriv e-postadressen din' });
    if (!password.value) errors.push({ field: 'password', reason: 'skriv passordet ditt' });
    if (errors.length) {
      showError(errorSlot, new ApiError({ title: 'Noen felt må fylles ut', errors }), { fieldId });
      return;
    }
    submit.disabled = true;
    submit.textContent = 'Logger inn …';
    try {
      await postSession({ email: email.value.trim(), password: password.value });
      // A full load, so the header, the CSRF token and every view start from the new session.
      location.assign(next);
    } catch (err) {
      password.value = '';
      showError(errorSlot, err, { fieldId, tokenForm: false });
      submit.disabled = false;
      submit.textContent = 'Logg inn';
    }
  }
}

const fieldId = (path) => ({ email: 'epost', password: 'passord', token: 'nokkel' })[path];

/** POST /session (no session yet, so no CSRF token and not through api.js, whose 401 means «session expired»). */
async function postSession(credentials) {
  const res = await fetch('/session', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(credentials),
  });
  const body = await res.json().catch(() => ({}));
  if (!res.ok)
    throw new ApiError({
      status: res.status,
      title: body.title ?? 'Innloggingen mislyktes',
      detail: body.detail,
      errors: body.errors,
    });
  return body;
}

/**
 * «Endre passord» for the signed-in user: the current password when one is set (the first administrator signed in
 * with a token has none yet), the new one twice. The server ends the user's other sessions; this one stays.
 */
function changePasswordForm(user) {
  const slot = h('div', { class: 'error-slot', hidden: true });
  const status = h('p', { class: 'status', role: 'status' });
  const pw = (id, autocomplete) =>
    h('input', { id, name: id, type: 'password', class: 'input input--medium', autocomplete });
  const current = pw('naavaerende-passord', 'current-password');
  const fresh = pw('nytt-passord', 'new-password');
  const again = pw('gjenta-passord', 'new-password');
  const ids = { currentPassword: 'naavaerende-passord', password: 'nytt-passord', again: 'gjenta-passord' };
  const save = h('button', { type: 'submit', class: 'button button--primary' }, 'Lagre nytt passord');
  const submit = async (ev) => {
    ev.preventDefault();
    slot.hidden = true;
    status.textContent = '';
    if (fresh.value !== again.value) {
      const errors = [{ field: 'again', reason: 'passordene er ikke like' }];
      showError(slot, new ApiError({ title: 'Passordene er ikke like', errors }), { fieldId: (f) => ids[f] });
      return;
    }
    save.disabled = true;
    try {
      await sendEmpty('PUT', `/users/${encodeURIComponent(user.id)}/password`, {
        password: fresh.value,
        ...(user.hasPassword ? { currentPassword: current.value } : {}),
      });
      for (const el of [current, fresh, again]) el.value = '';
      user.hasPassword = true;
      currentField.hidden = false;
      heading.textContent = 'Endre passord';
      if (noPasswordYet) noPasswordYet.hidden = true;
      const message = 'Passordet er endret. Du er logget ut på andre enheter; her er du fortsatt logget inn.';
      status.textContent = message;
      announce(message);
    } catch (err) {
      showError(slot, err, { fieldId: (f) => ids[f] });
    } finally {
      save.disabled = false;
    }
  };
  const field = (id, label, control) => h('div', { class: 'field' }, h('label', { for: id }, label), control);
  const currentField = field(ids.currentPassword, 'Nåværende passord', current);
  currentField.hidden = !user.hasPassword;
  const heading = h('h2', { id: 'endre-passord' }, user.hasPassword ? 'Endre passord' : 'Sett et passord');
  const noPasswordYet = user.hasPassword
    ? null
    : h('p', { class: 'hint' }, 'Du har ikke noe passord ennå. Sett et, så kan du logge inn med e-post og passord.');
  return h(
    'section',
    { class: 'account', 'aria-labelledby': 'endre-passord' },
    heading,
    noPasswordYet,
    slot,
    status,
    h(
      'form',
      { class: 'login-form', novalidate: true, on: { submit } },
      currentField,
      field(ids.password, 'Nytt passord (minst 10 tegn)', fresh),
      field(ids.again, 'Gjenta nytt passord', again),
      save,
    ),
  );
}
