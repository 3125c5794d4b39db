/** What `npm run consultation` prints about an imported consultation, in Norwegian, with the page of each field. */
import type { ConsultationExtraction, ExtractedSource } from '../domain/consultation.js';
import { NOT_FOUND_MESSAGE } from '../http/routes/consultations.js';
import { MONTHS } from '../text/months.js';

const where = (s: ExtractedSource | null) => (s?.page ? ` (side ${s.page})` : '');
const spoken = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d}. ${MONTHS[m! - 1]} ${y}`;
};

/**
 * `earlier`: the consultation was imported before and nothing was stored now; the report is of that first import.
 * @example consultationReport(extraction, { id, title }) // "Lagret som «…» …\nTittel: …"
 */
export function consultationReport(
  c: ConsultationExtraction,
  doc: { id: string; title: string },
  { earlier = false }: { earlier?: boolean } = {},
): string {
  const lines = [`${earlier ? 'Importert fra før' : 'Lagret'} som «${doc.title}» (id «${c.documentId}»).`, ''];
  const field = (label: string, value: string | null, source: ExtractedSource | null) =>
    lines.push(`${label.padEnd(12)}${value ?? '–'}${value ? where(source) : ''}`);
  field('Tittel:', c.title.value, c.title.source);
  field('Avsender:', c.issuer.value, c.issuer.source);
  field('Saksnummer:', c.reference.value, c.reference.source);
  field('Frist:', c.deadline.value && spoken(c.deadline.value), c.deadline.source);
  lines.push('', `Spørsmål til høringsinstansene (${c.questions.length}):`);
  c.questions.forEach((q, i) => lines.push(`  ${i + 1}. ${q.text}${where(q.source)}`));
  lines.push('', `Departementets forslag og vurderinger (${c.proposals.length}):`);
  for (const p of c.proposals) {
    const head = [p.number, p.heading].filter(Boolean).join(' ');
    const chapter = p.chapter ? ` – ${p.chapter.number} ${p.chapter.heading}` : '';
    lines.push(`  ${head}${chapter}${where(p.source)}`, `     «${p.text}»`);
  }
  if (c.notFound.length) {
    lines.push('', 'Ikke funnet (feltene står tomme; fyll dem inn selv):');
    for (const f of c.notFound) lines.push(`  ${NOT_FOUND_MESSAGE[f]}`);
  }
  return lines.join('\n') + '\n';
}
