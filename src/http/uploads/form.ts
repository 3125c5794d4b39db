/**
 * Reading an upload: a multipart/form-data body with one `file` and metadata fields. The size limit is enforced
 * twice before anything is parsed: by the declared Content-Length, and by counting bytes as the body streams in,
 * so a 200 MB upload (or one that lies about its length) is cut off at the limit instead of buffered whole.
 */
import { z } from '@hono/zod-openapi';
import { DocumentKind, DocumentMeta } from '../../domain/types.js';
import { AppError, fieldErrorsFromZod } from '../errors.js';
import { refuseNul } from '../noNul.js';
import { readCapped } from '../readCapped.js';
import { MalformedMultipartError, parseMultipart, type FormPart } from './multipart.js';

const utf8 = new TextDecoder();

/** Room for the metadata fields and multipart boundaries on top of the file itself. */
const FORM_OVERHEAD_BYTES = 64 * 1024;

const Visibility = z.enum(['public', 'internal']);

/** The metadata fields of an upload form; all optional here, required ones are checked once the file is read. */
export const UploadFields = z
  .object({
    id: DocumentMeta.shape.id.optional().openapi({
      description:
        'Stable id (slug) in the organisation’s namespace: it must begin with the organisation’s slug and a hyphen ' +
        '(«NTL» → `ntl-`, «Oslo Arbeiderparti» → `oslo-arbeiderparti-`), and not with the longer prefix of another ' +
        'organisation the installation knows (an organisation «Oslo» may not take `oslo-arbeiderparti-…`); else 400 ' +
        'on `id`. Left out: the title’s slug after that prefix. A consultation’s organisation is its issuer. ' +
        'PUT keeps the stored id.',
    }),
    organisation: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .optional()
      .openapi({ description: 'Required unless the file names it (a statute’s ministry)' }),
    title: z
      .string()
      .trim()
      .min(1)
      .max(500)
      .optional()
      .openapi({ description: 'Defaults to the title in the file, else the file name' }),
    kind: DocumentKind.optional().openapi({ description: 'Defaults to what the file says (statute), else "other"' }),
    date: DocumentMeta.shape.date
      .optional()
      .openapi({ description: 'YYYY, YYYY-MM or YYYY-MM-DD; required unless the file states it' }),
    language: z.enum(['nb', 'nn', 'en', 'mixed']).optional(),
    source: z.string().max(1000).optional(),
    visibility: Visibility.optional().openapi({ description: 'public (default) or internal' }),
  })
  .strict();
export type UploadFields = z.infer<typeof UploadFields>;

export interface UploadForm<F = UploadFields> {
  bytes: Uint8Array;
  /** The file's own name (no directories), for messages and a fallback title. */
  filename: string;
  fields: F;
}

const mb = (n: number) => `${(n / 1024 / 1024).toLocaleString('nb-NO', { maximumFractionDigits: 1 })} MB`;
const tooLarge = (max: number) =>
  new AppError('payload_too_large:file', {
    detail: `Filen er større enn grensen på ${mb(max)}.`,
    errors: [{ field: 'file', reason: `større enn ${mb(max)}` }],
  });

/**
 * The request body, refused as soon as it passes `max` bytes (declared or counted). `fileLimit` is the limit the
 * message names: the file's, while `max` also leaves room for the form around it.
 */
async function readLimitedBody(req: Request, max: number, fileLimit = max): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(req.headers.get('content-length') ?? NaN);
  if (declared > max) throw tooLarge(fileLimit);
  return readCapped(req.body, max, () => tooLarge(fileLimit));
}

const missingFile = () =>
  new AppError('bad_request:validation', {
    detail: 'Legg ved dokumentet i feltet «file».',
    errors: [{ field: 'file', reason: 'feltet mangler' }],
  });

/**
 * Read and validate an upload form against `schema` (a route's own fields, e.g. POST /consultations' `issuer`).
 * Throws AppError 415 (not multipart), 413 (too large) or 400 (no file, unknown or invalid fields).
 */
export async function readUploadForm<F extends UploadFields = UploadFields>(
  req: Request,
  maxFileBytes: number,
  schema: z.ZodType<F> = UploadFields as unknown as z.ZodType<F>,
): Promise<UploadForm<F>> {
  const type = req.headers.get('content-type') ?? '';
  if (!type.toLowerCase().startsWith('multipart/form-data')) {
    throw new AppError('unsupported_media_type:body', {
      detail: 'Send dokumentet som multipart/form-data med filen i feltet «file» og metadata som egne felt.',
    });
  }
  const body = await readLimitedBody(req, maxFileBytes + FORM_OVERHEAD_BYTES, maxFileBytes);
  let parts: FormPart[];
  try {
    parts = parseMultipart(body, type);
  } catch (err) {
    if (!(err instanceof MalformedMultipartError)) throw err;
    throw new AppError('bad_request:body', { detail: 'Skjemaet kunne ikke leses (ugyldig multipart/form-data).' });
  }
  const file = parts.find((p) => p.name === 'file');
  if (!file || file.filename === undefined) throw missingFile();
  if (file.data.byteLength > maxFileBytes) throw tooLarge(maxFileBytes);
  const raw: Record<string, string> = {};
  for (const part of parts) {
    if (part.name === 'file') continue;
    if (part.filename !== undefined)
      throw new AppError('bad_request:validation', {
        errors: [{ field: part.name, reason: 'bare feltet «file» kan være en fil' }],
      });
    const value = utf8.decode(part.data);
    if (value.trim() !== '') raw[part.name] = value; // an empty form input means "not given"
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    // An unknown field is named itself ("organization"), not the form (fieldErrorsFromZod does so for every body).
    throw new AppError('bad_request:validation', { errors: fieldErrorsFromZod(parsed.error.issues) });
  }
  refuseNul(parsed.data);
  const filename =
    (file.filename || 'dokument')
      .split(/[\\/]/)
      .pop()!
      .replace(/[\u0000-\u001f]/g, '')
      .slice(0, 200) || 'dokument';
  // NOTE: a view, not a copy (20 MB copied on the event loop): the body around the file is at most FORM_OVERHEAD_BYTES.
  return { bytes: file.data, filename, fields: parsed.data };
}
