/** zod issues as Norwegian field errors (src/fieldErrors.ts): real schemas, the reasons a user reads. */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fieldErrorsFromZod } from '../src/fieldErrors.js';

const errorsOf = (schema: z.ZodType, value: unknown, root?: string) => {
  const parsed = schema.safeParse(value);
  if (parsed.success) throw new Error('expected the value to be refused');
  return fieldErrorsFromZod(parsed.error.issues, root);
};

const Request = z.strictObject({
  query: z.string().min(1).max(10),
  k: z.number().int().min(1).max(50).optional(),
  mode: z.enum(['hybrid', 'vector', 'text']).optional(),
  kind: z.union([z.string().max(5), z.array(z.string())]).optional(),
  email: z.email().optional(),
  organisation: z.strictObject({ name: z.string() }).optional(),
  title: z.string().min(1, 'tittelen kan ikke være tom').optional(),
});

describe('fieldErrorsFromZod', () => {
  it('says a field is missing, and which type a field must have instead of the one it has', () => {
    expect(errorsOf(Request, {})).toEqual([{ field: 'query', reason: 'feltet mangler' }]);
    expect(errorsOf(Request, { query: 5 })).toEqual([{ field: 'query', reason: 'må være tekst, ikke et tall' }]);
    expect(errorsOf(Request, { query: 'x', k: 1.5 })).toEqual([{ field: 'k', reason: 'må være et heltall' }]);
    expect(errorsOf(z.object({ version: z.coerce.number() }), { version: 'abc' })).toEqual([
      { field: 'version', reason: 'må være et tall' },
    ]);
    expect(errorsOf(z.object({ sections: z.array(z.object({})) }), { sections: [1] }, 'draft')).toEqual([
      { field: 'sections.0', reason: 'må være et objekt, ikke et tall' },
    ]);
    expect(errorsOf(Request, 'tekst')).toEqual([{ field: '(body)', reason: 'må være et objekt, ikke tekst' }]);
  });

  it('says the bound that was broken', () => {
    expect(errorsOf(Request, { query: 'x', k: -1 })).toEqual([{ field: 'k', reason: 'må være minst 1' }]);
    expect(errorsOf(Request, { query: 'x', k: 51 })).toEqual([{ field: 'k', reason: 'kan være høyst 50' }]);
    expect(errorsOf(Request, { query: '' })).toEqual([{ field: 'query', reason: 'kan ikke være tom' }]);
    expect(errorsOf(Request, { query: 'x'.repeat(11) })).toEqual([{ field: 'query', reason: 'kan ha høyst 10 tegn' }]);
  });

  it('lists the allowed values, names each unknown field by its path, and says a format', () => {
    expect(errorsOf(Request, { query: 'x', mode: 'alt' })).toEqual([
      { field: 'mode', reason: 'må være en av: «hybrid», «vector», «text»' },
    ]);
    expect(errorsOf(Request, { query: 'x', foo: 1, bar: 2 })).toEqual([
      { field: 'foo', reason: 'ukjent felt' },
      { field: 'bar', reason: 'ukjent felt' },
    ]);
    expect(errorsOf(Request, { query: 'x', organisation: { name: 'KS', foo: 1 } })).toEqual([
      { field: 'organisation.foo', reason: 'ukjent felt' },
    ]);
    expect(errorsOf(Request, { query: 'x', email: 'ikke-en-adresse' })).toEqual([
      { field: 'email', reason: 'må være en gyldig e-postadresse' },
    ]);
  });

  it('explains a union by the branch the value fits, else by the types it allows', () => {
    expect(errorsOf(Request, { query: 'x', kind: 5 })).toEqual([
      { field: 'kind', reason: 'må være tekst eller en liste' },
    ]);
    expect(errorsOf(Request, { query: 'x', kind: 'for lang' })).toEqual([
      { field: 'kind', reason: 'kan ha høyst 5 tegn' },
    ]);
  });

  it('keeps the Norwegian messages our schemas set, and translates zod’s own Norwegian locale', () => {
    expect(errorsOf(Request, { query: 'x', title: '' })).toEqual([
      { field: 'title', reason: 'tittelen kan ikke være tom' },
    ]);
    const parsed = Request.safeParse({ query: 'x', k: 0 }, { error: z.locales.no().localeError });
    expect(fieldErrorsFromZod(parsed.error!.issues)).toEqual([{ field: 'k', reason: 'må være minst 1' }]);
  });
});
