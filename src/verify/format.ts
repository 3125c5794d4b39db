/**
 * The structured form of a cited draft: document → sections (optional heading) → sentences → citations.
 * This is what the drafter produces and what the verifier checks; `markdown.ts` turns it into a form a person can
 * read and write, and back again without loss.
 *
 * Canonical text: a sentence's text and a heading are single-line and trimmed (runs of spaces, tabs and line breaks
 * become one space; no-break and narrow spaces are kept, they matter in numbers like "850 000"). The schema
 * enforces this rather than silently rewriting it, so `parseMarkdown(renderMarkdown(x))` deep-equals every valid `x`.
 */
import { z } from 'zod';
import { canonicalLine } from '../text/normalise.js';

export { canonicalLine };

const line = (what: string) =>
  z
    .string()
    .min(1, `${what} kan ikke være tom`)
    .refine((s) => canonicalLine(s) === s, `${what} må stå på én linje uten mellomrom først eller sist`);

/** A passage id as the store makes them (`${documentId}-p${NNN}`), or any id without spaces and brackets. */
const PassageIdSchema = z
  .string()
  .min(1, 'passageId kan ikke være tom')
  .max(200, 'passageId er for lang')
  .regex(/^[\p{L}\p{N}][\p{L}\p{N}._:-]*$/u, 'passageId kan bare inneholde bokstaver, tall og . _ : -');

export const CitationSchema = z
  .object({
    passageId: PassageIdSchema,
    /** Verbatim text from the passage. May contain line breaks and typographic quotes. */
    quote: z.string().min(1, 'sitatet kan ikke være tomt'),
    /** Claimed offsets into the passage text, when the drafter knows them. The verifier reports the true ones. */
    start: z.number().int().min(0).optional(),
    end: z.number().int().min(0).optional(),
  })
  .refine((c) => c.start === undefined || c.end === undefined || c.end >= c.start, {
    message: 'end må være større enn eller lik start',
    path: ['end'],
  });
export type Citation = z.infer<typeof CitationSchema>;

export const SentenceSchema = z.object({
  text: line('Setningen'),
  citations: z.array(CitationSchema).default([]),
});
export type Sentence = z.infer<typeof SentenceSchema>;

const SectionSchema = z
  .object({
    heading: line('Overskriften').optional(),
    sentences: z.array(SentenceSchema),
    /**
     * Every sentence of the section needs a reader's check whatever its citations say (the drafter was unsure the
     * sources answer the question, issue 17): a supported sentence becomes ≈ with this reason first.
     */
    review: z.string().min(1).max(500).optional(),
  })
  // NOTE: a section without heading is a plain paragraph in Markdown; with no sentences it would leave no trace.
  .refine((s) => s.heading !== undefined || s.sentences.length > 0, 'En del uten overskrift må ha minst én setning');
export type Section = z.infer<typeof SectionSchema>;

export const StructuredDraftSchema = z.object({
  title: line('Tittelen').optional(),
  sections: z.array(SectionSchema),
});
export type StructuredDraft = z.infer<typeof StructuredDraftSchema>;

/**
 * Bring a draft from elsewhere (a model, an HTTP client) to canonical form before validation: titles, headings and
 * sentence texts collapsed to one trimmed line. Anything that is not shaped like a draft is passed on unchanged
 * for the schema to reject.
 */
export function canonicaliseDraft(input: unknown): unknown {
  if (!isObject(input) || !Array.isArray(input.sections)) return input;
  const line = (v: unknown) => (typeof v === 'string' ? canonicalLine(v) : v);
  return {
    ...input,
    ...('title' in input ? { title: line(input.title) } : {}),
    sections: input.sections.map((s) =>
      !isObject(s)
        ? s
        : {
            ...s,
            ...('heading' in s ? { heading: line(s.heading) } : {}),
            sentences: Array.isArray(s.sentences)
              ? s.sentences.map((t) => (isObject(t) ? { ...t, text: line(t.text) } : t))
              : s.sentences,
          },
    ),
  };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
/** What callers may pass in (citations may be left out of a sentence). */
export type StructuredDraftInput = z.input<typeof StructuredDraftSchema>;
