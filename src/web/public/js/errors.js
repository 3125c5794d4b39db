// API errors as Norwegian messages on the page: a box with the problem's title, its detail and, for invalid
// fields, a list that links to each field (the pattern public-sector forms use for error summaries).
import { ApiError, getToken, setToken } from './api.js';
import { h } from './dom.js';
import { fieldLabel } from './labels.js';

/**
 * @param {unknown} err
 * @param {{ fieldId?: (path: string) => string | undefined, onRetry?: () => void, tokenForm?: boolean }} [opts]
 *   fieldId maps a field path to the id of its input, so the summary can link there; tokenForm: false leaves out the
 *   key form a 401 otherwise gets (the sign-in page has its own, and there a 401 is a wrong password or key).
 */
export function errorBox(err, { fieldId = () => undefined, onRetry, tokenForm: withTokenForm = true } = {}) {
  const e = asApiError(err);
  const { title, detail, fields } = problemParts(e);
  const box = h(
    'div',
    { class: 'notice notice--error', role: 'alert', tabindex: '-1' },
    h('h2', { class: 'notice__title' }, title),
  );
  if (detail) box.append(h('p', {}, detail));
  if (fields.length) {
    box.append(
      h(
        'ul',
        { class: 'error-list' },
        fields.map(({ field, label, reason }) => {
          const id = fieldId(field);
          const focusField = (ev) => {
            ev.preventDefault();
            document.getElementById(id)?.focus();
          };
          return h(
            'li',
            {},
            id ? h('a', { href: `#${id}`, on: { click: focusField } }, `${label}: ${reason}`) : `${label}: ${reason}`,
          );
        }),
      ),
    );
  }
  if (e.status === 401 && withTokenForm) box.append(tokenForm(onRetry));
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

/** Anything thrown as an ApiError; a fault in the page itself (logged) as «Noe gikk galt på siden». */
function asApiError(err) {
  if (err instanceof ApiError) return err;
  console.error(err);
  return new ApiError({ title: 'Noe gikk galt på siden', detail: 'Last siden på nytt og prøv igjen.' });
}

/**
 * What a refused request says, for every form on the page: the problem's title, its detail unless that only says
 * the title again (then the detail, which names more, stands alone), and each field the server named with the
 * form's word for it and the server's reason («Dato: feltet mangler»).
 * @param {unknown} err
 * @returns {{ title: string, detail?: string, fields: { field: string, label: string, reason: string }[] }}
 */
export function problemParts(err) {
  const e = err instanceof ApiError ? err : null;
  const title = e?.title ?? 'Noe gikk galt';
  const detail = e?.detail || undefined;
  const fields = (e?.errors ?? [])
    .filter((fe) => fe && typeof fe.field === 'string')
    .map((fe) => ({ field: fe.field, label: fieldLabel(fe.field), reason: String(fe.reason ?? 'ugyldig') }));
  return detail && saysAgain(title, detail) ? { title: detail, fields } : { title, detail, fields };
}

/**
 * The same as one line of text, for a list item or a status line:
 * «Ugyldige felt i forespørselen. Dato: feltet mangler.»
 * @example status.textContent = `Ikke lagret: ${problemText(err)}`;
 */
export function problemText(err) {
  const { title, detail, fields } = problemParts(err);
  const said = `${title} ${detail ?? ''}`;
  // NOTE: in one line a field whose reason names only what the sentence before already named («samme innhold som
  // dokumentet «x»» after «… lagret som «X» (id «x»)») would say it twice; the error box lists every field.
  const named = (reason) => reason.match(/«[^»]+»/g) ?? [];
  const adds = (f) => !named(f.reason).length || named(f.reason).some((n) => !said.includes(n));
  return [title, detail, ...fields.filter(adds).map((f) => `${f.label}: ${f.reason}`)]
    .filter(Boolean)
    .map(sentence)
    .join(' ');
}

const sentence = (s) => (/[.!?:…»)]$/.test(s.trim()) ? s.trim() : `${s.trim()}.`);
const firstWords = (s) => s.toLowerCase().split(/\s+/).slice(0, 3).join(' ');
/** «Det samme innholdet er allerede lastet opp» and «Det samme innholdet er allerede lagret som …» say one thing. */
const saysAgain = (title, detail) => firstWords(title) === firstWords(detail);
