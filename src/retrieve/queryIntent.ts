/**
 * Reads what a question says about whose view it wants. "Hva mener Fagforbundet om en offentlig skyløsning?" asks
 * for Fagforbundet's documents, and the name itself is no content word: as a search term it only ranks every
 * passage that names the organisation above the one that answers. So a known organisation named in the question
 * becomes a filter and leaves the query text, and so do the question's framing words ("hva mener … om").
 */
import { organisationMentions } from '../text/organisationNames.js';

/** Framing words of a question about a position; content words stay. */
const FRAME_WORDS = new Set(
  (
    'hva hvordan hvorfor hvilke hvilken mener meiner sier seier synes tenker vil ønsker om syn på standpunkt ståsted ' +
    // Nynorsk
    'kva korleis kvifor synest tenkjer ønskjer'
  ).split(' '),
);

export interface QueryIntent {
  /** The query text to search with. */
  text: string;
  /** Organisations named in the question (as stored), empty when none. */
  organisations: string[];
}

/**
 * An organisation counts by any name the table gives it (text/organisationNames.ts organisationMentions): «Hva mener
 * Norsk Tjenestemannslag om …» filters to the stored «NTL» as «Hva mener NTL om …» does.
 * @example parseQueryIntent('Hva mener Fagforbundet om skyløsning?', ['Fagforbundet', 'KS'])
 *   // → { text: 'skyløsning?', organisations: ['Fagforbundet'] }
 */
export function parseQueryIntent(query: string, knownOrganisations: string[]): QueryIntent {
  const mentions = organisationMentions(query, knownOrganisations);
  const organisations = [...new Set(mentions.flatMap((m) => m.organisations))];
  let text = query;
  for (const m of [...mentions].reverse()) text = `${text.slice(0, m.start)} ${text.slice(m.end)}`;
  if (organisations.length === 0) return { text: query, organisations };
  const kept = text
    .split(/\s+/)
    .filter((w) => /[\p{L}\p{N}]/u.test(w) && !FRAME_WORDS.has(w.toLowerCase().replace(/[^\p{L}]/gu, '')));
  // A question that was nothing but framing and a name ("Hva mener KS?") keeps its words as they were.
  return { text: kept.length ? kept.join(' ') : query, organisations };
}
