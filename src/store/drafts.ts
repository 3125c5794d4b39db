/**
 * Data access for drafts and their versions. Named queries, one object argument per function. A draft and its
 * first version are written in one transaction, and a revision is a new version written in one transaction, so a
 * failed generation or edit leaves nothing half-saved.
 */
import { randomUUID } from 'node:crypto';
import type { DraftRequest } from '../domain/draftRequest.js';
import { AppError } from '../errors.js';
import type { DraftDocument, DraftTimings, TokenUsage, VerificationReport } from '../domain/index.js';
import { accessParams, documentReadableSql, draftReadableSql } from './access.js';
import type { Db, Queryable } from './db.js';
import { passageVisible } from './visibility.js';

const INSERT_DRAFT_SQL = /* SQL */ `
  INSERT INTO drafts (id, title, organisation, consultation) VALUES ($1, $2, $3, $4::jsonb)`;

const INSERT_DRAFT_VERSION_SQL = /* SQL */ `
  INSERT INTO draft_versions (draft_id, version, origin, request, provider, model, prompt_versions,
    retrieved_passage_ids, structured, markdown, verification, verification_ok, usage, timings)
  VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7::text[], $8::text[], $9::jsonb, $10, $11::jsonb, $12, $13::jsonb, $14::jsonb)
  RETURNING created_at::text AS created_at`;

const LOCK_DRAFT_SQL = /* SQL */ `
  SELECT d.latest_version FROM drafts d WHERE d.id = $1 AND ${draftReadableSql('d', 2)} FOR UPDATE`;

const BUMP_DRAFT_SQL = /* SQL */ `
  UPDATE drafts SET latest_version = $2, title = $3, updated_at = now() WHERE id = $1`;

/** The document a cited passage id (jsonb `pid`) belongs to: passage ids are "<document id>-p<ordinal>". */
const citedDocumentId = (pid: string) => /* SQL */ `regexp_replace(${pid} #>> '{}', '-p[0-9]+$', '')`;

/**
 * THE rule for "the sources changed" (one copy, used by the list's badge and by the draft view): the citations of
 * version `v` whose passage is gone, or whose document was replaced (or its metadata changed) after `v` was
 * verified. A withdrawn document's passages are gone too (and its row: `doc` is then NULL). Columns: passage_id,
 * and the document as it stands now (NULL when it is gone).
 */
const changedCitationsSql = (v: string) => /* SQL */ `
    SELECT c.pid #>> '{}' AS passage_id, doc.id AS document_id, doc.title, doc.organisation, doc.visibility,
      doc.updated_at::text AS updated_at
    FROM jsonb_path_query(${v}.structured, '$.sections[*].paragraphs[*][*].citations[*].passageId') AS c(pid)
    LEFT JOIN passages p ON p.id = c.pid #>> '{}' AND ${passageVisible('p')}
    LEFT JOIN documents doc ON doc.id = ${citedDocumentId('c.pid')}
    WHERE p.id IS NULL OR doc.updated_at > ${v}.created_at`;

/**
 * The badge's "all supported" is recomputed on read: the stored check only holds while no source changed since the
 * version was verified (changedCitationsSql). The page says the same per sentence (GET /drafts/:id marks the
 * sentences citing a replaced or withdrawn source); the list must not say ✓ where it does not.
 */
export const SOURCES_UNCHANGED_SQL = /* SQL */ `NOT EXISTS (${changedCitationsSql('v')})`;

/** The replaced sources of one version ($1 draft, $2 version), with whether the viewer ($3, $4) may read them. */
const REPLACED_SOURCES_SQL = /* SQL */ `
  SELECT DISTINCT ch.passage_id, ch.document_id, ch.title, ch.organisation, ch.updated_at,
    ${documentReadableSql('ch', 3)} AS readable
  FROM draft_versions v, LATERAL (${changedCitationsSql('v')}) ch
  WHERE v.draft_id = $1 AND v.version = $2 AND ch.document_id IS NOT NULL`;

/** A cited document replaced since the version citing it was verified. */
export interface Replacement {
  documentId: string;
  title: string;
  organisation: string;
  replacedAt: string;
  /** The viewer may read the document as it stands now. */
  readable: boolean;
}

/**
 * The cited passages of a draft version whose document has been replaced since the version was verified (the
 * passage changed or gone), by passage id. Withdrawn documents are not here (their row is gone: withdrawnSources).
 * @example const replaced = await replacedSources(db, { draftId: record.draftId, version: record.version })
 */
