/** The organisations the corpus has documents from, for resolving "fagforbundet" to "Fagforbundet". */
import type { Queryable } from './db.js';

export const LIST_ORGANISATIONS_SQL = /* SQL */ `
  SELECT organisation AS name, count(*)::int AS documents FROM documents GROUP BY organisation ORDER BY organisation`;

export async function listOrganisations(db: Queryable): Promise<{ name: string; documents: number }[]> {
  const { rows } = await db.query<{ name: string; documents: number }>(LIST_ORGANISATIONS_SQL);
  return rows.map((r) => ({ name: r.name, documents: Number(r.documents) }));
}
