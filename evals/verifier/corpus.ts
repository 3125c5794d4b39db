/**
 * The verifier eval's corpus as PassageWithDocument: the seed documents (ingested with the real ingest stage) and
 * the NorQuAD passages (evals/data/norquad/passages.jsonl, CC0-1.0, LTG University of Oslo).
 * NorQuAD passages have no organisation; each is given one from a fixed list (by a hash of its id) so that the
 * holder check can be exercised on them too.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';
import type { DocumentSummary, IngestedDocument, PassageWithDocument } from '../../src/domain/types.js';
import { passageId } from '../../src/domain/types.js';
import { readCorpusDir } from '../../src/corpus/inputs.js';
import { ingestBytes } from '../../src/ingest/index.js';

const SEED_DIR = fileURLToPath(new URL('../../seeds/', import.meta.url));
const NORQUAD_PASSAGES = fileURLToPath(new URL('../data/norquad/passages.jsonl', import.meta.url));

/** Organisations lent to NorQuAD passages; none of them is named in Wikipedia or NTB text often. */
const LENT_ORGANISATIONS = [
  'Fagforbundet',
  'NTL',
  'KS',
  'Oslo Arbeiderparti',
  'Unio',
  'Delta',
  'Parat',
  'Akademikerne',
  'Virke',
  'Fellesorganisasjonen',
];

const STAMP = '2025-01-01T00:00:00Z';

/** Passages of ingested documents, shaped as the store returns them. */
export function passagesOf(doc: IngestedDocument): PassageWithDocument[] {
  const { meta } = doc;
  const document: DocumentSummary = {
    ...meta,
    format: doc.format,
    contentHash: doc.contentHash,
    passageCount: doc.passages.length,
    createdAt: STAMP,
    updatedAt: STAMP,
  };
  return doc.passages.map((p) => ({
    id: passageId(meta.id, p.ordinal),
    documentId: meta.id,
    ordinal: p.ordinal,
    text: p.text,
    start: p.start,
    end: p.end,
    headingPath: p.headingPath,
    page: p.page ?? null,
    anchor: p.anchor ?? null,
    contentHash: hash(p.text),
    document,
  }));
}

export async function seedPassages(dir = SEED_DIR): Promise<PassageWithDocument[]> {
  const out: PassageWithDocument[] = [];
  for (const { path, meta } of await readCorpusDir(dir)) {
    out.push(...passagesOf(await ingestBytes(new Uint8Array(await readFile(path)), path, meta)));
  }
  return out;
}

export function norquadPassages(path = NORQUAD_PASSAGES): PassageWithDocument[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const { id, title, text } = JSON.parse(line) as { id: string; title: string; text: string };
      const organisation = LENT_ORGANISATIONS[parseInt(hash(id).slice(0, 8), 16) % LENT_ORGANISATIONS.length];
      const document: DocumentSummary = {
        id,
        organisation,
        title: title || text.split('\n')[0].slice(0, 80),
        kind: 'other',
        date: '2020',
        language: 'nb',
        format: 'text',
        contentHash: hash(text),
        passageCount: 1,
        createdAt: STAMP,
        updatedAt: STAMP,
      };
      return {
        id,
        documentId: id,
        ordinal: 0,
        text,
        start: 0,
        end: text.length,
        headingPath: [],
        page: null,
        anchor: null,
        contentHash: hash(text),
        document,
      };
    });
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}
