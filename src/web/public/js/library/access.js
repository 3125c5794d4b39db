// What the signed-in person may do in the library, from GET /session: the page shows write controls only to those
// the server would let through (the server checks again; this only spares readers buttons that would say 403).
import { getToken } from '../api.js';
import { currentSession } from '../session.js';

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
  const s = currentSession();
  if (s.open || s.user?.admin || (!s.user && getToken())) return null;
  return (s.user?.memberships ?? [])
    .filter((m) => (RANK[m.role] ?? 0) >= RANK.editor)
    .map((m) => m.organisation)
    .sort((a, b) => a.localeCompare(b, 'nb'));
}
