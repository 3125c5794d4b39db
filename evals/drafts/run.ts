/**
 * Citation quality of offline drafts and answers: draft each consultation in the config (evals/config.yaml
 * `drafts.consultations`) for every organisation it names, answer the questions in evals/cases/ask-questions.jsonl,
 * and score every sentence and citation with the verifier's report (see metrics.ts).
 * The extractive drafter quotes verbatim, so its quote validity is 1.0 by construction; the figures that can move
 * are recall (sentences the verifier will not back) and precision. Model providers are measured with the same
 * function when a key is configured; the fake-server runs in test/ are tests, not quality figures.
 *
 *     npx tsx evals/drafts/run.ts [--json]
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseCli } from '../../src/cli/args.js';
import { parse as parseYaml } from 'yaml';
import { seedIfEmpty } from '../../src/bootstrap/loadFiles.js';
import { loadConfig } from '../../src/config/env.js';
import { createAsker } from '../../src/draft/ask.js';
import { createDrafter } from '../../src/draft/pipeline.js';
import { DraftRequestSchema } from '../../src/domain/draftRequest.js';
import { corpusVocabulary } from '../../src/draft/vocabulary.js';
import { createEmbedder } from '../../src/embed/index.js';
import { createLlmProvider } from '../../src/llm/index.js';
import type { LlmProvider } from '../../src/llm/types.js';
import { openPglite } from '../../src/store/db.js';
import { ensureEmbedder } from '../../src/store/embeddings.js';
import { migrate } from '../../src/store/migrate.js';
import { storePassageSource } from '../../src/verify/index.js';
import { addTally, emptyTally, metricsOf, tallyReport, type CitationMetrics } from './metrics.js';

export interface AskCase {
  id: string;
  question: string;
  organisation?: string;
  /** The corpus has nothing on it: the right answer is no answer. */
  expectNoAnswer?: boolean;
}

export interface DraftEvalResult {
  provider: string;
  model: string;
  drafts: CitationMetrics & { count: number; noPositionSections: number };
  answers: CitationMetrics & {
    count: number;
    unanswered: number;
    wronglyAnswered: string[];
    wronglyUnanswered: string[];
  };
  all: CitationMetrics;
  ms: number;
}

export function readAskCases(path = 'evals/cases/ask-questions.jsonl'): AskCase[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as AskCase);
}

/**
 * @example const r = await runDraftEval({ consultations: ['examples/consultation-digitalisering.yaml'] });
 *   r.all.quoteValidity // 1 for the extractive drafter
 */
export async function runDraftEval({
  consultations,
  questions = readAskCases(),
  organisations = ['Fagforbundet', 'NTL'],
  provider: given,
  onProgress,
}: {
  consultations: string[];
  questions?: AskCase[];
  /** Each consultation is drafted for each of these organisations. */
  organisations?: string[];
  provider?: LlmProvider;
  onProgress?: (message: string) => void;
}): Promise<DraftEvalResult> {
  const t0 = performance.now();
  const config = loadConfig({ ...process.env, DATA_DIR: 'memory://', LOG_LEVEL: 'silent' });
  const db = await openPglite('memory://');
  try {
    await migrate(db);
    const embedder = await createEmbedder(config);
    await ensureEmbedder(db, embedder);
    await seedIfEmpty({ db, embedder }, 'seeds');
    const provider = given ?? createLlmProvider({ ...config, LLM_PROVIDER: 'extractive' }, { embedder });
    const source = storePassageSource(db);
    const shared = { db, embedder, provider, source, vocabulary: corpusVocabulary(db) };
    const drafter = createDrafter(shared);
    const asker = createAsker(shared);

    const drafts = emptyTally();
    let draftCount = 0;
    let noPosition = 0;
    for (const path of consultations) {
      const request = DraftRequestSchema.parse(parseYaml(readFileSync(path, 'utf8')));
      for (const name of organisations) {
        onProgress?.(`utkast: ${path} for ${name}`);
        const r = await drafter.draft({ ...request, organisation: { ...request.organisation, name } });
        const reviewReasons = new Set(r.draft.sections.flatMap((s) => (s.reviewReason ? [s.reviewReason] : [])));
        await tallyReport(drafts, r.verification, source, { organisation: r.draft.organisation, reviewReasons });
        noPosition += r.draft.sections.filter((s) => s.status === 'no_position').length;
        draftCount++;
      }
    }

    const answers = emptyTally();
    const wronglyAnswered: string[] = [];
    const wronglyUnanswered: string[] = [];
    let unanswered = 0;
    for (const q of questions) {
      onProgress?.(`svar: ${q.id}`);
      const r = await asker.ask({ question: q.question, organisation: q.organisation });
      await tallyReport(answers, r.verification, source, r.organisation ? { organisation: r.organisation } : {});
      if (!r.answered) unanswered++;
      if (q.expectNoAnswer && r.answered) wronglyAnswered.push(q.id);
      if (!q.expectNoAnswer && !r.answered) wronglyUnanswered.push(q.id);
    }
    return {
      provider: provider.name,
      model: provider.model,
      drafts: { ...metricsOf(drafts), count: draftCount, noPositionSections: noPosition },
      answers: { ...metricsOf(answers), count: questions.length, unanswered, wronglyAnswered, wronglyUnanswered },
      all: metricsOf(addTally(drafts, answers)),
      ms: Math.round(performance.now() - t0),
    };
  } finally {
    await db.close();
  }
}

