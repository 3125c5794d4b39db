/**
 * Compiles src/ to plain JavaScript in dist/, incrementally, for `npm start` (scripts/run-dist.mjs).
 *
 * Why: running src/ through tsx costs ~1.5 s at every start on a 2-core machine (tsx starts a second node process,
 * then every module passes through its loader thread: ~2 s to load the server's modules against ~0.7 s compiled).
 *
 * Same semantics as tsx: each file is transformed on its own by esbuild — the transformer tsx itself uses — as tsx
 * calls it, with this project's tsconfig.json (see `options` below). Nothing is bundled or renamed, so relative imports,
 * `import.meta.url` and function names behave as under tsx. dist/ sits one level below the root like src/, so a
 * path such as `new URL('../../prompts/', import.meta.url)` reaches the same folder from either. The other files
 * under src/ (migrations, the web page, the IDF table) are symbolic links to the originals beside the compiled
 * modules, so an edit to them shows at once as when src/ runs directly (the web page's scripts on a reload).
 *
 * Never stale: dist/.manifest.json records the hash of every source file it was built from and how it was built.
 * Each run hashes src/ (~1 MB, a few ms), compiles or links only what changed and deletes the outputs of sources
 * that are gone, so an edit to src/ followed by `npm start` runs the edited code. Types are not checked here; that
 * stays `npm run typecheck`.
 *
 * Usage: `node scripts/build-dist.mjs` (`npm install` runs it through the prepare script).
 */
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const SRC = join(ROOT, 'src');
// NOTE: one level below ROOT like src/, so paths that leave src/ relative to a module resolve the same from dist/.
export const OUT = join(ROOT, 'dist');
// Bump to rebuild everything once after changing how outputs are made in a way the options below don't show.
const FORMAT = 1;

/** @param {string | Uint8Array} data */
const sha1 = (data) => createHash('sha1').update(data).digest('hex');

/**
 * esbuild as tsx has it (tsx depends on it; it is not a direct dependency), located without loading it.
 * @returns {{ url: string, version: string }}
 */
function locateEsbuild() {
  const require = createRequire(import.meta.url);
  let main;
  try {
    main = require.resolve('esbuild');
  } catch {
    main = createRequire(require.resolve('tsx')).resolve('esbuild');
  }
  const pkg = join(dirname(main), '..', 'package.json');
  return { url: pathToFileURL(main).href, version: JSON.parse(readFileSync(pkg, 'utf8')).version };
}

/** Every file under dir, as sorted paths relative to it with forward slashes. @param {string} dir */
function listFiles(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}

/** What one source file becomes in dist/: x.ts → x.js and x.js.map; .d.ts → nothing; anything else → a link to it. */
function outputsOf(/** @type {string} */ rel) {
  if (/\.(tsx|mts|cts)$/.test(rel)) throw new Error(`src/${rel}: only .ts modules are compiled to dist/`);
  if (rel.endsWith('.d.ts')) return [];
  if (rel.endsWith('.ts')) return [rel.slice(0, -3) + '.js', rel.slice(0, -3) + '.js.map'];
  return [rel];
}

function writeAtomic(/** @type {string} */ path, /** @type {string | Uint8Array} */ data) {
  mkdirSync(dirname(path), { recursive: true });
  // NOTE: write, then rename over the old file, so a start running at the same time never reads half a file.
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, data);
  renameSync(tmp, path);
}

/** A relative symbolic link at path to target (a copy where links can't be made), replacing what is there. */
function linkAtomic(/** @type {string} */ target, /** @type {string} */ path) {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  rmSync(tmp, { force: true });
  try {
    symlinkSync(relative(dirname(path), target), tmp);
  } catch {
    // NOTE: e.g. Windows without the right to make links: a copy, refreshed by the next build after its source changes.
    copyFileSync(target, tmp);
  }
  renameSync(tmp, path);
}

function readManifest(/** @type {string} */ out) {
  try {
    const m = JSON.parse(readFileSync(join(out, '.manifest.json'), 'utf8'));
    return { buildId: String(m.buildId), files: /** @type {Record<string, string>} */ (m.files ?? {}) };
  } catch {
    return { buildId: '', files: /** @type {Record<string, string>} */ ({}) };
  }
}

/**
 * Bring dist/ up to date with src/ (other folders: tests).
 * @param {{ src?: string, out?: string, tsconfig?: string }} [dirs]
 * @returns {Promise<{ compiled: number, linked: number, removed: number, unchanged: number }>}
 */
