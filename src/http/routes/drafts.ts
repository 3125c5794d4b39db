/**
 * /drafts: generate a draft (JSON, or SSE progress with `stream: true`), list drafts, read one with its versions,
 * revise it (a new version, verified again), export it as Markdown or as a DOCX høringssvar.
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Drafter } from '../../draft/pipeline.js';
import { redactSources } from '../../draft/redact.js';
import { markReplaced } from '../../draft/replaced.js';
import { createDraftService } from '../../draft/service.js';
import type { DraftResult } from '../../draft/types.js';
import { draftToDocx } from '../../export/docx.js';
import { draftToMarkdown } from '../../export/markdown.js';
import { internalSources } from '../../export/internalSources.js';
import { reviewDraft } from '../../export/review.js';
import type { Logger } from '../../log.js';
import type { Db } from '../../store/db.js';
import { getPassages } from '../../store/documents.js';
import { getImportedConsultation } from '../../store/consultations.js';
import { getDraft, getDraftVersion, listDrafts, replacedSources, type DraftVersionRecord } from '../../store/drafts.js';
import {
  DraftRequestSchema,
  withImportedConsultation,
  type DraftRequest,
  type DraftRequestBody,
} from '../../domain/draftRequest.js';
import { withdrawnSources } from '../../store/documents.js';
import { unreadablePassages } from '../../store/access.js';
import { slug } from '../../text/slug.js';
import { VerifyError, type Judge } from '../../verify/index.js';
import { audit, requireRole, viewerDb } from '../access.js';
import { AppError } from '../errors.js';
import { problemResponses, router, type AppEnv } from '../openapi.js';
import { sse } from '../sse.js';
import { verifyProblem } from './verify.js';
import {
  DraftIdParam,
  DraftRequestSchema as DraftRequestBodySchema,
  DraftSummarySchema,
  DraftVersionSchema,
  DraftWithVersionsSchema,
  ExportQuery,
  ListQuery,
  ReviseRequestSchema,
  VersionQuery,
  type DraftVersionView,
} from './drafts.schemas.js';

const createDraftRoute = createRoute({
  method: 'post',
  path: '/drafts',
  summary:
    'Draft a consultation response: one section per question, every sentence cited and verified, saved as version 1',
  request: { body: { content: { 'application/json': { schema: DraftRequestBodySchema } }, required: true } },
  responses: {
    201: {
      description: 'The saved draft (stream: false)',
      content: { 'application/json': { schema: DraftVersionSchema } },
    },
    200: {
      description:
        'Server-Sent Events (stream: true): retrieval, delta, section, verification, done (the saved draft), error (a problem body)',
      content: { 'text/event-stream': { schema: z.string() } },
    },
    ...problemResponses(400, 401, 404, 413, 422, 502, 503),
  },
});

/**
 * An imported consultation's request with what was left out taken from it (title, issuer, reference, deadline); the
 * 404 names the field when the id is no imported consultation the principal may read.
 */
async function withConsultation(db: Db, body: DraftRequestBody): Promise<DraftRequest> {
  const documentId = body.consultation.documentId;
  if (!documentId) return DraftRequestSchema.parse(body);
  const imported = await getImportedConsultation(db, { documentId });
  if (!imported)
    throw new AppError('not_found:document', {
      detail: `Ingen importert høring med id «${documentId}». Importer den med POST /consultations først.`,
      errors: [{ field: 'consultation.documentId', reason: 'ingen importert høring med denne id-en' }],
    });
  return withImportedConsultation(body, imported);
}

const listRoute = createRoute({
  method: 'get',
  path: '/drafts',
  summary: 'Saved drafts, most recently changed first',
  request: { query: ListQuery },
  responses: {
    200: {
      description: 'Drafts',
      content: { 'application/json': { schema: z.object({ drafts: z.array(DraftSummarySchema) }) } },
    },
    ...problemResponses(400),
  },
});

const getRoute = createRoute({
  method: 'get',
  path: '/drafts/{id}',
  summary: 'One draft: its versions and the latest (or ?version=N) in full',
  request: { params: DraftIdParam, query: VersionQuery },
  responses: {
    200: { description: 'Draft', content: { 'application/json': { schema: DraftWithVersionsSchema } } },
    ...problemResponses(400, 404),
  },
});

