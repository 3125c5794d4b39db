/**
 * Boilerplate that web and PDF collection leaves in a document, as data: each rule is a regex with a
 * name (shown in logs and tests) and the reason it is safe to drop. Rules run in list order on
 * whitespace-normalised text (lines trimmed, NBSP turned into spaces), before PDF repair.
 *
 * Adding a rule: anchor it to whole lines (`^…$` with the `m` flag) or to the document end, so it
 * cannot eat the middle of a sentence, and add a case to test/ingest/clean.test.ts.
 */

export interface BoilerplateRule {
  name: string;
  /** Must carry the `g` flag; every match is replaced. */
  pattern: RegExp;
  reason: string;
  /** Replacement text; defaults to '' (the line stays, empty, and is collapsed later). */
  replacement?: string;
  /** Formats (the loader's syntax: 'pdf', 'html', …) the rule does not run on, where its match is content. */
  keepIn?: readonly string[];
}

// A photographer's name or agency: capitalised words, initials, "/" or "&" between credits.
const CREDIT = String.raw`\p{Lu}[\p{L} .,'’&/()-]{0,60}[\p{L})]`;
const MONTHS = 'januar|februar|mars|april|mai|juni|juli|august|september|oktober|november|desember';

export const BOILERPLATE_RULES: readonly BoilerplateRule[] = [
  {
    name: 'photo-credit',
    pattern: new RegExp(
      String.raw`^(?:Foto|Fotograf|Bilde|Illustrasjon|Grafikk)(?:\s*:\s*[^\n]{1,80}|\n${CREDIT})$`,
      'gmu',
    ),
    reason:
      'Image credits ("Foto: NTB", or "Foto" with the name on the next line) belong to an image the text no longer has.',
  },
  {
    name: 'inline-photo-credit',
    pattern: /\s*\((?:Foto|Illustrasjon|Bilde)\s*:[^)\n]{1,60}\)/gu,
    reason: 'A credit in brackets after a caption is not part of the sentence.',
  },
  {
    name: 'image-placeholder',
    pattern: /^(?:Arkivbilde|Arkivfoto|Illustrasjonsfoto|Illustrasjonsbilde|Bildetekst)$/gmu,
    reason: 'Alt text or caption label for a picture that is not in the collected text.',
  },
  {
    name: 'chat-widget-greeting',
    pattern:
      /^(?:Hei|Hallo)[,!.]?\s+(?:jeg heter|jeg er|mitt navn er)\s+[^\n.!?]{1,40}[.!]\s*(?:Hva|Hvordan|Kan)\b[^\n]{0,40}\bhjelpe\b[^\n]{0,20}\?$/gimu,
    reason: "A support chatbot's opening line scraped along with the page.",
  },
  {
    name: 'document-link',
    pattern: /^(?:Les|Last ned|Se|Åpne)\b[^\n]{0,200}\((?:pdf|docx?|odt|xlsx?)(?:,\s*[\d.,]+\s*[kKmM]B)?\)$/gimu,
    reason: 'A "read the whole document (pdf)" link points elsewhere; its text is not a statement.',
  },
  {
    name: 'related-link',
    pattern: /^Les også:?\s[^\n]{0,150}$/gmu,
    reason: 'A "read also" teaser links to another article.',
  },
  {
    name: 'last-updated',
    pattern: /^(?:Sist (?:oppdatert|endret|redigert)|Oppdatert|Publisert)\s*:?\s*\d[\d.:/ -]*(?:kl\.?\s*[\d.:]+)?$/gimu,
    reason: 'Page-chrome timestamps; the document date lives in its metadata.',
  },
  {
    name: 'date-line',
    pattern: new RegExp(String.raw`^(?:\d{1,2}\.\d{1,2}\.\d{4}|\d{1,2}\.\s(?:${MONTHS})\s\d{4})$`, 'gimu'),
    reason: 'A publication date alone on a line is page chrome; the date lives in the metadata.',
    // NOTE: in a PDF or a DOCX the date alone on a line (often right-aligned under the letterhead) is the letter's
    // own date, which the consultation import reads as the document date and the base year of a deadline without
    // one. Only web pages (and text collected from them) print dates as chrome.
    keepIn: ['pdf', 'docx'],
  },
  {
    name: 'byline',
    pattern: /^[Aa]v(?:\s+\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3})?$/gmu,
    reason: 'A byline ("av", "Av Kari Nordmann") names the page author, not a position; an empty one is pure noise.',
  },
  {
    name: 'cookie-banner',
    pattern:
      /^(?:Denne (?:nett)?siden|Vi|Nettstedet)\s(?:bruker|benytter)\s(?:informasjonskapsler|cookies)\b[^\n]*$/gimu,
    reason: 'The cookie consent banner is site chrome.',
  },
  {
    name: 'cookie-buttons',
    pattern: /^(?:Godta|Aksepter|Avvis|Tillat)(?: alle| nødvendige)?(?: informasjonskapsler| cookies)?$/gimu,
    reason: 'Consent buttons from the cookie banner.',
  },
  {
    name: 'share-and-print',
    pattern:
      /^(?:Del(?: artikkelen| saken| siden| denne siden)?|Del på (?:Facebook|X|Twitter|LinkedIn|e-post)|Skriv ut|Tilbake til toppen)$/gimu,
    reason: 'Share and print buttons.',
  },
  {
    // NOTE: runs after the chat greeting, which on the NTL page follows the tag list.
    name: 'topic-tags-at-end',
    pattern: /(?:^|\n)(?:Tema|Emner|Stikkord|Tagger|Tags)\n(?:[^\n]{1,60}(?:\n|$)){1,8}\s*$/gu,
    reason: 'A trailing "Tema" list is the site taxonomy, not part of the text.',
  },
  {
    name: 'closing-salutation',
    pattern: /(?:^|\n)(?:Med )?(?:vennlig|beste) hilsen[^\n]{0,40}(?:\n+[^\n]{1,80}){0,3}\s*$/giu,
    reason:
      'The sign-off of a letter ("Vennlig hilsen / FAGFORBUNDET") names the sender, which the metadata already holds.',
  },
];
