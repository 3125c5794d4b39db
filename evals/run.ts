/**
 * `npm run eval`: every offline suite — retrieval (seed questions, NorQuAD dev), verifier accuracy on forged
 * citations, citation quality of offline drafts — as a table in the terminal, JSON/Markdown/HTML reports in
 * evals/reports/ (eval.*, or NAME.* with --name), and exit 1 below the thresholds in evals/config.yaml.
 */
import { fail, parseCli } from '../src/cli/args.js';
import { progressBar } from '../src/cli/progress.js';
import { loadConfig } from '../src/config/env.js';
import { createEmbedder } from '../src/embed/index.js';
import { check, readEvalConfig, type ThresholdCheck } from './lib/config.js';
import { writeReports, type ReportSection } from './lib/report.js';
import { table } from './lib/table.js';
import { norquadSet } from './retrieval/datasets.js';
import {
  RETRIEVAL_HEADERS,
  retrievalRows,
  runRetrievalSet,
  seedQuestionsSet,
  type RetrievalResult,
} from './retrieval/run.js';
import { runVerifierEval } from './verifier/run.js';
import { runAdversarialEval, TABLE_HEADERS, tableRows } from './verifier/adversarial/run.js';
import { loadCases } from './verifier/adversarial/cases.js';
import { pooled } from './verifier/adversarial/pooled.js';
import type { CaseResult } from './verifier/adversarial/run.js';
import { runDraftSuite } from './drafts/suite.js';
import { breakdown, rates, runAbstentionEval } from './abstention/run.js';

const HELP = `
Bruk: npm run eval -- [valg]

Kjører evalueringene uten nett: gjenfinning (egne spørsmål om seeds/ og NorQuAD dev), verifikatorens
treffsikkerhet på forfalskede sitater, og sitatkvaliteten i uttrekksutkast. Skriver tabeller, og rapporter som
JSON, Markdown og HTML i evals/reports/. Avslutter med kode 1 når et tall er under terskelen i evals/config.yaml.

Valg:
  --only SUITE     bare retrieval, verifier, drafts eller abstention
  --config FIL     annen konfigurasjonsfil (standard evals/config.yaml)
  --name NAVN      skriv rapportene til evals/reports/NAVN.{json,md,html} i stedet for eval.* (la rapporten fra
                   forrige fulle kjøring stå når du prøver en endring; CI bruker standarden)
  -h, --help       denne teksten
`;

/** The suites `--only` may name. */
const SUITES = ['retrieval', 'verifier', 'drafts', 'abstention'] as const;

/** A report name: a file name in evals/reports/, nothing that reaches outside it («..»). */
const REPORT_NAME = /^(?!\.+$)[\w.-]+$/;

