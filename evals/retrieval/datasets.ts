/**
 * Retrieval eval sets: the seed questions we wrote (gold = passages containing a given phrase) and any set in
 * NorQuAD's shape (passages.jsonl {id,title,text}; questions.jsonl {id,question,passage_id}).
 */
import { readFileSync } from 'node:fs';
import type { IngestedDocument } from '../../src/domain/types.js';
import { ingestText } from '../../src/ingest/index.js';

export interface EvalQuestion {
  id: string;
  question: string;
  /** Keys (passage ids or document ids, see `goldKey`) that count as a correct hit. */
  gold: Set<string>;
}

export interface RetrievalSet {
  name: string;
  /** Documents to load; null means: use the store as it is (the seed corpus). */
  documents: IngestedDocument[] | null;
  questions: EvalQuestion[];
  /** Compare hits by passage id (seed questions) or by document id (NorQuAD: one passage = one document). */
  goldKey: 'passage' | 'document';
}

function readJsonl<T>(path: string): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);
}

/** NorQuAD-shaped files: each passage becomes one document whose id is the passage id. */
export function norquadSet(name: string, passagesFile: string, questionsFile: string): RetrievalSet {
  const passages = readJsonl<{ id: string; title?: string; text: string }>(passagesFile);
  const documents = passages.map((p) =>
    ingestText(p.text, {
      id: p.id
        .toLowerCase()
        .replace(/[^a-z0-9-]+/g, '-')
        .replace(/^-+|-+$/g, ''),
      organisation: name,
      title: p.title || p.id,
      kind: 'other',
      date: '2020',
      language: 'nb',
    }),
  );
  const idOf = new Map(passages.map((p, i) => [p.id, documents[i].meta.id]));
  const questions = readJsonl<{ id: string; question: string; passage_id: string }>(questionsFile).map((q) => ({
    id: q.id,
    question: q.question,
    gold: new Set([idOf.get(q.passage_id) ?? q.passage_id]),
  }));
  return { name, documents, questions, goldKey: 'document' };
}

interface SeedCase {
  id: string;
  question: string;
  gold: { document: string; contains: string };
  alsoGold?: { document: string; contains: string }[];
}

const squash = (s: string) => s.replace(/\s+/g, ' ').toLowerCase();

/** Seed questions: gold passages are found by phrase, so re-cutting passages does not silently break the set. */
export function seedSet(casesFile: string, passages: { id: string; documentId: string; text: string }[]): RetrievalSet {
  const questions = readJsonl<SeedCase>(casesFile).map((c) => {
    const gold = new Set<string>();
    for (const g of [c.gold, ...(c.alsoGold ?? [])]) {
      for (const p of passages)
        if (p.documentId === g.document && squash(p.text).includes(squash(g.contains))) gold.add(p.id);
    }
    if (gold.size === 0)
      throw new Error(`eval case ${c.id}: no passage of ${c.gold.document} contains «${c.gold.contains}»`);
    return { id: c.id, question: c.question, gold };
  });
  return { name: 'seed-questions', documents: null, questions, goldKey: 'passage' };
}
