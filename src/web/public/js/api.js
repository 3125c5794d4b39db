// The page's only way to the server. Every failure becomes an ApiError with a Norwegian title and detail, so views
// can always show a message instead of a blank screen or a raw JSON body.
import { csrfToken, sessionExpired } from './session.js';
import { readEventStream } from './sse.js';

const TOKEN_KEY = 'innspill.tilgangsnokkel';

export class ApiError extends Error {
  /**
   * @param {{ status?: number, title: string, detail?: string, errors?: { field: string, reason: string }[], code?: string }} p
   */
  constructor(p) {
    super(p.detail ? `${p.title}: ${p.detail}` : p.title);
    this.status = p.status ?? 0;
    this.title = p.title;
    this.detail = p.detail;
    this.errors = p.errors ?? [];
    this.code = p.code;
    /** The document a 409 names (the id taken, or the one with the same content), when the problem says. */
    this.documentId = p.documentId;
  }
}

/** The bearer token for writes when the server has API_TOKENS set; kept for this browser tab only. */
export function getToken() {
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

export function setToken(token) {
  if (token) sessionStorage.setItem(TOKEN_KEY, token);
  else sessionStorage.removeItem(TOKEN_KEY);
}

/** Every request's headers; writes carry the session's CSRF token (the server refuses a cookie write without it). */
function headers(extra = {}, write = false) {
  const token = getToken();
  const csrf = write ? csrfToken() : '';
  return {
    accept: 'application/json',
    ...(token ? { authorization: `Bearer ${token}` } : {}),
    ...(csrf ? { 'x-csrf-token': csrf } : {}),
    ...extra,
  };
}

async function send(path, init) {
  let res;
  try {
    res = await fetch(path, init);
  } catch (err) {
    if (err?.name === 'AbortError') throw err;
    throw new ApiError({
      title: 'Fikk ikke kontakt med tjenesten',
      detail: 'Sjekk nettverket og at innspill kjører, og prøv igjen.',
    });
  }
  // Signed in with the session cookie (no token for this tab): a 401 means the session ended; keep the work and
  // go to the login page.
  if (res.status === 401 && !getToken()) sessionExpired();
  if (!res.ok) throw await problemFrom(res);
  return res;
}

/** Turn an error response into an ApiError; a problem+json body gives its own Norwegian title and detail. */
export async function problemFrom(res) {
  const type = res.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      const body = await res.json();
      if (body && typeof body.title === 'string') return new ApiError({ ...body, status: res.status });
    } catch {
      // Fall through to the generic message.
    }
  }
  return new ApiError({
    status: res.status,
    title: 'Uventet svar fra tjenesten',
    detail: `Tjenesten svarte med status ${res.status}. Prøv igjen om litt.`,
  });
}

export async function getJson(path, { signal } = {}) {
  const res = await send(path, { headers: headers(), signal });
  return res.json();
}

export async function sendJson(method, path, body, { signal } = {}) {
  const res = await send(path, {
    method,
    headers: headers({ 'content-type': 'application/json' }, true),
    body: JSON.stringify(body),
    signal,
  });
  return res.json();
}

/** A write whose answer has no body (204): DELETE /tokens/:id, PUT /users/:id/password. */
export async function sendEmpty(method, path, body) {
  await send(path, {
    method,
    headers: headers(body === undefined ? {} : { 'content-type': 'application/json' }, true),
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

/**
 * Follow a response's Server-Sent Events: `onEvent(name, data)` for each; resolves with the `done` event's data,
 * rejects with an ApiError for an `error` event (a problem body) or a stream that ends early. `what` names what was
 * under way, for the message («Svaret», «Opplastingen»).
 */
async function followEvents(res, onEvent, what) {
  let done;
  let failure;
  try {
    await readEventStream(res.body, (name, data) => {
      if (name === 'done') done = data;
      else if (name === 'error')
        failure = new ApiError(typeof data === 'object' && data?.title ? data : { title: 'Noe gikk galt hos oss' });
      else onEvent(name, data);
    });
  } catch (err) {
    if (err?.name === 'AbortError') throw err;
    throw new ApiError({ title: 'Forbindelsen ble brutt', detail: `${what.subject} stoppet underveis. Prøv igjen.` });
  }
  if (failure) throw failure;
  if (done === undefined)
    throw new ApiError({
      title: 'Forbindelsen ble brutt',
      detail: `Tjenesten avsluttet før ${what.object} var ferdig. Prøv igjen.`,
    });
  return done;
}

/** POST with `stream: true` and follow the Server-Sent Events (followEvents). */
export async function postStream(path, body, onEvent, { signal } = {}) {
  const res = await send(path, {
    method: 'POST',
    headers: headers({ 'content-type': 'application/json', accept: 'text/event-stream' }, true),
    body: JSON.stringify({ ...body, stream: true }),
    signal,
  });
  return followEvents(res, onEvent, { subject: 'Svaret fra tjenesten', object: 'svaret' });
}

/**
 * Send a multipart form (an upload: POST /documents, PUT /documents/:id, POST /consultations) with `?stream=true`
 * and follow its progress events (followEvents); a refusal before the stream is an ApiError from `send`.
 */
export async function sendFormStream(method, path, form, onEvent, { signal } = {}) {
  const res = await send(`${path}${path.includes('?') ? '&' : '?'}stream=true`, {
    method,
    headers: headers({ accept: 'text/event-stream' }, true),
    body: form,
    signal,
  });
  return followEvents(res, onEvent, { subject: 'Opplastingen', object: 'opplastingen' });
}
