/**
 * Enumerations item by item (src/verify/enumeration.ts): an item of the sentence's list that the cited text lacks,
 * in a list whose other items it has, is named and sent to review; a subset of the source's list is not.
 */
import { describe, expect, it } from 'vitest';
import { verifyDraft } from '../../src/verify/index.js';
import { changedItems, listItems } from '../../src/verify/enumeration.js';
import { draftOf, seedSource } from './seedSource.js';

const ETHICS = 'Yrkesetikk må vektlegges ved anskaffelse, innføring og bruk av kunstig intelligens.';

describe('enumerations', () => {
  it('reads the items of a list of three or more: lead-in word, chunks, first word after the conjunction', () => {
    expect(listItems('Vi vil ha skole, barnehage og helse.')).toEqual([[['skole'], ['barnehage'], ['helse']]]);
    expect(listItems('Det gjelder anskaffelse, innføring og salg av kunstig intelligens.')).toEqual([
      [['anskaffelse'], ['innføring'], ['salg']],
    ]);
    expect(listItems('Vi vil ha skole og barnehage.')).toEqual([]);
  });

  it('names a replaced or added item, and leaves subsets and compounds alone', () => {
    expect(changedItems('Vi vil ha skole, barnehage og politi.', 'Vi vil ha skole, barnehage og helse.')).toEqual([
      { items: ['politi'], list: ['skole', 'barnehage', 'politi'] },
    ]);
    expect(changedItems('Ved anskaffelse, innføring, bruk og avvikling av KI.', ETHICS)[0].items).toEqual([
      'avvikling',
    ]);
    expect(changedItems('Ved anskaffelse, innføring og bruk av KI.', ETHICS)).toEqual([]);
    // «helse» is in «helsetjenester»; Nynorsk items read as Bokmål.
    expect(
      changedItems(
        'Tenester som helse, utdanning og transport.',
        'helsetjenester, utdanningstjenester og transporttjenester',
      ),
    ).toEqual([]);
  });

  it('sends a list with a changed item to review with the item named, and supports the faithful subset', async () => {
    const source = await seedSource();
    const at = 'fagforbundet-uttalelse-2024-p003';
    const changed = await verifyDraft(
      draftOf(
        'Fagforbundet mener yrkesetikk må vektlegges ved anskaffelse, innføring og salg av kunstig intelligens.',
        at,
        ETHICS,
      ),
      { source },
    );
    expect(changed.sentences[0].verdict).toBe('partly_supported');
    expect(changed.sentences[0].reasons.join(' ')).toContain(
      'Oppramsingen i setningen har «salg», som ikke står i kildens oppramsing',
    );
    const subset = await verifyDraft(
      draftOf('Fagforbundet mener yrkesetikk må vektlegges ved innføring og bruk av kunstig intelligens.', at, ETHICS),
      { source },
    );
    expect(subset.sentences[0].verdict).toBe('supported');
  });
});
