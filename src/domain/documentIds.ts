/**
 * Whose an uploaded document's id is: every organisation has its own namespace, the ids that begin with its slug
 * and a hyphen («NTL» → `ntl-`, «Oslo Arbeiderparti» → `oslo-arbeiderparti-`). Ids are one column across
 * organisations, so without namespaces a taken id answered 409 also for another organisation's internal document:
 * member of A could probe whether B holds «streikeplan-2027», and two organisations uploading a document with the
 * same title collided. Inside its own namespace an uploader can only meet its own organisation's documents.
 *
 * The rule is applied in one place, the upload path every door shares (src/corpus/storeUpload.ts: POST and PUT
 * /documents, POST /consultations, `npm run consultation`, and `npm run ingest` through a server). A local operator
 * ingest (`npm run ingest` on the data directory, seeding) is no upload and keeps the ids it is given.
 *
 * An organisation's short forms (text/organisationNames.ts: «Oslo Ap» for «Oslo Arbeiderparti») are namespaces of
 * it too, so the seed «oslo-ap-…» is Oslo Arbeiderparti's. An organisation whose slug begins another's (`oslo-` and
 * `oslo-arbeiderparti-` or `oslo-ap-`) owns only what the longer one does not: the longest known prefix an id begins
 * with names its namespace. Names that read alike (nameKey: «Oslo AP», «Oslo-Ap») are one organisation, never two.
 * So are an organisation's other whole names (the table's `names`): «NTL» also owns `norsk-tjenestemannslag-`,
 * and «Norsk Tjenestemannslag» owns `ntl-`.
 */
import { nameKey, organisationAliases, shortFormSlugs } from '../text/organisationNames.js';
import { slug } from '../text/slug.js';

/** Room left for the title's part of an id (ids are at most 120 characters). */
const PREFIX_MAX = 60;
const ID_MAX = 120;

/**
 * The organisation's namespace: its slug and a hyphen. NOTE: `slug`, not `slugify`: slugify pads names shorter than
 * an id's three characters («LO» → `dokument-lo`), and a prefix needs no padding («LO» → `lo-`). A name with no
 * letters or digits in it gets a short hash, so two such organisations do not share a namespace.
 * @example idPrefix('Oslo Arbeiderparti') === 'oslo-arbeiderparti-'
 */
export function idPrefix(organisation: string): string {
  const s = slug(organisation, PREFIX_MAX);
  return `${s || `org-${hash(organisation.trim().toLowerCase())}`}-`;
}

/**
 * Every namespace of the organisation: its own prefix first, then its short forms' (`oslo-ap-`) and its other
 * whole names' (`norsk-tjenestemannslag-` for «NTL»).
 * @example idPrefixes('Oslo Arbeiderparti') // ['oslo-arbeiderparti-', 'oslo-ap-']
 * @example idPrefixes('NTL') // ['ntl-', 'norsk-tjenestemannslag-']
 */
export function idPrefixes(organisation: string): string[] {
  const own = idPrefix(organisation);
  const short = [...shortFormSlugs(organisation), ...organisationAliases(organisation).map((n) => slug(n))]
    .filter((s) => s && s.length <= PREFIX_MAX)
    .map((s) => `${s}-`);
  return [...new Set([own, ...short])];
}

/** The longest of the organisation's prefixes that `id` begins with. */
function ownPrefix(id: string, organisation: string): string | undefined {
  return idPrefixes(organisation)
    .filter((p) => id.startsWith(p))
    .sort((a, b) => b.length - a.length)[0];
}

/** Why an id is not the organisation's to take: it lacks the prefix, or it lies in a longer prefix of another's. */
export type IdNamespaceProblem = { prefix: string; other?: string };

/**
 * The problem with `id` as a new document of `organisation`, given the other organisations the installation knows
 * (their names, any casing), or null when the id is the organisation's. Depends on the names only, never on which
 * documents exist, so its answer says nothing of other organisations' documents.
 * @example idNamespaceProblem('oslo-arbeiderparti-plan', 'Oslo', ['Oslo Arbeiderparti'])
 *   // → { prefix: 'oslo-', other: 'oslo-arbeiderparti-' }
 */
export function idNamespaceProblem(
  id: string,
  organisation: string,
  organisations: Iterable<string>,
): IdNamespaceProblem | null {
  const own = ownPrefix(id, organisation);
  if (!own) return { prefix: idPrefix(organisation) };
  const other = longerPrefix(id, own, organisation, organisations);
  return other ? { prefix: idPrefix(organisation), other } : null;
}

/**
 * The id an upload gets when none is given: the title's slug, with the organisation's prefix in front unless it
 * begins with it already. A title that would land in another organisation's longer namespace («Oslo» uploading
 * «Arbeiderparti …») gets `dokument-` after the prefix instead (`oslo-dokument-arbeiderparti-…`).
 * @example defaultDocumentId('NTL', 'Streikeplan 2027') === 'ntl-streikeplan-2027'
 * @example defaultDocumentId('NTL', 'NTL prinsipprogram') === 'ntl-prinsipprogram'
 */
export function defaultDocumentId(organisation: string, title: string, organisations: Iterable<string> = []): string {
  const base = slug(title, ID_MAX) || 'dokument';
  let id = ownPrefix(base, organisation) ? base : idPrefix(organisation) + base;
  const prefix = ownPrefix(id, organisation)!;
  if (longerPrefix(id, prefix, organisation, organisations)) id = `${prefix}dokument-${id.slice(prefix.length)}`;
  return slug(id, ID_MAX);
}

/**
 * The longest prefix (own or short form) of another organisation that begins with `prefix` and that `id` lies in.
 * A name that reads as the organisation's own (nameKey) is no other organisation.
 */
function longerPrefix(
  id: string,
  prefix: string,
  organisation: string,
  organisations: Iterable<string>,
): string | undefined {
  const self = nameKey(organisation);
  let found: string | undefined;
  for (const name of organisations) {
    if (nameKey(name) === self) continue;
    for (const p of idPrefixes(name))
      if (p.length > prefix.length && p.startsWith(prefix) && id.startsWith(p) && p.length > (found?.length ?? 0))
        found = p;
  }
  return found;
}

/** FNV-1a, 8 hex digits: a stable short name for an organisation name with nothing to slug. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (const ch of text) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}
