import { retrieveSources } from '../src/draft/retrieve.js';
import { corpusVocabulary } from '../src/draft/vocabulary.js';
import { seededStore } from '../test/helpers/runtime.js';
const { db, embedder } = await seededStore();
const deps = { db, embedder, vocabulary: corpusVocabulary(db) };
const qs: [string,string][] = [
 ['Hvordan bør fiskekvotene fordeles mellom kystflåten og havfiskeflåten?','Fagforbundet'],
 ['Hva mener dere om endringer i fiskekvoter?','Fagforbundet'],
 ['Bør momsen på matvarer senkes?','Fagforbundet'],
 ['Skal Norge bygge ut mer vindkraft til havs?','Fagforbundet'],
 ['Hvordan bør pensjonsreformen endres for offentlig ansatte?','Fagforbundet'],
 ['Bør skolene ha mobilforbud?','Fagforbundet'],
 ['Hvordan bør fiskekvotene fordeles?','Fagforbundet'],
 ['Bør IKT driftes i egen regi?','Fagforbundet'],
 ['Korleis bør kommunane auke den digitale kompetansen til dei tilsette?','Fagforbundet'],
 ['Bør det utvikles norske språkmodeller for offentlig sektor?','Oslo Arbeiderparti'],
];
for (const [q,o] of qs) { const r = await retrieveSources(deps,{query:q,organisation:o}); console.log(r.relevance.outcome, r.relevance.coverage, r.relevance.vector, r.relevance.absentTopic, q); }
