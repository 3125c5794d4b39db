/**
 * The offline «concrete proposals» paragraph of an item section: the organisation's own proposing sentences, moved
 * out of the position or found in its retrieved passages (verbatim, cited, never another organisation's), or one
 * sentence saying there are none.
 */
import { describe, expect, it } from 'vitest';
import type { DraftSentence } from '../../src/domain/drafts.js';
import { NO_PROPOSALS, withProposals } from '../../src/draft/itemProposals.js';
import type { SourcePassage } from '../../src/llm/types.js';

const claim = (text: string, passageId = 'fag-p000'): DraftSentence => ({
  text,
  kind: 'claim',
  citations: [{ passageId, quote: text, start: 0, end: text.length }],
});
const source = (id: string, organisation: string, text: string): SourcePassage => ({
  id,
  organisation,
  text,
  title: 't',
  date: '2024',
});
const opts = { organisation: 'Fagforbundet', lang: 'nb' as const, cited: [] };

describe('withProposals', () => {
  it('moves the position’s proposing sentences into their own paragraph, keeping the first claim', () => {
    const first = claim('Fagforbundet er opptatt av gode velferdstjenester i hele landet.');
    const demand = claim('Kommunene må få øremerkede midler til leksehjelp på alle skoler.');
    const view = claim('Leksehjelp gir elevene et bedre utgangspunkt for læring og mestring.');
    const out = withProposals([[first, demand], [view]], [], opts);
    expect(out.position).toEqual([[first], [view]]);
    expect(out.proposals).toEqual([demand]);
  });

  it('finds proposing sentences in the organisation’s own passages, not yet cited and not another’s', () => {
    const own = source(
      'fag-p001',
      'Fagforbundet',
      'Leksehjelp er viktig for mange familier. Staten bør finansiere leksehjelpen fullt ut i alle kommuner.',
    );
    const other = source('ks-p001', 'KS', 'Kommunene må selv bestemme hvordan leksehjelpen organiseres lokalt.');
    const out = withProposals([[claim('Leksehjelp er viktig for mange familier.', 'fag-p001')]], [own, other], {
      ...opts,
      cited: [{ passageId: 'fag-p001', quote: 'Leksehjelp er viktig for mange familier.', start: 0 }],
    });
    expect(out.proposals.map((t) => t.text)).toEqual(['Staten bør finansiere leksehjelpen fullt ut i alle kommuner.']);
    const [c] = out.proposals[0].citations;
    expect(own.text.slice(c.start, c.end)).toBe(c.quote);
    expect(c.passageId).toBe('fag-p001');
  });

  it('says there are none when the documents propose nothing (a frame, no citation)', () => {
    const only = claim('Leksehjelp er viktig for mange familier.');
    const out = withProposals([[only]], [source('fag-p000', 'Fagforbundet', only.text)], opts);
    expect(out.position).toEqual([[only]]);
    expect(out.proposals).toEqual([{ text: NO_PROPOSALS.nb, kind: 'frame', citations: [] }]);
    expect(withProposals([[only]], [], { ...opts, lang: 'nn' }).proposals[0].text).toBe(
      'Vi har ingen konkrete framlegg her.',
    );
  });
});