export async function buildDist({ src = SRC, out = OUT, tsconfig = join(ROOT, 'tsconfig.json') } = {}) {
  const esbuildAt = locateEsbuild();
  // As tsx 4.x calls esbuild (a target node, a source map, this project's tsconfig.json; format esm since
  // package.json says "type": "module"), less its minifyWhitespace and keepNames: unminified output keeps dist/
  // readable in a stack trace, and with nothing renamed (no bundling, no minified names) names stay as written.
  // The target is the oldest Node in package.json's "engines", not the running one, so dist/ survives a node change.
  // NOTE: the source maps are written but not enabled by default: enabling them costs ~60 ms of every start (node
  // then reads the maps of every loaded package). `NODE_OPTIONS=--enable-source-maps npm start` gives .ts lines.
  const options = /** @type {import('esbuild').TransformOptions} */ ({
    loader: 'ts',
    format: 'esm',
    target: 'node20',
    sourcemap: 'external',
    sourcesContent: false,
    // A string, so esbuild parses it as TypeScript does (comments and trailing commas allowed).
    tsconfigRaw: readFileSync(tsconfig, 'utf8'),
  });
  const buildId = sha1(JSON.stringify({ FORMAT, esbuild: esbuildAt.version, options }));
  const old = readManifest(out);
  const sameBuild = old.buildId === buildId;

  const result = { compiled: 0, linked: 0, removed: 0, unchanged: 0 };
  const sources = listFiles(src);
  // First the outputs of sources that are gone: a deleted or renamed module must not stay importable from dist/.
  const current = new Set(sources);
  const keep = new Set(sources.flatMap(outputsOf));
  for (const rel of Object.keys(old.files)) {
    if (current.has(rel)) continue;
    for (const o of outputsOf(rel)) {
      // lstat, not exists: a link whose source is gone must go too.
      if (keep.has(o) || !lstatSync(join(out, o), { throwIfNoEntry: false })) continue;
      rmSync(join(out, o), { force: true });
      result.removed++;
    }
  }
  /** @type {Record<string, string>} */
  const files = {};
  /** @type {typeof import('esbuild') | undefined} */
  let esbuild;
  for (const rel of sources) {
    const bytes = readFileSync(join(src, rel));
    const hash = sha1(bytes);
    const outs = outputsOf(rel);
    files[rel] = hash;
    if (sameBuild && old.files[rel] === hash && outs.every((o) => existsSync(join(out, o)))) {
      result.unchanged++;
    } else if (rel.endsWith('.ts')) {
      if (!outs.length) continue;
      // NOTE: loaded only when something is to be compiled, so a start with nothing changed doesn't pay for it.
      esbuild ??= /** @type {typeof import('esbuild')} */ (await import(esbuildAt.url));
      let transformed;
      try {
        // The source map names the .ts file relative to itself, so it holds wherever the checkout is.
        const sourcefile = relative(dirname(join(out, outs[1])), join(src, rel))
          .split(sep)
          .join('/');
        transformed = await esbuild.transform(bytes.toString('utf8'), { ...options, sourcefile });
      } catch (err) {
        // What was built so far is recorded; this file and the ones after it are not, so they are built next time.
        delete files[rel];
        writeManifest(out, buildId, files);
        throw new Error(`could not compile src/${rel}: ${/** @type {Error} */ (err).message}`, { cause: err });
      }
      writeAtomic(join(out, outs[1]), transformed.map);
      writeAtomic(join(out, outs[0]), `${transformed.code}//# sourceMappingURL=${outs[1].split('/').pop()}\n`);
      result.compiled++;
    } else {
      linkAtomic(join(src, rel), join(out, rel));
      result.linked++;
    }
  }
  if (result.compiled || result.linked || result.removed || !sameBuild) writeManifest(out, buildId, files);
  return result;
}

function writeManifest(
  /** @type {string} */ out,
  /** @type {string} */ buildId,
  /** @type {Record<string, string>} */ files,
) {
  writeAtomic(join(out, '.manifest.json'), JSON.stringify({ buildId, files }, null, 1) + '\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const t0 = performance.now();
  try {
    const r = await buildDist();
    process.stdout.write(
      `dist/: ${r.compiled} compiled, ${r.linked} linked, ${r.removed} removed, ${r.unchanged} unchanged (${Math.round(performance.now() - t0)} ms)\n`,
    );
  } catch (err) {
    process.stderr.write(`${/** @type {Error} */ (err).message}\n`);
    process.exit(1);
  }
}
