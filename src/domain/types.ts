/**
 * Core domain types shared by every stage: ingest → store → retrieve → draft/ask → verify.
 * Kept free of I/O so any stage (and tests) can import them.
 */
import { z } from 'zod';

export const DOCUMENT_KINDS = ['programme', 'statement', 'consultation_response', 'news', 'statute', 'other'] as const;
export const DocumentKind = z.enum(DOCUMENT_KINDS);
export type DocumentKind = z.infer<typeof DocumentKind>;

/** Metadata a person supplies for a document (seeds/metadata.yaml, upload form). */
export const DocumentMeta = z.object({
  /** Stable, readable id (slug), e.g. "fagforbundet-innspill-digitaliseringsstrategi-2023". */
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,118}[a-z0-9]$/, 'id må være små bokstaver, tall og bindestrek'),
  organisation: z.string().min(1).max(200),
  title: z.string().min(1).max(500),
  kind: DocumentKind,
  /** ISO date (YYYY-MM-DD) or year-month or year; the most precise the source allows. */
  date: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'dato må være ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD'),
  language: z.enum(['nb', 'nn', 'en', 'mixed']).default('nb'),
  source: z.string().max(1000).optional(),
});
export type DocumentMeta = z.infer<typeof DocumentMeta>;

/** A passage as cut by ingest: its text is exactly `document.text.slice(start, end)`. */
export interface PassageDraft {
  ordinal: number;
  text: string;
  start: number;
  end: number;
  /** Headings (and ministry questions) above this passage, outermost first. */
  headingPath: string[];
  /** PDF page number (1-based) where the passage starts, when known. */
  page?: number | null;
  /** A stable anchor in the source, e.g. a statute's § id "kapittel-3-paragraf-5". */
  anchor?: string | null;
}

/** The output of ingest for one document: cleaned text plus passages into it. */
export interface IngestedDocument {
  meta: DocumentMeta;
  /** The cleaned, repaired text that is stored; passage offsets point into it. */
  text: string;
  /** sha256 of `text` (hex). */
  contentHash: string;
  /** Which loader produced it, e.g. "text", "markdown", "pdf". */
  format: string;
  passages: PassageDraft[];
}

export interface Passage {
  id: string;
  documentId: string;
  ordinal: number;
  text: string;
  start: number;
  end: number;
  headingPath: string[];
  page: number | null;
  anchor: string | null;
  contentHash: string;
}

export interface StoredDocument extends DocumentMeta {
  text: string;
  contentHash: string;
  format: string;
  passageCount: number;
  createdAt: string;
  updatedAt: string;
  /** public (published positions) or internal; set on upload (migration 004). */
  visibility?: 'public' | 'internal';
}

export type DocumentSummary = Omit<StoredDocument, 'text'>;

/** A passage together with the metadata of its document, as retrieval and citation need it. */
export interface PassageWithDocument extends Passage {
  document: DocumentSummary;
}

/** Build the stable passage id: document slug + zero-padded ordinal, e.g. "ntl-prinsipprogram-2019-p003". */
export function passageId(documentId: string, ordinal: number): string {
  return `${documentId}-p${String(ordinal).padStart(3, '0')}`;
}
