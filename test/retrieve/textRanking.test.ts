/**
 * What the full-text leg ranks by (issue 17): how often a passage uses a word, the rest of its section, words joined
 * by slashes, and names kept apart from the common words they stem to. Each case is a tiny corpus written for it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textLeg } from '../../src/retrieve/search.js';
import type { Db } from '../../src/store/db.js';
import { storeWith, textDocument as doc } from '../helpers/runtime.js';

const FILLER = [
  'Saken gjelder forholdet mellom partene i avtalen og hvordan den skal forstås når den er inngått.',
  'Det er viktig at reglene er klare, slik at begge parter vet hva som gjelder fra dag til dag.',
  'Departementet har bedt om innspill fra mange instanser, og svarene skal leses samlet før en konklusjon.',
  'En god ordning krever at informasjon er tilgjengelig, og at de som berøres får si sin mening i tide.',
  'Forslaget må vurderes i sammenheng med annet regelverk på området, og med erfaringer fra andre land.',
  'Høringsfristen gjør det mulig å komme med merknader, og det er grunn til å bruke den godt.',
  'Kostnadene må fordeles rettferdig, og ingen grupper bør bære en uforholdsmessig stor del av byrden.',
  'Vi ber departementet merke seg disse punktene og ta dem med i det videre arbeidet med saken.',
];

let db: Db;
beforeAll(async () => {
  ({ db } = await storeWith([
    // Term frequency: the same length, «depositum» three times against once.
    doc(
      'tf-many',
      `Depositum skal stå på egen konto. Et depositum kan ikke være høyere enn seks måneders leie, og depositum betales tilbake. ${FILLER[0]}`,
    ),
    doc(
      'tf-once',
      `Depositum skal stå på egen konto. Leien kan ikke være høyere enn det som er avtalt, og renter betales tilbake. ${FILLER[0]}`,
    ),
    // Slashes: one token to PostgreSQL's parser before migration 011.
    doc('slash', `Sagnet forteller om gjengangere/dauinger/landdrauger langs kysten. ${FILLER[1]}`),
    // A name and the common word it stems to: «Råde» → 'råd'.
    doc('name', `Kommunestyret i Råde vedtok planen i fjor. ${FILLER[2]}`),
    doc('common', `Vi gir råd om råd: gode råd er viktige, og rådet gir råd til alle som ber om råd. ${FILLER[2]}`),
    // A name inside sentences against the name at a sentence start (stored by its stem only) beside the question's
    // year: searched by its form and its stem, a name must not count twice.
    doc('name-many', `Handelen med Sovjet vokste, og avtalene med Sovjet ble mange. ${FILLER[3]}`),
    doc('name-year', `Sovjet angrep Finland vinteren 1939, og krigen varte lenge. ${FILLER[3]}`),
    // A section cut in two passages by length: «havnevesen» in the first, «mudring» in the second.
    doc(
      'section',
      [
        `Havnevesen i kommunene har ansvar for farleder. ${FILLER.slice(0, 4).join(' ')} ${FILLER.slice(4).join(' ')}`,
        `${FILLER.slice(4).join(' ')} ${FILLER.slice(0, 3).join(' ')} Kostnadene til mudring deles.`,
      ].join(' '),
    ),
    doc(
      'lone',
      `Havnevesen i kommunene har ansvar for farleder. ${FILLER.slice(0, 4).join(' ')} ${FILLER.slice(4).join(' ')}`,
    ),
  ]));
}, 60_000);
afterAll(async () => db.close());

const ranked = async (q: string) => (await textLeg(db, q, 20)).map((h) => h.id.replace(/-p\d+$/, ''));

describe('text leg ranking', () => {
  it('counts how often a passage uses the word: three «depositum» beat one', async () => {
    const hits = await textLeg(db, 'Hvor stort kan et depositum være?', 10);
    const [first, second] = hits;
    expect(first.id).toMatch(/^tf-many/);
    expect(second.id).toMatch(/^tf-once/);
    expect(first.score).toBeGreaterThan(second.score);
  });

  it('finds each of three words joined by slashes', async () => {
    for (const word of ['gjengangere', 'dauinger', 'landdrauger']) expect(await ranked(word)).toEqual(['slash']);
  });

  it('ranks the passage naming «Råde» above one full of «råd»', async () => {
    expect((await ranked('Hva har Råde vedtatt?'))[0]).toBe('name');
    // The stem is still one of the forms: a question on «råd» finds both.
    expect(await ranked('Hvilke råd gis?')).toEqual(expect.arrayContaining(['name', 'common']));
  });

  it("counts a name once: the name beside the question's year beats the name alone", async () => {
    const top = await ranked('Hva gjorde Sovjet i 1939?');
    expect(top.slice(0, 2)).toEqual(['name-year', 'name-many']);
  });

  it('scores a passage with the rest of its section: the words split by a cut still count together', async () => {
    const { rows } = await db.query<{ id: string; document_id: string }>(
      `SELECT id, document_id FROM passages WHERE document_id IN ('section', 'lone') ORDER BY document_id, ordinal`,
    );
    expect(rows.map((r) => r.document_id)).toEqual(['lone', 'section', 'section']);
    const hits = await textLeg(db, 'havnevesen og mudring', 20);
    // The first passages of both are the same text; only the section's second passage tells them apart.
    const first = hits.find((h) => h.id === rows[1].id)!;
    const lone = hits.find((h) => h.id === rows[0].id)!;
    expect(first.score).toBeGreaterThan(lone.score);
  });
});
