/**
 * Build src/embed/idf-nb.txt, the local embedder's down-weights for common features, from Lovdata statutes:
 *
 *   npx tsx scripts/idf-build.ts evals/data/lovdata > src/embed/idf-nb.txt
 *
 * NOTE: the table comes from statutes, not from NorQuAD, so bench/embedder-quality.ts measures it on text it
 * never saw. Only features in more than MIN_SHARE of the sections are listed; the rest weigh 1. Measured at
 * D=384 (NorQuAD MRR whole passages / ~500-char chunks; cos("kommunene", "kommunal sektor")):
 *   no table                      0.643 / 0.720 / 0.34
 *   share > 2%  (6.4k entries)    0.695 / 0.743 / 0.15
 *   share > 10% (1.3k, shipped)   0.673 / 0.733 / 0.30
 * The 2% table scores better on NorQuAD's encyclopedic questions but weighs down "kommun", "forskrift" and
 * "departement" — the vocabulary consultation responses are about. Above 10% only generic Norwegian is left:
 * endings ("ene>", "ing>"), prefixes ("<for", "<be") and words like "lov", "dersom", "første".
 * Rebuilding changes the vectors: bump VERSION in src/embed/local.ts.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { featureKeys } from '../src/embed/features.js';
import { DEFAULT_FEATURES } from '../src/embed/local.js';

const MIN_SHARE = 0.1;
const POWER = 1.5;
const STEP = 0.05;

/** One document per statute section (§): split at each legalArticle, strip tags. */
function sections(dir: string): string[] {
  const out: string[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.xml'))
    .sort()) {
    const html = readFileSync(join(dir, file), 'utf8');
    for (const part of html.split('<article class="legalArticle"').slice(1)) {
      out.push(
        part
          .slice(part.indexOf('>') + 1)
          .replace(/<[^>]+>/g, ' ')
          .replace(/&[#\w]+;/g, ' '),
      );
    }
  }
  return out;
}

function main(dir: string): void {
  const docs = sections(dir);
  const df = { stem: new Map<string, number>(), ngram: new Map<string, number>() };
  for (const doc of docs) {
    const keys = featureKeys(doc, DEFAULT_FEATURES);
    for (const k of keys.stems) df.stem.set(k, (df.stem.get(k) ?? 0) + 1);
    for (const k of keys.ngrams) df.ngram.set(k, (df.ngram.get(k) ?? 0) + 1);
  }
  const n = docs.length;
  const minDf = Math.round(MIN_SHARE * n);
  const idf = (d: number) => Math.log((n + 1) / (d + 1));
  const lines = [
    '# Down-weights for common Norwegian features, read by src/embed/idf.ts. Format: kind<TAB>weight<TAB>keys.',
    `# Built by scripts/idf-build.ts from ${n} sections of 25 consolidated Norwegian statutes, Lovdata public data`,
    '# (NLOD 2.0, https://data.norge.no/nlod/no/2.0). Only document frequencies were derived; no text is included.',
    `# Features in more than ${minDf} sections: weight = (idf(df) / idf(${minDf}))^${POWER}, idf(d) = ln((N+1)/(d+1)),`,
    `# rounded to ${STEP}. Unlisted features weigh 1.`,
  ];
  for (const kind of ['stem', 'ngram'] as const) {
    const byWeight = new Map<string, string[]>();
    for (const [key, d] of [...df[kind]].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      if (d <= minDf) continue;
      const w = Math.max(STEP, Math.round((idf(d) / idf(minDf)) ** POWER / STEP) * STEP).toFixed(2);
      if (w === '1.00') continue;
      byWeight.set(w, [...(byWeight.get(w) ?? []), key]);
    }
    for (const [w, keys] of [...byWeight].sort(([a], [b]) => Number(a) - Number(b))) {
      lines.push(`${kind}\t${w}\t${keys.join(' ')}`);
    }
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

// Only when run as a script, so importing this file (a test, an editor) never exits the process.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: npx tsx scripts/idf-build.ts <lovdata-dir> > src/embed/idf-nb.txt');
    process.exit(2);
  }
  main(dir);
}
