/**
 * Run by `npm install` / `npm ci` (package.json "prepare"): readies what makes the first `npm start` fast.
 *  1. dist/: src/ compiled to JavaScript (scripts/build-dist.mjs), which `npm start` runs.
 *  2. A dump of an empty PGlite cluster in node_modules/.cache/innspill/ (src/store/pglite/initCache.ts), from
 *     which a new store starts instead of running initdb again.
 * Both are caches: `npm start` rebuilds what is stale in dist/ and saves the dump itself when it is missing, so a
 * failure here is only reported, never fails the install.
 */
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildDist, OUT, ROOT } from './build-dist.mjs';

const say = (/** @type {string} */ line) => process.stdout.write(`innspill: ${line}\n`);
const elapsed = (/** @type {number} */ t0) => `${((performance.now() - t0) / 1000).toFixed(1)} s`;

let t0 = performance.now();
try {
  const r = await buildDist();
  say(`dist/ is up to date (${r.compiled} compiled, ${r.linked} linked, ${r.removed} removed; ${elapsed(t0)})`);
} catch (err) {
  say(`could not build dist/ (npm start will try again): ${/** @type {Error} */ (err).message}`);
  process.exit(0);
}

t0 = performance.now();
try {
  const { initCacheFile } = await import(pathToFileURL(join(OUT, 'store', 'pglite', 'initCache.js')).href);
  const { vector } = await import('@electric-sql/pglite-pgvector');
  // NOTE: the same options as openPglite passes, for the same file name; a mismatch would only mean that the first
  // start saves its own dump.
  const file = initCacheFile({ extensions: { vector } });
  if (existsSync(file)) {
    say(`PGlite: ${relative(ROOT, file)} is there`);
  } else {
    // openPglite itself, so the dump is made exactly as a first start would make it.
    const { openPglite } = await import(pathToFileURL(join(OUT, 'store', 'db.js')).href);
    const db = await openPglite('memory://');
    await db.close();
    say(`PGlite: ${existsSync(file) ? 'saved' : 'could not save'} ${relative(ROOT, file)} (${elapsed(t0)})`);
  }
} catch (err) {
  say(`could not prepare the PGlite dump (the first start will): ${/** @type {Error} */ (err).message}`);
}
