/**
 * Drafts as the HTTP API and the CLI use them: generate and save (nothing is saved when generation fails), read,
 * and revise (a person's edit becomes a new version, verified again before it is saved).
 */
import type { Logger } from '../log.js';
import { ZERO_USAGE } from '../llm/types.js';
import type { Db } from '../store/db.js';
import {
  addDraftVersion,
  createDraft,
  draftVersionConflict,
  getDraftVersion,
  type NewDraftVersion,
} from '../store/drafts.js';
import {
  exportedVersion,
  parseMarkdown,
  StructuredDraftSchema,
  verifyDraft,
  type Judge,
  type PassageSource,
  type StructuredDraft,
  type StructuredDraftInput,
} from '../verify/index.js';
import { fromZodError } from '../verify/errors.js';
import { storePassageSource } from '../verify/index.js';
import { renderMarkdown } from '../verify/index.js';
import { DraftError, fromVerifyError } from './errors.js';
import { annotate, throwIfAborted, type DraftOptions, type Drafter, type PreparedDraft } from './pipeline.js';
import type { DraftRequestInput } from '../domain/draftRequest.js';
import { fromStructured, toStructured } from './structured.js';
import type { DraftResult } from './types.js';

/** Who wrote an edited version: a person, not a model. */
const EDITED_BY = { provider: 'person', model: 'manuell redigering' } as const;

export interface DraftServiceDeps {
  db: Db;
  drafter: Drafter;
  source?: PassageSource;
  judge?: Judge;
  logger?: Logger;
}

function versionFromResult(result: DraftResult): NewDraftVersion {
  return {
    origin: 'generated',
    request: result.request,
    provider: result.provenance.provider,
    model: result.provenance.model,
    promptVersions: result.provenance.prompts,
    retrievedPassageIds: result.retrievedPassageIds,
    structured: result.draft,
    markdown: result.markdown,
    verification: result.verification,
    usage: result.usage,
    timings: result.timings,
  };
}

export function createDraftService(deps: DraftServiceDeps) {
  const source = deps.source ?? storePassageSource(deps.db);
  return {
    /** Check a request before generating it (Drafter.prepare): its refusal, if any, comes from here. */
    prepare: (input: DraftRequestInput) => deps.drafter.prepare(input),

    /** Generate, verify and save a draft. Throws (and saves nothing) when any step fails. */
    async generate(input: DraftRequestInput | PreparedDraft, opts: DraftOptions = {}) {
      const result = await deps.drafter.draft(input, opts);
      throwIfAborted(opts.signal);
      const saved = await createDraft(deps.db, { version: versionFromResult(result) });
      deps.logger?.info(
        { draftId: saved.id, version: saved.version, provider: result.provenance.provider },
        'draft saved',
      );
      return { ...saved, result };
    },

    /**
     * Save a person's edit (Markdown or the structured form) as a new version, verified again. Null: no such draft.
     * `accept`: headings of sections whose review mark (issue 17) the editor accepts without changing them.
     * `baseVersion`: the version the edit was based on; a draft that has moved on since is a 409
     * (draftVersionConflict) and nothing is saved. Left out, the edit goes on top of the latest version.
     */
    async revise(
      id: string,
      edit: { markdown?: string; structured?: StructuredDraftInput; accept?: string[]; baseVersion?: number },
    ) {
      const previous = await getDraftVersion(deps.db, { id });
      if (!previous) return null;
      // Refused before verifying when the draft has already moved on; addDraftVersion checks again under its lock.
      // An exported file sent back names the version it was made from (its «*Versjon 3 av utkastet*» line).
      const baseVersion =
        edit.baseVersion ?? (edit.markdown !== undefined ? exportedVersion(edit.markdown) : undefined);
      if (baseVersion !== undefined && baseVersion !== previous.version)
        throw draftVersionConflict({ baseVersion, latestVersion: previous.version });
      const t0 = performance.now();
      let sd: StructuredDraft;
      try {
        sd =
          edit.markdown !== undefined
            ? // An exported file sent back: its notice, review lines and marks are not text (verify/markdownNotes.ts).
              parseMarkdown(edit.markdown)
            : parseStructured(edit.structured);
      } catch (err) {
        throw fromVerifyError(err);
      }
      const draft = fromStructured(sd, previous.structured, { accept: edit.accept });
      const structured = toStructured(draft);
      const verification = await verifyDraft(
        structured,
        { source, judge: deps.judge },
        { organisation: draft.organisation },
      ).catch((err) => {
        throw fromVerifyError(err);
      });
      annotate(draft, verification);
      const saved = await addDraftVersion(deps.db, {
        id,
        baseVersion,
        version: {
          origin: 'edited',
          request: previous.request,
          ...EDITED_BY,
          promptVersions: [],
          retrievedPassageIds: previous.retrievedPassageIds,
          structured: draft,
          markdown: renderMarkdown(structured),
          verification,
          usage: ZERO_USAGE,
          timings: { verificationMs: Math.round(performance.now() - t0), totalMs: Math.round(performance.now() - t0) },
        },
      });
      if (saved) deps.logger?.info({ draftId: id, version: saved.version, ok: verification.ok }, 'draft revised');
      return saved;
    },
  };
}

export type DraftService = ReturnType<typeof createDraftService>;

function parseStructured(input: StructuredDraftInput | undefined): StructuredDraft {
  if (input === undefined)
    throw new DraftError('bad_request:validation', 'Send enten markdown eller structured.', 'markdown');
  const parsed = StructuredDraftSchema.safeParse(input);
  if (!parsed.success) throw fromZodError(parsed.error);
  return parsed.data;
}
