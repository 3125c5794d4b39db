/**
 * The abstention eval: every (question, organisation) pair of evals/cases/abstention.jsonl through the drafting
 * pipeline's own retrieval and relevance decision (`retrieveSources`) on the seed store with the local embedder, and
 * the two ways it can be wrong:
 * - false "no position": the organisation's documents answer the question, the draft would say «Vi har ikke
 *   tidligere uttalt oss om dette.» (share of the answerable cases);
 * - false "answered": they don't, the draft would answer anyway (share of the unanswerable cases).
 *
 * NOTE: to keep the decision from being tuned to the set, the cases are split by id parity: odd ids are `dev` (look
 * at them while changing src/draft/relevance.ts), even ids are `held-out` (report only). Both halves and the whole
 * are reported; the CI thresholds in evals/config.yaml apply to the whole set.
 * Usage: npx tsx evals/abstention/run.ts [--dev] [--verbose] (or `npm run eval -- --only abstention`); `--dev` prints
 * the dev half only, for working on the decision without seeing the held-out figures.
 */
import { retrieveSources } from '../../src/draft/retrieve.js';
import { corpusVocabulary } from '../../src/draft/vocabulary.js';
import { seedIfEmpty } from '../../src/bootstrap/loadFiles.js';
import { loadConfig } from '../../src/config/env.js';
import { createEmbedder } from '../../src/embed/index.js';
import { openPglite } from '../../src/store/db.js';
import { ensureEmbedder } from '../../src/store/embeddings.js';
import { migrate } from '../../src/store/migrate.js';
import { loadCases, type AbstentionCase } from './cases.js';

export type Half = 'dev' | 'held-out';

/** Odd ids are dev, even ids held out: deterministic and independent of the file's order. */
export function halfOf(c: Pick<AbstentionCase, 'id'>): Half {
  return Number(c.id.replace(/\D/g, '')) % 2 === 1 ? 'dev' : 'held-out';
}

export interface AbstentionOutcome {
  id: string;
  half: Half;
  kind: AbstentionCase['kind'];
  language: AbstentionCase['language'];
  answerable: boolean;
  answered: boolean;
  vector: number;
  coverage: number;
  missing: string[];
  question: string;
}

export interface AbstentionRates {
  cases: number;
  answerable: number;
  unanswerable: number;
  /** Answerable cases the decision abstained on, as a share of the answerable cases. */
  falseNoPosition: number;
  /** Unanswerable cases the decision answered, as a share of the unanswerable cases. */
  falseAnswered: number;
}

export function rates(outcomes: AbstentionOutcome[]): AbstentionRates {
  const pos = outcomes.filter((o) => o.answerable);
  const neg = outcomes.filter((o) => !o.answerable);
  const share = (n: number, d: number) => (d ? Math.round((n / d) * 1000) / 1000 : 0);
  return {
    cases: outcomes.length,
    answerable: pos.length,
    unanswerable: neg.length,
    falseNoPosition: share(pos.filter((o) => !o.answered).length, pos.length),
    falseAnswered: share(neg.filter((o) => o.answered).length, neg.length),
  };
}

/** Runs every case; `onProgress(done, total)` for a progress bar. */
export async function runAbstentionEval(
  onProgress?: (done: number, total: number) => void,
  casesPath?: string,
): Promise<{ outcomes: AbstentionOutcome[]; whole: AbstentionRates; dev: AbstentionRates; heldOut: AbstentionRates }> {
  const { cases, errors } = await loadCases(casesPath);
  if (errors.length)
    throw new Error(
      `${casesPath ?? 'abstention.jsonl'}: ${errors.length} ugyldige linjer (kjør evals/abstention/check.ts)`,
    );
  const config = loadConfig({ DATA_DIR: 'memory://', LOG_LEVEL: 'silent' });
  const db = await openPglite('memory://');
  await migrate(db);
  const embedder = await createEmbedder(config);
  await ensureEmbedder(db, embedder);
  await seedIfEmpty({ db, embedder }, 'seeds');
  const deps = { db, embedder, vocabulary: corpusVocabulary(db) };
  const outcomes: AbstentionOutcome[] = [];
  for (const c of cases) {
    const r = await retrieveSources(deps, { query: c.question, organisation: c.organisation });
    outcomes.push({
      id: c.id,
      half: halfOf(c),
      kind: c.kind,
      language: c.language,
      answerable: c.answerable,
      answered: r.relevance.relevant,
      vector: r.relevance.vector,
      coverage: r.relevance.coverage,
      missing: r.relevance.missing,
      question: c.question,
    });
    onProgress?.(outcomes.length, cases.length);
  }
  await db.close();
  return {
    outcomes,
    whole: rates(outcomes),
    dev: rates(outcomes.filter((o) => o.half === 'dev')),
    heldOut: rates(outcomes.filter((o) => o.half === 'held-out')),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const verbose = process.argv.includes('--verbose');
  const res = await runAbstentionEval();
  console.table(
    process.argv.includes('--dev') ? { dev: res.dev } : { dev: res.dev, 'held-out': res.heldOut, whole: res.whole },
  );
  if (verbose)
    for (const o of res.outcomes.filter((o) => o.half === 'dev' && o.answered !== o.answerable))
      console.log(
        `${o.id} ${o.answerable ? 'FALSE-NO-POSITION' : 'FALSE-ANSWERED'} ${o.kind} v=${o.vector} c=${o.coverage} missing=${o.missing.join(',')} | ${o.question}`,
      );
}
