/**
 * NUL bytes (U+0000) in request input. PostgreSQL refuses `\0` in text, so a NUL that got past validation became a
 * 500 from the store. Every validated input (JSON body, query, path parameters, upload fields) is checked here,
 * right after its zod schema parsed it, so each route refuses it as a 400 naming the field — including routes added
 * later, without a `.refine` on every string of every schema.
 */
import { AppError, type FieldError } from '../errors.js';

const REASON = 'kan ikke inneholde NUL-tegn (\\u0000)';

/** The fields (dotted paths, as zod names them) whose string value, key or array item holds a NUL byte. */
export function nulFields(value: unknown, path: string[] = []): FieldError[] {
  if (typeof value === 'string')
    return value.includes('\0') ? [{ field: path.join('.') || '(body)', reason: REASON }] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => nulFields(v, [...path, String(i)]));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) =>
      k.includes('\0') ? [{ field: [...path, k].join('.'), reason: REASON }] : nulFields(v, [...path, k]),
    );
  return [];
}

/** Throw a 400 naming every field with a NUL byte; do nothing when there is none. */
export function refuseNul(value: unknown): void {
  const errors = nulFields(value);
  if (errors.length) throw new AppError('bad_request:validation', { errors });
}
