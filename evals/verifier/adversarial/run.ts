/**
 * The adversarial verifier eval: every hand-written case in `evals/cases/verifier-adversarial.jsonl` becomes a
 * one-sentence draft citing the passage that holds its quote (the pieces of an elided quote, or `passageContains`
 * for an altered one), is verified offline (no judge), and is counted:
 * - dangerous miss: a faulty sentence the verifier calls "supported" (a ✓ that lies);
 * - hard false alarm: a faithful sentence called unsupported, contradicted or uncited (✗);
 * - soft alarm: a faithful sentence called partly supported (≈ needs review).
 *
 * NOTE: to keep the verifier from being tuned to the set, the set is split by id: even ids are the dev half (read
 * while developing), odd ids are held out (only ever measured). Both halves and the whole are reported.
 *
 *     npx tsx evals/verifier/adversarial/run.ts [--json] [--split dev|heldout|all] [--misses] [--cases FILE]
 *     npx tsx evals/verifier/adversarial/run.ts --by-check
 *     npx tsx evals/verifier/adversarial/run.ts --judge configured|oracle [--cases FILE]
 *
 * `--cases evals/cases/verifier-handwritten.jsonl` runs the second hand-written set (new categories) instead.
 * `--by-check` attributes every ✗ and ≈ on the readable sets to the checks that gave it (byCheck.ts).
 * `--judge` measures the verifier WITH its entailment judge (judgeColumn.ts): `configured` is the deployment's own
 * (VERIFY_JUDGE with a model, as `npm start` builds it), `oracle` a judge that knows every case's label, i.e. the
 * most any judge can do under the verifier's rules (it may lift ≈, never a failed quote, number, negation or holder).
 */
import { pathToFileURL } from 'node:url';
import { fail, parseCli } from '../../../src/cli/args.js';
import type { PassageWithDocument } from '../../../src/domain/types.js';
import { memoryPassageSource, verifyDraft, type Judge, type SentenceReport } from '../../../src/verify/index.js';
import { passagesOf } from '../corpus.js';
import { byCheck, HARD_HEADERS, hardRows, loadReadableCases, SOFT_HEADERS, softRows } from './byCheck.js';
import { loadCases, piecesInOrder, quotePieces, type AdversarialCase } from './cases.js';
import { judgeForMode, judgeSummary, progressLine, type JudgeOutcome } from './judgeColumn.js';
import { loadAdversarialDocuments } from './texts.js';

export type Split = 'dev' | 'heldout';
export const splitOf = (id: string): Split => (Number(id.replace(/\D/g, '')) % 2 === 0 ? 'dev' : 'heldout');

export interface Figures {
  cases: number;
  faulty: number;
  faithful: number;
  dangerousMisses: number;
  hardFalseAlarms: number;
  softAlarms: number;
  /** Rates: misses over faulty cases, alarms over faithful cases (0 when there are none). */
  dangerousMissRate: number;
  hardFalseAlarmRate: number;
  softAlarmRate: number;
}

export interface CaseResult {
  id: string;
  split: Split;
  category: string;
  label: AdversarialCase['label'];
  sentence: string;
  verdict: SentenceReport['verdict'];
  claim: boolean;
  statuses: string[];
  reasons: string[];
  outcome: 'dangerous_miss' | 'hard_false_alarm' | 'soft_alarm' | 'ok';
  /** Which check gave which verdict (only with `explain`). */
  findings?: NonNullable<SentenceReport['findings']>;
  /** With a judge: whether its answer set the verdict, or why it could not answer. */
  judge?: JudgeOutcome;
}

export interface AdversarialResult {
  overall: Figures;
  dev: Figures;
  heldout: Figures;
  categories: { category: string; all: Figures; dev: Figures; heldout: Figures }[];
  results: CaseResult[];
  ms: number;
}

/** A verdict the person reads as ✓: supported, and every citation found where it says. */
const passes = (s: SentenceReport) => s.verdict === 'supported' && s.citations.every((c) => c.status === 'ok');

export function outcomeOf(label: AdversarialCase['label'], s: SentenceReport): CaseResult['outcome'] {
  // An uncited claim let through as courtesy («Utenforskapet øker.» exempt) is as much a ✓ that lies.
  if (label === 'faulty') return passes(s) || (s.verdict === 'uncited' && !s.claim) ? 'dangerous_miss' : 'ok';
  if (passes(s) || (s.verdict === 'uncited' && !s.claim)) return 'ok';
  if (s.verdict === 'partly_supported' && s.citations.every((c) => c.status === 'ok')) return 'soft_alarm';
  // A citation that is not found, or a ✗ verdict, is a hard alarm on a faithful sentence.
  return s.verdict === 'partly_supported' ? 'soft_alarm' : 'hard_false_alarm';
}

