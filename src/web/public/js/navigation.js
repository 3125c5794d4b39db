// In-app navigation as views use it: go to a page path, and ask before a view with unsaved work is left. The router
// (main.js) registers how a path is shown; views import this module and never main.js, so no import runs back up.
import { leavingForLogin } from './session.js';

/** main.js's render: shows the view of the current address. */
let showCurrent = null;
/** The view's question before it is left, or null when nothing would be lost (see guardLeaving). */
let leaveGuard = null;

/** main.js: how the view of the current address is shown after navigate() moved it. */
export function setRenderer(render) {
  showCurrent = render;
}

/** Go to a page path without reloading. `replace` rewrites the current history entry (after a draft is saved). */
export function navigate(path, { replace = false } = {}) {
  if (!mayLeave()) return Promise.resolve();
  if (replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  return showCurrent({ moveFocus: true });
}

/**
 * Ask before in-app navigation (a link, Back, Forward) leaves a view with unsaved work; a reload or a closed tab is
 * the browser's own `beforeunload` warning. `ask()` returns the question to put, or null when nothing would be lost.
 * The guard is dropped when the next view renders.
 * @example guardLeaving(() => (dirty ? 'Endringene er ikke lagret. Vil du forlate siden?' : null));
 */
export function guardLeaving(ask) {
  leaveGuard = ask;
}

/** The view on its way out has asked (or had nothing to ask); the next view sets its own guard. */
export function dropLeaveGuard() {
  leaveGuard = null;
}

/** Whether the view on screen may be left: nothing would be lost, or the person confirmed. */
export function mayLeave() {
  // On the way to the login page the work is kept in the browser (session.js) and comes back after sign-in.
  if (leavingForLogin()) return true;
  const question = leaveGuard?.();
  return !question || window.confirm(question);
}
