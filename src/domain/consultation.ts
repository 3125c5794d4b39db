/**
 * What an imported consultation yields (POST /consultations, `npm run consultation`): its title, issuer, reference,
 * deadline, the questions put to the høringsinstanser and the ministry's proposals, each with where it was found
 * (passage id, page, the quoted text) so a form can say «hentet fra side 3». A field not found is null and named in
 * `notFound`; nothing is guessed.
 */
import { z } from 'zod';

/** Where a value was read: the passage holding it (null for a heading outside every passage), its page, the text. */
export const ExtractedSource = z.object({
  passageId: z.string().nullable(),
  page: z.number().int().nullable().describe('PDF page (1-based); null for formats without pages'),
  quote: z.string().describe('The text the value was read from, exactly as in the stored document'),
  start: z.number().int().describe('Offset of the quote in the stored document text'),
  end: z.number().int(),
});
export type ExtractedSource = z.infer<typeof ExtractedSource>;

const Field = z.object({ value: z.string().nullable(), source: ExtractedSource.nullable() });
export type ExtractedField = z.infer<typeof Field>;

export const ExtractedQuestion = z.object({ text: z.string(), source: ExtractedSource });
export type ExtractedQuestion = z.infer<typeof ExtractedQuestion>;

export const ExtractedProposal = z.object({
  /** The section number as printed («5.3»); null when the heading has none. */
  number: z.string().nullable(),
  /** The section heading without its number («Departementets forslag»). */
  heading: z.string(),
  /** The chapter it belongs to («5 Innsyn og åpenhet»), when numbered. */
  chapter: z.object({ number: z.string(), heading: z.string() }).nullable(),
  /** The sentence that states the proposal, quoted from the document. */
  text: z.string(),
  source: ExtractedSource,
  /** The section's extent in the stored text: a question asked inside it is about this proposal. */
  section: z.object({ start: z.number().int(), end: z.number().int() }),
  /** Every passage of the section, in order: what "what is proposed" is drafted and verified against. */
  passageIds: z.array(z.string()),
});
export type ExtractedProposal = z.infer<typeof ExtractedProposal>;

export const CONSULTATION_FIELDS = ['title', 'issuer', 'reference', 'deadline', 'questions', 'proposals'] as const;
export type ConsultationField = (typeof CONSULTATION_FIELDS)[number];

export const ConsultationExtraction = z.object({
  documentId: z.string(),
  title: Field,
  issuer: Field,
  reference: Field,
  /** ISO date (YYYY-MM-DD). */
  deadline: Field,
  questions: z.array(ExtractedQuestion),
  proposals: z.array(ExtractedProposal),
  /** The fields it could not find, left empty. */
  notFound: z.array(z.enum(CONSULTATION_FIELDS)),
});
export type ConsultationExtraction = z.infer<typeof ConsultationExtraction>;
