/**
 * The few sentences the pipeline writes itself, in Bokmål and Nynorsk. Each is a greeting, a transition or the
 * "no recorded position" line, worded so the verifier's claim rule (src/verify/claim.ts) treats it as needing no
 * citation: nothing here states a position the organisation would have to have written down.
 */
type Lang = 'nb' | 'nn';

export const WORDING = {
  title: (org: string, consultation: string, lang: Lang) => {
    // "Høring – forslag til …" would read "Høringsinnspill fra X – Høring – forslag til …".
    const topic = consultation.replace(/^(høring|høyring)\s*(?:[-–:]\s*|om\s+)/i, '');
    return lang === 'nn' ? `Høyringsinnspel frå ${org} – ${topic}` : `Høringsinnspill fra ${org} – ${topic}`;
  },
  introHeading: (lang: Lang) => (lang === 'nn' ? 'Innleiing' : 'Innledning'),
  introFrame: (lang: Lang) =>
    lang === 'nn'
      ? 'Vi viser til høyringa og takkar for høvet til å gi innspel.'
      : 'Vi viser til høringen og takker for muligheten til å gi innspill.',
  /** The brief asks for exactly this: the section says the organisation has no recorded position. */
  noPosition: (lang: Lang) =>
    lang === 'nn' ? 'Vi har ikkje tidlegare uttalt oss om dette.' : 'Vi har ikke tidligere uttalt oss om dette.',
  /** Issue 17: the reason on every sentence of a section drafted on an uncertain relevance outcome (≈). */
  uncertainSection: (lang: Lang) =>
    lang === 'nn'
      ? 'Usikkert om kjelda svarar på spørsmålet – kontroller at dette er kva organisasjonen meiner om nettopp dette.'
      : 'Usikkert om kilden svarer på spørsmålet – kontroller at dette er hva organisasjonen mener om nettopp dette.',
  closingHeading: (lang: Lang) => (lang === 'nn' ? 'Avslutning' : 'Avslutning'),
  closingFrame: (lang: Lang) =>
    lang === 'nn'
      ? 'Vi viser til innspela over og stiller gjerne på møte for å utdjupe dei.'
      : 'Vi viser til innspillene over og stiller gjerne til møte for å utdype dem.',
  extractiveNotice: (lang: Lang) =>
    lang === 'nn'
      ? 'Uttrekksbasert utkast: setningane er henta ordrett frå organisasjonen sine eigne dokument og må bearbeidast før innsending.'
      : 'Uttrekksbasert utkast: setningene er hentet ordrett fra organisasjonens egne dokumenter og må bearbeides før innsending.',
  /** For the model prompts when other organisations' documents may not be cited. */
  ownOnly: 'Dokumentene er bare fra organisasjonen selv.',
  othersAllowed: 'Noen dokumenter er fra andre organisasjoner; si i så fall tydelig hvem som mener hva («KS mener …»).',
};

export function isNoPositionSentence(text: string): boolean {
  return text === WORDING.noPosition('nb') || text === WORDING.noPosition('nn');
}
