/**
 * Which files to ingest, with what metadata. A corpus folder holds documents plus `metadata.yaml`,
 * a list of entries `{ file, id, organisation, title, kind, date, language, source? }`; adding a
 * document is adding a file and an entry. The CLI may also name files and folders without metadata:
 * those get an id from the file name and the caller's defaults.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, extname, isAbsolute, join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { DocumentMeta } from '../domain/types.js';
import { ingestErrors } from '../ingest/errors.js';
import { findLoader, loaderFor } from '../ingest/loaders/index.js';
import { slugify, titleFromFileName } from '../text/slug.js';
import { zodReason } from '../fieldErrors.js';
import { yamlProblem } from './yamlProblem.js';

const METADATA_FILE = 'metadata.yaml';

/** One metadata.yaml entry. Strict, so a misspelt key ("organization") is reported, not ignored. */
const CorpusEntry = DocumentMeta.extend({
  file: z
    .string()
    .min(1)
    .refine((f) => !isAbsolute(f) && !f.split(/[/\\]/).includes('..'), 'må være et filnavn i mappen'),
}).strict();
export type CorpusEntry = z.infer<typeof CorpusEntry>;

export interface CorpusFile {
  path: string;
  meta: DocumentMeta;
  /** Fields filled with fallbacks (file name as title, "Ukjent"), which the file's own metadata may replace. */
  guessed?: (keyof DocumentMeta)[];
  /**
   * The id was made from the file name, not given (metadata.yaml, `--id`). A local ingest keeps it; through a
   * server it is left out, so the server names the document in its organisation's namespace (domain/documentIds.ts).
   */
  idFromName?: boolean;
}

const isMissing = (err: unknown) => (err as NodeJS.ErrnoException)?.code === 'ENOENT';
// Norwegian default messages for zod's built-in checks; our own schema messages are already Norwegian.
const NO_ERRORS = { error: z.locales.no().localeError };

/**
 * Read `dir/metadata.yaml` and return its documents in file order.
 * Throws IngestError `invalid_metadata` naming the file and field of the first bad entry, or
 * `file_not_found` when there is no metadata.yaml.
 * @example const docs = await readCorpusDir('seeds'); docs[0].meta.organisation // "NTL"
 */
export async function readCorpusDir(dir: string): Promise<CorpusFile[]> {
  const metaPath = join(dir, METADATA_FILE);
  const source = await readFile(metaPath, 'utf8').catch((err: unknown) => {
    throw isMissing(err) ? ingestErrors.fileNotFound(metaPath) : err;
  });
  let data: unknown;
  try {
    data = parseYaml(source);
  } catch (err) {
    throw ingestErrors.invalidMetadata(
      metaPath,
      '',
      `filen er ikke gyldig YAML (${yamlProblem(err) ?? 'kan ikke leses'})`,
    );
  }
  if (!Array.isArray(data))
    throw ingestErrors.invalidMetadata(metaPath, '', 'forventet en liste med én oppføring per fil');

  const files: CorpusFile[] = [];
  const seen = new Map<string, string>(); // id → file
  for (const [index, raw] of data.entries()) {
    const named = (raw as { file?: unknown })?.file;
    const label = typeof named === 'string' ? join(dir, named) : `${metaPath} (oppføring ${index + 1})`;
    const parsed = CorpusEntry.safeParse(raw, NO_ERRORS);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : issue.path.join('.');
      throw ingestErrors.invalidMetadata(label, field, zodReason(issue));
    }
    const { file, ...meta } = parsed.data;
    const path = join(dir, file);
    const other = seen.get(meta.id);
    if (other) throw ingestErrors.invalidMetadata(path, 'id', `id «${meta.id}» er allerede brukt av «${other}»`);
    seen.set(meta.id, file);
    if (!(await stat(path).catch(() => null))?.isFile())
      throw ingestErrors.invalidMetadata(path, 'file', 'filen finnes ikke');
    files.push({ path, meta });
  }
  return files;
}