export async function replacedSources(
  db: Queryable,
  { draftId, version }: { draftId: string; version: number },
): Promise<Map<string, Replacement>> {
  const { rows } = await db.query<Row>(REPLACED_SOURCES_SQL, [draftId, version, ...accessParams(db)]);
  return new Map(
    rows.map((r) => [
      r.passage_id,
      {
        documentId: r.document_id,
        title: r.title,
        organisation: r.organisation,
        replacedAt: iso(r.updated_at),
        readable: Boolean(r.readable),
      },
    ]),
  );
}

const SUMMARY_COLUMNS = /* SQL */ `
  d.id, d.title, d.organisation, d.consultation, d.latest_version, d.created_at::text AS created_at,
  d.updated_at::text AS updated_at, v.provider, v.model, v.verification_ok AS version_ok,
  ${SOURCES_UNCHANGED_SQL} AS sources_unchanged, v.verification->'summary' AS verification_summary,
  v.origin, COALESCE(v.structured->>'language', v.request->>'language', 'nb') AS language`;

const LIST_DRAFTS_SQL = /* SQL */ `
  SELECT ${SUMMARY_COLUMNS}
  FROM drafts d JOIN draft_versions v ON v.draft_id = d.id AND v.version = d.latest_version
  WHERE ($1::text IS NULL OR lower(d.organisation) = lower($1)) AND ${draftReadableSql('d', 4)}
  ORDER BY d.updated_at DESC, d.id
  LIMIT $2 OFFSET $3`;

const GET_DRAFT_SQL = /* SQL */ `
  SELECT ${SUMMARY_COLUMNS}
  FROM drafts d JOIN draft_versions v ON v.draft_id = d.id AND v.version = d.latest_version
  WHERE d.id = $1 AND ${draftReadableSql('d', 2)}`;

const LIST_DRAFT_VERSIONS_SQL = /* SQL */ `
  SELECT v.version, v.origin, v.provider, v.model, (v.verification_ok AND ${SOURCES_UNCHANGED_SQL}) AS verification_ok,
    v.created_at::text AS created_at
  FROM draft_versions v JOIN drafts d ON d.id = v.draft_id
  WHERE v.draft_id = $1 AND ${draftReadableSql('d', 2)} ORDER BY v.version`;

/** $2 NULL = the latest version. */
const GET_DRAFT_VERSION_SQL = /* SQL */ `
  SELECT v.draft_id, v.version, v.origin, v.request, v.provider, v.model, v.prompt_versions, v.retrieved_passage_ids,
         v.structured, v.markdown, v.verification, v.usage, v.timings, v.created_at::text AS created_at
  FROM draft_versions v JOIN drafts d ON d.id = v.draft_id
  WHERE v.draft_id = $1 AND v.version = coalesce($2::int, d.latest_version) AND ${draftReadableSql('d', 3)}`;

const COUNT_DRAFTS_SQL = /* SQL */ `
  SELECT (SELECT count(*)::int FROM drafts) AS drafts, (SELECT count(*)::int FROM draft_versions) AS versions`;

/** One version as written. */
export interface NewDraftVersion {
  origin: 'generated' | 'edited';
  request: DraftRequest;
  provider: string;
  model: string;
  promptVersions: string[];
  retrievedPassageIds: string[];
  structured: DraftDocument;
  markdown: string;
  verification: VerificationReport;
  usage: TokenUsage;
  timings: Partial<DraftTimings>;
}

export interface DraftVersionRecord extends NewDraftVersion {
  draftId: string;
  version: number;
  createdAt: string;
}

export interface DraftSummary {
  id: string;
  title: string;
  organisation: string;
  consultationTitle: string;
  /** The latest version's written language (målform), which tells two drafts of one consultation apart. */
  language: 'nb' | 'nn';
  latestVersion: number;
  provider: string;
  model: string;
  verificationOk: boolean;
  /**
   * The latest version's verdict for the person, as its page gives it: ✓ every claim supported, ≈ some only partly
   * (to check), ✗ a claim unsupported, contradicted or uncited, a quote not found, or a cited document withdrawn or
   * replaced since.
   */
  review: DraftReview;
  createdAt: string;
  updatedAt: string;
}

export type DraftReview = 'supported' | 'needs_review' | 'unsupported';

