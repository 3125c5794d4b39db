import { describe, expect, it } from 'vitest';
import { sentenceStarts, splitSentences } from '../../src/text/sentences.js';

const split = (text: string) => splitSentences(text).map((s) => text.slice(s.start, s.end));

describe('splitSentences', () => {
  it('splits on full stops, question and exclamation marks before a capital', () => {
    expect(split('Vi støtter satsinga. Er det nok? Nei! Mer må til.')).toEqual([
      'Vi støtter satsinga.',
      'Er det nok?',
      'Nei!',
      'Mer må til.',
    ]);
  });

  it('does not split after abbreviations, initials or in numbers', () => {
    expect(split('Vi viser bl.a. til nr. 5 og f.eks. kap. 3. Det er viktig.')).toEqual([
      'Vi viser bl.a. til nr. 5 og f.eks. kap. 3.',
      'Det er viktig.',
    ]);
    expect(split('Prabhu N. Chaudhary ledet partiet. Det ble stiftet 1. november 1991.')).toEqual([
      'Prabhu N. Chaudhary ledet partiet.',
      'Det ble stiftet 1. november 1991.',
    ]);
    expect(split('Rundt 850 000 mangler kompetanse, og 2.5 prosent er ca. halvparten.')).toHaveLength(1);
  });

  it('keeps a quoted sentence inside the sentence that quotes it', () => {
    expect(split('Han sa «Dette er bra. Det er godt.» og gikk. Så kom hun.')).toEqual([
      'Han sa «Dette er bra. Det er godt.» og gikk.',
      'Så kom hun.',
    ]);
    expect(split('Han sa «Dette er bra.» Så gikk han.')).toEqual(['Han sa «Dette er bra.»', 'Så gikk han.']);
  });

  it('does not let an unclosed « swallow the sentence ends after it', () => {
    expect(split('Han sa «Dette er bra. Det er godt. Så gikk han.')).toEqual([
      'Han sa «Dette er bra.',
      'Det er godt.',
      'Så gikk han.',
    ]);
  });

  it('ends a sentence at a line break and keeps the last sentence without a full stop', () => {
    expect(split('Overskrift\nFørste setning. Andre setning uten punktum')).toEqual([
      'Overskrift',
      'Første setning.',
      'Andre setning uten punktum',
    ]);
  });

  it('lets a caller protect a full stop (Markdown escapes)', () => {
    const text = 'Hei. Du.';
    expect(splitSentences(text, (i) => i === 3).map((s) => text.slice(s.start, s.end))).toEqual(['Hei. Du.']);
  });
});

// Where ingest's and the verifier's splitters used to disagree, and the reading that won.
describe('Norwegian abbreviations', () => {
  it('ends the sentence after a list-closing abbreviation followed by a capital («osv. Det»)', () => {
    // Ingest used to read this as one sentence; «osv.», «mv.», «m.m.», «o.l.», «etc.» close a list and the sentence.
    expect(split('Det gjelder skoler, barnehager osv. Det er viktig.')).toEqual([
      'Det gjelder skoler, barnehager osv.',
      'Det er viktig.',
    ]);
    for (const abbr of ['mv.', 'm.v.', 'm.m.', 'o.l.', 'etc.', 'm.fl.', 'o.a.']) {
      expect(split(`Vi trenger bygg, utstyr ${abbr} Det koster.`)).toHaveLength(2);
    }
    expect(split('Vi trenger bygg, utstyr osv. og folk.')).toHaveLength(1);
  });

  it('keeps a forward-pointing abbreviation with what follows, even a capitalised name («pga. Covid»)', () => {
    // The verifier used to read these as one sentence and ingest «pga. Covid» as two; the verifier's reading won.
    expect(split('Skolene stengte pga. Covid-19 i to måneder.')).toHaveLength(1);
    for (const abbr of [
      'bl.a.',
      'f.eks.',
      'jf.',
      'nr.',
      'kap.',
      'ca.',
      'dvs.',
      'vha.',
      'iht.',
      'mht.',
      'inkl.',
      'St.',
      'kl.',
      's.',
    ]) {
      expect(split(`Vi viser ${abbr} Oslo kommune.`), abbr).toHaveLength(1);
      expect(split(`Vi viser ${abbr} 12 saker.`), abbr).toHaveLength(1);
    }
    expect(split('Møtet er kl. 12.30, og det er i St. Olavs gate.')).toHaveLength(1);
  });

  it('reads Nynorsk abbreviations too', () => {
    expect(split('Vi meiner m.a. Bergen kommune bør gjere meir, t.d. Voss.')).toHaveLength(1);
  });

  it('lets a unit or month end a sentence before a word, never before a number', () => {
    expect(split('Budsjettet økte med 5 mill. Det er for lite.')).toEqual([
      'Budsjettet økte med 5 mill.',
      'Det er for lite.',
    ]);
    expect(split('Det er spørsmålet før jul. Dagens skribent svarer.')).toHaveLength(2);
    expect(split('Støtten er kr. 500 per elev fra 1. jan. 2025 og 5 mill. kroner totalt.')).toHaveLength(1);
  });

  it('ends a sentence after a number («§ 3. Det»), but not after a numbered item at the line start («1. Innledning»)', () => {
    expect(split('Dette følger av opplæringslova § 3. Kommunen har ansvaret.')).toEqual([
      'Dette følger av opplæringslova § 3.',
      'Kommunen har ansvaret.',
    ]);
    expect(split('Vi startet i 2024. Neste år kommer mer.')).toHaveLength(2);
    expect(split('1. Innledning\n2. Vi mener at dette er bra.')).toEqual([
      '1. Innledning',
      '2. Vi mener at dette er bra.',
    ]);
    expect(split('Fristen er 1. januar. Den holder.')).toEqual(['Fristen er 1. januar.', 'Den holder.']);
  });

  it('starts a new sentence behind an opening quote, bracket or dash only when a capital follows', () => {
    expect(split('Vi er enige. «Det er bra», sa hun.')).toHaveLength(2);
    expect(split('Vi er enige. (Se vedlegg.)')).toHaveLength(2);
    expect(split('Han ropte «Zuke!» – som er kallenavnet hans.')).toHaveLength(1);
    expect(split('Det skjedde i 602 f.Kr. – ti år etter.')).toHaveLength(1);
  });
});

describe('sentenceStarts', () => {
  it('finds sentence starts and skips abbreviations, initials and ordinals', () => {
    const text =
      'Vi mener dette. Kommunene, f.eks. Oslo, må med. Foto av Tri N. Dinh viser den 4. revolusjonen! «Hva nå?» Det spør vi.';
    const starts = sentenceStarts(text).map((i) => text.slice(i, i + 9));
    expect(starts).toEqual(['Kommunene', 'Foto av T', '«Hva nå?»', 'Det spør ']);
  });

  it('is the starts of splitSentences but the first', () => {
    const text = 'Skoler osv. Det er bra.\nNy linje pga. Covid. Slutt';
    expect(sentenceStarts(text)).toEqual(
      splitSentences(text)
        .slice(1)
        .map((s) => s.start),
    );
    expect(sentenceStarts(text).map((i) => text.slice(i, i + 3))).toEqual(['Det', 'Ny ', 'Slu']);
  });
});
