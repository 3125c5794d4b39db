/**
 * The organisations the corpus has documents from: for search, which turns "Hva mener Fagforbundet …" into a
 * filter, and for drafting, which resolves "fagforbundet" to the stored "Fagforbundet". One query for both, under
 * the store's access rule: a viewer is told only of organisations with a document it may read.
 */
import { AppError } from '../errors.js';
import { readAlike, spellingClash, type SpellingClash } from '../text/organisationNames.js';
import { accessParams, documentReadableSql, rawStore } from './access.js';
import type { Queryable } from './driver.js';
import { readThrough } from './readCache.js';
import { documentVisible } from './visibility.js';

/**
 * Each organisation once, by its lower-cased name (`key`, as the organisation filters compare) and a stored
 * spelling (`name`), found by skipping through the lower(organisation) index one name at a time: a few index probes
 * per organisation, where SELECT DISTINCT or GROUP BY read every document row.
 * Only organisations with a document the viewer may read ($1 all, $2 organisations: store/access.ts), so an
 * organisation with nothing but another organisation's internal documents is unknown to a caller, never named.
 * NOTE: a name stored in several casings ("NTL", "Ntl") is listed once, under one of them.
 */
const readable = (d: string) => `${documentVisible(d)} AND ${documentReadableSql(d, 1)}`;
export const ORGANISATIONS_SQL = /* SQL */ `
  WITH RECURSIVE o AS (
    (SELECT lower(d.organisation) AS key FROM documents d WHERE ${readable('d')} ORDER BY lower(d.organisation) LIMIT 1)
    UNION ALL
    SELECT (SELECT lower(d.organisation) FROM documents d WHERE lower(d.organisation) > o.key AND ${readable('d')} ORDER BY lower(d.organisation) LIMIT 1)
    FROM o WHERE o.key IS NOT NULL)
  SELECT o.key, (SELECT d.organisation FROM documents d WHERE lower(d.organisation) = o.key AND ${readable('d')} LIMIT 1) AS name
  FROM o WHERE o.key IS NOT NULL ORDER BY o.key`;

export interface Organisation {
  /** As stored, e.g. "Fagforbundet". */
  name: string;
  /** lower(name) as PostgreSQL lower-cases it, e.g. "fagforbundet". */
  key: string;
}

/**
 * The organisations the store's viewer may be told about (those with a document it may read; every one on an
 * unscoped store), ordered by key; kept in memory until the next write on stores that count their writes
 * (readCache.ts), once per set of access parameters, since every search asks.
 * @example (await listOrganisations(scoped(db, viewer))).map((o) => o.name) // ['Fagforbundet', 'KS', 'NTL']
 */
export async function listOrganisations(db: Queryable): Promise<readonly Organisation[]> {
  const params = accessParams(db);
  // Frozen: one array is shared by every caller with the same access until the next write.
  return readThrough(db, `organisations:${JSON.stringify(params)}`, async () =>
    Object.freeze((await db.query<Organisation>(ORGANISATIONS_SQL, params)).rows),
  );
}

/**
 * Whether the store's viewer may be told of organisation `name` (any casing): one it holds a role in, or one with a
 * document it may read (listOrganisations). For refusals that would name what the spelling rule found, which sees
 * every organisation (knownOrganisationNames).
 * @example await mayNameOrganisation(scoped(db, viewer), { name: clash.known }) // false for another's internal-only one
 */
export async function mayNameOrganisation(db: Queryable, { name }: { name: string }): Promise<boolean> {
  const key = name.toLowerCase();
  const [all, own] = accessParams(db);
  if (all || own?.includes(key)) return true;
  return (await listOrganisations(db)).some((o) => o.key === key);
}

/**
 * Each member organisation once per spelling (memberships keep the spelling they were given), then each one the
 * configuration names (configured_organisations).
 */
const MEMBER_SPELLINGS_SQL = /* SQL */ `
  SELECT organisation FROM (SELECT DISTINCT organisation, 0 AS source FROM memberships
    UNION ALL SELECT name, 1 FROM configured_organisations) n
  ORDER BY source, organisation`;

/**
 * Every organisation the installation knows, as spelled: those with documents (consultation issuers among them),
 * those with members, and those the configuration names (registerConfiguredOrganisations). For the id namespaces
 * and for refusing a second spelling of one organisation.
 */
export async function knownOrganisationNames(db: Queryable): Promise<string[]> {
  const [documents, members] = await Promise.all([
    // NOTE: every organisation, whoever asks: one spelling per organisation holds across organisations. Callers
    // that answer a request must not name what this finds to a viewer who may not read it.
    listOrganisations(rawStore(db)),
    db.query<{ organisation: string }>(MEMBER_SPELLINGS_SQL),
  ]);
  return [...new Set([...documents.map((o) => o.name), ...members.rows.map((r) => r.organisation)])];
}

/**
 * Makes `names` the organisations the configuration names (bootstrap/configOrganisations.ts, at every start):
 * known to every door's spelling check from then on, in this process and in every other on the same store. The
 * names of an earlier start go; run it in the transaction that checked the names.
 */
