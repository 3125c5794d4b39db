/**
 * The metadata of an uploaded file: form fields first, then (on replace) the stored document's, then what the file
 * says about itself, then fallbacks. Its own module, free of the store, so the read worker (readWorker.ts) can load it.
 */
import type { z } from 'zod';
import { defaultDocumentId } from '../domain/documentIds.js';
import { DocumentMeta } from '../domain/types.js';
import type { LoadedText } from '../ingest/loaders/index.js';
import type { DocumentHead, Visibility } from '../store/documents.js';
import { slugify, titleFromFileName } from '../text/slug.js';

/** An uploaded file with the metadata its sender gave (all optional: the file or a stored version may fill in). */
export interface Upload {
  bytes: Uint8Array;
  /** The file's own name (no directories), for messages and a fallback title. */
  filename: string;
  fields: Partial<DocumentMeta> & {
    visibility?: Visibility;
    /**
     * A consultation's issuer as the sender names it (POST /consultations `issuer`, `npm run consultation --issuer`):
     * its organisation when the text names no issuer. `organisation` never is: that names who imports it.
     */
    issuer?: string;
  };
  /**
   * A consultation (POST /consultations, `npm run consultation`): its issuer, title and date are read from the text
   * (src/consultation/) where the form leaves them out, and its fields are extracted once it is cut.
   */
  consultation?: boolean;
}

/**
 * A consultation's organisation: the issuer the text names (`fromFile`), else the one the form names as `issuer`,
 * else (a replace) the stored one. Never the form's `organisation`: that is the importer, and a ministry's text
 * stored under it would be quotable as the importer's own words. An `issuer` the text contradicts is refused, so is
 * a consultation whose issuer nobody names.
 */
function consultationIssuer(
  given: string | undefined,
  inText: string | undefined,
  existing: DocumentHead | null,
): { organisation: string } | { problem: string } {
  if (given && inText && given.toLowerCase() !== inText.toLowerCase())
    return { problem: `dokumentet oppgir avsenderen «${inText}»; feltet må utelates eller være den samme` };
  const organisation = inText ?? given ?? existing?.organisation;
  return organisation
    ? { organisation }
    : { problem: 'dokumentet navngir ikke avsenderen (departementet e.l.), så den må oppgis i dette feltet' };
}

/**
 * Metadata for the upload: form fields first, then (on replace) the stored document's, then what the file says
 * about itself, then fallbacks (title from the file name, kind "other"). Organisation and date have no fallback.
 * A new document's id defaults to the title's slug in the organisation's namespace (domain/documentIds.ts), kept
 * clear of the longer namespaces of `organisations` (the other organisations the installation knows).
 * NOTE: the language is the form's, else the file's own (a Lovdata statute says), else the written standard its
 * text is clearly in (`written`: text/writtenStandard.ts), and only then the stored document's: a Nynorsk text
 * replacing a Bokmål one is Nynorsk.
 */
export function uploadMeta(
  upload: Pick<Upload, 'filename' | 'fields' | 'consultation'>,
  fromFile: LoadedText['meta'],
  existing: DocumentHead | null,
  organisations: readonly string[] = [],
  written?: 'nb' | 'nn',
): { success: true; data: DocumentMeta } | { success: false; issues: z.core.$ZodIssue[] } {
  const f = upload.fields;
  const title =
    f.title ?? existing?.title ?? fromFile?.title ?? titleFromFileName(upload.filename.replace(/\.[^.]+$/, ''));
  let organisation = f.organisation ?? existing?.organisation ?? fromFile?.organisation;
  if (upload.consultation) {
    const issuer = consultationIssuer(f.issuer, fromFile?.organisation, existing);
    if ('problem' in issuer)
      return {
        success: false,
        issues: [{ code: 'custom', path: ['issuer'], message: issuer.problem, input: f.issuer }],
      };
    organisation = issuer.organisation;
  }
  const parsed = DocumentMeta.safeParse({
    // Without an organisation the metadata is refused for it anyway; the plain slug keeps that the only complaint.
    id: existing?.id ?? f.id ?? (organisation ? defaultDocumentId(organisation, title, organisations) : slugify(title)),
    title,
    organisation,
    kind: upload.consultation ? 'consultation' : (f.kind ?? existing?.kind ?? fromFile?.kind ?? 'other'),
    date: f.date ?? existing?.date ?? fromFile?.date,
    language: f.language ?? fromFile?.language ?? written ?? existing?.language ?? 'nb',
    source: f.source ?? existing?.source ?? fromFile?.source,
  });
  return parsed.success ? parsed : { success: false, issues: parsed.error.issues };
}
