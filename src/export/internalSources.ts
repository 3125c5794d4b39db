/**
 * The cited passages whose document is one of the organisation's internal documents (visibility=internal). Only a
 * user of that organisation can have drafted from them, but the export may leave the organisation: both exports
 * and the web page mark the sentences citing them (review.ts), and GET /drafts/:id lists them as `internalSources`.
 */
import type { PassageWithDocument } from '../domain/types.js';

export interface InternalSource {
  documentId: string;
  title: string;
  organisation: string;
}

/**
 * @example internalSources(await getPassages(db, { ids })) // Map { 'lo-streik-p001' => { title: 'Streikeplan', … } }
 */
export function internalSources(passages: ReadonlyMap<string, PassageWithDocument>): Map<string, InternalSource> {
  const found = new Map<string, InternalSource>();
  for (const [id, p] of passages)
    if (p.document.visibility === 'internal')
      found.set(id, { documentId: p.document.id, title: p.document.title, organisation: p.document.organisation });
  return found;
}
