/** Elision marks at a quote's edges (src/verify/elisionEdges.ts): the rest of the quoted sentence counts as skipped. */
import { describe, expect, it } from 'vitest';
import { verifyDraft } from '../../src/verify/index.js';
import { edgeGaps } from '../../src/verify/elisionEdges.js';
import { draftOf, seedSource } from './seedSource.js';

describe('elision marks at the edges of a quote', () => {
  it('keeps what a trailing or leading mark cuts from the quoted sentence, and nothing without a mark', () => {
    const p = 'Leieren må finne seg i endringer dersom de er små. Neste setning.';
    expect(edgeGaps('Leieren må finne seg i endringer (…)', p)).toEqual([' dersom de er små.']);
    expect(
      edgeGaps('[…] kan leieren kreve retting', 'Oppfyller ikke utleieren plikten, kan leieren kreve retting.'),
    ).toEqual(['Oppfyller ikke utleieren plikten, ']);
    expect(edgeGaps('Leieren må finne seg i endringer', p)).toEqual([]);
  });

  it('asks for review when the cut holds a negation, and not when it holds a second aim', async () => {
    const source = await seedSource();
    const cut = await verifyDraft(
      draftOf(
        'De ansatte blir skjøvet ut til fordel for nye medarbeidere.',
        'ntl-prinsipprogram-2019-p003',
        '[…] blir skjøvet ut til fordel for nye medarbeidere',
      ),
      { source },
    );
    expect(cut.sentences[0].verdict).not.toBe('supported');
    expect(cut.sentences[0].reasons.join(' ')).toContain('Sitatet hopper over tekst som inneholder «ikke»');
    const aim = await verifyDraft(
      draftOf(
        'Fagforbundets landsstyre ønsker å bruke digitalisering for å gi folk gode tjenester.',
        'fagforbundet-uttalelse-2024-p002',
        'Fagforbundets landsstyre ønsker å bruke digitalisering for å gi folk gode tjenester (…)',
      ),
      { source },
    );
    expect(aim.sentences[0].verdict).toBe('supported');
  });
});