const reviseRoute = createRoute({
  method: 'put',
  path: '/drafts/{id}',
  summary: 'Save an edited draft (Markdown or structured) as a new version, verified again',
  description:
    'Optimistic concurrency: send `baseVersion`, the version the edit was based on (the latest version when the ' +
    'draft was read or exported). When another editor has saved a newer version since, the answer is 409 ' +
    '`conflict:draft_version` naming `baseVersion`, the version edited and the latest (`baseVersion`, ' +
    '`latestVersion` in the problem body), and nothing is saved: read the draft again and redo the edit. Without ' +
    '`baseVersion` the edit is saved on top of the latest version, whatever it is.',
  request: {
    params: DraftIdParam,
    body: { content: { 'application/json': { schema: ReviseRequestSchema } }, required: true },
  },
  responses: {
    200: { description: 'The new version', content: { 'application/json': { schema: DraftVersionSchema } } },
    ...problemResponses(400, 401, 404, 409, 413),
  },
});

const exportRoute = createRoute({
  method: 'get',
  path: '/drafts/{id}/export',
  summary: 'Download a draft version as Markdown or as a DOCX høringssvar with footnoted sources',
  description:
    'When documents the draft cites have been withdrawn or replaced since it was written, the file says so under the ' +
    'title and marks their footnotes (the sentences citing a replaced one are ✗ until checked again); the Markdown goes back in through PUT /drafts/{id} without that warning. Every ' +
    'sentence that is not ✓ is marked (a highlight and a comment in DOCX, «[≈ må kontrolleres]» in Markdown) under ' +
    'a review summary. A notice under the title says who wrote the version (extractive, a model, edited by hand). ' +
    'Sentences citing an internal document are marked and counted in the summary, their verdicts unchanged, and need ' +
    'no confirmation. A draft with ✗ sentences is exported only with allowUnverified=true (else 409).',
  request: { params: DraftIdParam, query: ExportQuery },
  responses: {
    200: {
      description: 'The file',
      content: {
        'text/markdown': { schema: z.string() },
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document': {
          schema: z.string().openapi({ format: 'binary' }),
        },
      },
    },
    ...problemResponses(400, 404, 409),
  },
});

export interface DraftRoutesDeps {
  db: Db;
  /** The drafter retrieving what the request's principal may read. */
  drafterFor: (c: Context<AppEnv>) => Drafter;
  judge?: Judge;
  logger: Logger;
}

/**
 * Every handler reads through the store scoped to its principal (a draft of another organisation is "not found");
 * drafting and editing need the editor role in the draft's organisation, and each leaves an audit entry.
 */
