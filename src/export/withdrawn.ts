/**
 * The warning an export carries when documents it cites have been withdrawn since the draft was written: the
 * stored quotes stay (they were true of the document then), but the reader must know the source is gone before
 * the response is sent. The web page shows the same list (src/web/public/js/views/draft.js).
 */
import type { Withdrawal } from '../store/documents.js';
import type { Replacement } from '../store/drafts.js';
import { norwegianDate } from './norwegianDate.js';

/** The word opening every warning, the same in both written standards (an edit sent back drops lines that start so). */
export const WITHDRAWN_LEAD = 'Merk:';

/** One warning for all withdrawn documents a draft cites, each once, in Bokmål or Nynorsk. */
export function withdrawnWarning(withdrawn: Iterable<Withdrawal>, lang: 'nb' | 'nn'): string | null {
  const docs = [...new Map([...withdrawn].map((w) => [w.documentId, w])).values()];
  if (docs.length === 0) return null;
  const list = docs
    .map((w) => `«${w.title}» (${w.organisation}), ${norwegianDate(new Date(w.withdrawnAt))}`)
    .join('; ');
  if (lang === 'nn') {
    const what =
      docs.length === 1
        ? 'Eit dokument svaret viser til, er trekt tilbake'
        : `${docs.length} dokument svaret viser til, er trekte tilbake`;
    return `${WITHDRAWN_LEAD} ${what} etter at utkastet vart skrive: ${list}. Fotnotane som viser dit, treng ei anna kjelde før svaret blir sendt.`;
  }
  const what =
    docs.length === 1
      ? 'Et dokument svaret viser til, er trukket tilbake'
      : `${docs.length} dokumenter svaret viser til, er trukket tilbake`;
  return `${WITHDRAWN_LEAD} ${what} etter at utkastet ble skrevet: ${list}. Fotnotene som viser dit, trenger en annen kilde før svaret sendes.`;
}

/** What a footnote adds after its source when the source's document is withdrawn. */
export function withdrawnMark(w: Withdrawal, lang: 'nb' | 'nn'): string {
  return lang === 'nn'
    ? `trekt tilbake ${norwegianDate(new Date(w.withdrawnAt))}`
    : `trukket tilbake ${norwegianDate(new Date(w.withdrawnAt))}`;
}

/** A cited document replaced by a new version since the draft was written (store/drafts.ts replacedSources). */
type Replaced = Pick<Replacement, 'documentId' | 'title' | 'organisation' | 'replacedAt'>;

/**
 * One warning for all replaced documents a draft cites, each once: the sentences citing them are marked ✗ until
 * the draft is checked against the new version. Starts with WITHDRAWN_LEAD, so an edit sent back drops it too.
 */
export function replacedWarning(replaced: Iterable<Replaced>, lang: 'nb' | 'nn'): string | null {
  const docs = [...new Map([...replaced].map((r) => [r.documentId, r])).values()];
  if (docs.length === 0) return null;
  const list = docs.map((r) => `«${r.title}» (${r.organisation}), ${norwegianDate(new Date(r.replacedAt))}`).join('; ');
  if (lang === 'nn') {
    const what =
      docs.length === 1
        ? 'Eit dokument svaret viser til, er erstatta av ein ny versjon'
        : `${docs.length} dokument svaret viser til, er erstatta av nye versjonar`;
    return `${WITHDRAWN_LEAD} ${what} etter at utkastet vart skrive: ${list}. Setningane som viser dit, er merkte ✗ til kjeldene er kontrollerte på nytt.`;
  }
  const what =
    docs.length === 1
      ? 'Et dokument svaret viser til, er erstattet av en ny versjon'
      : `${docs.length} dokumenter svaret viser til, er erstattet av nye versjoner`;
  return `${WITHDRAWN_LEAD} ${what} etter at utkastet ble skrevet: ${list}. Setningene som viser dit, er merket ✗ til kildene er kontrollert på nytt.`;
}

/** What a footnote adds after its source when the source's document has been replaced. */
export function replacedMark(r: Replaced, lang: 'nb' | 'nn'): string {
  return `${lang === 'nn' ? 'erstatta' : 'erstattet'} ${norwegianDate(new Date(r.replacedAt))}`;
}
