/**
 * The "concrete proposals" paragraph of a section answering an imported consultation's item (issue 18, item 3) when
 * no model writes: what is proposed (the issuer's, quoted by consultationItems.ts), the organisation's position, and
 * then what the organisation itself proposes — only its own sentences that propose something («bør», «må»,
 * «foreslår», «krever», …), verbatim and cited. Offline nothing is invented: with none in its documents the paragraph
 * says so. A model writes this paragraph itself (prompts/draft-item.md ends the section with «Vi foreslår at …»).
 */
import type { CitationRef, DraftSentence } from '../domain/drafts.js';
import { looksLikeInstruction } from '../llm/injection.js';
import type { SourcePassage } from '../llm/types.js';
import { canonicalLine } from '../text/normalise.js';
import { isTooShort } from '../text/quoteLength.js';
import { splitSentences } from '../text/sentences.js';

type Lang = 'nb' | 'nn';

// NOTE: Unicode lookarounds, not \b, which is ASCII-only and never matches after «må».
const PROPOSES =
  /(?<![\p{L}\p{N}])(?:bør|må|foreslår|foreslo|krever|krev|ber om|går inn for|gjeng inn for|vil ha|ønsker at|ønskjer at)(?![\p{L}\p{N}])/iu;

/** At most this many proposal sentences in the paragraph. */
const MAX_PROPOSALS = 3;

/** Said when the organisation's documents propose nothing on the item (a frame: it states no position). */
export const NO_PROPOSALS: Record<Lang, string> = {
  nb: 'Vi har ingen konkrete forslag her.',
  nn: 'Vi har ingen konkrete framlegg her.',
};

const citedKey = (c: Pick<CitationRef, 'passageId' | 'start'>) => `${c.passageId}:${c.start ?? ''}`;

/** A sentence that proposes something, in the organisation's own words (not «KS skriver: «…»»). */
const proposes = (s: DraftSentence) => s.kind === 'claim' && PROPOSES.test(s.text) && !/ skriver: «/u.test(s.text);

/**
 * Split the position's proposing sentences off into their own paragraph (the first claim stays, so the position
 * still says something), else take up to three proposing sentences from the organisation's own retrieved passages
 * not cited anywhere in the draft yet (`cited`), else one sentence saying there are none.
 * @example const { position, proposals } = withProposals(paragraphs, sources, { organisation: 'KS', lang: 'nb', cited })
 */
export function withProposals(
  position: DraftSentence[][],
  sources: SourcePassage[],
  { organisation, lang, cited }: { organisation: string; lang: Lang; cited: CitationRef[] },
): { position: DraftSentence[][]; proposals: DraftSentence[] } {
  const first = position.flat().find((s) => s.kind === 'claim');
  const moved = position
    .flat()
    .filter((s) => s !== first && proposes(s))
    .slice(0, MAX_PROPOSALS);
  if (moved.length) {
    const kept = position.map((p) => p.filter((s) => !moved.includes(s))).filter((p) => p.length);
    return { position: kept, proposals: moved };
  }
  const used = new Set(cited.map(citedKey));
  const own = sources.filter((s) => s.organisation.toLowerCase() === organisation.toLowerCase());
  const found: DraftSentence[] = [];
  for (const source of own) {
    for (const span of splitSentences(source.text)) {
      if (found.length >= MAX_PROPOSALS) break;
      const quote = source.text.slice(span.start, span.end);
      const text = canonicalLine(quote);
      const fresh = !used.has(citedKey({ passageId: source.id, start: span.start }));
      if (!fresh || !PROPOSES.test(text) || /\?\s*$/u.test(text) || !/[.!»”)]\s*$/u.test(text)) continue;
      if (isTooShort(quote) || looksLikeInstruction(text) || found.some((f) => f.text === text)) continue;
      found.push({
        text,
        kind: 'claim',
        citations: [{ passageId: source.id, quote, start: span.start, end: span.end }],
      });
    }
  }
  return {
    position,
    proposals: found.length ? found : [{ text: NO_PROPOSALS[lang], kind: 'frame', citations: [] }],
  };
}
