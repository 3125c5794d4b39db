// The page's router: one shell, a view per path, History API navigation. The server answers every page path with
// the same shell (src/http/routes/web.ts), so a reload or a shared link opens the same view.
import { getToken } from './api.js';
import { h } from './dom.js';
import { errorBox } from './errors.js';
import { dropLeaveGuard, mayLeave, navigate, setRenderer } from './navigation.js';
import { loadSession, onSessionExpired } from './session.js';
import { showSignedIn } from './siteUser.js';
import { closeSourcePanel, initSourcePanel } from './sourcePanel.js';

const ROUTES = [
  { pattern: /^\/$/, nav: 'utkast', load: () => import('./views/home.js') },
  { pattern: /^\/ny$/, nav: 'ny', load: () => import('./views/newConsultation.js') },
  { pattern: /^\/utkast\/([^/]+)$/, nav: 'utkast', load: () => import('./views/draft.js') },
  { pattern: /^\/spor$/, nav: 'spor', load: () => import('./views/ask.js') },
  { pattern: /^\/dokumenter$/, nav: 'dokumenter', load: () => import('./views/documents.js') },
  { pattern: /^\/dokumenter\/([^/]+)$/, nav: 'dokumenter', load: () => import('./views/document.js') },
  { pattern: /^\/logg-inn$/, nav: 'logg-inn', load: () => import('./views/login.js') },
  { pattern: /^\/admin$/, nav: 'admin', load: () => import('./views/admin.js') },
];

let cleanup = null;
let renderCount = 0;
/** Path and query of the view on screen: a change of hash alone scrolls, it does not render again. */
let shown = '';

/** What a view may change on the element it renders into. */
const WRITES = new Set([
  'replaceChildren',
  'append',
  'appendChild',
  'prepend',
  'insertBefore',
  'replaceChild',
  'removeChild',
  'setAttribute',
  'removeAttribute',
  'insertAdjacentElement',
  'insertAdjacentHTML',
  'insertAdjacentText',
]);

/**
 * `main` as a view gets it: writes go through while the view is the one on screen. A view still loading (a slow GET)
 * when a newer navigation took over must not overwrite the newer view with its own: through this, its writes do
 * nothing and it sees no children to clear (dom.js `replace` clears by `firstChild`).
 */
function viewTarget(el, current) {
  return new Proxy(el, {
    get(target, prop) {
      if (!current() && (prop === 'firstChild' || prop === 'lastChild')) return null;
      const value = Reflect.get(target, prop, target);
      if (typeof value !== 'function') return value;
      return WRITES.has(prop) && !current() ? () => undefined : value.bind(target);
    },
    set(target, prop, value) {
      if (current()) Reflect.set(target, prop, value, target);
      return true;
    },
  });
}

