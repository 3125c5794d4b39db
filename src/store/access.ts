/**
 * Who may read what, enforced in the store's queries, in one place. Route handlers only pass the viewer down, as a
 * scoped store: `scoped(db, viewer)` is the same store carrying the viewer, and every read of documents, passages,
 * search legs (text, vector, hybrid, ANN), drafts and draft versions adds the predicate built here for that viewer.
 *
 * The rule (issue 16):
 * - public documents: readable by every principal but the anonymous one;
 * - internal documents and every draft: readable only by members of their organisation, and by principals holding
 *   a role in every organisation (open mode with no users, the CLI on the server, site admins, service tokens not
 *   limited to some organisations);
 * - an unscoped store (a CLI, seeding, background work on the server) reads everything, as its operator can.
 *   The HTTP app scopes its store to the anonymous viewer before any route sees it, so a handler that forgets to
 *   pass its viewer reads public nothing, not everything.
 *
 * Two parameters carry the viewer into SQL: `all` (boolean) and `organisations` (lower-cased text[], NULL for the
 * anonymous viewer, who reads nothing). NOTE: kept apart from other predicates on the same rows (e.g. "not pending")
 * so each stays one helper that a query ANDs in.
 */
import type { Viewer } from '../domain/viewer.js';
import { CLI_VIEWER } from '../domain/viewer.js';
import type { Queryable } from './driver.js';

const VIEWER = Symbol('viewer');
const RAW = Symbol('raw');

/** The two SQL parameters for a viewer: [all, organisations]. */
export type AccessParams = [boolean, string[] | null];

/**
 * The store `db` acting for `viewer`: the same object for every call (queries, transactions, which stay scoped),
 * plus the viewer for the store's reads to find. Scoping a scoped store replaces its viewer.
 * @example const docs = await listDocuments(scoped(db, c.get('viewer')));
 */
export function scoped<T extends Queryable>(db: T, viewer: Viewer): T {
  const raw = rawStore(db) as T;
  return new Proxy(raw, {
    get(target, prop) {
      if (prop === VIEWER) return viewer;
      if (prop === RAW) return target;
      const value = Reflect.get(target, prop, target);
      // A transaction or readTogether section acts for the same viewer.
      if ((prop === 'transaction' || prop === 'readTogether') && typeof value === 'function')
        return (fn: (tx: Queryable) => Promise<unknown>, ...rest: unknown[]) =>
          value.call(target, (tx: Queryable) => fn(scoped(tx, viewer)), ...rest);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** The viewer a store acts for; an unscoped store acts for the operator (CLI_VIEWER: everything). */
export function viewerOf(db: Queryable): Viewer {
  return ((db as unknown as Record<symbol, Viewer | undefined>)[VIEWER] ?? CLI_VIEWER) as Viewer;
}

/** The store under any scoping: what caches key on (readCache.ts), so all viewers share one memo. */
export function rawStore(db: Queryable): Queryable {
  return ((db as unknown as Record<symbol, Queryable | undefined>)[RAW] ?? db) as Queryable;
}

/** Whether the store's viewer reads every document and draft (then queries may skip the predicate). */
export function readsEverything(db: Queryable): boolean {
  const v = viewerOf(db);
  return v.kind !== 'anonymous' && (v.siteAdmin || v.everyOrganisation !== null);
}

/** The viewer's [all, organisations] parameters for the predicates below. */
export function accessParams(db: Queryable): AccessParams {
  const v = viewerOf(db);
  if (v.kind === 'anonymous') return [false, null];
  return [readsEverything(db), Object.keys(v.roles).map((k) => k.toLowerCase())];
}

/**
 * May the viewer read document `alias` (a row of documents)? Parameters $first (all) and $first+1 (organisations).
 * @example `SELECT … FROM documents d WHERE d.id = $1 AND ${documentReadableSql('d', 2)}` with [id, ...accessParams(db)]
 */
export function documentReadableSql(alias: string, first: number): string {
  const [all, orgs] = [`$${first}::boolean`, `$${first + 1}::text[]`];
  return /* SQL */ `(${orgs} IS NOT NULL AND (${all} OR ${alias}.visibility = 'public' OR lower(${alias}.organisation) = ANY(${orgs})))`;
}

/** May the viewer read draft `alias` (a row of drafts)? Drafts are never public: members of its organisation only. */
export function draftReadableSql(alias: string, first: number): string {
  const [all, orgs] = [`$${first}::boolean`, `$${first + 1}::text[]`];
  return /* SQL */ `(${orgs} IS NOT NULL AND (${all} OR lower(${alias}.organisation) = ANY(${orgs})))`;
}

/** May the viewer read passage `alias` (a row of passages)? Through its document. */
export function passageReadableSql(alias: string, first: number): string {
  return /* SQL */ `EXISTS (SELECT 1 FROM documents ad WHERE ad.id = ${alias}.document_id AND ${documentReadableSql('ad', first)})`;
}

/** Of the given passage ids, those whose passage exists in a document the viewer may read. $2, $3: the viewer. */
const READABLE_PASSAGES_SQL = /* SQL */ `
  SELECT p.id FROM passages p JOIN documents d ON d.id = p.document_id
  WHERE p.id = ANY($1::text[]) AND ${documentReadableSql('d', 2)}`;

/**
 * The cited passages the viewer may not read (a draft shows «kilde du ikke har tilgang til» for them): those not
 * readable now, save sources withdrawn by one of the viewer's own organisations (`withdrawnBy`: passage id →
 * organisation). NOTE: a passage that is gone (its document replaced or withdrawn by another organisation) counts
 * as unreadable, since what it was can no longer be checked.
 * @example const hidden = await unreadablePassages(db, { ids: cited, withdrawnBy })
 */
export async function unreadablePassages(
  db: Queryable,
  { ids, withdrawnBy = new Map() }: { ids: string[]; withdrawnBy?: Map<string, string> },
): Promise<Set<string>> {
  if (ids.length === 0 || readsEverything(db)) return new Set();
  const { rows } = await db.query<{ id: string }>(READABLE_PASSAGES_SQL, [ids, ...accessParams(db)]);
  const readable = new Set(rows.map((r) => r.id));
  const own = viewerOf(db).roles;
  return new Set(
    ids.filter((id) => !readable.has(id) && !(withdrawnBy.has(id) && own[withdrawnBy.get(id)!.toLowerCase()])),
  );
}
