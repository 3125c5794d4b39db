/**
 * Bench corpora of exactly N passages built from real text, cached under bench/.cache.
 *
 * The real documents (seeds, Lovdata, NorQuAD) come first, as they are. Past them, documents are made by
 * recombining real sentences: each paragraph is a run of consecutive sentences from one source document, now and
 * then switching to a second one, until it is 300–900 characters long — the passage band ingest cuts to — so one
 * paragraph becomes one passage. Vocabulary, sentence shape and topic locality stay those of real Norwegian text,
 * which is what ANN recall depends on (uniform random vectors make recall figures meaningless).
 * Deterministic: a fixed seed, and the corpus of size N is a prefix of the corpus of any larger size.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DocumentMeta, IngestedDocument } from '../src/domain/types.js';
import { ingestText, prepareText } from '../src/ingest/index.js';
import { sentenceStarts } from '../src/text/sentences.js';
import { prng } from '../evals/lib/prng.js';
import { describeSources, readSources, ROOT, type SourceDoc } from './sources.js';

export interface CorpusDoc {
  meta: DocumentMeta;
  raw: string;
}

export interface Corpus {
  passages: number;
  realPassages: number;
  docs: CorpusDoc[];
  sources: ReturnType<typeof describeSources>;
  file: string;
}

/** Bump when generation changes, so stale caches are not reused. */
const GENERATOR_VERSION = 2;
const CACHE_DIR = join(ROOT, 'bench/.cache');

const ORGANISATIONS = [
  'Fagforbundet',
  'KS',
  'NTL',
  'Oslo Arbeiderparti',
  'LO',
  'Unio',
  'Akademikerne',
  'NHO',
  'Virke',
  'Forbrukerrådet',
  'Datatilsynet',
  'Digdir',
];
const KINDS = ['programme', 'statement', 'consultation_response', 'news', 'other'] as const;

