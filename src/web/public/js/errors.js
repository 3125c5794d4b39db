// API errors as Norwegian messages on the page: a box with the problem's title, its detail and, for invalid
// fields, a list that links to each field (the pattern public-sector forms use for error summaries).
import { ApiError, getToken, setToken } from './api.js';
import { h } from './dom.js';
import { fieldLabel } from './labels.js';

/**
 * @param {unknown} err
 * @param {{ fieldId?: (path: string) => string | undefined, onRetry?: () => void }} [opts] fieldId maps a field
 *   path to the id of its input, so the summary can link there.
 */
export function errorBox(err, { fieldId = () => undefined, onRetry } = {}) {
  const e =
    err instanceof ApiError
      ? err
      : new ApiError({ title: 'Noe gikk galt på siden', detail: 'Last siden på nytt og prøv igjen.' });
  if (!(err instanceof ApiError)) console.error(err);
  const box = h(
    'div',
    { class: 'notice notice--error', role: 'alert', tabindex: '-1' },
    h('h2', { class: 'notice__title' }, e.title),
  );
  if (e.detail) box.append(h('p', {}, e.detail));
  if (e.errors.length) {
    box.append(
      h(
        'ul',
        { class: 'error-list' },
        e.errors.map((fe) => {
          const label = fieldLabel(fe.field);
          const id = fieldId(fe.field);
          const focusField = (ev) => {
            ev.preventDefault();
            document.getElementById(id)?.focus();
          };
          return h(
            'li',
            {},
            id
              ? h('a', { href: `#${id}`, on: { click: focusField } }, `${label}: ${fe.reason}`)
              : `${label}: ${fe.reason}`,
          );
        }),
      ),
    );
  }
  if (e.status === 401) box.append(tokenForm(onRetry));
  // Retrying helps only when the fault was not in what was sent: no connection, or the server or model failed.
  else if (onRetry && (e.status === 0 || e.status >= 500))
    box.append(
      h(
        'p',
        {},
        h('button', { type: 'button', class: 'button button--secondary', on: { click: onRetry } }, 'Prøv igjen'),
      ),
    );
  return box;
}

/** Writes need a token when the server has API_TOKENS set; let the user give one for this tab. */
function tokenForm(onRetry) {
  const input = h('input', {
    id: 'tilgangsnokkel',
    type: 'password',
    autocomplete: 'off',
    value: getToken(),
    class: 'input',
  });
  return h(
    'form',
    {
      class: 'token-form',
      on: {
        submit: (ev) => {
          ev.preventDefault();
          setToken(input.value.trim());
          onRetry?.();
        },
      },
    },
    h('label', { for: 'tilgangsnokkel' }, 'Tilgangsnøkkel'),
    h(
      'p',
      { class: 'hint' },
      'Tjenesten krever en tilgangsnøkkel for å lagre. Du får den av den som drifter innspill.',
    ),
    input,
    h('button', { type: 'submit', class: 'button' }, 'Bruk nøkkelen'),
  );
}

/** Put an error box in `slot` (replacing what was there), move focus to it so it is read out, and return it. */
export function showError(slot, err, opts) {
  const box = errorBox(err, opts);
  slot.replaceChildren(box);
  slot.hidden = false;
  box.focus();
  return box;
}
