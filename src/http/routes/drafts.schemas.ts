/**
 * Request and response schemas for /drafts, beside the routes; the same schemas produce /openapi.json. The draft
 * and its report are the domain's schemas (src/domain/), named here for the OpenAPI document.
 * The draft request itself is the pipeline's schema (src/domain/draftRequest.ts), so the API, the CLI's YAML and the
 * evals accept exactly the same input.
 */
import { z } from '@hono/zod-openapi';
import {
  CitationRef,
  DraftDocument,
  DraftSection,
  DraftSentence,
  DroppedSentence,
  TokenUsage,
  VerificationReport,
} from '../../domain/index.js';
import { DraftRequestBodySchema, DraftRequestSchema as PipelineDraftRequest } from '../../domain/draftRequest.js';
import { named } from '../named.js';
import { markdownOrStructured } from '../schemas.js';

const CitationRefSchema = named(CitationRef, 'CitationRef');

export const DraftSentenceSchema = DraftSentence.extend({ citations: z.array(CitationRefSchema) }).openapi(
  'DraftSentence',
);

/** A sentence the verifier or the repair step dropped, with why (not named in the OpenAPI document). */
export const DroppedSentenceSchema = DroppedSentence.extend({ citations: z.array(CitationRefSchema) });

const DraftSectionSchema = DraftSection.extend({
  paragraphs: z.array(z.array(DraftSentenceSchema)),
  dropped: z.array(DroppedSentenceSchema),
}).openapi('DraftSection');

const DraftDocumentSchema = DraftDocument.extend({ sections: z.array(DraftSectionSchema) }).openapi('DraftDocument');

/** The verifier's report (src/domain/verification.ts). */
export const VerificationReportSchema = named(VerificationReport, 'VerificationReport');

export const UsageSchema = named(TokenUsage, 'TokenUsage');

/** The body: title and issuer may be left out beside an imported consultation's documentId (taken from it). */
export const DraftRequestSchema = DraftRequestBodySchema.extend({
  stream: z
    .boolean()
    .default(false)
    .openapi({ description: 'Answer with Server-Sent Events (retrieval, delta, section, verification, done, error)' }),
})
  .strict()
  .openapi('DraftRequest', {
    example: {
      consultation: {
        title: 'Høring – forslag til lov om bruk av kunstig intelligens i offentlig sektor',
        issuer: 'Digitaliserings- og forvaltningsdepartementet',
        reference: '25/1873',
        deadline: '2025-11-14',
        questions: [
          'Hvordan bør ansatte og tillitsvalgte involveres når offentlige virksomheter tar i bruk kunstig intelligens?',
        ],
      },
      organisation: { name: 'Fagforbundet', allowOtherOrganisations: false },
      length: 'medium',
      language: 'nb',
      stream: false,
    },
  });

/** A cited passage whose document has changed since the draft was written (withdrawn or replaced). */
const ChangedSource = z.object({
  passageId: z.string(),
  documentId: z.string(),
  title: z.string(),
  organisation: z.string(),
});

export const DraftVersionSchema = z
  .object({
    id: z.string(),
    version: z.number().int(),
    origin: z.enum(['generated', 'edited']),
    createdAt: z.string(),
    draft: DraftDocumentSchema,
    markdown: z.string(),
    verification: VerificationReportSchema,
    // NOTE: the provider as stored (a string column), wider than the domain's ProviderName.
    provenance: z.object({ provider: z.string(), model: z.string(), prompts: z.array(z.string()) }),
    retrievedPassageIds: z.array(z.string()),
    usage: UsageSchema,
    timings: z.record(z.string(), z.number()),
    request: PipelineDraftRequest,
    /** Cited passages whose document has since been withdrawn (DELETE /documents/:id); the stored quotes stay. */
    withdrawnSources: z
      .array(ChangedSource.extend({ withdrawnAt: z.string() }))
      .optional()
      .openapi({ description: 'Kilder som er trukket tilbake etter at utkastet ble skrevet' }),
    /**
     * Cited passages whose document has since been replaced (PUT /documents/:id): the sentences citing them are
     * shown ✗ (unsupported, with a reason naming the document) until the draft is checked again.
     */
    replacedSources: z
      .array(ChangedSource.extend({ replacedAt: z.string() }))
      .optional()
      .openapi({ description: 'Kilder som er erstattet av en ny versjon etter at utkastet ble skrevet' }),
    /**
     * Cited passages whose document is internal (visibility=internal): the page and both exports mark the sentences
     * citing them, and the exports' review summary counts them, so they are checked before the answer is sent.
     */
    internalSources: z
      .array(z.object({ passageId: z.string(), documentId: z.string(), title: z.string(), organisation: z.string() }))
      .optional()
      .openapi({ description: 'Interne dokumenter utkastet siterer (GET /drafts/{id}); kontroller før sending' }),
  })
  .openapi('DraftVersion');

