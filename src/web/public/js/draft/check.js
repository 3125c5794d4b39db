// "Kontroller kilder" and "Lagre": run the verifier on the edited text, or save it as a new version (which the
// server verifies again). Both send the structured form, so every sentence keeps its own citations.
import { ApiError, sendJson } from '../api.js';
import { applyReport, pruneEmpty, toStructured } from './model.js';

/**
 * Verify the model as it stands now, without saving, and join the report to its sentences.
 * @returns {Promise<{ report: any, saved?: any }>} `saved` is set when the server has no POST /verify and the
 *   check had to go through PUT (which saves a version).
 */
export async function checkModel(draftId, model, { baseVersion } = {}) {
  pruneEmpty(model);
  const { structured, order } = toStructured(model);
  try {
    const report = await sendJson('POST', '/verify', { structured, organisation: model.organisation });
    applyReport(model, report, order);
    return { report };
  } catch (err) {
    // NOTE: POST /verify arrived after this page; a server without it still verifies on save.
    if (!(err instanceof ApiError && err.status === 404 && err.code === 'not_found:route')) throw err;
    const saved = await saveModel(draftId, model, { baseVersion });
    return { report: saved.verification, saved };
  }
}

/**
 * Save the model as a new version (PUT /drafts/:id); resolves with the new DraftVersion. `accept`: headings of
 * sections marked «usikkert» that the editor accepts as read (their ≈ mark goes). `baseVersion`: the draft's latest
 * version when the page read it; the server refuses the save (409 conflict:draft_version) when another editor has
 * saved a newer one since, instead of silently replacing their edit.
 */
export async function saveModel(draftId, model, { accept, baseVersion } = {}) {
  pruneEmpty(model);
  const { structured } = toStructured(model);
  return sendJson('PUT', `/drafts/${encodeURIComponent(draftId)}`, {
    structured,
    ...(accept ? { accept } : {}),
    ...(baseVersion !== undefined ? { baseVersion } : {}),
  });
}

/**
 * The model's text as plain lines (headings, then each paragraph's sentences), for the editor to copy when the save
 * was refused because someone else saved first.
 */
export function plainText(model) {
  const { structured } = toStructured(model);
  return structured.sections
    .map((s) => [s.heading, s.sentences.map((t) => t.text).join(' ')].filter(Boolean).join('\n\n'))
    .filter(Boolean)
    .join('\n\n');
}