/** The documents a folder's metadata.yaml lists; none when it has no metadata.yaml. */
async function listedIn(dir: string): Promise<CorpusFile[]> {
  const hasMeta = await stat(join(dir, METADATA_FILE)).catch(() => null);
  return hasMeta ? readCorpusDir(dir) : [];
}

async function fromDefaults(path: string, defaults: Partial<DocumentMeta>, single: boolean): Promise<CorpusFile> {
  const name = basename(path, extname(path));
  const candidate = {
    language: 'nb',
    organisation: 'Ukjent',
    kind: 'other',
    date: String((await stat(path)).mtime.getUTCFullYear()),
    // A flag the user left out arrives as `kind: undefined`; it must not erase the fallback.
    ...Object.fromEntries(Object.entries(defaults).filter(([, v]) => v !== undefined)),
    // id and title describe one document, so defaults only supply them for a single file.
    id: single && defaults.id ? defaults.id : slugify(name),
    title: single && defaults.title ? defaults.title : titleFromFileName(name),
  };
  const parsed = DocumentMeta.safeParse(candidate, NO_ERRORS);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw ingestErrors.invalidMetadata(path, issue.path.join('.'), zodReason(issue));
  }
  const given = (field: keyof DocumentMeta) =>
    defaults[field] !== undefined && (single || (field !== 'title' && field !== 'id'));
  const guessed = (['organisation', 'title', 'kind', 'date', 'language', 'source'] as const).filter((f) => !given(f));
  return { path, meta: parsed.data, guessed, ...(given('id') ? {} : { idFromName: true }) };
}

// A folder's README describes the folder, and dotfiles are editor or OS litter.
const skipInFolder = (name: string) => name.startsWith('.') || name === METADATA_FILE || /^readme(\.|$)/i.test(name);

async function walk(dir: string, defaults: Partial<DocumentMeta>, out: CorpusFile[]): Promise<void> {
  const listed = await listedIn(dir);
  out.push(...listed);
  const known = new Set(listed.map((e) => resolve(e.path)));
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  );
  for (const entry of entries) {
    if (skipInFolder(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await walk(path, defaults, out);
    else if (entry.isFile() && !known.has(resolve(path)) && findLoader(entry.name))
      out.push(await fromDefaults(path, defaults, false));
  }
}

/**
 * Turn CLI arguments (files and folders) into documents to ingest. Files listed in their folder's
 * metadata.yaml get that metadata; other files get an id from the file name, organisation "Ukjent",
 * kind "other", the file's modification year, overridden by `defaults`. Folders are walked
 * recursively; unsupported files in folders are skipped, an unsupported file named directly is an error.
 * @example await resolveInputs(['seeds', 'notat.md'], { organisation: 'Fagforbundet' })
 */
export async function resolveInputs(paths: string[], defaults: Partial<DocumentMeta> = {}): Promise<CorpusFile[]> {
  const found: CorpusFile[] = [];
  for (const path of paths) {
    const info = await stat(path).catch((err: unknown) => {
      throw isMissing(err) ? ingestErrors.fileNotFound(path) : err;
    });
    if (info.isDirectory()) {
      await walk(path, defaults, found);
      continue;
    }
    const listed = (await listedIn(dirname(path))).find((e) => resolve(e.path) === resolve(path));
    if (listed) found.push({ path, meta: listed.meta });
    else {
      loaderFor(path); // an unsupported file named on purpose is an error, not silently skipped
      found.push(await fromDefaults(path, defaults, paths.length === 1));
    }
  }
  return dedupe(found);
}

/** Drop a file reached twice (a folder and a file in it); reject two files with one id. */
function dedupe(files: CorpusFile[]): CorpusFile[] {
  const byPath = new Map<string, CorpusFile>();
  const byId = new Map<string, string>();
  for (const f of files) {
    const key = resolve(f.path);
    if (byPath.has(key)) continue;
    const other = byId.get(f.meta.id);
    if (other) throw ingestErrors.invalidMetadata(f.path, 'id', `id «${f.meta.id}» er allerede brukt av «${other}»`);
    byPath.set(key, f);
    byId.set(f.meta.id, f.path);
  }
  return [...byPath.values()];
}
