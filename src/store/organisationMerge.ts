/**
 * Two spellings of one organisation from before the rule («Oslo-Ap» beside «Oslo Arbeiderparti») made one: every
 * row that names the organisation by the old spelling is moved to the kept one, in one transaction, so a reader
 * never sees the organisation half merged. What moves: memberships (a user in both keeps the higher role), documents'
 * organisation (ids stay: the kept name owns the old name's namespace too, text/organisationNames.ts), withdrawn
 * documents, drafts, and the audit log's organisation key (so the organisation's admins read its history).
 *
 * NOTE: what does not move: each draft version's request (the organisation as the draft was asked for, kept as
 * history) and the audit entries' own text. Passages, vectors and search words carry no organisation.
 */
import type { Db, Queryable } from './driver.js';

const ROLE_RANK = /* SQL */ `CASE %s WHEN 'admin' THEN 3 WHEN 'editor' THEN 2 ELSE 1 END`;
const rank = (col: string) => ROLE_RANK.replace('%s', col);

/** $1 the old spelling, $2 the kept one. A user with both keeps the higher role, under the kept spelling. */
export const MERGE_MEMBERSHIP_ROLES_SQL = /* SQL */ `
  UPDATE memberships kept SET role = old.role
  FROM memberships old
  WHERE kept.user_id = old.user_id AND kept.organisation_key = lower($2) AND old.organisation_key = lower($1)
    AND ${rank('old.role')} > ${rank('kept.role')}`;
export const DROP_DOUBLE_MEMBERSHIPS_SQL = /* SQL */ `
  DELETE FROM memberships old USING memberships kept
  WHERE old.user_id = kept.user_id AND old.organisation_key = lower($1) AND kept.organisation_key = lower($2)
  RETURNING old.user_id`;
export const MOVE_MEMBERSHIPS_SQL = /* SQL */ `
  UPDATE memberships SET organisation_key = lower($2), organisation = $2 WHERE organisation_key = lower($1)
  RETURNING user_id`;
export const MOVE_DOCUMENTS_SQL = /* SQL */ `
  UPDATE documents SET organisation = $2 WHERE lower(organisation) = lower($1) RETURNING id`;
export const MOVE_WITHDRAWN_SQL = /* SQL */ `
  UPDATE withdrawn_documents SET organisation = $2 WHERE lower(organisation) = lower($1)`;
export const MOVE_DRAFTS_SQL = /* SQL */ `
  UPDATE drafts SET organisation = $2 WHERE lower(organisation) = lower($1) RETURNING id`;
export const MOVE_AUDIT_SQL = /* SQL */ `
  UPDATE audit_log SET organisation_key = lower($2) WHERE organisation_key = lower($1)`;

export interface MergeCounts {
  /** Users whose membership moved (a double membership counts once). */
  members: number;
  documents: number;
  drafts: number;
}

/**
 * Move everything stored under `from` (any casing) to `into`, in one transaction; `audit` runs inside it. The caller
 * checks that the two names read as one organisation (store/organisations.ts splitOrganisations).
 * @example await mergeOrganisation(db, { from: 'Oslo-Ap', into: 'Oslo Arbeiderparti' }) // { members: 1, documents: 0, drafts: 0 }
 */
export async function mergeOrganisation(
  db: Db,
  { from, into }: { from: string; into: string },
  audit?: (tx: Queryable, counts: MergeCounts) => Promise<void>,
): Promise<MergeCounts> {
  const args = [from.trim(), into.trim()];
  return db.transaction(async (tx) => {
    await tx.query(MERGE_MEMBERSHIP_ROLES_SQL, args);
    const moved = async (sql: string) => (await tx.query(sql, args)).rows.length;
    const members = (await moved(DROP_DOUBLE_MEMBERSHIPS_SQL)) + (await moved(MOVE_MEMBERSHIPS_SQL));
    const documents = await moved(MOVE_DOCUMENTS_SQL);
    await tx.query(MOVE_WITHDRAWN_SQL, args);
    const drafts = await moved(MOVE_DRAFTS_SQL);
    await tx.query(MOVE_AUDIT_SQL, args);
    const counts = { members, documents, drafts };
    await audit?.(tx, counts);
    return counts;
  });
}
