/** The verification summary both `npm run draft` and `npm run ask` print, in Norwegian. */
import { VERDICT_LABEL, type VerificationReport } from '../verify/index.js';
import { STATUS_LABEL } from '../verify/reasons.js';
import type { DroppedSentence } from '../draft/types.js';

export function verificationSummary(report: VerificationReport, dropped: DroppedSentence[] = []): string {
  const s = report.summary;
  const verdicts = Object.entries(s.verdicts)
    .filter(([, n]) => n > 0)
    .map(([v, n]) => `${n} ${VERDICT_LABEL[v as keyof typeof VERDICT_LABEL] ?? v}`)
    .join(', ');
  const statuses = Object.entries(s.statuses)
    .filter(([k, n]) => k !== 'ok' && n > 0)
    .map(([k, n]) => `${n} ${STATUS_LABEL[k as keyof typeof STATUS_LABEL] ?? k}`)
    .join(', ');
  const lines = [
    `Kontroll: ${report.ok ? 'OK' : 'IKKE OK'} – ${s.sentences} ${s.sentences === 1 ? 'setning' : 'setninger'} ` +
      `(${s.claims} ${s.claims === 1 ? 'påstand' : 'påstander'}): ${verdicts || 'ingen'}.`,
    `Kildehenvisninger: ${s.citations}, ${s.statuses.ok} funnet ordrett eller nesten ordrett${statuses ? `; feil: ${statuses}` : ''}.`,
  ];
  for (const r of report.sentences.filter((x) => x.claim && x.verdict !== 'supported')) {
    lines.push(
      `  ! ${VERDICT_LABEL[r.verdict]}: «${r.text.slice(0, 90)}${r.text.length > 90 ? '…' : ''}» – ${r.reasons[0] ?? ''}`,
    );
  }
  if (dropped.length) {
    lines.push(`Forkastet ${dropped.length} setning${dropped.length === 1 ? '' : 'er'} som ikke holdt kontrollen:`);
    for (const d of dropped)
      lines.push(`  - «${d.text.slice(0, 90)}${d.text.length > 90 ? '…' : ''}» – ${d.reasons[0] ?? ''}`);
  }
  return lines.join('\n') + '\n';
}
