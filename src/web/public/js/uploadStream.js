// A multipart upload that follows the server's progress: POST …?stream=true with FormData, then the
// Server-Sent Events the upload path sends (queued, read, embed, save) until `done` or `error`.
import { ApiError, getToken, problemFrom } from './api.js';
import { csrfToken } from './session.js';
import { readEventStream } from './sse.js';

/**
 * Resolves with the `done` event's data; rejects with an ApiError (the problem body of a refusal, an `error`
 * event, or a stream that ends early), or an AbortError when `signal` aborts.
 * @example await uploadWithProgress('/consultations', form, (e) => console.log(e.phase));
 */
export async function uploadWithProgress(path, form, onProgress, { signal } = {}) {
  const token = getToken();
  const csrf = csrfToken();
  let res;
  try {
    res = await fetch(`${path}?stream=true`, {
      method: 'POST',
      headers: {
        accept: 'text/event-stream',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(csrf ? { 'x-csrf-token': csrf } : {}),
      },
      body: form,
      signal,
    });
  } catch (err) {
    if (err?.name === 'AbortError') throw err;
    throw new ApiError({
      title: 'Fikk ikke kontakt med tjenesten',
      detail: 'Sjekk nettverket og at innspill kjører, og prøv igjen.',
    });
  }
  if (!res.ok) throw await problemFrom(res);
  let done;
  let failure;
  try {
    await readEventStream(res.body, (name, data) => {
      if (name === 'done') done = data;
      else if (name === 'error')
        failure = new ApiError(typeof data === 'object' && data?.title ? data : { title: 'Noe gikk galt hos oss' });
      else if (name === 'progress') onProgress(data);
    });
  } catch (err) {
    if (err?.name === 'AbortError') throw err;
    throw new ApiError({ title: 'Forbindelsen ble brutt', detail: 'Opplastingen stoppet underveis. Prøv igjen.' });
  }
  if (failure) throw failure;
  if (done === undefined)
    throw new ApiError({
      title: 'Forbindelsen ble brutt',
      detail: 'Tjenesten avsluttet før opplastingen var ferdig. Prøv igjen.',
    });
  return done;
}

/** One line for a progress event, in Norwegian. */
export function progressText(e) {
  switch (e?.phase) {
    case 'queued':
      return `Venter i kø (plass ${e.position}) …`;
    case 'read':
      return `Leste dokumentet${e.pages ? ` (${e.pages} sider)` : ''}: ${e.passages} avsnitt. Gjør det søkbart …`;
    case 'embed':
      return `Gjør avsnittene søkbare: ${e.done} av ${e.total}.`;
    case 'save':
      return 'Lagrer …';
    default:
      return 'Laster opp …';
  }
}
