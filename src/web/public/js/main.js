// The page's router: one shell, a view per path, History API navigation. The server answers every page path with
// the same shell (src/http/routes/web.ts), so a reload or a shared link opens the same view.
import { getToken } from './api.js';
import { h } from './dom.js';
import { errorBox } from './errors.js';
import { loadSession } from './session.js';
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

/** Go to a page path without reloading. `replace` rewrites the current history entry (after a draft is saved). */
export function navigate(path, { replace = false } = {}) {
  if (replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  return render({ moveFocus: true });
}

async function render({ moveFocus }) {
  const main = document.getElementById('main');
  const url = new URL(location.href);
  const route = ROUTES.find((r) => r.pattern.test(url.pathname));
  const run = ++renderCount;
  shown = url.pathname + url.search;
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
      main.replaceChildren(
        h('h1', {}, 'Fant ikke siden'),
        h('p', {}, 'Adressen finnes ikke. '),
        h('p', {}, h('a', { href: '/', 'data-link': '' }, 'Til forsiden')),
      );
    } else {
      const view = await route.load();
      const params = url.pathname.match(route.pattern).slice(1).map(decodeURIComponent);
      const result = await view.render(main, {
        params,
        query: url.searchParams,
        hash: decodeURIComponent(url.hash.slice(1)),
      });
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
  if (location.pathname + location.search === shown) {
    const target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    target?.scrollIntoView({ block: 'start' });
    target?.focus({ preventScroll: true });
    return;
  }
  render({ moveFocus: true });
});

initSourcePanel();
// Who is signed in first: the header shows it, api.js sends its CSRF token, a view may get kept work back.
loadSession().then((session) => {
  // A server that needs sign-in, and nobody signed in (nor a token given for this tab): the login page first.
  if (!session.user && !session.open && !getToken() && location.pathname !== '/logg-inn')
    history.replaceState(null, '', `/logg-inn?neste=${encodeURIComponent(location.pathname + location.search)}`);
  showSignedIn(session);
  render({ moveFocus: false });
});
