/**
 * POST /verify: check a cited draft (Markdown with footnotes, or the structured form) against the store.
 * Read-only: it needs no token and saves nothing. A citation naming a passage that does not exist makes the
 * request unprocessable (422, each such citation named as a field), but nothing is lost: the whole report,
 * including where the quote really stands when it exists elsewhere, is in the problem body as `report`.
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { Queryable } from '../../store/db.js';
import { viewerDb } from '../access.js';
import {
  LIMITS,
  storePassageSource,
  verifyDraft,
  verifyMarkdown,
  VerifyError,
  type Judge,
} from '../../verify/index.js';
import { toAppError } from '../../errors.js';
import { AppError } from '../errors.js';
import { problemResponses, router } from '../openapi.js';
import { markdownOrStructured } from '../schemas.js';
import { VerificationReportSchema } from './drafts.schemas.js';

const VerifyRequestSchema = z
  .object({
    markdown: z.string().min(1, 'utkastet kan ikke være tomt').optional().openapi({
      description: 'The draft as Markdown: sentences with [^n] footnotes, `[^n]: [passage-id] «quote»` below',
    }),
    structured: z.unknown().optional().openapi({
      description:
        'The draft as { title?, sections: [{ heading?, sentences: [{ text, citations: [{ passageId, quote, start?, end? }] }] }] }',
    }),
    organisation: z.string().trim().min(1).max(200).optional().openapi({ description: 'Who "vi" is in the draft' }),
  })
  .strict()
  .superRefine(markdownOrStructured)
  .openapi('VerifyRequest', {
    example: {
      markdown:
        'Vi støtter satsinga på å bekjempe digitalt utenforskap.[^1]\n\n[^1]: [fagforbundet-uttalelse-2024-p001] «Vi støtter satsinga på å bekjempe digitalt utenforskap.»\n',
      organisation: 'Fagforbundet',
    },
  });

const route = createRoute({
  method: 'post',
  path: '/verify',
  summary: 'Verify every citation and sentence of a draft against the stored passages',
  description: `Limits: ${LIMITS.maxTextBytes / 1024} kB of text, ${LIMITS.maxSentences} sentences, ${LIMITS.maxQuoteChars} characters per quote (413 beyond).`,
  request: { body: { content: { 'application/json': { schema: VerifyRequestSchema } }, required: true } },
  responses: {
    200: {
      description: 'The verification report (ok: false when a citation or claim fails)',
      content: { 'application/json': { schema: VerificationReportSchema } },
    },
    ...problemResponses(400, 413, 415, 422),
  },
});

export function verifyRoutes({ db, judge }: { db: Queryable; judge?: Judge }) {
  return router().openapi(route, async (c) => {
    const { markdown, structured, organisation } = c.req.valid('json');
    const opts = organisation ? { organisation } : {};
    // A passage the principal may not read is as unknown as one that does not exist (store/access.ts).
    const deps = { source: storePassageSource(viewerDb(c, db)), ...(judge ? { judge } : {}) };
    try {
      const report =
        markdown !== undefined
          ? await verifyMarkdown(markdown, deps, opts)
          : await verifyDraft(structured as never, deps, opts);
      const unknown = report.sentences.flatMap((s, si) =>
        s.citations.flatMap((cit, ci) =>
          cit.status === 'unknown_passage' ? [{ s: si, c: ci, id: cit.passageId }] : [],
        ),
      );
      if (unknown.length) {
        throw new AppError('unprocessable:content', {
          detail: `Utkastet viser til ${unknown.length === 1 ? 'et avsnitt' : `${unknown.length} avsnitt`} som ikke finnes i lageret.`,
          errors: unknown.map((u) => ({
            field: `sentences.${u.s}.citations.${u.c}.passageId`,
            reason: `ukjent avsnitt «${u.id}»`,
          })),
          extensions: { report },
        });
      }
      return c.json(report, 200);
    } catch (err) {
      throw err instanceof VerifyError ? verifyProblem(err, markdown !== undefined ? 'markdown' : 'structured') : err;
    }
  });
}

/** A VerifyError as the problem the client sees (src/errors.ts), its field named as it stands in the request body. */
export function verifyProblem(err: VerifyError, body: 'markdown' | 'structured'): AppError {
  const field =
    err.field === 'markdown' || err.field.startsWith('[^')
      ? `markdown ${err.field === 'markdown' ? '' : err.field}`.trim()
      : `${body}.${err.field}`;
  return toAppError(err, { field });
}
