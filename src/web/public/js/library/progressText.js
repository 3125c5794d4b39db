// The upload's Server-Sent progress (POST /documents and PUT /documents/:id with ?stream=true) in Norwegian words.

const FORMATS = { pdf: 'PDF', docx: 'Word', html: 'HTML', markdown: 'Markdown', text: 'tekst' };

/**
 * One progress event as a line for the person and the share done (0–1), or null to leave the bar as it was.
 * @param {{ phase: 'queued' | 'read' | 'embed' | 'save', position?: number, format?: string, pages?: number,
 *   passages?: number, done?: number, total?: number }} e
 */
export function progressText(e) {
  switch (e.phase) {
    case 'queued':
      return {
        text: `Venter i kø (nummer ${e.position} i køen) – andre opplastinger behandles først.`,
        share: 0,
      };
    case 'read': {
      const pages = e.pages ? `, ${e.pages} sider` : '';
      return { text: `Lest (${FORMATS[e.format] ?? e.format}${pages}): ${e.passages} avsnitt.`, share: 0.2 };
    }
    case 'embed':
      return {
        text: `Gjør avsnittene søkbare: ${e.done} av ${e.total}.`,
        share: 0.2 + 0.7 * (e.total ? e.done / e.total : 1),
      };
    case 'save':
      return { text: 'Lagrer …', share: 0.95 };
    default:
      return null;
  }
}

/** A refused file's help beyond the server's own words, where the server's detail leaves the next step out. */
export function refusalHint(err) {
  if (err?.status === 413 && !/\bDel\b/.test(err.detail ?? ''))
    return 'Del filen i mindre filer (for eksempel ett kapittel per fil) og last dem opp hver for seg.';
  if (err?.status === 415 && !/Støttede/.test(err.detail ?? ''))
    return 'Last opp PDF, Word (DOCX), HTML, Markdown eller ren tekst.';
  // The file states no date of its own (only Lovdata's statutes do), and the form's was left empty.
  if ((err?.errors ?? []).some((e) => e?.field === 'date'))
    return 'Fyll inn «Dato» i skjemaet og last opp filen på nytt.';
  return '';
}
