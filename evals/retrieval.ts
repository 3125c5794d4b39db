/** `npm run eval:retrieval`: recall@1/5/10 and MRR on the seed questions and NorQuAD dev (or any given set). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseCli } from '../src/cli/args.js';
import { progressBar } from '../src/cli/progress.js';
import { loadConfig } from '../src/config/env.js';
import { createEmbedder } from '../src/embed/index.js';
import { norquadSet } from './retrieval/datasets.js';
import {
  RETRIEVAL_HEADERS,
  retrievalRows,
  runRetrievalSet,
  seedQuestionsSet,
  type RetrievalResult,
} from './retrieval/run.js';
import { table } from './lib/table.js';

const HELP = `
Bruk: npm run eval:retrieval -- [valg]

Måler gjenfinning (recall@1/5/10 og MRR) for hybrid-, vektor- og fulltekstsøk på egne spørsmål om seeds/
og på NorQuAD dev (evals/data/norquad), med MiniSearch (samme norske stemmer og stoppord) og ren BM25 på de
samme avsnittene og spørsmålene ved siden av, og millisekunder per spørsmål.

Valg:
  --passages FIL    eget sett: avsnitt i NorQuAD-form (jsonl: id, title, text)
  --questions FIL   eget sett: spørsmål i NorQuAD-form (jsonl: id, question, passage_id)
  --json FIL        skriv rapporten (med rang per spørsmål) hit (standard: evals/reports/retrieval.json)
  --only NAVN       bare settet seed-questions eller norquad-dev
`;

async function main() {
  const { values } = parseCli(
    process.argv.slice(2),
    { passages: { type: 'string' }, questions: { type: 'string' }, json: { type: 'string' }, only: { type: 'string' } },
    HELP,
  );
  const embedder = await createEmbedder(loadConfig());
  const sets = [];
  if (values.passages || values.questions) {
    if (!values.passages || !values.questions) throw new Error('--passages og --questions må gis sammen.');
    sets.push(norquadSet('custom', values.passages, values.questions));
  } else {
    if (!values.only || values.only === 'seed-questions')
      sets.push(await seedQuestionsSet(embedder, 'evals/cases/seed-questions.jsonl', 'seeds'));
    if (!values.only || values.only === 'norquad-dev') {
      sets.push(norquadSet('norquad-dev', 'evals/data/norquad/passages.jsonl', 'evals/data/norquad/dev.jsonl'));
    }
  }
  const results: RetrievalResult[] = [];
  for (const set of sets) {
    const bar = progressBar(`${set.name.padEnd(16)}`);
    results.push(...(await runRetrievalSet(set, embedder, { onProgress: (d, t) => bar.update(d, t) })));
  }
  process.stdout.write(`\nEmbedder: ${embedder.model}\n`);
  process.stdout.write(table(RETRIEVAL_HEADERS, retrievalRows(results)) + '\n');
  const out = values.json ?? 'evals/reports/retrieval.json';
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(
    out,
    JSON.stringify({ embedder: embedder.model, generatedAt: new Date().toISOString(), results }, null, 2),
  );
  process.stdout.write(`Rapport: ${out}\n`);
}

main().catch((err) => {
  process.stderr.write(`Feil: ${(err as Error).message}\n`);
  process.exit(1);
});
