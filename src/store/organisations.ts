/**
 * The organisations the corpus has documents from: for search, which turns "Hva mener Fagforbundet …" into a
 * filter, and for drafting, which resolves "fagforbundet" to the stored "Fagforbundet". One query for both.
 */
import type { Queryable } from './driver.js';
import { readThrough } from './readCache.js';
import { documentVisible } from './visibility.js';

/**
 * Each organisation once, by its lower-cased name (`key`, as the organisation filters compare) and a stored
 * spelling (`name`), found by skipping through the lower(organisation) index one name at a time: a few index probes
 * per organisation, where SELECT DISTINCT or GROUP BY read every document row.
 * NOTE: a name stored in several casings ("NTL", "Ntl") is listed once, under one of them.
 */
export const ORGANISATIONS_SQL = /* SQL */ `
  WITH RECURSIVE o AS (
    (SELECT lower(d.organisation) AS key FROM documents d WHERE ${documentVisible('d')} ORDER BY lower(d.organisation) LIMIT 1)
    UNION ALL
    SELECT (SELECT lower(d.organisation) FROM documents d WHERE lower(d.organisation) > o.key AND ${documentVisible('d')} ORDER BY lower(d.organisation) LIMIT 1)
    FROM o WHERE o.key IS NOT NULL)
  SELECT o.key, (SELECT d.organisation FROM documents d WHERE lower(d.organisation) = o.key AND ${documentVisible('d')} LIMIT 1) AS name
  FROM o WHERE o.key IS NOT NULL ORDER BY o.key`;

export interface Organisation {
  /** As stored, e.g. "Fagforbundet". */
  name: string;
  /** lower(name) as PostgreSQL lower-cases it, e.g. "fagforbundet". */
  key: string;
}

/**
 * The organisations, ordered by key; kept in memory until the next write on stores that count their writes
 * (readCache.ts), since every search asks.
 * @example (await listOrganisations(db)).map((o) => o.name) // ['Fagforbundet', 'KS', 'NTL']
 */
export async function listOrganisations(db: Queryable): Promise<readonly Organisation[]> {
  // Frozen: one array is shared by every caller until the next write.
  return readThrough(db, 'organisations', async () =>
    Object.freeze((await db.query<Organisation>(ORGANISATIONS_SQL)).rows),
  );
}
