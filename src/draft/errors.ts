/** Errors from the drafting and asking pipelines that a user can act on; src/errors.ts maps them for HTTP and CLI. */
import { StageError, type DraftErrorCode } from '../errors.js';
import { sameOrganisation } from '../verify/holder.js';
import type { Queryable } from '../store/db.js';
import { listOrganisations } from '../store/organisations.js';

export class DraftError extends StageError {
  override readonly name = 'DraftError';
  constructor(
    override readonly code: DraftErrorCode,
    /** Norwegian, for users. */
    message: string,
    readonly field?: string,
  ) {
    super(code, message);
  }

  override problemField(): string | undefined {
    return this.field;
  }
}

/**
 * The organisation's name as stored ("fagforbundet" → "Fagforbundet", "ntl" → "NTL"), or a DraftError naming the
 * organisations the store's viewer may read documents from (store/organisations.ts listOrganisations). An
 * organisation the viewer may not read of answers exactly as an unknown one: not named, not resolved.
 */
export async function resolveOrganisation(db: Queryable, name: string, field = 'organisation.name'): Promise<string> {
  const known = await listOrganisations(db);
  const wanted = name.trim().toLowerCase();
  const hit = known.find((o) => o.name.toLowerCase() === wanted) ?? known.find((o) => sameOrganisation(name, o.name));
  if (hit) return hit.name;
  const list = known.map((o) => o.name).join(', ') || 'ingen ennå';
  throw new DraftError(
    'unprocessable:content',
    `Fant ingen dokumenter fra «${name}». Organisasjoner i lageret: ${list}.`,
    field,
  );
}

/**
 * The verifier's input errors (bad Markdown, a draft over the limits) need no translation any more: a VerifyError
 * maps through src/errors.ts to the same problem, naming its field. Kept so callers keep working.
 */
export function fromVerifyError(err: unknown): unknown {
  return err;
}
