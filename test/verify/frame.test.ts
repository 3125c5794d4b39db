/**
 * A quote's frame (src/verify/frame.ts, lexicons/frames.json): the rest of a cited sentence that an unmarked partial
 * quote leaves out. A condition or an opposing clause there governs the quoted words; a sentence that drops it is ≈,
 * never ✓. Each rule with a faithful control beside it.
 */
import { describe, expect, it } from 'vitest';
import { droppedMatrix, frameRestriction, opposesInWords, quoteFrame } from '../../src/verify/frame.js';
import { verifyAgainst } from './seedSource.js';

const frameOf = (text: string, quote: string) => {
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`quote not in text: ${quote}`);
  return quoteFrame(text, start, start + quote.length);
};

describe('quoteFrame', () => {
  it('is the rest of the quote’s own sentence, not its neighbours', () => {
    const text = 'Første setning. Vi er imot at kommunen skal betale. Siste setning.';
    expect(frameOf(text, 'kommunen skal betale')).toEqual({ before: 'Vi er imot at ', after: '.' });
  });
  it('starts a sentence the source did not punctuate at a capital after a lower-case word', () => {
    const text = 'forutsatt at det offentlige har kompetanse Det er få næringer som er like viktige som IKT.';
    expect(frameOf(text, 'Det er få næringer som er like viktige som IKT').before).toBe('');
    expect(frameOf(text, 'få næringer som er like viktige').before).toBe('Det er ');
  });
});

describe('frameRestriction', () => {
  const restriction = (text: string, quote: string) => frameRestriction(frameOf(text, quote))?.word ?? null;
  it('finds a condition, exception or limit governing the quoted clause', () => {
    expect(restriction('Leieren har vern, forutsatt at avtalen er tinglyst.', 'Leieren har vern')).toBe('forutsatt at');
    expect(restriction('Dersom leieren flytter, kan utleieren kreve leie.', 'kan utleieren kreve leie')).toBe('Dersom');
    expect(restriction('Når fristen er ute, kan heftelsen slettes.', 'kan heftelsen slettes')).toBe('Når');
    expect(restriction('Partene kan kreve skjønn, men bare innen tre måneder.', 'Partene kan kreve skjønn')).toBe(
      'innen',
    );
    expect(restriction('Kun eieren kan kreve deling.', 'kan kreve deling')).toBe('Kun');
  });
  it('leaves a condition that belongs to another clause, «ikke bare» and «ikke minst»', () => {
    expect(restriction('Kommunen skal betale, og dersom staten svikter, blir det dyrt.', 'Kommunen skal betale')).toBe(
      null,
    );
    expect(restriction('Det er ikke bare kommunen som skal betale.', 'kommunen som skal betale')).toBe(null);
    expect(restriction('Vi må sette kraft bak tiltakene, ikke minst i fellesskap.', 'Vi må sette kraft bak')).toBe(
      null,
    );
    expect(restriction('Leieren har vern mot kreditorene.', 'Leieren har vern')).toBe(null);
  });
  it('leaves a kind the quote has itself to the quote’s own checks', () => {
    const f = frameOf('Dersom avtalen er tinglyst, har leieren vern innen fristen.', 'har leieren vern innen fristen');
    expect(frameRestriction(f, new Set(['condition']))).toBe(null);
  });
});

