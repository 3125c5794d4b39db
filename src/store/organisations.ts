/**
 * The organisations the corpus has documents from: for search, which turns "Hva mener Fagforbundet …" into a
 * filter, and for drafting, which resolves "fagforbundet" to the stored "Fagforbundet". One query for both.
 */
import { AppError } from '../errors.js';
import { otherSpelling } from '../text/organisationNames.js';
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

/** Each member organisation once per spelling (memberships keep the spelling they were given). */
const MEMBER_SPELLINGS_SQL = /* SQL */ `SELECT DISTINCT organisation FROM memberships ORDER BY organisation`;

/**
 * Every organisation the installation knows, as spelled: those with documents (consultation issuers among them)
 * and those with members. For the id namespaces and for refusing a second spelling of one organisation.
 */
export async function knownOrganisationNames(db: Queryable): Promise<string[]> {
  const [documents, members] = await Promise.all([
    listOrganisations(db),
    db.query<{ organisation: string }>(MEMBER_SPELLINGS_SQL),
  ]);
  return [...new Set([...documents.map((o) => o.name), ...members.rows.map((r) => r.organisation)])];
}

/**
 * The refusal of a new organisation name that reads as a known one (text/organisationNames.ts: «Oslo-Ap» when
 * «Oslo AP» exists, «Oslo Ap» when «Oslo Arbeiderparti» does): two spellings would split one organisation's
 * members, documents and id namespace. Another casing of a known name is the same name and passes.
 */
export function otherSpellingProblem(organisation: string, known: string): AppError {
  return new AppError('conflict:organisation', {
    detail: `«${organisation.trim()}» leses som organisasjonen «${known}», som finnes fra før. Bruk navnet «${known}», så blir ikke én organisasjon delt i to.`,
    errors: [{ field: 'organisation', reason: `leses som «${known}», som finnes fra før` }],
    extensions: { organisation: known },
  });
}

/** Throws conflict:organisation (409) when `organisation` is another spelling of a known organisation. */
export async function refuseOtherSpelling(db: Queryable, { organisation }: { organisation: string }): Promise<void> {
  const known = otherSpelling(organisation, await knownOrganisationNames(db));
  if (known) throw otherSpellingProblem(organisation, known);
}
