// Norwegian words for what the API returns in codes: verdicts, providers, document kinds, field paths.

/**
 * Verdict groups the page shows. Colour is never the only signal: each has a symbol and a word.
 * unsupported and contradicted share a colour (both mean "do not send this") but keep their own words.
 */
export const VERDICTS = {
  supported: { group: 'supported', symbol: '✓', label: 'Støttet av kilden', short: 'støttet' },
  partly_supported: { group: 'partly', symbol: '≈', label: 'Delvis støttet', short: 'delvis støttet' },
  unsupported: { group: 'unsupported', symbol: '✗', label: 'Ikke støttet av kilden', short: 'ikke støttet' },
  contradicted: { group: 'unsupported', symbol: '✗', label: 'Motsagt av kilden', short: 'motsagt' },
  uncited: { group: 'unsupported', symbol: '!', label: 'Påstand uten kilde', short: 'uten kilde' },
  withdrawn: {
    group: 'unsupported',
    symbol: '✗',
    label: 'Kilden er trukket tilbake',
    short: 'kilden er trukket tilbake',
  },
  no_position: { group: 'none', symbol: '–', label: 'Ingen kjent holdning', short: 'ingen kjent holdning' },
  pending: { group: 'pending', symbol: '?', label: 'Ikke kontrollert ennå', short: 'ikke kontrollert' },
};

/** The legend, in the order a reader meets the colours. */
export const LEGEND = [
  ['supported', 'Sitatet står ordrett i kilden, og kilden dekker det setningen sier.'],
  ['partly_supported', 'Kilden dekker bare en del av det setningen sier.'],
  [
    'unsupported',
    'Kilden sier ikke dette, eller sier noe annet (for eksempel et annet tall). Rett setningen eller fjern den.',
  ],
  ['no_position', 'Organisasjonen har ikke uttalt seg om spørsmålet i dokumentene.'],
  ['pending', 'Setningen er endret (eller skrives ennå) og er ikke kontrollert. Trykk «Kontroller kilder».'],
];

export function verdictInfo(verdict) {
  return VERDICTS[verdict] ?? VERDICTS.pending;
}

/** The banner: who wrote this version (or this answer, with `answer: true`). */
export function providerBanner(provider, model, { originalProvider, originalModel, answer = false } = {}) {
  switch (provider) {
    case 'anthropic':
      return { kind: 'model', text: `Skrevet av Claude (${model}). Kontroller teksten før innsending.` };
    case 'openai-chat':
      return {
        kind: 'model',
        text: `Skrevet av en selvdriftet språkmodell (${model}). Kontroller teksten før innsending.`,
      };
    case 'extractive':
      return {
        kind: 'extractive',
        text: `${answer ? 'Uttrekkssvar' : 'Uttrekksutkast'} – skrevet uten språkmodell. Setningene er hentet ordrett fra ${answer ? 'dokumentene' : 'organisasjonens egne dokumenter'}.`,
      };
    case 'person': {
      const first =
        originalProvider && originalProvider !== 'person'
          ? providerBanner(originalProvider, originalModel).text.split('.')[0]
          : null;
      return { kind: 'person', text: `Redigert for hånd${first ? `. Første versjon: ${lowerFirst(first)}` : ''}.` };
    }
    default:
      return { kind: 'model', text: `Skrevet av ${provider} (${model}).` };
  }
}

function lowerFirst(s) {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

/** The document kinds the server stores (src/domain/documents.ts DocumentKind; test/web/labels.test.ts holds them equal). */
export const KINDS = {
  statement: 'Uttalelse',
  consultation_response: 'Høringssvar',
  programme: 'Program',
  news: 'Nyhet',
  statute: 'Lov eller forskrift',
  other: 'Annet',
  consultation: 'Høringsdokument',
};

export function kindLabel(kind) {
  return KINDS[kind] ?? kind;
}

export const LENGTHS = { short: 'Kort', medium: 'Middels', long: 'Lang' };

/** Field paths from problem bodies → the words on the form. */
const FIELDS = {
  'consultation.title': 'Tittel på høringen',
  'consultation.issuer': 'Avsender',
  'consultation.reference': 'Referanse',
  'consultation.deadline': 'Frist',
  'consultation.questions': 'Spørsmål',
  'consultation.background': 'Bakgrunn',
  'consultation.items': 'Punkter å svare på',
  'organisation.name': 'Organisasjon',
  'organisation.voice': 'Stemme og tone',
  organisation: 'Organisasjon',
  question: 'Spørsmål',
  language: 'Målform',
  length: 'Lengde',
  markdown: 'Teksten',
  structured: 'Teksten',
  // PUT /drafts/:id: the version an edit was based on (a 409 when the draft has moved on since).
  baseVersion: 'Versjon',
  email: 'E-post',
  password: 'Passord',
  // Sign-in with a token, and changing one's own password (/logg-inn).
  token: 'Tilgangsnøkkel',
  currentPassword: 'Nåværende passord',
  again: 'Gjenta nytt passord',
  // An upload's fields (POST /documents, PUT /documents/:id, POST /consultations), as the upload form names them.
  file: 'Fil',
  date: 'Dato',
  kind: 'Slags dokument',
  visibility: 'Synlighet',
  title: 'Tittel',
  id: 'Id',
  source: 'Kilde',
};

export function fieldLabel(path) {
  if (FIELDS[path]) return FIELDS[path];
  const q = /^consultation\.questions\.(\d+)$/.exec(path);
  if (q) return `Spørsmål ${Number(q[1]) + 1}`;
  // An imported item as the form names it: q2 is «Spørsmål 2», f3 «Forslag» number three.
  const item = /^consultation\.items\.([qf])(\d+)$/.exec(path);
  if (item) return `${item[1] === 'q' ? 'Spørsmål' : 'Forslag'} ${item[2]}`;
  return path === '(body)' ? 'Forespørselen' : path;
}

const loose = (s) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** A passage's place in its document ("Arbeid og velferd › Testlab Oslo"), leaving out the document's own title. */
export function sectionPath(headingPath, title) {
  return (headingPath ?? []).filter((x) => loose(x) !== loose(title ?? '')).join(' › ');
}
