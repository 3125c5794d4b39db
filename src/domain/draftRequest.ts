/**
 * What a secretariat asks for: a consultation (title, issuer, reference, deadline, the ministry's questions,
 * optional background), the organisation whose voice to use, the length and the written language.
 * The same schema validates POST /drafts, the CLI's YAML file and the eval's cases. Every level is strict: a field
 * it does not know (`organisation.foo`, a misspelt `consultation.dedline`) is refused by name, never dropped.
 */
import { z } from 'zod';
import { calendarDate, httpUrl } from './calendarDate.js';
import type { ConsultationExtraction } from './consultation.js';

const text = (what: string, max: number) =>
  z.string().trim().min(1, `${what} kan ikke være tom`).max(max, `${what} kan være høyst ${max} tegn`);

/**
 * One thing to answer in an imported consultation (issue 18): its question or proposal by position in what
 * POST /consultations extracted, with the text the secretary may have edited (the extracted text when left out).
 */
const ConsultationItemSchema = z.strictObject({
  kind: z.enum(['question', 'proposal']),
  index: z.number().int().min(0).max(999),
  text: text('punktet', 1000).optional(),
});
export type ConsultationItem = z.infer<typeof ConsultationItemSchema>;

const consultationShape = {
  title: text('tittelen', 300),
  /** The ministry or agency that sent the consultation: the addressee of the response. */
  issuer: text('avsenderen', 200),
  /** The issuer's case number ("Deres ref."), e.g. 23/1234. */
  reference: z.string().trim().max(100, 'referansen kan være høyst 100 tegn').optional(),
  deadline: calendarDate.optional(),
  questions: z.array(text('spørsmålet', 1000)).max(20, 'høyst 20 spørsmål per høring').default([]),
  background: z.string().trim().max(20_000, 'bakgrunnen kan være høyst 20 000 tegn').optional(),
  url: httpUrl.optional(),
  /**
   * An imported consultation (POST /consultations): the draft answers its items, one section each, quoting what is
   * proposed from it beside the organisation's position. `questions` may then be left out; those given are the
   * secretary's own, answered after the items.
   */
  documentId: z.string().trim().min(1).max(200).optional(),
  /**
   * The items to answer; all extracted questions when left out (its proposals when it has none). May be empty when
   * the secretary's own `questions` are all the draft should answer.
   */
  items: z.array(ConsultationItemSchema).max(30, 'høyst 30 punkter per høring').optional(),
};

function checkConsultation(
  c: { documentId?: string; questions: string[]; items?: ConsultationItem[] },
  ctx: z.RefinementCtx,
) {
  if (!c.documentId && c.questions.length === 0)
    ctx.addIssue({ code: 'custom', path: ['questions'], message: 'høringen må ha minst ett spørsmål' });
  if (c.items?.length === 0 && c.questions.length === 0)
    ctx.addIssue({
      code: 'custom',
      path: ['items'],
      message: 'velg minst ett punkt å svare på, eller skriv et eget spørsmål',
    });
  if (c.items && !c.documentId)
    ctx.addIssue({ code: 'custom', path: ['items'], message: 'punkter krever documentId (en importert høring)' });
}

const ConsultationSchema = z.strictObject(consultationShape).superRefine(checkConsultation);
export type Consultation = z.infer<typeof ConsultationSchema>;

const OrganisationSchema = z.strictObject({
  /** As stored on the documents, case-insensitive ("fagforbundet" finds "Fagforbundet"). */
  name: text('organisasjonsnavnet', 200),
  /** A line on tone and stance the drafter should keep ("saklig, tydelig, med vekt på de ansattes medvirkning"). */
  voice: z.string().trim().max(2000, 'beskrivelsen av stemmen kan være høyst 2000 tegn').optional(),
  /** May the draft cite other organisations' documents (attributed to them)? Off by default. */
  allowOtherOrganisations: z.boolean().default(false),
});
export type Organisation = z.infer<typeof OrganisationSchema>;

const DRAFT_LENGTHS = ['short', 'medium', 'long'] as const;
const LANGUAGES = ['nb', 'nn'] as const;

const draftShape = {
  organisation: OrganisationSchema,
  length: z.enum(DRAFT_LENGTHS).default('medium'),
  language: z.enum(LANGUAGES).default('nb'),
};

export const DraftRequestSchema = z.strictObject({ consultation: ConsultationSchema, ...draftShape });
export type DraftRequest = z.infer<typeof DraftRequestSchema>;
export type DraftRequestInput = z.input<typeof DraftRequestSchema>;

/**
 * What POST /drafts accepts: a DraftRequest whose consultation may leave out `title` and `issuer` beside
 * `documentId` (an imported consultation: they are taken from it, `withImportedConsultation`).
 */
export const DraftRequestBodySchema = z.strictObject({
  consultation: z
    .strictObject({
      ...consultationShape,
      title: consultationShape.title.optional(),
      issuer: consultationShape.issuer.optional(),
    })
    .superRefine((c, ctx) => {
      checkConsultation(c, ctx);
      for (const field of ['title', 'issuer'] as const)
        if (!c.documentId && !c[field])
          ctx.addIssue({
            code: 'custom',
            path: [field],
            message: 'feltet mangler; det må fylles inn når høringen ikke er importert (documentId)',
          });
    }),
  ...draftShape,
});
export type DraftRequestBody = z.infer<typeof DraftRequestBodySchema>;

/** What an imported consultation gives a draft request: what was read out of it and its stored document. */
export interface ImportedConsultation {
  extraction: ConsultationExtraction;
  document: { title: string; organisation: string };
}

/**
 * The request with what the secretary left out taken from the imported consultation: its title and issuer (as read
 * out of it, else its stored document's title and organisation, which is the issuer), reference and deadline.
 * Its questions are answered as its items (all extracted questions by default), so `questions` stay the secretary's.
 * @example withImportedConsultation(body, { extraction, document }).consultation.issuer // 'Kunnskapsdepartementet'
 */
export function withImportedConsultation(body: DraftRequestBody, imported: ImportedConsultation): DraftRequest {
  const { extraction: x, document } = imported;
  const c = body.consultation;
  return DraftRequestSchema.parse({
    ...body,
    consultation: {
      ...c,
      title: c.title ?? (x.title.value ?? document.title).slice(0, 300),
      issuer: c.issuer ?? (x.issuer.value ?? document.organisation).slice(0, 200),
      reference: c.reference ?? x.reference.value?.slice(0, 100) ?? undefined,
      deadline: c.deadline ?? x.deadline.value ?? undefined,
    },
  });
}

/** Sentences per part and output tokens per model call, by length. */
export const LENGTH_BUDGET = {
  short: { intro: 2, section: 3, maxTokens: 500 },
  medium: { intro: 3, section: 5, maxTokens: 800 },
  long: { intro: 4, section: 8, maxTokens: 1200 },
} as const;
