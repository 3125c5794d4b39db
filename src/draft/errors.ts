/** Errors from the drafting and asking pipelines that a user can act on; the HTTP layer maps them via toAppError. */
import { AppError, type ErrorCode } from '../http/errors.js';
import { sameOrganisation } from '../verify/holder.js';
import { VerifyError } from '../verify/index.js';
import type { Queryable } from '../store/db.js';
import { listOrganisations } from '../store/organisations.js';

export class DraftError extends Error {
  override readonly name = 'DraftError';
  constructor(
    readonly code: Extract<ErrorCode, 'unprocessable:content' | 'not_found:draft' | 'bad_request:validation' | 'payload_too_large:body'>,
    /** Norwegian, for users. */
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }

  toAppError(): AppError {
    return new AppError(this.code, {
      detail: this.message,
      ...(this.field ? { errors: [{ field: this.field, reason: this.message }] } : {}),
    });
  }
}

/**
 * The organisation's name as stored ("fagforbundet" → "Fagforbundet", "ntl" → "NTL"), or a DraftError naming the
 * organisations the corpus knows.
 */
export async function resolveOrganisation(db: Queryable, name: string, field = 'organisation.name'): Promise<string> {
  const known = await listOrganisations(db);
  const wanted = name.trim().toLowerCase();
  const hit = known.find((o) => o.name.toLowerCase() === wanted) ?? known.find((o) => sameOrganisation(name, o.name));
  if (hit) return hit.name;
  const list = known.map((o) => o.name).join(', ') || 'ingen ennå';
  throw new DraftError('unprocessable:content', `Fant ingen dokumenter fra «${name}». Organisasjoner i lageret: ${list}.`, field);
}

/** The verifier's input errors (bad Markdown, a draft over the limits) as DraftErrors naming the field. */
export function fromVerifyError(err: unknown): unknown {
  if (!(err instanceof VerifyError)) return err;
  return new DraftError(err.status === 413 ? 'payload_too_large:body' : 'bad_request:validation', err.message, err.field);
}
