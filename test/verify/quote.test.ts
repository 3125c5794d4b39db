import { describe, expect, it } from 'vitest';
import { isTooShort, matchQuote } from '../../src/verify/quote.js';
import { verifyDraft } from '../../src/verify/index.js';
import { draftOf, seedPassage, seedSource } from './seedSource.js';

const PASSAGE =
  'Vi mener regjeringa med digitaliserings\u00ADstrategien «Fremtidens digitale Norge» har tatt et stort\nskritt – i riktig retning. Rundt 850\u00A0000 mangler kompetanse.';

describe('matchQuote tiers, with true offsets', () => {
  it('exact: a verbatim substring', () => {
    const m = matchQuote('har tatt et stort', PASSAGE)!;
    expect(m.tier).toBe('exact');
    expect(PASSAGE.slice(m.start, m.end)).toBe('har tatt et stort');
  });

  it('normalised: line breaks, soft hyphens, typographic quotes, dashes and no-break spaces', () => {
    const cases = [
      [
        'digitaliseringsstrategien "Fremtidens digitale Norge" har tatt et stort skritt - i riktig retning',
        'digitaliserings\u00ADstrategien «Fremtidens digitale Norge» har tatt et stort\nskritt – i riktig retning',
      ],
      ['Rundt 850 000 mangler kompetanse', 'Rundt 850\u00A0000 mangler kompetanse'],
    ];
    for (const [quote, original] of cases) {
      const m = matchQuote(quote, PASSAGE)!;
      expect(m.tier).toBe('normalised');
      expect(PASSAGE.slice(m.start, m.end)).toBe(original);
    }
  });

  it('loose: case and punctuation ignored', () => {
    const m = matchQuote('VI MENER regjeringa, med digitaliseringsstrategien Fremtidens digitale Norge', PASSAGE)!;
    expect(m.tier).toBe('loose');
    expect(PASSAGE.slice(m.start, m.end)).toBe(
      'Vi mener regjeringa med digitaliserings\u00ADstrategien «Fremtidens digitale Norge',
    );
  });

  it('null when the words differ', () => {
    expect(matchQuote('har tatt et lite skritt', PASSAGE)).toBeNull();
  });

  it('picks the occurrence nearest the claimed offset', () => {
    const text = 'ansatte må involveres tidlig. Senere: ansatte må involveres tidlig.';
    expect(matchQuote('ansatte må involveres tidlig', text, 40)!.start).toBe(38);
    expect(matchQuote('ansatte må involveres tidlig', text)!.start).toBe(0);
  });

  it('too short: under 3 content words or 15 characters', () => {
    expect(isTooShort('digitalt utenforskap')).toBe(true);
    expect(isTooShort('850 000')).toBe(true);
    expect(isTooShort('bekjempe digitalt utenforskap')).toBe(false);
  });
});

describe('citation status', () => {
  const P001 = 'fagforbundet-uttalelse-2024-p001';

  it('ok, with the tier and true offsets into the cited passage', async () => {
    const passage = await seedPassage(P001);
    const quote = 'Regjeringa oppgir at rundt 850 000 har for svak\ndigital kompetanse';
    const report = await verifyDraft(
      draftOf('Regjeringa oppgir at rundt 850 000 har for svak digital kompetanse.', P001, quote),
      { source: await seedSource() },
    );
    const c = report.sentences[0].citations[0];
    expect(c).toMatchObject({ status: 'ok', tier: 'normalised' });
    expect(passage.text.slice(c.start, c.end)).toBe(
      'Regjeringa oppgir at rundt 850 000 har for svak digital kompetanse',
    );
  });

  it('misattributed: names the passage and document that really say it', async () => {
    const quote = 'Fagforbundet ønsker en skytjeneste som drives og utvikles av offentlig sektor';
    const report = await verifyDraft(
      draftOf('Fagforbundet ønsker en offentlig skytjeneste.', 'ntl-prinsipprogram-2019-p002', quote),
      { source: await seedSource() },
    );
    const c = report.sentences[0].citations[0];
    expect(c).toMatchObject({
      status: 'misattributed',
      tier: 'exact',
      actualPassageId: 'fagforbundet-uttalelse-2024-p002',
    });
    expect(c.actualDocument?.organisation).toBe('Fagforbundet');
    expect(c.reason).toContain('fagforbundet-uttalelse-2024-p002');
    expect(report.sentences[0].verdict).toBe('unsupported');
    expect(report.ok).toBe(false);
  });

  it('misattributed also when the quote differs from its real source in quote marks and case', async () => {
    const quote =
      'vi mener regjeringa med digitaliseringsstrategien "fremtidens digitale norge" har tatt et stort skritt';
    const report = await verifyDraft(
      draftOf('Fagforbundet mener strategien er et skritt i riktig retning.', P001, quote),
      { source: await seedSource() },
    );
    expect(report.sentences[0].citations[0]).toMatchObject({
      status: 'misattributed',
      actualPassageId: 'fagforbundet-uttalelse-2024-p000',
    });
  });

  it('fabricated: found nowhere', async () => {
    const report = await verifyDraft(
      draftOf(
        'Fagforbundet krever gratis bredbånd til alle.',
        P001,
        'Fagforbundet krever gratis bredbånd til alle innbyggere',
      ),
      { source: await seedSource() },
    );
    expect(report.sentences[0].citations[0]).toMatchObject({ status: 'fabricated', tier: null });
    expect(report.sentences[0].verdict).toBe('unsupported');
  });

  it('too_short: found, but does not count as support', async () => {
    const report = await verifyDraft(draftOf('Digitalt utenforskap er et problem.', P001, 'digitalt utenforskap'), {
      source: await seedSource(),
    });
    expect(report.sentences[0].citations[0].status).toBe('too_short');
    expect(report.sentences[0].verdict).toBe('unsupported');
  });

  it('unknown_passage: the id does not exist; the real source is still named', async () => {
    const quote = 'Vi støtter satsinga på å bekjempe digitalt utenforskap';
    const report = await verifyDraft(draftOf('Vi støtter satsinga.', 'fagforbundet-uttalelse-2024-p999', quote), {
      source: await seedSource(),
    });
    expect(report.sentences[0].citations[0]).toMatchObject({ status: 'unknown_passage', actualPassageId: P001 });
  });
});
