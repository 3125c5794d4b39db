/**
 * Imported consultations' extracted fields (migration 012), one row per document of kind 'consultation'. Reads go
 * through the document's own access rule (access.ts): a consultation the viewer may not read is not found.
 */
import { ConsultationExtraction } from '../domain/consultation.js';
import type { ImportedConsultation } from '../domain/draftRequest.js';
import { accessParams, documentReadableSql } from './access.js';
import type { Queryable } from './driver.js';
import { documentVisible } from './visibility.js';

export const SAVE_CONSULTATION_SQL = /* SQL */ `
  INSERT INTO consultations (document_id, extraction) VALUES ($1, $2::jsonb)
  ON CONFLICT (document_id) DO UPDATE SET extraction = EXCLUDED.extraction, created_at = now()`;

/** $1 the document id; $2, $3 the viewer (access.ts). A save in progress or an unreadable document: no row. */
export const GET_CONSULTATION_SQL = /* SQL */ `
  SELECT c.extraction, d.title, d.organisation
  FROM consultations c JOIN documents d ON d.id = c.document_id
  WHERE c.document_id = $1 AND ${documentVisible('d')} AND ${documentReadableSql('d', 2)}`;

/** Keep (or replace) what was read out of the consultation stored as `extraction.documentId`. */
export async function saveConsultation(db: Queryable, { extraction }: { extraction: ConsultationExtraction }) {
  await db.query(SAVE_CONSULTATION_SQL, [extraction.documentId, JSON.stringify(extraction)]);
}

/**
 * The imported consultation `documentId` as the store's viewer may read it: what was read out of it and its
 * document's title and organisation (the issuer); null when there is none or the viewer may not read it.
 * @example (await getImportedConsultation(scoped(db, viewer), { documentId }))?.document.organisation
 */
export async function getImportedConsultation(
  db: Queryable,
  { documentId }: { documentId: string },
): Promise<ImportedConsultation | null> {
  const { rows } = await db.query<{ extraction: unknown; title: string; organisation: string }>(GET_CONSULTATION_SQL, [
    documentId,
    ...accessParams(db),
  ]);
  const row = rows[0];
  if (!row) return null;
  const raw = typeof row.extraction === 'string' ? JSON.parse(row.extraction) : row.extraction;
  return {
    extraction: ConsultationExtraction.parse(raw),
    document: { title: row.title, organisation: row.organisation },
  };
}

/**
 * @example (await getConsultation(db, { documentId: 'horing-kommuneloven' }))?.questions.length
 */
export async function getConsultation(
  db: Queryable,
  { documentId }: { documentId: string },
): Promise<ConsultationExtraction | null> {
  return (await getImportedConsultation(db, { documentId }))?.extraction ?? null;
}
