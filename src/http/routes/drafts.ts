/**
 * /drafts: generate a draft (JSON, or SSE progress with `stream: true`), list drafts, read one with its versions,
 * revise it (a new version, verified again), export it as Markdown or as a DOCX høringssvar.
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { Drafter } from '../../draft/pipeline.js';
import { createDraftService } from '../../draft/service.js';
import type { DraftResult } from '../../draft/types.js';
import { draftToDocx } from '../../export/docx.js';
import { draftToMarkdown, isExportNoteLine, stripMarks } from '../../export/markdown.js';
import { reviewDraft } from '../../export/review.js';
import type { Logger } from '../../log.js';
import type { Db } from '../../store/db.js';
import { getPassages } from '../../store/documents.js';
import { getDraft, getDraftVersion, listDrafts, type DraftVersionRecord } from '../../store/drafts.js';
import { withdrawnSources } from '../../store/documents.js';
import { slug } from '../../text/slug.js';
import type { Judge } from '../../verify/index.js';
import { AppError } from '../errors.js';
import { problemResponses, router } from '../openapi.js';
import { sse } from '../sse.js';
import {
  DraftIdParam,
  DraftRequestSchema,
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
  request: { body: { content: { 'application/json': { schema: DraftRequestSchema } }, required: true } },
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
    ...problemResponses(400, 401, 413, 422, 502, 503),
  },
});

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
  request: {
    params: DraftIdParam,
    body: { content: { 'application/json': { schema: ReviseRequestSchema } }, required: true },
  },
  responses: {
    200: { description: 'The new version', content: { 'application/json': { schema: DraftVersionSchema } } },
    ...problemResponses(400, 401, 404, 413),
  },
});

const exportRoute = createRoute({
  method: 'get',
  path: '/drafts/{id}/export',
  summary: 'Download a draft version as Markdown or as a DOCX høringssvar with footnoted sources',
  description:
    'When documents the draft cites have been withdrawn since it was written, the file says so under the title and ' +
    'marks their footnotes; the Markdown goes back in through PUT /drafts/{id} without that warning. Every ' +
    'sentence that is not ✓ is marked (a highlight and a comment in DOCX, «[≈ må kontrolleres]» in Markdown) under ' +
    'a review summary. A draft with ✗ sentences is exported only with allowUnverified=true (else 409).',
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
  drafter: Drafter;
  judge?: Judge;
  logger: Logger;
}

export function draftRoutes(deps: DraftRoutesDeps) {
  const service = createDraftService({
    db: deps.db,
    drafter: deps.drafter,
    judge: deps.judge,
    logger: deps.logger,
    isExportNoteLine,
  });
  const notFound = (id: string) => new AppError('not_found:draft', { detail: `Ingen utkast med id «${id}».` });

  return router()
    .openapi(createDraftRoute, async (c) => {
      const { stream, ...input } = c.req.valid('json');
      if (stream) {
        return sse(c, deps.logger, async (send, signal) => {
          const saved = await service.generate(input, { signal, onEvent: (e) => send(e.type, e) });
          send('done', view(saved.id, saved.version, saved.result));
        });
      }
      const saved = await service.generate(input, { signal: c.req.raw.signal });
      return c.json(view(saved.id, saved.version, saved.result), 201);
    })
    .openapi(listRoute, async (c) => c.json({ drafts: await listDrafts(deps.db, c.req.valid('query')) }, 200))
    .openapi(getRoute, async (c) => {
      const { id } = c.req.valid('param');
      const { version } = c.req.valid('query');
      const draft = await getDraft(deps.db, { id });
      if (!draft) throw notFound(id);
      const record = await getDraftVersion(deps.db, { id, version });
      if (!record) throw new AppError('not_found:draft', { detail: `Utkastet «${id}» har ingen versjon ${version}.` });
      const withdrawn = [...(await withdrawnSources(deps.db, { passageIds: citedPassageIds(record.structured) }))].map(
        ([passageId, w]) => ({ passageId, ...w }),
      );
      return c.json(
        { ...draft, current: { ...recordView(record), ...(withdrawn.length ? { withdrawnSources: withdrawn } : {}) } },
        200,
      );
    })
    .openapi(reviseRoute, async (c) => {
      const { id } = c.req.valid('param');
      const edit = c.req.valid('json');
      // The marks a Markdown export puts in front of sentences are not part of the text sent back.
      const saved = await service.revise(id, edit.markdown ? { ...edit, markdown: stripMarks(edit.markdown) } : edit);
      if (!saved) throw notFound(id);
      return c.json(recordView((await getDraftVersion(deps.db, saved))!), 200);
    })
    .openapi(exportRoute, async (c) => {
      const { id } = c.req.valid('param');
      const { version, format, allowUnverified } = c.req.valid('query');
      const record = await getDraftVersion(deps.db, { id, version });
      if (!record) throw notFound(id);
      const name = `hoeringsinnspill-${slug(record.structured.organisation) || 'utkast'}-v${record.version}`;
      const ids = citedPassageIds(record.structured);
      // Sources withdrawn since the draft was written: the export says so, as the web page does.
      const withdrawn = await withdrawnSources(deps.db, { passageIds: ids });
      const review = reviewDraft(record.structured, record.verification, new Set(withdrawn.keys()));
      if (review.bad > 0 && allowUnverified !== 'true') throw unverified(review.bad, review.review);
      if (format === 'md') {
        return c.body(
          draftToMarkdown({
            draft: record.structured,
            markdown: record.markdown,
            verification: record.verification,
            withdrawn,
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
        passages: await getPassages(deps.db, { ids }),
        withdrawn,
        verification: record.verification,
      });
      return c.body(new Uint8Array(bytes), 200, {
        'content-type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        'content-disposition': `attachment; filename="${name}.docx"`,
      });
    });
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
