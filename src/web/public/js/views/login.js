// /logg-inn — sign in with e-mail and password, or with the organisation's identity provider (OpenID Connect) when
// the server has one. `?neste=` is where to go afterwards; `?utlopt=1` says the session ran out (work is kept).
import { ApiError } from '../api.js';
import { h } from '../dom.js';
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
    main.replaceChildren(
      h('h1', {}, 'Logg inn'),
      h('p', {}, `Du er logget inn som ${session.user.name || session.user.email}. `),
      h('p', {}, h('a', { href: next, 'data-link': '' }, 'Gå videre')),
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

  main.replaceChildren(h('h1', {}, 'Logg inn'), ...notices, errorSlot, ...(oidcBlock ? [oidcBlock] : []), form);
  email.focus();

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
      const res = await fetch('/session', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ email: email.value.trim(), password: password.value }),
      });
      const body = await res.json().catch(() => ({}));
      if (!res.ok)
        throw new ApiError({
          status: res.status,
          title: body.title ?? 'Innloggingen mislyktes',
          detail: body.detail,
          errors: body.errors,
        });
      // A full load, so the header, the CSRF token and every view start from the new session.
      location.assign(next);
    } catch (err) {
      password.value = '';
      showError(errorSlot, err, { fieldId });
      submit.disabled = false;
      submit.textContent = 'Logg inn';
    }
  }
}

const fieldId = (path) => ({ email: 'epost', password: 'passord' })[path];
