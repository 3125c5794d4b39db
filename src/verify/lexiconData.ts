/**
 * The raw contents of a lexicon shipped in src/verify/lexicons/ (`lexiconData('limits')` reads limits.json), for the
 * module that owns it to parse with its own zod schema. One place that knows where the lexicons live.
 */
import { readFileSync } from 'node:fs';

export function lexiconData(name: string): unknown {
  const url = new URL(`./lexicons/${name}.json`, import.meta.url);
  try {
    return JSON.parse(readFileSync(url, 'utf8'));
  } catch (err) {
    throw new Error(`lexicons/${name}.json: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
}