export const DraftSummarySchema = z
  .object({
    id: z.string(),
    title: z.string(),
    organisation: z.string(),
    consultationTitle: z.string(),
    language: z
      .enum(['nb', 'nn'])
      .openapi({ description: 'Målformen til siste versjon: nb (bokmål) eller nn (nynorsk)' }),
    latestVersion: z.number().int(),
    provider: z.string(),
    model: z.string(),
    verificationOk: z.boolean(),
    review: z.enum(['supported', 'needs_review', 'unsupported']).openapi({
      description:
        'Siste versjons dom for brukeren: supported (✓ alle påstander støttet), needs_review (≈ noen må kontrolleres), ' +
        'unsupported (✗ en påstand er ikke støttet, et sitat finnes ikke, eller en kilde er trukket tilbake eller erstattet)',
    }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('DraftSummary');

export const DraftWithVersionsSchema = DraftSummarySchema.extend({
  versions: z.array(
    z.object({
      version: z.number().int(),
      origin: z.enum(['generated', 'edited']),
      provider: z.string(),
      model: z.string(),
      verificationOk: z.boolean(),
      createdAt: z.string(),
    }),
  ),
  current: DraftVersionSchema,
}).openapi('DraftWithVersions');

export const DraftIdParam = z.object({
  id: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: 'id', in: 'path' } }),
});

/** The largest value of PostgreSQL's int4, the type of version numbers and of what pages through lists. */
const INT4_MAX = 2_147_483_647;

export const VersionQuery = z.object({
  version: z.coerce
    .number()
    .int()
    .min(1)
    .max(INT4_MAX, `versjonsnummeret kan være høyst ${INT4_MAX}`)
    .optional()
    .openapi({ description: 'A version number; the latest when left out' }),
});

export const ListQuery = z.object({
  organisation: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(INT4_MAX, `offset kan være høyst ${INT4_MAX}`).default(0),
});

export const ExportQuery = VersionQuery.extend({
  format: z.enum(['md', 'docx']).default('md'),
  allowUnverified: z.enum(['true', 'false']).optional().openapi({
    description:
      'Export a draft with ✗ sentences (unsupported, contradicted, uncited claims, withdrawn sources) anyway',
  }),
});

export const ReviseRequestSchema = z
  .object({
    markdown: z
      .string()
      .min(1, 'markdown kan ikke være tom')
      .optional()
      .openapi({ description: 'The edited draft in the Markdown form (footnotes carry passage id and quote)' }),
    structured: z
      .looseObject({ title: z.string().optional(), sections: z.array(z.any()) })
      .optional()
      .openapi({ description: 'The edited draft in the verifier’s structured form' }),
    accept: z
      .array(z.string().max(2000))
      .max(500)
      .optional()
      .openapi({
        description:
          'Headings of sections marked «usikkert om kilden svarer på spørsmålet» (≈) whose mark the editor accepts ' +
          'as read; a section whose sentences are changed loses its mark anyway',
      }),
    baseVersion: z
      .number()
      .int('versjonsnummeret må være et heltall')
      .min(1, 'versjonsnummeret må være minst 1')
      .max(INT4_MAX, `versjonsnummeret kan være høyst ${INT4_MAX}`)
      .optional()
      .openapi({
        description:
          'The draft version the edit was based on: the latest version when the draft was read (GET /drafts/{id}: ' +
          'latestVersion) or exported (the file name ends in -v<version>). When the draft has a newer version ' +
          'since, the edit is refused with 409 conflict:draft_version and nothing is saved. Left out, the edit is ' +
          'saved on top of whatever version is latest (as before); the web page always sends it',
        example: 3,
      }),
  })
  .strict()
  .superRefine(markdownOrStructured)
  .openapi('ReviseRequest');

export type DraftVersionView = z.infer<typeof DraftVersionSchema>;
