/**
 * Typed errors for bad verifier input, and the bounds that keep one request's work small.
 * src/errors.ts maps each code to the app code a user sees (bad input, or over the limits) with the Norwegian
 * message and the offending field.
 */
import type { z } from 'zod';
import { StageError, type VerifyErrorCode } from '../errors.js';
import { fieldErrorsFromZod } from '../fieldErrors.js';
import type { StructuredDraft } from './format.js';

export type { VerifyErrorCode } from '../errors.js';

export class VerifyError extends StageError {
  constructor(
    override readonly code: VerifyErrorCode,
    /** For users, in Norwegian. */
    message: string,
    /** Where in the input: a JSON path like "sections.0.sentences.3.citations.0.quote", or "markdown". */
    readonly field: string,
  ) {
    super(code, message);
    this.name = 'VerifyError';
  }

  override problemField(): string {
    return this.field;
  }
}

/** NOTE: chosen so one request stays well under a second of CPU on the in-memory and PGlite sources. */
export const LIMITS = {
  /** UTF-8 bytes of Markdown, or of all sentence, heading and quote text in a structured draft. */
  maxTextBytes: 200 * 1024,
  maxSentences: 500,
  maxSentenceChars: 3000,
  maxQuoteChars: 2000,
  maxCitationsPerSentence: 20,
} as const;

const kb = (bytes: number) => `${Math.round(bytes / 1024)} kB`;

export function checkMarkdownSize(md: string): void {
  const bytes = Buffer.byteLength(md, 'utf8');
  if (bytes > LIMITS.maxTextBytes) {
    throw new VerifyError(
      'too_large',
      `Utkastet er for stort (${kb(bytes)}); grensen er ${kb(LIMITS.maxTextBytes)}.`,
      'markdown',
    );
  }
}

/** Throw on the first bound the draft breaks. */
export function checkDraftLimits(draft: StructuredDraft): void {
  let bytes = Buffer.byteLength(draft.title ?? '', 'utf8');
  let count = 0;
  draft.sections.forEach((section, si) => {
    bytes += Buffer.byteLength(section.heading ?? '', 'utf8');
    section.sentences.forEach((sentence, ti) => {
      const at = `sections.${si}.sentences.${ti}`;
      if (++count > LIMITS.maxSentences) {
        throw new VerifyError(
          'too_many_sentences',
          `Utkastet har mer enn ${LIMITS.maxSentences} setninger.`,
          'sections',
        );
      }
      if (sentence.text.length > LIMITS.maxSentenceChars) {
        throw new VerifyError(
          'text_too_long',
          `Setningen er lengre enn ${LIMITS.maxSentenceChars} tegn.`,
          `${at}.text`,
        );
      }
      if (sentence.citations.length > LIMITS.maxCitationsPerSentence) {
        throw new VerifyError(
          'too_many_citations',
          `Setningen har mer enn ${LIMITS.maxCitationsPerSentence} kildehenvisninger.`,
          `${at}.citations`,
        );
      }
      bytes += Buffer.byteLength(sentence.text, 'utf8');
      sentence.citations.forEach((c, ci) => {
        if (c.quote.length > LIMITS.maxQuoteChars) {
          throw new VerifyError(
            'text_too_long',
            `Sitatet er lengre enn ${LIMITS.maxQuoteChars} tegn.`,
            `${at}.citations.${ci}.quote`,
          );
        }
        bytes += Buffer.byteLength(c.quote, 'utf8');
      });
    });
  });
  if (bytes > LIMITS.maxTextBytes) {
    throw new VerifyError(
      'too_large',
      `Utkastet er for stort (${kb(bytes)}); grensen er ${kb(LIMITS.maxTextBytes)}.`,
      'sections',
    );
  }
}

/** Turn the first zod issue into a VerifyError naming the field, its reason in Norwegian (src/fieldErrors.ts). */
export function fromZodError(error: z.ZodError): VerifyError {
  const [first] = fieldErrorsFromZod(error.issues, 'draft');
  return new VerifyError('invalid_draft', `Ugyldig utkast: ${first.reason} (${first.field}).`, first.field);
}
