/**
 * What readers may see of the store: the one place that says so, as SQL conditions every read of documents and
 * passages includes (documents/read.ts, searchQueries.ts, drafts.ts, organisations.ts, …).
 *
 * Today that is "not part of a save in progress" (migration 008, documents/changes.ts): a new document is
 * written under state 'pending', and the passages of a save carry a version readers do not see until the save's
 * last transaction makes it the document's passages_version.
 *
 * NOTE: kept as small, separate helpers so that another condition on the same reads (who may see a document)
 * can be added beside them: `${documentVisible('d')} AND …`.
 */

/** The document row `d` is complete (not a first save still in progress). */
export const documentVisible = (d: string) => /* SQL */ `${d}.state = 'ready'`;

/**
 * The passage row `p` belongs to its document's visible version: not to a save in progress. Needs no join with
 * documents: the saves in progress are a handful of rows (a partial index), read once per statement into a hash.
 */
export const passageVisible = (p: string) => /* SQL */ `
  (${p}.document_id, ${p}.version) NOT IN (
    SELECT pv.id, pv.pending_version FROM documents pv WHERE pv.pending_version IS NOT NULL)`;