const METRICS = ['citationRecall', 'citationPrecision', 'quoteValidity', 'misattribution', 'numberFidelity'] as const;

/** Rows for a report table: drafts, answers, all. */
export function resultRows(r: DraftEvalResult): (string | number)[][] {
  return (['drafts', 'answers', 'all'] as const).map((k) => [
    k,
    r[k].sentences,
    r[k].claims,
    r[k].citations,
    ...METRICS.map((m) => r[k][m]),
  ]);
}
export const RESULT_HEADERS = ['set', 'sentences', 'claims', 'citations', ...METRICS];

const HELP = `
Bruk: npm run eval:drafts -- [valg]

Lager utkast og svar uten nett for høringene i evals/config.yaml (drafts.consultations) og måler sitatkvaliteten:
setninger, påstander, sitater og hvor mange verifikatoren godtar.

  --json       resultatet som JSON
  -h, --help   denne teksten
`;

async function main() {
  const { values } = parseCli(process.argv.slice(2), { json: { type: 'boolean' } }, HELP);
  const consultations = (
    parseYaml(readFileSync('evals/config.yaml', 'utf8')) as { drafts?: { consultations: string[] } }
  ).drafts?.consultations ?? ['examples/consultation-digitalisering.yaml'];
  const r = await runDraftEval({ consultations, onProgress: (m) => process.stderr.write(`${m}\n`) });
  if (values.json) {
    process.stdout.write(JSON.stringify(r, null, 2) + '\n');
    return;
  }
  const pad = (s: string | number, n: number) =>
    (typeof s === 'number' && !Number.isInteger(s) ? s.toFixed(3) : String(s)).padEnd(n);
  process.stdout.write(`Sitatkvalitet (${r.provider}, ${r.model}) på ${(r.ms / 1000).toFixed(1)} s\n`);
  process.stdout.write(RESULT_HEADERS.map((h) => pad(h, 18)).join('') + '\n');
  for (const row of resultRows(r)) process.stdout.write(row.map((c) => pad(c, 18)).join('') + '\n');
  process.stdout.write(
    `${r.drafts.count} utkast (${r.drafts.noPositionSections} spørsmål uten tidligere uttalelse), ${r.answers.count} spørsmål ` +
      `(${r.answers.unanswered} uten svar; feil besvart: ${r.answers.wronglyAnswered.join(', ') || 'ingen'}; ` +
      `feil ubesvart: ${r.answers.wronglyUnanswered.join(', ') || 'ingen'}).\n`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((err) => {
    process.stderr.write(`Feil: ${(err as Error).message}\n`);
    process.exit(1);
  });
}
