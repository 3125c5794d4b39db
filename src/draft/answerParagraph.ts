/**
 * The offline answer as one readable paragraph (issue 18, item 6). The extractive drafter quotes each sentence as
 * «Fagforbundet skriver: «…»» when it is not the asked organisation's own, and keeps a list's «•» from the source;
 * read aloud, a four-sentence answer then names the organisation four times. Here a run of sentences from one
 * organisation is named once and quoted as one: «Fagforbundet skriver: «A B C»», and list bullets go. Only the
 * sentence text changes: each sentence keeps its own citation (the quote and offsets in the passage), and the
 * verifier checks the rewritten text as before.
 */
import type { DraftSentence } from '../domain/drafts.js';

/** The extractive drafter's attribution (llm/extractive.ts toSentence). */
const ATTRIBUTED = /^(.+?) skriver: «([\s\S]*)»$/u;
/** A list item's marker kept from the source: «• », «– », «▪ ». */
const BULLET = /^\s*[•·▪◦‣∙*–—-]\s+/u;

/**
 * Rewrite the sentences' text in place and return them.
 * @example asParagraph([{ text: 'NTL skriver: «A.»', … }, { text: 'NTL skriver: «• B.»', … }]).map((s) => s.text)
 *   // → ['NTL skriver: «A.', 'B.»']
 */
export function asParagraph<S extends Pick<DraftSentence, 'text'>>(sentences: S[]): S[] {
  const parts = sentences.map((s) => {
    const m = ATTRIBUTED.exec(s.text);
    return m ? { holder: m[1], text: m[2].replace(BULLET, '') } : { holder: null, text: s.text.replace(BULLET, '') };
  });
  parts.forEach((p, i) => {
    if (!p.holder) {
      sentences[i].text = p.text;
      return;
    }
    const first = parts[i - 1]?.holder !== p.holder;
    const last = parts[i + 1]?.holder !== p.holder;
    sentences[i].text = `${first ? `${p.holder} skriver: «` : ''}${p.text}${last ? '»' : ''}`;
  });
  return sentences;
}