describe('droppedMatrix', () => {
  const text = 'Vi er imot at kommunen skal dekke kostnadene.';
  const f = frameOf(text, 'kommunen skal dekke kostnadene');
  it('finds an opposing clause the sentence drops', () => {
    expect(droppedMatrix(f, 'Vi mener kommunen skal dekke kostnadene.')).toMatchObject({
      group: 'against',
      word: 'imot',
    });
  });
  it('is kept by the same word or another way of saying it', () => {
    expect(droppedMatrix(f, 'Vi går imot at kommunen skal dekke kostnadene.')).toBe(null);
    expect(droppedMatrix(f, 'Vi mener kommunen ikke skal dekke kostnadene.')).toBe(null);
  });
  it('needs the quote to open right after «at», «om» or «å»', () => {
    const g = frameOf('Vi er imot reformen, og kommunen skal dekke kostnadene.', 'kommunen skal dekke kostnadene');
    expect(droppedMatrix(g, 'Kommunen skal dekke kostnadene.')).toBe(null);
  });
  it('reads fear, denial, doubt and hope', () => {
    const group = (src: string, quote: string, sentence: string) =>
      droppedMatrix(frameOf(src, quote), sentence)?.group ?? null;
    expect(
      group('Vi frykter at tjenestene blir dårligere.', 'tjenestene blir dårligere', 'Tjenestene blir dårligere.'),
    ).toBe('fear');
    expect(
      group(
        'Det er en myte at kommunene mangler kompetanse.',
        'kommunene mangler kompetanse',
        'Kommunene mangler kompetanse.',
      ),
    ).toBe('denial');
    expect(group('Departementet vurderer om gebyret skal økes.', 'gebyret skal økes', 'Gebyret skal økes.')).toBe(
      'doubt',
    );
    expect(group('Vi håper at staten tar regningen.', 'staten tar regningen', 'Staten tar regningen.')).toBe('hope');
    expect(
      group('Vi håper at staten tar regningen.', 'staten tar regningen', 'Vi ønsker at staten tar regningen.'),
    ).toBe(null);
  });
});

describe('opposesInWords', () => {
  it('reads «imot at» and «en myte at», not «feil» as a noun', () => {
    expect(opposesInWords('Vi er imot at kommunen betaler.')).toBe(true);
    expect(opposesInWords('Det er en myte at kommunene mangler kompetanse.')).toBe(true);
    expect(opposesInWords('Registerføreren skal rette det som er ført feil i grunnboken.')).toBe(false);
  });
});

describe('verdicts on a partial quote', () => {
  const cases: { source: string; quote: string; sentence: string; verdict: string }[] = [
    {
      source: 'Kommunen skal dekke kostnadene, med mindre staten har gitt særskilt tilskudd.',
      quote: 'Kommunen skal dekke kostnadene',
      sentence: 'Kommunen skal dekke kostnadene.',
      verdict: 'partly_supported',
    },
    {
      source: 'Kommunen skal dekke kostnadene, med mindre staten har gitt særskilt tilskudd.',
      quote: 'Kommunen skal dekke kostnadene',
      sentence: 'Kommunen skal dekke kostnadene med mindre staten har gitt særskilt tilskudd.',
      verdict: 'supported',
    },
    {
      source: 'Vi frykter at kommunene vil kutte i tjenestene til eldre.',
      quote: 'kommunene vil kutte i tjenestene til eldre',
      sentence: 'Kommunene vil kutte i tjenestene til eldre.',
      verdict: 'partly_supported',
    },
    {
      source: 'Det er en myte at kommunene mangler kompetanse på digitalisering.',
      quote: 'kommunene mangler kompetanse på digitalisering',
      sentence: 'Kommunene mangler kompetanse på digitalisering.',
      verdict: 'partly_supported',
    },
    {
      source: 'Fagforbundet mener at kommunene må få bedre rammer, og dersom staten svikter, vil tjenestene lide.',
      quote: 'kommunene må få bedre rammer',
      sentence: 'Fagforbundet mener at kommunene må få bedre rammer.',
      verdict: 'supported',
    },
  ];
  for (const c of cases)
    it(`«${c.sentence}» is ${c.verdict}`, async () => {
      expect((await verifyAgainst(c.source, c.sentence, c.quote)).verdict).toBe(c.verdict);
    });

  it('a «not» restating «imot at» is ≈, not ✗', async () => {
    const s = await verifyAgainst(
      'Vi er imot at kommunen skal dekke alle kostnadene ved reformen.',
      'Vi mener kommunen ikke skal dekke alle kostnadene ved reformen.',
      'kommunen skal dekke alle kostnadene ved reformen',
    );
    expect(s.verdict).toBe('partly_supported');
  });
  it('the reason names the word the sentence leaves out', async () => {
    const s = await verifyAgainst(
      'Leieren har vern mot utleierens kreditorer, forutsatt at avtalen er tinglyst.',
      'Leieren har vern mot utleierens kreditorer.',
      'Leieren har vern mot utleierens kreditorer',
    );
    expect(s.reasons.join(' ')).toContain('«forutsatt at»');
  });
});