/** The person's verdict on a version from its report's summary (`review` of DraftSummary). */
export function draftReview(ok: boolean, sourcesUnchanged: boolean, summary: Row | null | undefined): DraftReview {
  if (!sourcesUnchanged) return 'unsupported';
  if (ok) return 'supported';
  const v = summary?.verdicts ?? {};
  const failedQuotes = Object.entries(summary?.statuses ?? {}).some(([k, n]) => k !== 'ok' && Number(n) > 0);
  const uncitedClaims = Number(v.uncited ?? 0) - (Number(summary?.sentences ?? 0) - Number(summary?.claims ?? 0));
  return Number(v.unsupported ?? 0) + Number(v.contradicted ?? 0) > 0 || failedQuotes || uncitedClaims > 0
    ? 'unsupported'
    : 'needs_review';
}

export interface VersionSummary {
  version: number;
  origin: 'generated' | 'edited';
  provider: string;
  model: string;
  verificationOk: boolean;
  createdAt: string;
}

type Row = Record<string, any>;
const json = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);
const iso = (t: string) => new Date(t).toISOString();

function rowToSummary(r: Row): DraftSummary {
  return {
    id: r.id,
    title: r.title,
    organisation: r.organisation,
    consultationTitle: json(r.consultation)?.title ?? '',
    language: r.language === 'nn' ? 'nn' : 'nb',
    latestVersion: Number(r.latest_version),
    provider: r.provider,
    model: r.model,
    // Ok as checked, and no cited document withdrawn or replaced since (the sources query, run once per row).
    verificationOk: Boolean(r.version_ok) && r.sources_unchanged !== false,
    review: draftReview(Boolean(r.version_ok), r.sources_unchanged !== false, json(r.verification_summary)),
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

function versionParams(draftId: string, version: number, v: NewDraftVersion): unknown[] {
  return [
    draftId,
    version,
    v.origin,
    JSON.stringify(v.request),
    v.provider,
    v.model,
    v.promptVersions,
    v.retrievedPassageIds,
    JSON.stringify(v.structured),
    v.markdown,
    JSON.stringify(v.verification),
    v.verification.ok,
    JSON.stringify(v.usage),
    JSON.stringify(v.timings),
  ];
}

/**
 * Save a new draft with its first version, in one transaction.
 * @example const { id } = await createDraft(db, { version: { origin: 'generated', … } })
 */
export async function createDraft(
  db: Db,
  { version, id = randomUUID() }: { version: NewDraftVersion; id?: string },
): Promise<{ id: string; version: number }> {
  await db.transaction(async (tx) => {
    await tx.query(INSERT_DRAFT_SQL, [
      id,
      version.structured.title,
      version.structured.organisation,
      JSON.stringify(version.request.consultation),
    ]);
    await tx.query(INSERT_DRAFT_VERSION_SQL, versionParams(id, 1, version));
  });
  return { id, version: 1 };
}

/**
 * The 409 for an edit based on a version that is no longer the draft's latest (optimistic concurrency): another
 * editor saved in between, and saving this edit would silently drop theirs. Nothing is written.
 * @example draftVersionConflict({ baseVersion: 3, latestVersion: 4 }).detail // 'Det er lagret en nyere versjon av utkastet siden versjon 3 (nå versjon 4). …'
 */
export function draftVersionConflict({
  baseVersion,
  latestVersion,
}: {
  baseVersion: number;
  latestVersion: number;
}): AppError {
  const detail =
    baseVersion < latestVersion
      ? `Det er lagret en nyere versjon av utkastet siden versjon ${baseVersion} (nå versjon ${latestVersion}). ` +
        'Last inn på nytt og gjør endringen igjen.'
      : `Utkastet har ingen versjon ${baseVersion} (siste er versjon ${latestVersion}). ` +
        'Last inn på nytt og gjør endringen igjen.';
  return new AppError('conflict:draft_version', {
    detail,
    errors: [
      {
        field: 'baseVersion',
        reason: `endringen bygger på versjon ${baseVersion}, men siste versjon er ${latestVersion}`,
      },
    ],
    extensions: { baseVersion, latestVersion },
  });
}

/**
 * Add a version to a draft; null when the draft does not exist. With `baseVersion` (the version the edit was based
 * on) the draft must still be at that version when it is locked, else draftVersionConflict and nothing is written;
 * without it the version is added on top of whatever is latest.
 */
export async function addDraftVersion(
  db: Db,
  { id, version, baseVersion }: { id: string; version: NewDraftVersion; baseVersion?: number },
): Promise<{ id: string; version: number } | null> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<{ latest_version: number }>(LOCK_DRAFT_SQL, [id, ...accessParams(tx)]);
    if (!rows[0]) return null;
    const latest = Number(rows[0].latest_version);
    if (baseVersion !== undefined && baseVersion !== latest)
      throw draftVersionConflict({ baseVersion, latestVersion: latest });
    const next = latest + 1;
    await tx.query(INSERT_DRAFT_VERSION_SQL, versionParams(id, next, version));
    await tx.query(BUMP_DRAFT_SQL, [id, next, version.structured.title]);
    return { id, version: next };
  });
}