async function render({ moveFocus }) {
  const main = document.getElementById('main');
  const url = new URL(location.href);
  const route = ROUTES.find((r) => r.pattern.test(url.pathname));
  const run = ++renderCount;
  shown = url.pathname + url.search;
  dropLeaveGuard();
  cleanup?.();
  cleanup = null;
  closeSourcePanel({ restoreFocus: false });
  for (const a of document.querySelectorAll('[data-nav]')) {
    if (route && a.dataset.nav === route.nav && a.getAttribute('href') === url.pathname)
      a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  main.replaceChildren(h('p', { class: 'loading' }, 'Laster …'));
  main.setAttribute('aria-busy', 'true');
  try {
    if (!route) {
      document.title = 'Fant ikke siden – innspill';
      main.replaceChildren(...notFoundView(url.pathname));
    } else {
      const view = await route.load();
      const params = url.pathname.match(route.pattern).slice(1).map(decodeURIComponent);
      const result = await view.render(
        viewTarget(main, () => run === renderCount),
        {
          params,
          query: url.searchParams,
          hash: decodeURIComponent(url.hash.slice(1)),
        },
      );
      if (run !== renderCount) return; // A newer navigation took over while this view was loading.
      cleanup = typeof result === 'function' ? result : null;
    }
  } catch (err) {
    if (run !== renderCount) return;
    document.title = 'Feil – innspill';
    main.replaceChildren(h('h1', {}, 'Noe gikk galt'), errorBox(err, { onRetry: () => render({ moveFocus: true }) }));
  } finally {
    if (run === renderCount) main.removeAttribute('aria-busy');
  }
  if (run !== renderCount) return;
  const target = url.hash && document.getElementById(decodeURIComponent(url.hash.slice(1)));
  if (target) {
    target.scrollIntoView({ block: 'start' });
    target.focus({ preventScroll: true });
  } else if (moveFocus) {
    // After an in-page navigation, start screen readers and keyboards at the new page's heading.
    const heading = main.querySelector('h1');
    if (heading) {
      heading.tabIndex = -1;
      heading.focus();
    }
    window.scrollTo(0, 0);
  }
}

document.addEventListener('click', (ev) => {
  if (ev.defaultPrevented || ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey) return;
  const a = ev.target instanceof Element ? ev.target.closest('a[data-link]') : null;
  if (!a || a.hasAttribute('download') || a.target) return;
  const url = new URL(a.href);
  if (url.origin !== location.origin) return;
  ev.preventDefault();
  navigate(url.pathname + url.search + url.hash);
});

window.addEventListener('popstate', () => {
  // Back or Forward away from unsaved work: the browser has already moved, so staying means going back to it.
  if (location.pathname + location.search !== shown && !mayLeave()) {
    history.pushState(null, '', shown);
    return;
  }
  if (location.pathname + location.search === shown) {
    const target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    target?.scrollIntoView({ block: 'start' });
    target?.focus({ preventScroll: true });
    return;
  }
  render({ moveFocus: true });
});

setRenderer(render);
initSourcePanel();
// A 401 on a cookie session (session.js keeps the work first): the header shows nobody, the login page opens.
onSessionExpired(async (session, path) => {
  showSignedIn(session);
  await navigate(path);
});
// Who is signed in first: the header shows it, api.js sends its CSRF token, a view may get kept work back.
loadSession().then((session) => {
  // A server that needs sign-in, and nobody signed in (nor a token given for this tab): the login page first.
  if (!session.user && !session.open && !getToken() && location.pathname !== '/logg-inn')
    history.replaceState(null, '', `/logg-inn?neste=${encodeURIComponent(location.pathname + location.search)}`);
  showSignedIn(session);
  render({ moveFocus: false });
});

/** «Fant ikke siden», with the address the person probably meant when only a trailing slash is wrong. */
function notFoundView(pathname) {
  const trimmed = pathname.replace(/\/+$/, '');
  const meant = trimmed && trimmed !== pathname && ROUTES.some((r) => r.pattern.test(trimmed)) ? trimmed : null;
  return [
    h('h1', {}, 'Fant ikke siden'),
    h('p', {}, `Adressen ${pathname} finnes ikke i innspill. Sjekk at den er skrevet riktig.`),
    meant ? h('p', {}, 'Mente du ', h('a', { href: meant, 'data-link': '' }, meant), '?') : null,
    h('p', {}, h('a', { href: '/', 'data-link': '' }, 'Til forsiden')),
  ].filter(Boolean);
}

/**
 * On a phone a table is shown as one card per row (app.css); each cell is labelled with its column's heading
 * (`data-label`) so the cards still say what each value is. Tables appear as views render, so this watches.
 */
function labelTableCells(root) {
  for (const td of root.querySelectorAll('table.table td:not([data-label])')) {
    const headings = td.closest('table').querySelectorAll('thead th');
    td.dataset.label = headings[td.cellIndex]?.textContent.trim() ?? '';
  }
}
new MutationObserver(() => labelTableCells(document.getElementById('main'))).observe(document.getElementById('main'), {
  childList: true,
  subtree: true,
});
