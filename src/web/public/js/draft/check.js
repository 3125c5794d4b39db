// "Kontroller kilder" and "Lagre": run the verifier on the edited text, or save it as a new version (which the
// server verifies again). Both send the structured form, so every sentence keeps its own citations.
import { ApiError, sendJson } from '../api.js';
import { applyReport, pruneEmpty, toStructured } from './model.js';

/**
 * Verify the model as it stands now, without saving, and join the report to its sentences.
 * @returns {Promise<{ report: any, saved?: any }>} `saved` is set when the server has no POST /verify and the
 *   check had to go through PUT (which saves a version).
 */
export async function checkModel(draftId, model) {
  pruneEmpty(model);
  const { structured, order } = toStructured(model);
  try {
    const report = await sendJson('POST', '/verify', { structured, organisation: model.organisation });
    applyReport(model, report, order);
    return { report };
  } catch (err) {
    // NOTE: POST /verify arrived after this page; a server without it still verifies on save.
    if (!(err instanceof ApiError && err.status === 404 && err.code === 'not_found:route')) throw err;
    const saved = await saveModel(draftId, model);
    return { report: saved.verification, saved };
  }
}

/**
 * Save the model as a new version (PUT /drafts/:id); resolves with the new DraftVersion. `accept`: headings of
 * sections marked «usikkert» that the editor accepts as read (their ≈ mark goes).
 */
export async function saveModel(draftId, model, { accept } = {}) {
  pruneEmpty(model);
  const { structured } = toStructured(model);
  return sendJson('PUT', `/drafts/${encodeURIComponent(draftId)}`, { structured, ...(accept ? { accept } : {}) });
}
