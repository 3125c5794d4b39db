/**
 * A verification report as plain text for people (the CLI), in Norwegian: each sentence with its verdict and
 * reasons, each quote with how it was found, and a summary.
 */
import type { VerificationReport } from './index.js';
import { STATUS_LABEL, VERDICT_LABEL } from './reasons.js';

const MARK = { supported: '✔', partly_supported: '◐', unsupported: '✘', contradicted: '✘', uncited: '·' } as const;
const SHORT_TIER = { exact: 'ordrett', normalised: 'normalisert', loose: 'løst' } as const;

/**
 * @example process.stdout.write(formatReport(report, { title: 'utkast.md' }));
 */
export function formatReport(report: VerificationReport, opts: { title?: string } = {}): string {
  const out: string[] = [];
  out.push(
    `Kontroll av kildehenvisninger${opts.title ? ` i ${opts.title}` : ''}${report.organisation ? ` (vi = ${report.organisation})` : ''}`,
  );
  out.push('');
  let section = -1;
  let part = 0;
  for (const s of report.sentences) {
    if (s.section !== section) {
      // A section without a heading after another is that part's next paragraph (the Markdown reader makes each
      // paragraph a section), not a part of its own: «Del 2», «Del 3» under one heading read as two more parts.
      if (s.heading || part === 0) out.push(`Del ${++part}${s.heading ? `: ${s.heading}` : ''}`);
      section = s.section;
    }
    out.push(`  ${MARK[s.verdict]} ${VERDICT_LABEL[s.verdict].toUpperCase()}: ${s.text}`);
    for (const c of s.citations) out.push(`      ${c.status === 'ok' ? '✔' : '✘'} ${c.reason}`);
    const citationReasons = new Set(s.citations.map((c) => c.reason));
    for (const r of s.reasons) if (!citationReasons.has(r)) out.push(`      – ${r}`);
  }
  const m = report.summary;
  out.push('');
  const verdicts = (Object.keys(m.verdicts) as (keyof typeof m.verdicts)[])
    .filter((v) => m.verdicts[v])
    .map((v) => `${m.verdicts[v]} ${VERDICT_LABEL[v]}`);
  out.push(
    `Setninger: ${m.sentences} (${m.claims} ${m.claims === 1 ? 'påstand' : 'påstander'})` +
      (verdicts.length ? ` — ${verdicts.join(', ')}` : ''),
  );
  const quotes = [
    ...(Object.keys(m.tiers) as (keyof typeof m.tiers)[])
      .filter((t) => m.tiers[t])
      .map((t) => `${m.tiers[t]} ${SHORT_TIER[t]}`),
    ...(Object.keys(m.statuses) as (keyof typeof m.statuses)[])
      .filter((k) => k !== 'ok' && m.statuses[k])
      .map((k) => `${m.statuses[k]} ${STATUS_LABEL[k]}`),
  ];
  out.push(`Sitater: ${m.citations}${quotes.length ? ` — ${quotes.join(', ')}` : ''}`);
  out.push(
    m.sentences === 0
      ? 'Fant ingen setninger å kontrollere.'
      : report.ok
        ? 'Alt er i orden.'
        : 'Utkastet har feil som må rettes før det brukes.',
  );
  return out.join('\n') + '\n';
}
