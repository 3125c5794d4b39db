/**
 * Issue 17, fourth round: a question asking for a figure or a pick among named things, on a topic the organisation
 * does speak of, is `answered` only when the passage gives a figure / uses every selective word; else ≈ (drafted,
 * marked for review), never «Vi har ikke …». Questions of our own writing over the shared relevance fixture.
 */
import { describe, expect, it } from 'vitest';
import { askedFor, givesFigure } from '../../src/draft/askedFor.js';
import { assessRelevance } from '../../src/draft/relevance.js';
import { CORPUS, hit } from './relevanceFixture.js';

describe('askedFor', () => {
  it('reads figures and picks in both written standards, and nothing in an open question', () => {
    expect(askedFor('Hvor mange lærere bør få etterutdanning i personvern?')).toBe('figure');
    expect(askedFor('Kor mykje bør fylka bruke på breiband?')).toBe('figure');
    expect(askedFor('Departementet ber om syn på hvor stor andel av budsjettet som bør gå til opplæring.')).toBe(
      'figure',
    );
    expect(askedFor('Hvem skal eie de nye fagsystemene?')).toBe('pick');
    expect(askedFor('Hvilket fylke bør prøve ut bredbåndsstøtten?')).toBe('pick');
    expect(askedFor('Kva for ein etat bør ha ansvaret for standardane?')).toBe('pick');
    expect(askedFor('Hvilke problemer gir manglende standarder?')).toBeNull();
    expect(askedFor('Kva bør gjerast med bredbåndet i distrikta?')).toBeNull();
    expect(askedFor('Hvordan bør kommunene sikre personvern?')).toBeNull();
  });

  it('finds a figure in digits, number words and amounts, not in articles', () => {
    expect(givesFigure('Minst 2 000 nye plasser.')).toBe(true);
    expect(givesFigure('Det trengs tre ganger så mange.')).toBe(true);
    expect(givesFigure('Ti prosent av budsjettet.')).toBe(true);
    expect(givesFigure('Kommunene trenger en plan og et løft.')).toBe(false);
  });
});

describe('a figure asked for', () => {
  const q = 'Hvor mye bredbånd og mobildekning trenger kommunene?';

  it('a passage on the topic without a figure: uncertain, not answered', () => {
    const r = assessRelevance(q, [hit('Kommunene trenger bedre bredbånd og mobildekning.')], CORPUS);
    expect(r.missing).toEqual([]);
    expect(r.outcome).toBe('uncertain');
    expect(r.relevant).toBe(false);
  });

  it('the same passage with an amount: answered', () => {
    const r = assessRelevance(q, [hit('Kommunene trenger 300 millioner til bedre bredbånd og mobildekning.')], CORPUS);
    expect(r.outcome).toBe('answered');
  });
});

describe('a pick asked for', () => {
  it('one selective word left open (who leads): uncertain; without the pick frame the same words are answered', () => {
    const passage = [hit('Staten bør eie sine fagsystemer og bruke åpne standarder.')];
    const pick = assessRelevance('Hvem bør forvalte statens fagsystemer og standarder?', passage, CORPUS);
    expect(pick.missing).toEqual(['forvalte']);
    expect(pick.outcome).toBe('uncertain');
    const open = assessRelevance('Bør staten forvalte sine fagsystemer og standarder?', passage, CORPUS);
    expect(open.missing).toEqual(['forvalte']);
    expect(open.outcome).toBe('answered');
  });
});

describe('a synonym with a short stem matches only exactly (not as the start of a longer one)', () => {
  it('«opplæring» (its synonym «kurs», stem «kur») is not used by a passage saying «kurere»', () => {
    const r = assessRelevance('Bør de ansatte få opplæring?', [hit('Ansatte må kurere sine verktøy.')], CORPUS);
    expect(r.missing).toContain('opplæring');
  });

  it('a long stem still finds its longer forms («standard» in «standardene»)', () => {
    const r = assessRelevance(
      'Bør det offentlige bruke standard?',
      [hit('Det offentlige bør bruke standardene.')],
      CORPUS,
    );
    expect(r.missing).toEqual([]);
  });
});

describe('the vector floor is waived when the words settle it', () => {
  it('a passage using every selective word and half the question is answered however low the embedder scores it', () => {
    const q = 'Trenger kommunene bedre bredbånd og mobildekning?';
    const low = assessRelevance(q, [hit('Kommunene trenger bedre bredbånd og mobildekning.', 0.05)], CORPUS);
    expect(low.outcome).toBe('answered');
    // … but not a question whose topic word no passage uses.
    const topic = assessRelevance(
      'Trenger fiskerne bedre bredbånd og mobildekning?',
      [hit('Kommunene trenger bedre bredbånd og mobildekning.', 0.05)],
      CORPUS,
    );
    expect(topic.outcome).not.toBe('answered');
  });
});