export async function listDrafts(
  db: Queryable,
  { organisation, limit = 50, offset = 0 }: { organisation?: string; limit?: number; offset?: number } = {},
): Promise<DraftSummary[]> {
  const { rows } = await db.query(LIST_DRAFTS_SQL, [organisation ?? null, limit, offset, ...accessParams(db)]);
  return rows.map(rowToSummary);
}

export async function getDraft(
  db: Queryable,
  { id }: { id: string },
): Promise<(DraftSummary & { versions: VersionSummary[] }) | null> {
  const { rows } = await db.query(GET_DRAFT_SQL, [id, ...accessParams(db)]);
  if (!rows[0]) return null;
  const versions = await db.query<Row>(LIST_DRAFT_VERSIONS_SQL, [id, ...accessParams(db)]);
  return {
    ...rowToSummary(rows[0]),
    versions: versions.rows.map((v) => ({
      version: Number(v.version),
      origin: v.origin,
      provider: v.provider,
      model: v.model,
      verificationOk: Boolean(v.verification_ok),
      createdAt: iso(v.created_at),
    })),
  };
}

/** One version, or the latest when `version` is left out. */
export async function getDraftVersion(
  db: Queryable,
  { id, version }: { id: string; version?: number },
): Promise<DraftVersionRecord | null> {
  const { rows } = await db.query<Row>(GET_DRAFT_VERSION_SQL, [id, version ?? null, ...accessParams(db)]);
  const r = rows[0];
  if (!r) return null;
  return {
    draftId: r.draft_id,
    version: Number(r.version),
    origin: r.origin,
    request: json(r.request),
    provider: r.provider,
    model: r.model,
    promptVersions: r.prompt_versions ?? [],
    retrievedPassageIds: r.retrieved_passage_ids ?? [],
    structured: json(r.structured),
    markdown: r.markdown,
    verification: json(r.verification),
    usage: json(r.usage),
    timings: json(r.timings),
    createdAt: iso(r.created_at),
  };
}

export async function countDrafts(db: Queryable): Promise<{ drafts: number; versions: number }> {
  const { rows } = await db.query<{ drafts: number; versions: number }>(COUNT_DRAFTS_SQL);
  return { drafts: Number(rows[0].drafts), versions: Number(rows[0].versions) };
}

/**
 * The drafts whose latest version cites a passage of document $1 (the withdrawal dialog names them), readable by
 * the store's viewer only ($2, $3). By the cited id, not a join with passages: a replaced document's cited
 * passages may be gone, and the drafts citing it are the ones to review. NOTE: older versions are left out: the draft a person opens shows its latest.
 */
const DRAFTS_CITING_DOCUMENT_SQL = /* SQL */ `
  SELECT d.id, d.title, d.organisation, d.updated_at::text AS updated_at
  FROM drafts d JOIN draft_versions v ON v.draft_id = d.id AND v.version = d.latest_version
  WHERE ${draftReadableSql('d', 2)} AND EXISTS (
    SELECT 1
    FROM jsonb_path_query(v.structured, '$.sections[*].paragraphs[*][*].citations[*].passageId') AS c(pid)
    WHERE ${citedDocumentId('c.pid')} = $1)
  ORDER BY d.updated_at DESC, d.id`;

export interface CitingDraft {
  id: string;
  title: string;
  organisation: string;
  updatedAt: string;
}

/**
 * Drafts (latest version) that cite document `documentId`, as far as the store's viewer may read them.
 * @example const citing = await draftsCitingDocument(viewerDb(c, db), { documentId: 'fagforbundet-uttalelse-2024' })
 */
export async function draftsCitingDocument(
  db: Queryable,
  { documentId }: { documentId: string },
): Promise<CitingDraft[]> {
  const { rows } = await db.query<Row>(DRAFTS_CITING_DOCUMENT_SQL, [documentId, ...accessParams(db)]);
  return rows.map((r) => ({ id: r.id, title: r.title, organisation: r.organisation, updatedAt: iso(r.updated_at) }));
}