export function figures(rs: readonly CaseResult[]): Figures {
  const faulty = rs.filter((r) => r.label === 'faulty').length;
  const faithful = rs.length - faulty;
  const n = (o: CaseResult['outcome']) => rs.filter((r) => r.outcome === o).length;
  const rate = (x: number, of: number) => (of ? x / of : 0);
  return {
    cases: rs.length,
    faulty,
    faithful,
    dangerousMisses: n('dangerous_miss'),
    hardFalseAlarms: n('hard_false_alarm'),
    softAlarms: n('soft_alarm'),
    dangerousMissRate: rate(n('dangerous_miss'), faulty),
    hardFalseAlarmRate: rate(n('hard_false_alarm'), faithful),
    softAlarmRate: rate(n('soft_alarm'), faithful),
  };
}

/** The passage a citation points at: the one holding the quote's pieces in order, else the `passageContains` one. */
function passageFor(cit: AdversarialCase['citations'][number], passages: PassageWithDocument[]): string {
  const mine = passages.filter((p) => p.documentId === cit.document);
  const pieces = quotePieces(cit.quote);
  const hit =
    mine.find((p) => piecesInOrder(p.text, pieces)) ??
    (cit.passageContains ? mine.find((p) => p.text.includes(cit.passageContains!)) : undefined) ??
    mine[0];
  return hit ? hit.id : `${cit.document}#0`;
}

export async function runAdversarialEval(
  opts: {
    cases?: AdversarialCase[];
    explain?: boolean;
    /** The judge each case is verified with (none: offline, as the targets are measured). */
    judgeFor?: (c: AdversarialCase) => Judge;
    onProgress?: (done: number, of: number) => void;
  } = {},
): Promise<AdversarialResult> {
  const started = performance.now();
  const docs = await loadAdversarialDocuments();
  const passages = [...docs.values()].flatMap(passagesOf);
  const source = memoryPassageSource(passages);
  const cases = opts.cases ?? (await loadCases());
  const results: CaseResult[] = [];
  for (const c of cases) {
    const draft = {
      sections: [
        {
          sentences: [
            {
              text: c.sentence,
              citations: c.citations.map((cit) => ({ passageId: passageFor(cit, passages), quote: cit.quote })),
            },
          ],
        },
      ],
    };
    const judge = opts.judgeFor?.(c);
    const report = await verifyDraft(
      draft,
      { source, ...(judge ? { judge } : {}) },
      { ...(c.organisation ? { organisation: c.organisation } : {}), explain: opts.explain ?? false },
    );
    const s = report.sentences[0];
    results.push({
      id: c.id,
      split: splitOf(c.id),
      category: c.category,
      label: c.label,
      sentence: c.sentence,
      verdict: s.verdict,
      claim: s.claim,
      statuses: s.citations.map((x) => x.status),
      reasons: s.reasons,
      outcome: outcomeOf(c.label, s),
      ...(s.findings ? { findings: s.findings } : {}),
      ...(judge ? { judge: judgeOutcome(s) } : {}),
    });
    opts.onProgress?.(results.length, cases.length);
  }
  return { ...summarise(results), ms: Math.round(performance.now() - started) };
}

/** The figures of verified cases: overall, per half and per category (sorted by name). */
export function summarise(results: CaseResult[]): Omit<AdversarialResult, 'ms'> {
  const categories = [...new Set(results.map((r) => r.category))].sort().map((category) => {
    const rs = results.filter((r) => r.category === category);
    return {
      category,
      all: figures(rs),
      dev: figures(rs.filter((r) => r.split === 'dev')),
      heldout: figures(rs.filter((r) => r.split === 'heldout')),
    };
  });
  return {
    overall: figures(results),
    dev: figures(results.filter((r) => r.split === 'dev')),
    heldout: figures(results.filter((r) => r.split === 'heldout')),
    categories,
    results,
  };
}

function judgeOutcome(s: SentenceReport): JudgeOutcome {
  if (!s.judge) return 'kept';
  if ('error' in s.judge) return 'unavailable';
  return s.judge.decided ? 'decided' : 'kept';
}

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
const cell = (n: number, of: number) => (of ? `${n}/${of} ${pct(n / of)}` : '–');

/** Rows for a table: category (or half), cases, then the three figures. */
export function tableRows(
  r: Pick<AdversarialResult, 'categories' | 'dev' | 'heldout' | 'overall'>,
): (string | number)[][] {
  const row = (name: string, f: Figures) => [
    name,
    `${f.faulty}/${f.faithful}`,
    cell(f.dangerousMisses, f.faulty),
    cell(f.hardFalseAlarms, f.faithful),
    cell(f.softAlarms, f.faithful),
  ];
  return [
    ...r.categories.map((c) => row(c.category, c.all)),
    row('— dev (even ids)', r.dev),
    row('— held-out (odd ids)', r.heldout),
    row('— overall', r.overall),
  ];
}
export const TABLE_HEADERS = ['category', 'faulty/faithful', 'dangerous misses', 'hard false alarms', 'soft alarms'];

