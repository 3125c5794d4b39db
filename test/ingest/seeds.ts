/** Test helper: the seed corpus as the project ships it (seeds/), raw and ingested. */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { DocumentMeta, IngestedDocument } from '../../src/domain/types.js';
import { readCorpusDir } from '../../src/corpus/inputs.js';
import { ingestBytes } from '../../src/ingest/index.js';

export const SEED_DIR = fileURLToPath(new URL('../../seeds/', import.meta.url));
export const FIXTURES = fileURLToPath(new URL('../fixtures/ingest/', import.meta.url));

export interface Seed {
  path: string;
  meta: DocumentMeta;
  raw: string;
  doc: IngestedDocument;
}

export async function loadSeeds(): Promise<Seed[]> {
  const seeds: Seed[] = [];
  for (const { path, meta } of await readCorpusDir(SEED_DIR)) {
    const bytes = new Uint8Array(await readFile(path));
    seeds.push({ path, meta, raw: new TextDecoder().decode(bytes), doc: await ingestBytes(bytes, path, meta) });
  }
  return seeds;
}

export async function loadSeed(id: string): Promise<Seed> {
  const seed = (await loadSeeds()).find((s) => s.meta.id === id);
  if (!seed) throw new Error(`no seed with id ${id}`);
  return seed;
}

export const SEED_IDS = {
  ntl: 'ntl-prinsipprogram-2019',
  fagforbundetStatement: 'fagforbundet-uttalelse-2024',
  fagforbundetInput: 'fagforbundet-innspill-digitaliseringsstrategi-2023',
  osloAp: 'oslo-ap-digitalisering-for-alle-2018',
  ks: 'ks-innspill-digitaliseringsstrategi-2023',
} as const;

export const META: DocumentMeta = {
  id: 'testforbundet-notat-2025',
  organisation: 'Testforbundet',
  title: 'Notat',
  kind: 'other',
  date: '2025',
  language: 'nb',
};
