import { describe, expect, it } from 'vitest';
import { extractNumbers } from '../../src/verify/numbers.js';
import { verifyDraft } from '../../src/verify/index.js';
import { draftOf, seedSource } from './seedSource.js';

const FAGF_P001 = 'fagforbundet-uttalelse-2024-p001';
const Q_850 = 'Regjeringa oppgir at rundt 850 000 har for svak digital kompetanse i dag';
const NTL_P002 = 'ntl-prinsipprogram-2019-p002';
const Q_NTL =
  'NTL mener utvikling og drift av offentlige IKT-tjenester må organiseres slik at de er underlagt demokratisk styring og kontroll.';

async function verdictOf(text: string, passageId: string, quote: string, organisation?: string) {
  const report = await verifyDraft(
    draftOf(text, passageId, quote),
    { source: await seedSource() },
    organisation ? { organisation } : {},
  );
  return report.sentences[0];
}

describe('numbers in Norwegian forms', () => {
  it('reads amounts, fractions, percentages, number words and dates to comparable keys', () => {
    const keys = (t: string) => extractNumbers(t).map((f) => f.key);
    expect(keys('850 000 / 850\u00A0000 / 850\u202F000 / 850000 / 850 tusen')).toEqual([
      '850000',
      '850000',
      '850000',
      '850000',
      '850000',
    ]);
    expect(keys('2/3 og to tredjedeler')).toEqual(['0.6667', '0.6667']);
    expect(keys('30 prosent, 30 % og seks måneders ventetid')).toEqual(['30', '30', '6']);
    expect(keys('i mai 2018 og 05.12.2024')).toEqual(['m5', '2018', '5', 'm12', '2024']);
  });

  it('supports a sentence whose number is written another way than the source', async () => {
    const s = await verdictOf(
      'KS viser til at FN sier at to tredjedeler av bærekraftsmålene kun kan løses lokalt og regionalt.',
      'ks-innspill-digitaliseringsstrategi-2023-p003',
      'FN sier at 2/3 av bærekraftsmålene kun kan løses gjennom regional og lokal innsats.',
    );
    expect(s.verdict).toBe('supported');
  });

  it('contradicts a changed number, naming both', async () => {
    const s = await verdictOf(
      'Regjeringa oppgir at rundt 950 000 har for svak digital kompetanse i dag.',
      FAGF_P001,
      Q_850,
    );
    expect(s.verdict).toBe('contradicted');
    expect(s.reasons.join(' ')).toMatch(/«950 000».*«850 000»/);
  });
});

describe('polarity', () => {
  it('contradicts an added negation', async () => {
    const s = await verdictOf(
      'NTL mener utvikling og drift av offentlige IKT-tjenester ikke må organiseres slik at de er underlagt demokratisk styring og kontroll.',
      NTL_P002,
      Q_NTL,
    );
    expect(s.verdict).toBe('contradicted');
    expect(s.checks?.polarity[0]).toMatchObject({ kind: 'added', word: 'ikke' });
  });

  it('contradicts a removed negation', async () => {
    const s = await verdictOf(
      'Fagforbundet skriver at vi kan forvente en endring i denne situasjonen i overskuelig framtid.',
      'fagforbundet-innspill-digitaliseringsstrategi-2023-p001',
      'Vi kan dessverre ikke forvente en endring i denne situasjonen i overskuelig framtid.',
    );
    expect(s.verdict).toBe('contradicted');
    expect(s.reasons.join(' ')).toMatch(/Kilden sier «ikke»/);
  });

  it('accepts a kept negation, also as another word in the same place', async () => {
    const s = await verdictOf(
      'Fagforbundet mener vi dessverre ikke kan forvente en endring i denne situasjonen i overskuelig framtid.',
      'fagforbundet-innspill-digitaliseringsstrategi-2023-p001',
      'Vi kan dessverre ikke forvente en endring i denne situasjonen i overskuelig framtid.',
    );
    expect(s.verdict).toBe('supported');
  });
});

describe('who holds the position', () => {
  it('flags another organisation put in the mouth of the source', async () => {
    const s = await verdictOf(
      'KS mener utvikling og drift av offentlige IKT-tjenester må organiseres slik at de er underlagt demokratisk styring og kontroll.',
      NTL_P002,
      Q_NTL,
    );
    expect(s.verdict).toBe('unsupported');
    expect(s.checks?.holder).toEqual({ name: 'KS', ok: false });
    expect(s.reasons.join(' ')).toContain('kilden er fra NTL');
  });

  it('accepts a holder the source itself names ("Regjeringa oppgir …")', async () => {
    const s = await verdictOf(
      'Regjeringa oppgir at rundt 850 000 har for svak digital kompetanse i dag.',
      FAGF_P001,
      Q_850,
    );
    expect(s.verdict).toBe('supported');
  });

  it('"vi" is the drafting organisation', async () => {
    const quote = 'Vi støtter satsinga på å bekjempe digitalt utenforskap.';
    expect(
      (await verdictOf('Vi støtter satsinga på å bekjempe digitalt utenforskap.', FAGF_P001, quote, 'Fagforbundet'))
        .verdict,
    ).toBe('supported');
    const wrong = await verdictOf('Vi støtter satsinga på å bekjempe digitalt utenforskap.', FAGF_P001, quote, 'KS');
    expect(wrong.verdict).toBe('unsupported');
    expect(wrong.checks?.holder).toEqual({ name: 'KS', ok: false });
  });
});

describe('content overlap and citations', () => {
  it('flags a claim the cited passage does not make', async () => {
    const s = await verdictOf('Kommunene trenger flere sykepleiere i eldreomsorgen.', FAGF_P001, Q_850);
    expect(s.verdict).toBe('unsupported');
    expect(s.checks?.overlap).toBeLessThan(0.35);
  });

  it('backs a compound with its parts ("strategien" by "digitaliseringsstrategien")', async () => {
    const s = await verdictOf(
      'Fagforbundet mener strategien «Fremtidens digitale Norge» har tatt et stort skritt i riktig retning.',
      'fagforbundet-uttalelse-2024-p000',
      'Vi mener regjeringa med digitaliseringsstrategien «Fremtidens digitale Norge» har tatt et stort skritt i riktig retning.',
    );
    expect(s.verdict).toBe('supported');
  });

  it('uncited: a claim without citation fails, a greeting is exempt', async () => {
    const report = await verifyDraft(
      {
        sections: [
          {
            sentences: [
              { text: 'Vi takker for muligheten til å gi innspill.' },
              { text: 'Kommunene mangler 5 000 sykepleiere.' },
            ],
          },
        ],
      },
      { source: await seedSource() },
    );
    expect(report.sentences.map((s) => [s.verdict, s.claim])).toEqual([
      ['uncited', false],
      ['uncited', true],
    ]);
    expect(report.ok).toBe(false);
    expect(report.summary.verdicts.uncited).toBe(2);
  });
});
