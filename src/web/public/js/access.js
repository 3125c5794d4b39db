// What the signed-in person may do, from GET /session (the user's memberships and roles): the page shows write
// controls only to those the server would let through (the server checks again; this spares readers buttons and
// choices that would end in a 403 after the work is done).
import { getToken } from './api.js';
import { currentSession } from './session.js';

const RANK = { reader: 1, editor: 2, admin: 3 };

/**
 * The person's role in `organisation`: 'admin' | 'editor' | 'reader' | null. Open mode (no users yet), a site
 * administrator and a token given for this tab count as administrators everywhere (for a token, the server decides).
 */
export function roleIn(organisation) {
  const s = currentSession();
  if (s.open || s.user?.admin || (!s.user && getToken())) return 'admin';
  const key = (organisation ?? '').toLowerCase();
  return s.user?.memberships?.find((m) => m.organisation.toLowerCase() === key)?.role ?? null;
}

export const canEdit = (organisation) => (RANK[roleIn(organisation)] ?? 0) >= RANK.editor;
export const canWithdraw = (organisation) => roleIn(organisation) === 'admin';

/**
 * The organisations the person may upload in the name of: `null` for any (open mode, site administrator, a token),
 * else those where the person is an editor or administrator (empty for a reader).
 */
export function uploadOrganisations() {
  if (mayActEverywhere()) return null;
  return ownOrganisations();
}

/** Open mode, a site administrator, or a token given for this tab (the server decides what a token may). */
function mayActEverywhere() {
  const s = currentSession();
  return Boolean(s.open || s.user?.admin || (!s.user && getToken()));
}

/** The organisations where the signed-in user is an editor or administrator, sorted. */
function ownOrganisations() {
  return (currentSession().user?.memberships ?? [])
    .filter((m) => (RANK[m.role] ?? 0) >= RANK.editor)
    .map((m) => m.organisation)
    .sort((a, b) => a.localeCompare(b, 'nb'));
}

/**
 * Whom the person may draft a response for, and which to choose first. `withPositions`: the organisations whose
 * own documents are stored (positionHolders). Whoever may act everywhere gets those; anyone else the organisations
 * where they are an editor, whether or not documents are stored yet. The first choice is the person's own
 * organisation (the first they edit for), or the only one there is.
 * @returns {{ organisations: string[], chosen: string }}
 */
export function draftOrganisations(withPositions) {
  const own = ownOrganisations();
  const organisations = mayActEverywhere()
    ? [...new Set([...withPositions, ...own])].sort((a, b) => a.localeCompare(b, 'nb'))
    : own;
  const chosen = own.find((o) => organisations.includes(o)) ?? (organisations.length === 1 ? organisations[0] : '');
  return { organisations, chosen };
}

/** Why the person may not change what belongs to `organisation`, in a sentence; null when they may. */
export function readOnlyReason(organisation, what) {
  if (canEdit(organisation)) return null;
  const role = roleIn(organisation);
  return `Du kan lese ${what}, men ikke endre det: det krever rollen redaktør i ${organisation}${role === 'reader' ? ', og du er leser' : ''}.`;
}
