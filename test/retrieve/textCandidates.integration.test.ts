/**
 * Which passages the text leg scores at all (src/retrieve/textTerms.ts): the rarest terms' passages within a
 * budget, and in hybrid search the vector leg's hits as well, so a passage with the question's commoner words is
 * scored even when the budget leaves those words out. A tiny corpus with the budget at 1 stands in for 100k passages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { search, textLeg } from '../../src/retrieve/search.js';
import { textQuery } from '../../src/retrieve/textTerms.js';
import type { Db } from '../../src/store/db.js';
import { ensureEmbedder } from '../../src/store/embeddings.js';
import { migrate } from '../../src/store/migrate.js';
import { writeDocuments } from '../../src/store/writeDocuments.js';
import { storeDrivers } from '../helpers/drivers.js';
import { localEmbedder, textDocument } from '../helpers/runtime.js';

// «råd» in every passage: a common word, so the name «Råde» below is searched by its own form, not its stem.
const FILLER = 'Vi ber departementet merke seg disse rådene og ta dem med i det videre arbeidet med saken.';

const doc = (id: string, text: string) => textDocument(id, `${text} ${FILLER}`);

const QUESTION = 'Hvordan skal bibliotekene og fyrtårnene få finansiering?';

// On each driver: the passage ids go to the statement as a text[] parameter, which pg and PGlite pass differently.
describe.each(
  storeDrivers({
    pglite: 'PGlite in-process',
    socket: 'pg over the wire (pglite-socket on 127.0.0.1)',
    postgres: 'PostgreSQL (INNSPILL_TEST_DATABASE_URL)',
  }),
)('text leg candidates on %s', (_name, open) => {
  let db: Db;
  let close: () => Promise<void>;
  let embedder: Awaited<ReturnType<typeof localEmbedder>>;
  beforeAll(async () => {
    ({ db, close } = await open());
    await migrate(db);
    embedder = await localEmbedder();
    await ensureEmbedder(db, embedder);
    await writeDocuments(db, embedder, [
      // The answer: the question's two commoner words, several times each.
      doc(
        'answer',
        'Bibliotekene trenger sikker finansiering. Finansiering av bibliotekene over statsbudsjettet gir bibliotekene ro, og stabil finansiering gjør at bibliotekene kan planlegge.',
      ),
      // The question's rarest word alone: the only candidate at a budget of 1.
      doc('rare', 'Fyrtårnene langs kysten ble bygget for lenge siden og er i dag et populært turmål om sommeren.'),
      // The commoner words elsewhere, so they are commoner than «fyrtårn».
      doc('lib-1', 'Bibliotekene i byen har lange åpningstider hele året.'),
      doc('lib-2', 'Mange bibliotekene låner ut både bøker og verktøy.'),
      doc('fin-1', 'Finansiering av veier skjer gjennom bompenger.'),
      doc('fin-2', 'Kommunen vedtok ny finansiering av skolebygg.'),
      // None of the question's words.
      doc('none', 'Været i fjellet skifter raskt, og turgåere bør ha med varme klær og kart.'),
      // A name in one passage against an ordinary word in two: the name is rarer, the word weighs more.
      doc('name', 'Kommunestyret i Råde vedtok planen i fjor etter en lang debatt.'),
      doc('harbour-1', 'Havnevesen i regionen har ansvar for farleder og kaier langs hele kysten.'),
      doc('harbour-2', 'Havnevesen og kommunene samarbeider om mudring av innseilingen.'),
    ]);
  }, 60_000);
  afterAll(async () => close());

  const top = async (opts: { scoreVectorHits?: boolean }) =>
    (await search(db, embedder, { query: QUESTION, k: 3, textBudget: 1, understandQuery: false, ...opts })).map(
      (h) => h.passage.documentId,
    );

  it('leaves the commoner words out of the candidates at a budget of 1', async () => {
    const q = (await textQuery(db, QUESTION, { budget: 1 }))!;
    expect(q.terms.map((t) => t.lexemes[0])).toEqual(expect.arrayContaining(['fyrtårn', 'bibliotek', 'finansiering']));
    expect(q.candidates).toBe("('fyrtårn')");
    const alone = await textLeg(db, QUESTION, 10, {}, { budget: 1 });
    expect(alone.map((h) => h.id.replace(/-p\d+$/, ''))).toEqual(['rare']);
  });

  it("scores the vector leg's hits too, so hybrid search puts the answer first at a small budget", async () => {
    expect((await top({}))[0]).toBe('answer');
    // The same search with the budget's candidates alone: the rare word's passage wins the text leg unopposed.
    expect((await top({ scoreVectorHits: false }))[0]).toBe('rare');
  });

  it('takes the heaviest terms first, not the rarest: a name weighs half (NAME_WEIGHT)', async () => {
    const question = 'Hva mener Råde om havnevesen?';
    const q = (await textQuery(db, question, { budget: 2 }))!;
    const name = q.terms.find((t) => t.lexemes[0] === 'råde')!;
    const word = q.terms.find((t) => t.lexemes[0].startsWith('havn'))!;
    expect(name.df).toBeLessThan(word.df);
    expect(name.weight).toBeLessThan(word.weight);
    const ids = async (budget: number) =>
      (await textLeg(db, question, 10, {}, { budget })).map((h) => h.id.replace(/-p\d+$/, ''));
    const unbounded = await ids(1_000_000);
    expect(unbounded[0]).toMatch(/^harbour-/);
    // Rarest first, the name's one passage would have filled the budget of 2 and been the only hit.
    expect((await ids(2)).slice(0, 2).sort()).toEqual(['harbour-1', 'harbour-2']);
  });

  it("leaves the vector hits out where the hybrid budget is no lower than text-only search's", async () => {
    // Ten passages: both budgets are CANDIDATE_MIN, every passage with a word is a candidate anyway.
    expect((await textQuery(db, QUESTION, { withVectorHits: true }))!.withVectorHits).toBe(false);
    expect((await textQuery(db, QUESTION, { withVectorHits: true, budget: 1 }))!.withVectorHits).toBe(true);
  });

  it('returns a given passage only when it has one of the words', async () => {
    const { rows } = await db.query<{ id: string; document_id: string }>('SELECT id, document_id FROM passages');
    const ids = rows.map((r) => r.id);
    const hits = await textLeg(db, QUESTION, 10, {}, { budget: 1, also: ids });
    const docs = hits.map((h) => rows.find((r) => r.id === h.id)!.document_id);
    expect(docs[0]).toBe('answer');
    expect(docs).not.toContain('none');
    expect(new Set(docs)).toEqual(new Set(['answer', 'rare', 'lib-1', 'lib-2', 'fin-1', 'fin-2']));
    expect(docs).not.toContain('name');
  });
});