const HELP = `
Bruk: npm run eval:verifier:adversarial -- [valg]

Kjører verifikatoren uten dommer på håndskrevne tilfeller (standard evals/cases/verifier-adversarial.jsonl) og
skriver tabellen per kategori: farlige bom (feil → støttet), harde falske alarmer (trofast → ✗) og myke alarmer
(trofast → ≈). Partall-id-er er utviklingshalvdelen, oddetall-id-er holdes utenfor.

Valg:
  --cases FIL      en annen fil med tilfeller (for eksempel evals/cases/verifier-faithful2.jsonl)
  --misses         skriv også ut tilfellene som ikke gikk bra (bare utviklingshalvdelen, om ikke --split er gitt)
  --split HALVDEL  dev, heldout eller all: hvilke tilfeller --misses skriver ut (standard dev)
  --judge HVILKEN  med dommer: configured (dommeren som er satt opp, VERIFY_JUDGE med en modell, som for npm start)
                   eller oracle (en dommer som kjenner fasiten: det meste en dommer kan rette etter verifikatorens
                   regler); tabellen får en linje om hvor mange dommer dommeren avgjorde
  --by-check       hvilken kontroll som ga hver ✗ og ≈, over de lesbare settene (utviklingshalvdelen og settene
                   fra rundene i sak 15, og de tre første blinde settene siden økt 12, 13 og 14; aldri den
                   holdte halvdelen; --cases gjelder ikke)
  --json           hele resultatet som JSON
  -h, --help       denne teksten
`;

const isSplit = (x: string): x is Split | 'all' => x === 'dev' || x === 'heldout' || x === 'all';

/** A case file that cannot be read or parsed: one Norwegian line, exit 2 (the user's to fix). */
function failCases(path: string, err: unknown): never {
  const missing = (err as NodeJS.ErrnoException).code === 'ENOENT';
  fail(
    missing ? `--cases: fant ikke ${path}.` : `--cases: ${path} har ugyldige tilfeller:\n${(err as Error).message}`,
    2,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseCli(
    process.argv.slice(2),
    {
      json: { type: 'boolean' },
      split: { type: 'string' },
      misses: { type: 'boolean' },
      cases: { type: 'string' },
      'by-check': { type: 'boolean' },
      judge: { type: 'string' },
    },
    HELP,
  );
  let judgeFor: ((c: AdversarialCase) => Judge) | undefined;
  try {
    judgeFor = values.judge === undefined ? undefined : judgeForMode(values.judge);
  } catch (err) {
    fail((err as Error).message, 2);
  }
  if (values['by-check']) {
    const r = await runAdversarialEval({ cases: await loadReadableCases(), explain: true });
    const rows = byCheck(r.results.map((x) => ({ ...x, findings: x.findings ?? [] })));
    if (values.json) console.log(JSON.stringify({ overall: r.overall, checks: rows }, null, 2));
    else {
      const { table } = await import('../../lib/table.js');
      const f = r.overall;
      console.log(
        `Lesbare sett: ${f.faulty} feil / ${f.faithful} trofaste; ${f.dangerousMisses} farlige bom, ` +
          `${f.hardFalseAlarms} harde og ${f.softAlarms} myke alarmer. (alene) = den eneste kontrollen med den dommen.\n`,
      );
      console.log(table(HARD_HEADERS, hardRows(rows)));
      console.log('');
      console.log(table(SOFT_HEADERS, softRows(rows)));
    }
    process.exit(0);
  }
  const split = values.split ?? 'dev';
  if (!isSplit(split)) fail(`--split: må være dev, heldout eller all; fikk «${split}».`, 2);
  const cases = values.cases
    ? await loadCases(values.cases).catch((err: unknown) => failCases(values.cases!, err))
    : null;
  const r = await runAdversarialEval({
    ...(cases ? { cases } : {}),
    ...(judgeFor ? { judgeFor, ...(values.judge === 'configured' ? { onProgress: progressLine } : {}) } : {}),
  });
  if (values.json) console.log(JSON.stringify(r, null, 2));
  else {
    const { table } = await import('../../lib/table.js');
    console.log(table(TABLE_HEADERS, tableRows(r)));
    if (judgeFor) console.log(`\n${judgeSummary(values.judge!, r.results)}`);
    if (values.misses) {
      // NOTE: only the dev half is printed by default, so that nobody reads held-out cases while developing.
      for (const x of r.results.filter((x) => x.outcome !== 'ok' && (split === 'all' || x.split === split)))
        console.log(
          `\n${x.id} ${x.category} ${x.label} → ${x.verdict} [${x.statuses}] ${x.outcome}\n  ${x.sentence}\n  ${x.reasons.join('\n  ')}`,
        );
    }
  }
}
