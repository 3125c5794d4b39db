import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseMarkdown, renderMarkdown, VerifyError, type StructuredDraft } from '../../src/verify/index.js';
import { prng } from '../../evals/lib/prng.js';

const FIXTURE = new URL('../fixtures/drafts/endret-tall.md', import.meta.url);

describe('parseMarkdown', () => {
  it('reads title, sections, sentences and footnote citations', () => {
    const draft = parseMarkdown(
      '# Innspill\n\nInnledning uten kilde.\n\n## Kompetanse\n\nRundt 850 000 mangler kompetanse, jf. regjeringa.[^1] Det må\nreduseres.[^a][^1]\n\n' +
        '[^1]: [fagforbundet-uttalelse-2024-p001] «rundt 850 000 har for svak digital kompetanse» (tegn 711–758)\n' +
        '[^a]: [fagforbundet-uttalelse-2024-p001] “dette tallet må reduseres betraktelig”\n',
    );
    expect(draft.title).toBe('Innspill');
    expect(draft.sections).toHaveLength(2);
    expect(draft.sections[0]).toEqual({ sentences: [{ text: 'Innledning uten kilde.', citations: [] }] });
    const [a, b] = draft.sections[1].sentences;
    expect(draft.sections[1].heading).toBe('Kompetanse');
    expect(a.text).toBe('Rundt 850 000 mangler kompetanse, jf. regjeringa.');
    expect(a.citations).toEqual([
      {
        passageId: 'fagforbundet-uttalelse-2024-p001',
        quote: 'rundt 850 000 har for svak digital kompetanse',
        start: 711,
        end: 758,
      },
    ]);
    expect(b.text).toBe('Det må reduseres.');
    expect(b.citations.map((c) => c.quote)).toEqual([
      'dette tallet må reduseres betraktelig',
      'rundt 850 000 har for svak digital kompetanse',
    ]);
  });

  it('keeps typographic quotes inside a quote and quotes over several lines', () => {
    const draft = parseMarkdown(
      'Setning.[^1] Neste.[^2]\n\n[^1]: [x-p001] «Vi mener «Fremtidens digitale Norge» er et skritt»\n' +
        '[^2]: [x-p002] «første linje\n    \n    tredje linje med »« inni»\n',
    );
    expect(draft.sections[0].sentences[0].citations[0].quote).toBe('Vi mener «Fremtidens digitale Norge» er et skritt');
    expect(draft.sections[0].sentences[1].citations[0].quote).toBe('første linje\n\ntredje linje med »« inni');
  });

  it('attaches a reference written after the space to the sentence before it', () => {
    const draft = parseMarkdown('Første påstand. [^1] Andre påstand.\n\n[^1]: [x-p001] «et sitat som er langt nok»\n');
    expect(draft.sections[0].sentences.map((s) => s.citations.length)).toEqual([1, 0]);
  });

  it('names the line of an undefined or malformed footnote', () => {
    expect(() => parseMarkdown('Setning.[^9]\n')).toThrow(/\[\^9\] på linje 1 er ikke definert/);
    const err = (() => {
      try {
        parseMarkdown('Setning.[^1]\n\n[^1]: x-p001 sitat uten klammer\n');
      } catch (e) {
        return e as VerifyError;
      }
    })();
    expect(err).toBeInstanceOf(VerifyError);
    expect(err?.code).toBe('invalid_markdown');
    expect(err?.field).toBe('[^1]');
    expect(err?.message).toMatch(/linje 3/);
  });

  it('parses the endret-tall fixture', () => {
    const draft = parseMarkdown(readFileSync(FIXTURE, 'utf8'));
    expect(draft.sections.flatMap((s) => s.sentences)).toHaveLength(8);
    expect(draft.sections[2].sentences[1].citations[0].quote).toContain('basert på\ntett involvering');
  });
});

describe('renderMarkdown → parseMarkdown round trip', () => {
  const cases: StructuredDraft[] = [
    { sections: [] },
    { title: 'Tittel # med #', sections: [{ heading: 'Tom del', sentences: [] }] },
    {
      sections: [
        {
          sentences: [
            {
              text: 'Vi viser bl.a. til nr. 5.',
              citations: [
                { passageId: 'a-p001', quote: 'sitat «med» “alle” slags ‘tegn’ og »baklengs«', start: 3, end: 9 },
              ],
            },
            { text: 'Hei. Du. Dette er én setning i strukturen.', citations: [] },
            {
              text: 'uten stor forbokstav',
              citations: [{ passageId: 'b-p002', quote: ' linje én\n  linje to\n\nfire ' }],
            },
            { text: '# ikke en overskrift', citations: [] },
            {
              text: '1. mai er en dag.',
              citations: [{ passageId: 'c-p003', quote: '«Fremtidens digitale Norge»', end: 12 }],
            },
            { text: 'Slutter med \\ og [^1] i teksten', citations: [] },
            { text: 'Han sa «hei.', citations: [] },
            { text: 'Neste.', citations: [] },
          ],
        },
        { heading: 'Del to', sentences: [{ text: '- liste? Nei.', citations: [] }] },
        { sentences: [{ text: 'Et avsnitt til under samme overskrift.', citations: [] }] },
      ],
    },
  ];
  it.each(cases.map((c, i) => [i, c] as const))('case %i survives', (_, draft) => {
    expect(parseMarkdown(renderMarkdown(draft))).toEqual(draft);
  });

  it('survives 200 random drafts built from awkward pieces', () => {
    const rand = prng(7);
    const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
    const pieces = [
      'Vi',
      'mener',
      'bl.a.',
      'f.eks.',
      '850 000',
      '2.5',
      'nr.',
      'A.',
      'slutt.',
      'Ny!',
      '«sitat.»',
      '»',
      '«',
      '\\',
      '[^x]',
      '#',
      '-',
      '1.',
      'kr.',
      'ca.',
      '…',
      'Hvorfor?',
      'å',
      '2/3',
      // what the export writes (safeMarkdown's &lt;, review marks) must stay text when it is the draft's own
      '&lt;',
      '&amp;',
      '<',
      '[✓ x]',
      '[≈',
    ];
    for (let n = 0; n < 200; n++) {
      const sentence = () => ({
        text: Array.from({ length: 1 + Math.floor(rand() * 8) }, () => pick(pieces)).join(' '),
        citations: Array.from({ length: Math.floor(rand() * 3) }, () => ({
          passageId: pick(['a-p001', 'b-p010']),
          quote: Array.from({ length: 1 + Math.floor(rand() * 6) }, () =>
            pick([...pieces, '\n', ' ', '»»', '««']),
          ).join(pick([' ', '', '\n'])),
        })).filter((c) => c.quote.trim() !== '' || c.quote.length > 0),
      });
      const draft: StructuredDraft = {
        sections: Array.from({ length: 1 + Math.floor(rand() * 3) }, (_, i) => ({
          ...(i > 0 || rand() < 0.5 ? { heading: `Del ${i}` } : {}),
          sentences: Array.from({ length: 1 + Math.floor(rand() * 4) }, sentence),
        })),
      };
      expect(parseMarkdown(renderMarkdown(draft)), renderMarkdown(draft)).toEqual(draft);
    }
  });
});
