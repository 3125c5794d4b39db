/**
 * Documents and passages: what a person supplies (DocumentMeta), what ingest cuts (PassageDraft, IngestedDocument)
 * and what the store keeps and hands out (Passage, DocumentSummary, StoredDocument, PassageWithDocument).
 * Plain zod, free of I/O: the HTTP layer names these same schemas for /openapi.json (src/http/schemas.ts).
 */
import { z } from 'zod';
import { partialCalendarDate } from './calendarDate.js';

// 'consultation': a ministry's høringsbrev/høringsnotat, stored as the issuer's (POST /consultations, issue 18).
const DOCUMENT_KINDS = [
  'programme',
  'statement',
  'consultation_response',
  'news',
  'statute',
  'other',
  'consultation',
] as const;
export const DocumentKind = z.enum(DOCUMENT_KINDS);
/** Kinds that can state an organisation's position: every kind but a consultation, which is the issuer's text. */
export const POSITION_KINDS: DocumentKind[] = DOCUMENT_KINDS.filter((k) => k !== 'consultation');
export type DocumentKind = z.infer<typeof DocumentKind>;

const DocumentLanguage = z.enum(['nb', 'nn', 'en', 'mixed']);
export type DocumentLanguage = z.infer<typeof DocumentLanguage>;

/** public (published positions) or internal; set on upload (migration 004). */
const Visibility = z.enum(['public', 'internal']);
export type Visibility = z.infer<typeof Visibility>;

/** Metadata a person supplies for a document (seeds/metadata.yaml, upload form). */
export const DocumentMeta = z.object({
  /** Stable, readable id (slug), e.g. "fagforbundet-innspill-digitaliseringsstrategi-2023". */
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,118}[a-z0-9]$/, 'id må være små bokstaver, tall og bindestrek'),
  organisation: z.string().min(1).max(200),
  title: z.string().min(1).max(500),
  kind: DocumentKind,
  /** ISO date (YYYY-MM-DD) or year-month or year; the most precise the source allows. */
  date: partialCalendarDate,
  language: DocumentLanguage.default('nb'),
  source: z.string().max(1000).optional(),
});
export type DocumentMeta = z.infer<typeof DocumentMeta>;

/** A passage as cut by ingest: its text is exactly `document.text.slice(start, end)`. */
export const PassageDraft = z.object({
  ordinal: z.number().int(),
  text: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  /** Headings (and ministry questions) above this passage, outermost first. */
  headingPath: z.array(z.string()),
  /** PDF page number (1-based) where the passage starts, when known. */
  page: z.number().int().nullable().optional(),
  /** A stable anchor in the source, e.g. a statute's § id "kapittel-3-paragraf-5". */
  anchor: z.string().nullable().optional(),
});
export type PassageDraft = z.infer<typeof PassageDraft>;

/** The output of ingest for one document: cleaned text plus passages into it. */
export const IngestedDocument = z.object({
  meta: DocumentMeta,
  /** The cleaned, repaired text that is stored; passage offsets point into it. */
  text: z.string(),
  /** sha256 of `text` (hex). */
  contentHash: z.string(),
  /** Which loader produced it, e.g. "text", "markdown", "pdf". */
  format: z.string(),
  passages: z.array(PassageDraft),
});
export type IngestedDocument = z.infer<typeof IngestedDocument>;

/** A stored passage. */
export const Passage = z.object({
  id: z.string(),
  documentId: z.string(),
  ordinal: z.number().int(),
  text: z.string(),
  start: z.number().int().describe('Offset of the passage in the stored document text'),
  end: z.number().int(),
  headingPath: z.array(z.string()),
  page: z.number().int().nullable(),
  anchor: z.string().nullable(),
  contentHash: z.string(),
});
export type Passage = z.infer<typeof Passage>;

/**
 * A stored document without its text, as lists and citations show it. The metadata fields are typed as stored,
 * without DocumentMeta's input checks (those run when a document comes in, not when it goes out).
 */
export const DocumentSummary = z.object({
  id: z.string(),
  organisation: z.string(),
  title: z.string(),
  kind: DocumentKind,
  date: z.string(),
  language: DocumentLanguage,
  source: z.string().optional(),
  format: z.string(),
  contentHash: z.string(),
  passageCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  visibility: Visibility.optional(),
});
export type DocumentSummary = z.infer<typeof DocumentSummary>;

export const StoredDocument = DocumentSummary.extend({ text: z.string() });
export type StoredDocument = z.infer<typeof StoredDocument>;

/** A passage together with the metadata of its document, as retrieval and citation need it. */
export const PassageWithDocument = Passage.extend({ document: DocumentSummary });
export type PassageWithDocument = z.infer<typeof PassageWithDocument>;

/** Build the stable passage id: document slug + zero-padded ordinal, e.g. "ntl-prinsipprogram-2019-p003". */
export function passageId(documentId: string, ordinal: number): string {
  return `${documentId}-p${String(ordinal).padStart(3, '0')}`;
}