export function draftRoutes(deps: DraftRoutesDeps) {
  const serviceFor = (c: Context<AppEnv>) =>
    createDraftService({
      db: viewerDb(c, deps.db),
      drafter: deps.drafterFor(c),
      judge: deps.judge,
      logger: deps.logger,
    });
  /**
   * The version as this principal may see it: withdrawn and replaced sources listed, the sentences citing a
   * replaced one marked ✗ (their stored verdicts were about the old text), unreadable sources' quotes hidden.
   */
  const readable = async (c: Context<AppEnv>, record: DraftVersionRecord) => {
    const db = viewerDb(c, deps.db);
    const ids = citedPassageIds(record.structured);
    const withdrawn = await withdrawnSources(db, { passageIds: ids });
    const withdrawnBy = new Map([...withdrawn].map(([id, w]) => [id, w.organisation]));
    const hidden = await unreadablePassages(db, { ids, withdrawnBy });
    for (const id of hidden) withdrawn.delete(id);
    const replaced = await replacedSources(db, { draftId: record.draftId, version: record.version });
    for (const [id, r] of replaced) {
      // A gone passage of a document the viewer reads keeps its stored quote (as a withdrawn one does); one the
      // viewer may not read is hidden, and its document not named.
      if (r.readable && !withdrawn.has(id)) hidden.delete(id);
      else replaced.delete(id);
    }
    return { record: markReplaced(redactSources(record, hidden), replaced), withdrawn, replaced, ids };
  };
  const notFound = (id: string) => new AppError('not_found:draft', { detail: `Ingen utkast med id «${id}».` });
  const noVersion = (id: string, version?: number) =>
    new AppError('not_found:draft', {
      detail: `Utkastet «${id}» har ingen versjon ${version}.`,
      errors: [{ field: 'version', reason: `utkastet har ingen versjon ${version}` }],
    });

  return router()
    .openapi(createDraftRoute, async (c) => {
      const { stream, ...body } = c.req.valid('json');
      requireRole(c.get('viewer'), body.organisation.name, 'editor');
      const input = await withConsultation(viewerDb(c, deps.db), body);
      const service = serviceFor(c);
      // Refused (an organisation the caller cannot name, an item the consultation lacks) before a stream starts.
      const prepared = await service.prepare(input);
      const saved = (id: string, version: number) =>
        audit(c, deps.db, { action: 'draft', organisation: input.organisation.name, target: id, detail: { version } });
      if (stream) {
        return sse(c, deps.logger, async (send, signal) => {
          const draft = await service.generate(prepared, { signal, onEvent: (e) => send(e.type, e) });
          await saved(draft.id, draft.version);
          send('done', view(draft.id, draft.version, draft.result));
        });
      }
      const draft = await service.generate(prepared, { signal: c.req.raw.signal });
      await saved(draft.id, draft.version);
      return c.json(view(draft.id, draft.version, draft.result), 201);
    })
    .openapi(listRoute, async (c) =>
      c.json({ drafts: await listDrafts(viewerDb(c, deps.db), c.req.valid('query')) }, 200),
    )
    .openapi(getRoute, async (c) => {
      const { id } = c.req.valid('param');
      const { version } = c.req.valid('query');
      const db = viewerDb(c, deps.db);
      const draft = await getDraft(db, { id });
      if (!draft) throw notFound(id);
      const stored = await getDraftVersion(db, { id, version });
      if (!stored) throw noVersion(id, version);
      const { record, withdrawn: gone, replaced: changed, ids } = await readable(c, stored);
      const withdrawn = [...gone].map(([passageId, w]) => ({ passageId, ...w }));
      // The page marks the sentences citing an internal document, as the exports do.
      const internal = [...internalSources(await getPassages(db, { ids }))].map(([passageId, d]) => ({
        passageId,
        ...d,
      }));
      const replaced = [...changed].map(([passageId, { readable: _r, ...r }]) => ({ passageId, ...r }));
      return c.json(
        {
          ...draft,
          current: {
            ...recordView(record),
            ...(withdrawn.length ? { withdrawnSources: withdrawn } : {}),
            ...(replaced.length ? { replacedSources: replaced } : {}),
            ...(internal.length ? { internalSources: internal } : {}),
          },
        },
        200,
      );
    })
    .openapi(reviseRoute, async (c) => {
      const { id } = c.req.valid('param');
      const edit = c.req.valid('json');
      const db = viewerDb(c, deps.db);
      const draft = await getDraft(db, { id });
      if (!draft) throw notFound(id);
      requireRole(c.get('viewer'), draft.organisation, 'editor');
      const saved = await serviceFor(c)
        .revise(id, edit)
        .catch((err: unknown) => {
          // The verifier names a field inside the draft; the client sent it as `markdown` or `structured`.
          throw err instanceof VerifyError
            ? verifyProblem(err, edit.markdown !== undefined ? 'markdown' : 'structured')
            : err;
        });
      if (!saved) throw notFound(id);
      await audit(c, deps.db, {
        action: 'edit',
        organisation: draft.organisation,
        target: id,
        detail: { version: saved.version },
      });
      const { record } = await readable(c, (await getDraftVersion(db, saved))!);
      return c.json(recordView(record), 200);
    })
    .openapi(exportRoute, async (c) => {
      const { id } = c.req.valid('param');
      const { version, format, allowUnverified } = c.req.valid('query');
      const db = viewerDb(c, deps.db);
      const stored = await getDraftVersion(db, { id, version });
      if (!stored) throw version !== undefined && (await getDraft(db, { id })) ? noVersion(id, version) : notFound(id);
      const name = exportName(stored);
      // Sources withdrawn or replaced since the draft was written: the export says so, as the web page does.
      const { record, withdrawn, replaced, ids } = await readable(c, stored);
      const review = reviewDraft(record.structured, record.verification, new Set(withdrawn.keys()));
      if (review.bad > 0 && allowUnverified !== 'true') throw unverified(review.bad, review.review);
      // Sentences citing an internal document are marked and counted in the file, not refused: the organisation's
      // own material, which a user of it drafted from (README, «What an export says about its sentences»).
      const passages = await getPassages(db, { ids });
      // The notice says who wrote this version; an edited one names what the first version was (as the page does).
      const first = record.provider === 'person' ? (await getDraft(db, { id }))?.versions[0] : undefined;
      const author = { provider: record.provider, model: record.model, ...(first ? { first } : {}) };
      await audit(c, deps.db, {
        action: 'export',
        organisation: record.structured.organisation,
        target: id,
        detail: { version: record.version, format },
      });
      if (format === 'md') {
        return c.body(
          draftToMarkdown({
            draft: record.structured,
            markdown: record.markdown,
            verification: record.verification,
            author,
            withdrawn,
            replaced,
            internal: internalSources(passages),
            version: record.version,
          }),
          200,
          {
            'content-type': 'text/markdown; charset=utf-8',
            'content-disposition': `attachment; filename="${name}.md"`,
          },
        );
      }
      const bytes = await draftToDocx({
        draft: record.structured,
        request: record.request,
        passages,
        withdrawn,
        replaced,
        verification: record.verification,
        author,
      });
      return c.body(new Uint8Array(bytes), 200, {
        'content-type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        'content-disposition': `attachment; filename="${name}.docx"`,
      });
    });
}