async function main() {
  const { values } = parseCli(
    process.argv.slice(2),
    { only: { type: 'string' }, config: { type: 'string' }, name: { type: 'string' } },
    HELP,
  );
  const name = values.name ?? 'eval';
  if (!REPORT_NAME.test(name)) fail(`--name: bare bokstaver, sifre, «.», «-» og «_», fikk «${name}».`, 2);
  if (values.only !== undefined && !(SUITES as readonly string[]).includes(values.only))
    fail(`--only: må være en av ${SUITES.join(', ')}; fikk «${values.only}».`, 2);
  const read = readEvalConfig(values.config);
  if (!read.ok) fail(`--config: ${read.message}`, 2);
  const config = read.config;
  const run = (suite: string) => !values.only || values.only === suite;
  const sections: ReportSection[] = [];
  const checks: ThresholdCheck[] = [];
  const data: Record<string, unknown> = { generatedAt: new Date().toISOString() };

  if (run('retrieval')) {
    const embedder = await createEmbedder(loadConfig());
    const results: RetrievalResult[] = [];
    for (const s of config.retrieval.sets) {
      const set = s.cases
        ? await seedQuestionsSet(embedder, s.cases, 'seeds')
        : norquadSet(s.name, s.passages!, s.questions!);
      set.name = s.name;
      const bar = progressBar(`gjenfinning ${s.name.padEnd(15)}`);
      const res = await runRetrievalSet(set, embedder, {
        modes: config.retrieval.modes,
        onProgress: (d, t) => bar.update(d, t),
      });
      results.push(...res);
      const hybrid = res.find((r) => r.mode === 'hybrid') ?? res[0];
      for (const [metric, threshold] of Object.entries(s.thresholds)) {
        checks.push(
          check(
            `retrieval/${s.name}`,
            metric,
            hybrid.metrics[metric as keyof typeof hybrid.metrics] as number,
            threshold,
          ),
        );
      }
    }
    sections.push({
      title: `Gjenfinning (embedder ${embedder.model})`,
      headers: RETRIEVAL_HEADERS,
      rows: retrievalRows(results),
    });
    data.retrieval = { embedder: embedder.model, results };
  }

  if (run('verifier')) {
    process.stderr.write('verifikator: forfalsker og kontrollerer sitater …\n');
    const v = await runVerifierEval({
      seed: config.verifier.seed,
      genuine: config.verifier.genuine,
      perKind: config.verifier.perKind,
    });
    sections.push({
      title: 'Verifikatoren',
      headers: ['fault kind', 'caught', 'total', 'rate', 'flagged for the right reason'],
      rows: [
        ...v.kinds.map((k) => [k.kind, k.caught, k.total, k.rate, k.precise]),
        ['genuine (false alarms, ✗)', v.genuine.falseAlarms, v.genuine.total, v.genuine.rate, '–'],
        [
          'genuine (soft, ≈, not gated)',
          v.genuine.softAlarms,
          v.genuine.total,
          v.genuine.softAlarms / (v.genuine.total || 1),
          '–',
        ],
      ],
      note: `${v.forged} forged and ${v.genuine.total} genuine citations from ${v.corpus.passages} passages (seeds ${v.corpus.seeds}, NorQuAD ${v.corpus.norquad}).`,
    });
    for (const k of v.kinds)
      checks.push(check('verifier', `caught:${k.kind}`, k.rate, config.verifier.thresholds.caught));
    checks.push(check('verifier', 'falseAlarms', v.genuine.rate, config.verifier.thresholds.falseAlarms));
    data.verifier = v;

    // The hand-written sets, in the order evals/config.yaml gives them.
    const closed: CaseResult[] = [];
    for (const [name, set] of Object.entries(config.verifier.handWritten)) {
      const suite = `verifier/${name}`;
      const key = `verifier${name.replace(/(?:^|-)(\w)/g, (_, c: string) => c.toUpperCase())}`;
      process.stderr.write(`verifikator: håndskrevne tilfeller (${set.cases}) …\n`);
      const a = await runAdversarialEval({ cases: await loadCases(set.cases) });
      sections.push({
        title: set.title,
        headers: TABLE_HEADERS,
        rows: tableRows(a),
        note:
          `${set.cases}: ${a.overall.cases} cases (${a.overall.faulty} faulty, ${a.overall.faithful} faithful). Dangerous miss: faulty → supported; ` +
          'hard false alarm: faithful → unsupported/contradicted/uncited; soft alarm: faithful → partly supported. ' +
          'Dev = even ids (used while developing), held-out = odd ids (only measured).',
      });
      const t = set.thresholds;
      checks.push(check(suite, 'maxDangerousMisses', a.overall.dangerousMissRate, t.maxDangerousMisses));
      checks.push(check(suite, 'maxHardFalseAlarms', a.overall.hardFalseAlarmRate, t.maxHardFalseAlarms));
      checks.push(check(suite, 'maxSoftAlarms', a.overall.softAlarmRate, t.maxSoftAlarms));
      for (const c of a.categories)
        checks.push(
          check(suite, `maxDangerousMisses:${c.category}`, c.all.dangerousMissRate, t.maxDangerousMissesPerCategory),
        );
      data[key] = { ...a, results: a.results.filter((r) => r.outcome !== 'ok') };
      if (set.read === 'never') closed.push(...a.results);
    }
    const pool = config.verifier.closedPooled;
    if (pool && closed.length > 0) {
      const p = pooled(closed, pool.aliases, pool);
      const pct = (x: number) => `${Math.round(x * 100)} %`;
      sections.push({
        title: pool.title,
        headers: TABLE_HEADERS,
        rows: tableRows(p),
        note:
          `The closed sets together (${p.overall.faulty} faulty, ${p.overall.faithful} faithful), each category under one name ` +
          `(verifier.closedPooled.aliases). Categories with at least ${pool.minFaulty} faulty cases are held to ` +
          `${pct(pool.target)} dangerous misses: ${p.judged - p.overTarget.length} of ${p.judged} are within it` +
          (p.overTarget.length ? `; above it: ${p.overTarget.join(', ')}.` : '.') +
          ' Report-only, as the closed sets are.',
      });
      data.verifierClosedPooled = {
        overall: p.overall,
        categories: p.categories,
        judged: p.judged,
        overTarget: p.overTarget,
      };
    }
  }

  if (run('drafts') && config.drafts) {
    const d = await runDraftSuite(config.drafts.consultations, (msg) => process.stderr.write(`${msg}\n`));
    sections.push(d.section);
    for (const [metric, threshold] of Object.entries(config.drafts.thresholds)) {
      const value = d.metrics[metric.replace(/^max(.)/, (_, c: string) => c.toLowerCase())];
      if (value !== undefined) checks.push(check('drafts', metric, value, threshold));
    }
    data.drafts = d.data;
  }

  // Abstention: the "no recorded position" decision on evals/cases/abstention.jsonl (evals/abstention/run.ts).
  if (run('abstention') && config.abstention) {
    const bar = progressBar('avstå/svare'.padEnd(27));
    const a = await runAbstentionEval((d, t) => bar.update(d, t));
    const row = (name: string, r: typeof a.whole) => [
      name,
      r.cases,
      r.answerable,
      r.unanswerable,
      r.falseNoPosition,
      r.falseAnswered,
      r.reviewAnswerable,
      r.reviewUnanswerable,
      r.binaryFalseAnswered,
      r.previousFalseNoPosition,
    ];
    const headers = [
      'set',
      'cases',
      'answerable',
      'not answerable',
      'false "no position"',
      'false "answered"',
      '≈ review: answerable',
      '≈ review: not answerable',
      'binary false "answered" (≈ as answered)',
      'previous false "no position" (≈ as none)',
    ];
    // Gates per set; a metric named maxX gates the rate X (the review shares).
    const gate = (suite: string, r: typeof a.whole, thresholds: Record<string, number> | undefined) => {
      for (const [metric, threshold] of Object.entries(thresholds ?? {})) {
        const key = metric.replace(/^max(.)/, (_, c: string) => c.toLowerCase()) as keyof typeof r;
        if (typeof r[key] === 'number') checks.push(check(suite, metric, r[key], threshold));
      }
    };
    gate('abstention', a.whole, config.abstention.thresholds);
    gate('abstention/dev', a.dev, config.abstention.dev);
    gate('abstention/held-out', a.heldOut, config.abstention.heldOut);
    data.abstention = a;
    const rows = [row('dev (odd ids)', a.dev), row('held-out (even ids)', a.heldOut), row('whole', a.whole)];

    // The blind sets, written without reading the code, each with the whole set broken down by kind; both are opened
    // development data now (the first since session 12, the second since session 13), gated at their measured figures.
    const blindSets = [
      {
        set: config.abstention.blind,
        label: 'blind',
        bar: 'avstå/svare (blind)',
        title: 'Avstå eller svare, blindt sett etter type',
        note: 'written without reading src/draft/relevance.ts or src/retrieve/; opened in session 12.',
        key: 'abstentionBlind',
      },
      {
        set: config.abstention.blind2,
        label: 'blind2',
        bar: 'avstå/svare (blind 2)',
        title: 'Avstå eller svare, andre blinde sett etter type',
        note: 'written without reading the code or any other case file; opened in session 13.',
        key: 'abstentionBlind2',
      },
      {
        set: config.abstention.blind3,
        label: 'blind3',
        bar: 'avstå/svare (blind 3)',
        title: 'Avstå eller svare, tredje blinde sett etter type',
        note: 'the closed measure since session 13: written without reading the code or any other case file; report-only.',
        key: 'abstentionBlind3',
      },
    ] as const;
    for (const { set, label, bar, title, note, key } of blindSets) {
      if (!set) continue;
      const progress = progressBar(bar.padEnd(27));
      const b = await runAbstentionEval((d, t) => progress.update(d, t), set.cases);
      rows.push(row(`${label}, whole`, b.whole));
      const kinds = [...new Set(b.outcomes.map((o) => o.kind))];
      sections.push({
        title,
        headers: ['kind', ...headers.slice(1)],
        rows: kinds.map((k) => row(k, rates(b.outcomes.filter((o) => o.kind === k)))),
        note: `${set.cases}: ${note}`,
      });
      gate(`abstention/${label}`, b.whole, set.thresholds);
      data[key] = b;
    }
    // The third set (issue 17): the cut-offs were chosen on it and the dev half; by kind, language and trait.
    const second = config.abstention.second;
    if (second) {
      const sbar = progressBar('avstå/svare (sett 2)'.padEnd(27));
      const t = await runAbstentionEval((d, n) => sbar.update(d, n), second.cases);
      rows.push(row('abstention2, whole', t.whole));
      sections.push({
        title: 'Avstå eller svare, sett 2 etter type, språk og trekk',
        headers: ['group', ...headers.slice(1)],
        rows: Object.entries(breakdown(t.outcomes)).map(([k, r]) => row(k, r)),
        note: `${second.cases}: written for issue 17, weighted toward Nynorsk, near misses and other organisations.`,
      });
      gate('abstention/abstention2', t.whole, second.thresholds);
      data.abstention2 = t;
    }
    sections.push({
      title: 'Avstå eller svare («Vi har ikke tidligere uttalt oss om dette.» / ≈ usikkert / svar)',
      headers,
      rows,
      note:
        'Three outcomes: answered, ≈ uncertain (drafted, every sentence marked for review), none. The cut-offs ' +
        'were chosen on the dev half and abstention2 only; held-out and blind are reported as they come.',
    });
  }

  for (const s of sections)
    process.stdout.write(`\n${s.title}\n${table(s.headers, s.rows)}\n${s.note ? s.note + '\n' : ''}`);
  process.stdout.write(
    `\nTerskler\n${table(
      ['suite', 'metric', 'value', 'threshold', 'pass'],
      checks.map((c) => [
        c.suite,
        c.metric,
        c.value,
        `${c.direction === 'min' ? '>=' : '<='} ${c.threshold}`,
        c.pass ? 'ja' : 'NEI',
      ]),
    )}\n`,
  );
  const paths = writeReports('evals/reports', name, { ...data, checks }, 'innspill – evaluering', sections, checks);
  process.stdout.write(`\nRapporter: ${paths.json}, ${paths.md}, ${paths.html}\n`);
  const failed = checks.filter((c) => !c.pass);
  if (failed.length) {
    process.stdout.write(`${failed.length} av ${checks.length} terskler ble ikke nådd.\n`);
    process.exit(1);
  }
  process.stdout.write(`Alle ${checks.length} terskler nådd.\n`);
}

main().catch((err) => {
  process.stderr.write(`Feil: ${(err as Error).message}\n`);
  process.exit(1);
});
