/**
 * zod's issues as field errors with Norwegian reasons: the one mapping from zod issue codes to what a user reads,
 * used by the HTTP layer (every 400 on a request body, query or path), the verifier (a draft that is not a draft)
 * and the CLI (a YAML file that is not a request). zod's own messages are English (or, from its `no` locale,
 * technical Norwegian); a message a schema sets itself (`.min(1, 'tittelen kan ikke være tom')`) is already ours and
 * passes through.
 */
import type { FieldError } from './errors.js';

/** The parts of a zod (v4) issue the reasons are made from; `z.core.$ZodIssue` fits. */
export interface ZodIssueLike {
  code?: string;
  path: PropertyKey[];
  message: string;
  expected?: unknown;
  minimum?: unknown;
  maximum?: unknown;
  inclusive?: unknown;
  exact?: unknown;
  origin?: unknown;
  values?: unknown;
  keys?: unknown;
  format?: unknown;
  divisor?: unknown;
  prefix?: unknown;
  suffix?: unknown;
  includes?: unknown;
  errors?: unknown;
}

/**
 * Each issue as a field error: the dotted path (`(body)` for the whole body, or `root` when given), a Norwegian
 * reason. An unknown key is named itself (`organisation.foo`), one error per key.
 * @example fieldErrorsFromZod(z.object({ k: z.number().min(1) }).safeParse({ k: 0 }).error!.issues)
 *   // [{ field: 'k', reason: 'må være minst 1' }]
 */
export function fieldErrorsFromZod(issues: readonly ZodIssueLike[], root = '(body)'): FieldError[] {
  return issues.flatMap((i) => {
    if (i.code === 'unrecognized_keys' && Array.isArray(i.keys) && i.keys.length > 0)
      return i.keys.map((k) => ({ field: fieldName([...i.path, String(k)], root), reason: 'ukjent felt' }));
    const branch = i.code === 'invalid_union' ? unionBranch(i) : undefined;
    if (branch)
      return fieldErrorsFromZod(
        branch.map((b) => ({ ...b, path: [...i.path, ...b.path] })),
        root,
      );
    return [{ field: fieldName(i.path, root), reason: zodReason(i) }];
  });
}

/** The dotted path of a field, as requests and problem bodies name it. */
export function fieldName(path: readonly PropertyKey[], root = '(body)'): string {
  return path.map(String).join('.') || root;
}

/** The messages zod writes itself (English, or its `no` locale), as opposed to those our schemas set. */
const LIBRARY_MESSAGE =
  /^(Invalid|Too (big|small)|Unrecognized key|Required|Expected|(String|Number|Array) must|Ugyldig (input|verdi|valg|streng|tall|nøkkel)|For (stor|lite)|Ukjente? nøkk)/;

const TYPE_NAMES: Record<string, string> = {
  string: 'tekst',
  number: 'et tall',
  int: 'et heltall',
  bigint: 'et heltall',
  boolean: 'true eller false',
  object: 'et objekt',
  array: 'en liste',
  null: 'null',
  date: 'en dato',
  record: 'et objekt',
  tuple: 'en liste',
};
const typeName = (t: unknown) => TYPE_NAMES[String(t)] ?? String(t);

const FORMATS: Record<string, string> = {
  email: 'må være en gyldig e-postadresse',
  url: 'må være en gyldig nettadresse (URL)',
  uuid: 'må være en gyldig UUID',
  date: 'må være en dato på formen ÅÅÅÅ-MM-DD',
  datetime: 'må være et tidspunkt på formen ÅÅÅÅ-MM-DDTtt:mm:ssZ',
  time: 'må være et klokkeslett på formen tt:mm:ss',
  regex: 'har feil format',
};

/** A value as a user would type it: text in «», the rest as JSON writes it. */
const shown = (v: unknown) => (typeof v === 'string' ? `«${v}»` : String(v));

/**
 * The Norwegian reason for one issue: what is wrong and, where zod knows it, what would be right (the bound, the
 * allowed values, the type).
 * @example zodReason({ code: 'invalid_value', path: ['mode'], message: '…', values: ['hybrid', 'text'] })
 *   // 'må være en av: «hybrid», «text»'
 */
