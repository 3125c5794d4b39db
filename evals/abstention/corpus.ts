/**
 * The abstention eval's corpus: the seed documents as the project stores them (cleaned and repaired by the real
 * ingest stage), so every gold snippet is checked against the text a draft can actually cite.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { DocumentMeta } from '../../src/domain/types.js';
import { readCorpusDir } from '../../src/corpus/inputs.js';
import { ingestBytes } from '../../src/ingest/index.js';

const SEED_DIR = fileURLToPath(new URL('../../seeds/', import.meta.url));

/** One stored document: its metadata and cleaned text. */
export interface CleanedDocument {
  meta: DocumentMeta;
  text: string;
}

/** Every document of `dir` (a folder with metadata.yaml) as ingest stores it, in metadata order. */
export async function loadCleanedCorpus(dir = SEED_DIR): Promise<CleanedDocument[]> {
  const out: CleanedDocument[] = [];
  for (const { path, meta } of await readCorpusDir(dir)) {
    const doc = await ingestBytes(new Uint8Array(await readFile(path)), path, meta);
    out.push({ meta: doc.meta, text: doc.text });
  }
  return out;
}