export async function replaceConfiguredOrganisations(tx: Queryable, names: readonly string[]): Promise<void> {
  await tx.query(CLEAR_CONFIGURED_SQL);
  if (names.length) await tx.query(ADD_CONFIGURED_SQL, [[...names]]);
}

const CLEAR_CONFIGURED_SQL = /* SQL */ `DELETE FROM configured_organisations`;
/** $1 names text[] */
const ADD_CONFIGURED_SQL = /* SQL */ `
  INSERT INTO configured_organisations (name) SELECT DISTINCT unnest($1::text[]) ON CONFLICT DO NOTHING`;

/**
 * The first of `names` that reads as another spelling of an organisation the store knows, or of a name given
 * before it (text/organisationNames.ts spellingClash): the one check every door runs, one name at a time (routes,
 * `npm run users`, uploads) or several at once (a local ingest's files, the configuration's names at startup).
 * @example await organisationSpellingClash(db, { names: ['Norsk Tjenestemannslag'] }) // { known: 'NTL', … } once NTL is stored
 */
export async function organisationSpellingClash(
  db: Queryable,
  { names }: { names: Iterable<string> },
): Promise<SpellingClash | undefined> {
  return spellingClash(names, await knownOrganisationNames(db));
}

/**
 * The refusal of a new organisation name that reads as a known one (text/organisationNames.ts: «Oslo-Ap» when
 * «Oslo AP» exists, «Oslo Ap» when «Oslo Arbeiderparti» does, «Norsk Tjenestemannslag» when «NTL» does): two
 * spellings would split one organisation's members, documents and id namespace. Another casing of a known name is
 * the same name and passes. `inBatch`: the known spelling came earlier in the same batch (a local ingest's files),
 * not from the store; `where` (a file) goes in front of the message. `known` null: the known organisation is one
 * the caller may not be told of (mayNameOrganisation), so the refusal does not name it.
 */
export function otherSpellingProblem(
  organisation: string,
  known: string | null,
  { inBatch = false, where }: { inBatch?: boolean; where?: string } = {},
): AppError {
  if (known === null)
    return new AppError('conflict:organisation', {
      detail: `${where ? `${where}: ` : ''}«${organisation.trim()}» leses som en organisasjon som finnes fra før. Bruk et annet navn.`,
      errors: [{ field: 'organisation', reason: 'leses som en organisasjon som finnes fra før' }],
    });
  const source = inBatch ? 'som også er brukt i denne innlesingen' : 'som finnes fra før';
  return new AppError('conflict:organisation', {
    detail:
      `${where ? `${where}: ` : ''}«${organisation.trim()}» leses som organisasjonen «${known}», ${source}. ` +
      `Bruk navnet «${known}», så blir ikke én organisasjon delt i to.`,
    errors: [{ field: 'organisation', reason: `leses som «${known}», ${source}` }],
    extensions: { organisation: known },
  });
}

/** Throws conflict:organisation (409) when `organisation` is another spelling of a known organisation. */
export async function refuseOtherSpelling(db: Queryable, { organisation }: { organisation: string }): Promise<void> {
  const clash = await organisationSpellingClash(db, { names: [organisation] });
  if (clash) throw otherSpellingProblem(clash.organisation, clash.known);
}

/**
 * Each organisation as the store compares names (lower-cased), with its spellings and what carries it: members
 * (memberships), documents (complete ones) and drafts. One pass over the three tables: an administrator's report,
 * not a request path.
 */
export const ORGANISATION_USE_SQL = /* SQL */ `
  WITH names AS (
    SELECT lower(m.organisation) AS key, m.organisation, 'member' AS what FROM memberships m
    UNION ALL SELECT lower(d.organisation), d.organisation, 'document' FROM documents d WHERE ${documentVisible('d')}
    UNION ALL SELECT lower(r.organisation), r.organisation, 'draft' FROM drafts r)
  SELECT key, array_agg(DISTINCT organisation ORDER BY organisation) AS spellings,
    count(*) FILTER (WHERE what = 'member')::int AS members,
    count(*) FILTER (WHERE what = 'document')::int AS documents,
    count(*) FILTER (WHERE what = 'draft')::int AS drafts
  FROM names GROUP BY key ORDER BY key`;

export interface OrganisationUse {
  /** lower(name), as memberships and the organisation filters compare it. */
  key: string;
  /** Every spelling stored under that key, e.g. ['NTL', 'Ntl']. */
  spellings: string[];
  members: number;
  documents: number;
  drafts: number;
}

/**
 * Organisations stored under names that read as one (text/organisationNames.ts: «NTL» and «Norsk Tjenestemannslag»,
 * «Oslo AP» and «Oslo Arbeiderparti»): spellings from before the rule, which no door lets in today. Each group
 * lists every organisation key with its counts; empty when the store has none.
 * @example (await splitOrganisations(db)).map((g) => g.map((o) => o.spellings[0])) // [['NTL', 'Norsk Tjenestemannslag']]
 */
export async function splitOrganisations(db: Queryable): Promise<OrganisationUse[][]> {
  const { rows } = await db.query<OrganisationUse>(ORGANISATION_USE_SQL);
  return readAlike(rows, (o) => o.spellings[0]);
}
