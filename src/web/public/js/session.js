// Who is signed in, the session's CSRF token (sent by api.js on every write), and keeping the user's work across an
// expired session: the view on screen registers what it holds (keepWork); when the server answers 401, that work is
// written to localStorage, the login page opens, and after sign-in the same view gets it back.

const WORK_KEY = 'innspill.ulagret-arbeid';

/** @type {{ user: null | { id: string, email: string, name?: string, admin?: boolean }, csrfToken: string, oidc: null | { name: string }, open: boolean }} */
const state = { user: null, csrfToken: '', oidc: null, open: true };
let loading = null;

/** GET /session once per page load (again after `reload`): the signed-in user, or none. */
export function loadSession({ reload = false } = {}) {
  if (loading && !reload) return loading;
  loading = fetch('/session', { headers: { accept: 'application/json' } })
    .then((res) => (res.ok ? res.json() : null))
    .then((body) => {
      state.user = body?.user ?? null;
      state.csrfToken = body?.csrfToken ?? '';
      state.oidc = body?.oidc ?? null;
      state.open = body?.open ?? true;
      return state;
    })
    .catch(() => state);
  return loading;
}

export const currentSession = () => state;
export const csrfToken = () => state.csrfToken;

/** @type {{ save: () => unknown, restore: (data: any) => void } | null} */
let work = null;
let leaving = false;

/**
 * The view on screen says how to save and restore its unsaved work (a half-filled form, edited sentences). If work
 * kept from an expired session belongs to this page and this user, it is handed back at once.
 * @returns a function that unregisters (call it from the view's cleanup)
 */
export function keepWork(provider) {
  work = provider;
  const kept = readKept();
  if (kept && kept.path === location.pathname && (!kept.userId || kept.userId === state.user?.id)) {
    localStorage.removeItem(WORK_KEY);
    provider.restore(kept.data);
  }
  return () => {
    if (work === provider) work = null;
  };
}

/** Whether there is kept work waiting for this path (the login page says so). */
export function hasKeptWork(path) {
  return readKept()?.path === path;
}

function readKept() {
  try {
    return JSON.parse(localStorage.getItem(WORK_KEY) ?? 'null');
  } catch {
    return null;
  }
}

/** True while the page is on its way to the login page (a view's beforeunload warning stays quiet). */
export const leavingForLogin = () => leaving;

/**
 * The server said 401 to a page that signs in with a cookie: keep the work, then open the login page, which
 * comes back here after sign-in. Called by api.js; runs once however many requests fail together.
 */
export async function sessionExpired() {
  if (leaving || location.pathname === '/logg-inn') return;
  leaving = true;
  const data = work?.save();
  // The user id travels with the work: another person signing in on this browser does not get it.
  if (data != null)
    localStorage.setItem(
      WORK_KEY,
      JSON.stringify({ path: location.pathname, userId: state.user?.id ?? null, savedAt: Date.now(), data }),
    );
  const back = location.pathname + location.search;
  // The header stops naming the user who is no longer signed in.
  Object.assign(state, { user: null, csrfToken: '', open: false });
  await toLogin(state, `/logg-inn?neste=${encodeURIComponent(back)}&utlopt=1`);
  leaving = false;
}

/** How the page shows the login page after a 401; main.js sets it (session.js imports no view or router). */
let toLogin = async (_session, path) => location.assign(path);

/** main.js: how to show the signed-out header and open the login page when the session expires. */
export function onSessionExpired(handler) {
  toLogin = handler;
}

/** A same-origin path to go back to after sign-in; anything else (another site, //host) becomes the front page. */
export function safeNext(value) {
  return typeof value === 'string' && /^\/(?![/\\])/.test(value) && !value.startsWith('/logg-inn') ? value : '/';
}
