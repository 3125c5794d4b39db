/** Imported consultations' extracted fields (migration 012), one row per document of kind 'consultation'. */
import { ConsultationExtraction } from '../domain/consultation.js';
import type { Queryable } from './driver.js';

export const SAVE_CONSULTATION_SQL = /* SQL */ `
  INSERT INTO consultations (document_id, extraction) VALUES ($1, $2::jsonb)
  ON CONFLICT (document_id) DO UPDATE SET extraction = EXCLUDED.extraction, created_at = now()`;

export const GET_CONSULTATION_SQL = /* SQL */ `SELECT extraction FROM consultations WHERE document_id = $1`;

/** Keep (or replace) what was read out of the consultation stored as `extraction.documentId`. */
export async function saveConsultation(db: Queryable, { extraction }: { extraction: ConsultationExtraction }) {
  await db.query(SAVE_CONSULTATION_SQL, [extraction.documentId, JSON.stringify(extraction)]);
}

/**
 * @example (await getConsultation(db, { documentId: 'horing-kommuneloven' }))?.questions.length
 */
export async function getConsultation(
  db: Queryable,
  { documentId }: { documentId: string },
): Promise<ConsultationExtraction | null> {
  const { rows } = await db.query<{ extraction: unknown }>(GET_CONSULTATION_SQL, [documentId]);
  if (!rows[0]) return null;
  const raw = typeof rows[0].extraction === 'string' ? JSON.parse(rows[0].extraction) : rows[0].extraction;
  return ConsultationExtraction.parse(raw);
}