export function zodReason(i: ZodIssueLike): string {
  if (!LIBRARY_MESSAGE.test(i.message)) return i.message;
  const unit = i.origin === 'string' ? ' tegn' : i.origin === 'array' || i.origin === 'set' ? ' elementer' : '';
  const sized = i.origin === 'string' || i.origin === 'array' || i.origin === 'set';
  switch (i.code) {
    case 'invalid_type': {
      const received = /received (\w+)/.exec(i.message)?.[1] ?? /fikk (\w+)/.exec(i.message)?.[1];
      if (received === undefined || received === 'undefined') return received ? 'feltet mangler' : missingOr(i);
      const want = `må være ${typeName(i.expected)}`;
      // A query parameter coerced to a number arrives as NaN when it was not one: «abc» is simply not a number.
      return received === String(i.expected) || received === 'NaN' || (i.expected === 'int' && received === 'number')
        ? want
        : `${want}, ikke ${typeName(received)}`;
    }
    case 'too_small':
      if (i.exact) return `må ha nøyaktig ${String(i.minimum)}${unit}`;
      if (sized && Number(i.minimum) === 1) return 'kan ikke være tom';
      if (sized) return `må ha minst ${String(i.minimum)}${unit}`;
      return i.inclusive === false ? `må være større enn ${String(i.minimum)}` : `må være minst ${String(i.minimum)}`;
    case 'too_big':
      if (i.exact) return `må ha nøyaktig ${String(i.maximum)}${unit}`;
      if (sized) return `kan ha høyst ${String(i.maximum)}${unit}`;
      return i.inclusive === false ? `må være mindre enn ${String(i.maximum)}` : `kan være høyst ${String(i.maximum)}`;
    case 'invalid_format':
      if (i.format === 'starts_with') return `må begynne med «${String(i.prefix)}»`;
      if (i.format === 'ends_with') return `må slutte med «${String(i.suffix)}»`;
      if (i.format === 'includes') return `må inneholde «${String(i.includes)}»`;
      return FORMATS[String(i.format)] ?? 'har feil format';
    case 'not_multiple_of':
      return `må være et multiplum av ${String(i.divisor)}`;
    case 'invalid_value': {
      const values = Array.isArray(i.values) ? i.values : [];
      if (values.length === 1) return `må være ${shown(values[0])}`;
      return values.length ? `må være en av: ${values.map(shown).join(', ')}` : 'ugyldig verdi';
    }
    case 'unrecognized_keys':
      return 'ukjent felt';
    case 'invalid_union':
      return unionReason(i);
    case 'invalid_key':
      return 'har en ugyldig nøkkel';
    case 'invalid_element':
      return 'har et ugyldig element';
    default:
      return 'ugyldig verdi';
  }
}

/** zod v3 said "Required" for a missing field; v4 says "received undefined" (handled above). */
const missingOr = (i: ZodIssueLike) =>
  /required/i.test(i.message) ? 'feltet mangler' : `må være ${typeName(i.expected)}`;

/** The issues of a union's branch the value had the right shape for (a too-long string in `string | string[]`). */
function unionBranch(i: ZodIssueLike): ZodIssueLike[] | undefined {
  if (!LIBRARY_MESSAGE.test(i.message) || !Array.isArray(i.errors)) return undefined;
  const branches = i.errors as ZodIssueLike[][];
  return branches.find((b) => b.length > 0 && b.every((x) => !(x.code === 'invalid_type' && x.path.length === 0)));
}

/** A union no branch of which fits the value's type: say which types would. */
function unionReason(i: ZodIssueLike): string {
  const branches = (Array.isArray(i.errors) ? i.errors : []) as ZodIssueLike[][];
  const types = branches.flatMap((b) =>
    b.filter((x) => x.code === 'invalid_type' && x.path.length === 0).map((x) => ({ x, expected: x.expected })),
  );
  if (types.length && types.every(({ x }) => /received undefined|fikk undefined/.test(x.message)))
    return 'feltet mangler';
  const names = [...new Set(types.map((t) => typeName(t.expected)))];
  if (names.length === 0) return 'ugyldig verdi';
  return `må være ${names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} eller ${names.at(-1)}`}`;
}
