/**
 * The italic line under an export's title saying who wrote the version exported, as the web page's banner does
 * (src/web/public/js/labels.js providerBanner): the offline drafter's verbatim sentences, a language model, or a
 * person who edited a draft after it was written. Only an unedited extractive version may say its sentences are
 * taken verbatim from the organisation's documents; the structured draft keeps the drafter's notice through edits,
 * so the export asks the version's provenance, never `draft.notice`.
 *
 * NOTE: each notice opens with a fixed lead (NOTICE_LEADS) so the Markdown reader drops it when a file comes back
 * (verify/markdownNotes.ts).
 */
import { WORDING } from '../draft/wording.js';

/** Who wrote a version: its provider and model, and for an edited version the first version's. */
export interface VersionAuthor {
  provider: string;
  model: string;
  /** The draft's first version (generated), to say what an edited version started from. */
  first?: { provider: string; model: string };
}

type Lang = 'nb' | 'nn';

/** A model's name as it may stand inside an italic line: no asterisks, underscores or line breaks. */
const plain = (s: string) => s.replace(/[*_\n\r]+/g, ' ').trim();

/** What wrote a generated version, in a few words («uttrekksutkast uten språkmodell», «Claude (claude-…)»). */
function writer(provider: string, model: string, lang: Lang): string {
  switch (provider) {
    case 'extractive':
      return lang === 'nn' ? 'uttrekksutkast utan språkmodell' : 'uttrekksutkast uten språkmodell';
    case 'anthropic':
      return `Claude (${plain(model)})`;
    case 'openai-chat':
      return lang === 'nn' ? `sjølvdriven språkmodell (${plain(model)})` : `selvdriftet språkmodell (${plain(model)})`;
    default:
      return `${plain(provider)} (${plain(model)})`;
  }
}

/**
 * The notice for the version exported; null when the caller does not say who wrote it (no claim is better than a
 * false one).
 * @example versionNotice({ provider: 'person', model: 'manuell redigering', first: { provider: 'extractive', model: 'extractive' } }, 'nb')
 *   // 'Redigert for hånd etter utkastet (første versjon: uttrekksutkast uten språkmodell): …'
 */
export function versionNotice(author: VersionAuthor | undefined, lang: Lang): string | null {
  if (!author) return null;
  if (author.provider === 'extractive') return WORDING.extractiveNotice(lang);
  if (author.provider === 'person') {
    const first =
      author.first && author.first.provider !== 'person'
        ? writer(author.first.provider, author.first.model, lang)
        : null;
    return lang === 'nn'
      ? `Redigert for hand etter utkastet${first ? ` (første versjon: ${first})` : ''}: setningane er ikkje lenger nødvendigvis ordrett frå kjeldene. Kjeldekontrollen under gjeld denne versjonen.`
      : `Redigert for hånd etter utkastet${first ? ` (første versjon: ${first})` : ''}: setningene er ikke lenger nødvendigvis ordrett fra kildene. Kildekontrollen under gjelder denne versjonen.`;
  }
  const by = writer(author.provider, author.model, lang);
  return lang === 'nn'
    ? `Utkast skrive av språkmodell – ${by}: kontroller teksten mot kjeldene før innsending.`
    : `Utkast skrevet av språkmodell – ${by}: kontroller teksten mot kildene før innsending.`;
}