/** Whole sentences of each source document's body paragraphs (headings and fragments left out). */
function sentencePools(sources: SourceDoc[]): { title: string; sentences: string[] }[] {
  return sources
    .map((doc) => {
      const out: string[] = [];
      for (const para of prepareText(doc.text).split(/\n+/)) {
        const cuts = [0, ...sentenceStarts(para), para.length];
        for (let i = 0; i + 1 < cuts.length; i++) {
          const s = para.slice(cuts[i], cuts[i + 1]).trim();
          if (s.length >= 30 && s.length <= 450 && /[.!?]["»”’)]*$/u.test(s)) out.push(s);
        }
      }
      return { title: doc.title, sentences: out };
    })
    .filter((pool) => pool.sentences.length >= 3);
}

/** One paragraph of 300–900 characters: a run through pool A, sometimes continuing in pool B. */
function paragraph(rand: () => number, a: string[], b: string[]): string {
  const target = 300 + Math.floor(rand() * 600);
  let pool = a;
  let at = Math.floor(rand() * pool.length);
  let text = '';
  for (let guard = 0; text.length < target && guard < 50; guard++) {
    const s = pool[at % pool.length];
    if (text.length > 300 && text.length + 1 + s.length > 900) break;
    text = text ? `${text} ${s}` : s;
    at++;
    if (rand() < 0.2) {
      pool = pool === a ? b : a;
      at = Math.floor(rand() * pool.length);
    }
  }
  return text;
}

/**
 * Endless recombined documents. `seen` holds every passage text already in the corpus: a paragraph that repeats
 * one is drawn again, because exact duplicates (≈11 % of passages without this check) make exact top-10 lists
 * full of ties and ANN recall look worse than it is on real collections.
 */
function* syntheticDocs(sources: SourceDoc[], seen: Set<string>): Generator<CorpusDoc> {
  const pools = sentencePools(sources);
  const rand = prng(20240601);
  for (let n = 0; ; n++) {
    const ai = Math.floor(rand() * pools.length);
    const bi = Math.floor(rand() * pools.length);
    const paragraphs: string[] = [];
    for (let want = 8 + Math.floor(rand() * 7), tries = 0; paragraphs.length < want && tries < want * 20; tries++) {
      const p = paragraph(rand, pools[ai].sentences, pools[bi].sentences);
      if (seen.has(p)) continue;
      seen.add(p);
      paragraphs.push(p);
    }
    if (paragraphs.length === 0) continue;
    yield {
      meta: {
        id: `syn-${String(n).padStart(6, '0')}`,
        organisation: ORGANISATIONS[Math.floor(rand() * ORGANISATIONS.length)],
        title: `${pools[ai].title} (${n})`.slice(0, 200),
        kind: KINDS[Math.floor(rand() * KINDS.length)],
        date: String(2015 + Math.floor(rand() * 11)),
        language: 'nb',
      },
      raw: paragraphs.join('\n\n'),
    };
  }
}

function realDocs(sources: SourceDoc[]): CorpusDoc[] {
  const org = { norquad: 'NorQuAD', lovdata: 'Lovdata', seed: 'Seed' } as const;
  const kind = { norquad: 'other', lovdata: 'statute', seed: 'statement' } as const;
  return sources.map((s, i) => ({
    meta: {
      id: `${s.source}-${String(i).padStart(5, '0')}`,
      organisation: org[s.source],
      title: s.title.slice(0, 200) || s.source,
      kind: kind[s.source],
      date: '2020',
      language: 'nb',
    },
    raw: s.text,
  }));
}

/** Take documents until exactly `size` passages; the last one is cut short at a passage end. */
function build(size: number, sources: SourceDoc[]): { docs: CorpusDoc[]; passages: number; realPassages: number } {
  const docs: CorpusDoc[] = [];
  let passages = 0;
  let realPassages = 0;
  const seen = new Set<string>();
  const stream = function* () {
    yield* realDocs(sources);
    yield* syntheticDocs(sources, seen);
  };
  for (const doc of stream()) {
    if (passages >= size) break;
    let ingested: IngestedDocument;
    try {
      ingested = ingestText(doc.raw, doc.meta);
    } catch {
      continue; // nothing citable in it
    }
    const need = size - passages;
    if (ingested.passages.length > need) {
      doc.raw = ingested.text.slice(0, ingested.passages[need - 1].end);
      ingested = ingestText(doc.raw, doc.meta);
    }
    docs.push(doc);
    for (const p of ingested.passages) seen.add(p.text);
    passages += ingested.passages.length;
    if (!doc.meta.id.startsWith('syn-')) realPassages += ingested.passages.length;
  }
  return { docs, passages, realPassages };
}

/**
 * The corpus of `size` passages, from the cache when it is there.
 * @example loadCorpus(10_000).passages // 10000
 */
export function loadCorpus(size: number): Corpus {
  const sources = readSources();
  const described = describeSources(sources);
  const key = createHash('sha1').update(JSON.stringify({ GENERATOR_VERSION, described })).digest('hex').slice(0, 8);
  const file = join(CACHE_DIR, `corpus-${size}-${key}.jsonl`);
  if (existsSync(file)) {
    const [head, ...lines] = readFileSync(file, 'utf8').split('\n').filter(Boolean);
    const h = JSON.parse(head) as { passages: number; realPassages: number };
    return { ...h, docs: lines.map((l) => JSON.parse(l) as CorpusDoc), sources: described, file };
  }
  const built = build(size, sources);
  mkdirSync(CACHE_DIR, { recursive: true });
  const head = JSON.stringify({ passages: built.passages, realPassages: built.realPassages });
  writeFileSync(file, [head, ...built.docs.map((d) => JSON.stringify(d))].join('\n') + '\n');
  return { ...built, sources: described, file };
}

/** Ingest every corpus document (clean, repair, cut): what the store receives. */
export function ingestCorpus(corpus: Corpus): IngestedDocument[] {
  return corpus.docs.map((d) => ingestText(d.raw, d.meta));
}