/**
 * The download's file name: organisation, the consultation it answers and the day the version was saved, so a
 * folder of downloads for several consultations sorts and reads by name.
 * @example exportName(v) === 'hoeringsinnspill-fagforbundet-horing-om-kunstig-intelligens-2026-12-06-v2'
 */
export function exportName(stored: {
  structured: { organisation: string };
  request?: { consultation?: { title?: string } } | null;
  version: number;
  createdAt: string;
}): string {
  const organisation = slug(stored.structured.organisation, 40) || 'utkast';
  // Whole words only: the title's slug cut at the last hyphen before 60 characters.
  const full = slug(stored.request?.consultation?.title ?? '');
  const consultation = full.length <= 60 ? full : full.slice(0, 61).replace(/-[^-]*$/, '');
  const day = /^\d{4}-\d{2}-\d{2}/.exec(stored.createdAt)?.[0];
  return ['hoeringsinnspill', organisation, consultation, day, `v${stored.version}`].filter(Boolean).join('-');
}

/** The 409 for an export of a draft with ✗ sentences that was not confirmed. */
function unverified(bad: number, review: number): AppError {
  const which = bad === 1 ? '1 setning er' : `${bad} setninger er`;
  return new AppError('conflict:unverified', {
    detail:
      `${which} ikke støttet av kildene de viser til (✗). Rett eller fjern dem, eller bekreft at utkastet skal ` +
      'lastes ned likevel (allowUnverified=true); setningene blir da merket i filen.',
    extensions: { unsupportedSentences: bad, sentencesToReview: review },
  });
}

/** Every passage a draft cites, once. */
function citedPassageIds(draft: { sections: { paragraphs: { citations: { passageId: string }[] }[][] }[] }): string[] {
  return [
    ...new Set(draft.sections.flatMap((s) => s.paragraphs.flat().flatMap((t) => t.citations.map((x) => x.passageId)))),
  ];
}

function view(id: string, version: number, r: DraftResult): DraftVersionView {
  return {
    id,
    version,
    origin: 'generated',
    createdAt: new Date().toISOString(),
    draft: r.draft,
    markdown: r.markdown,
    verification: r.verification,
    provenance: r.provenance,
    retrievedPassageIds: r.retrievedPassageIds,
    usage: r.usage,
    timings: r.timings,
    request: r.request,
  };
}

function recordView(r: DraftVersionRecord): DraftVersionView {
  return {
    id: r.draftId,
    version: r.version,
    origin: r.origin,
    createdAt: r.createdAt,
    draft: r.structured,
    markdown: r.markdown,
    verification: r.verification,
    provenance: { provider: r.provider, model: r.model, prompts: r.promptVersions },
    retrievedPassageIds: r.retrievedPassageIds,
    usage: r.usage,
    timings: r.timings as Record<string, number>,
    request: r.request,
  };
}
