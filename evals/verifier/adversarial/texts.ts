/**
 * The documents the hand-written adversarial verifier cases cite, ingested exactly as the project stores them:
 * the five seeds (with their metadata.yaml) and a handful of Lovdata statutes (metadata from each statute's own
 * header). Quotes in `evals/cases/verifier-adversarial.jsonl` are copied from this cleaned text, so the cases and
 * the store can never disagree about what a document says.
 *
 * Run as a script to dump every document (id, organisation, title, date, passages) for the case writer:
 *   npx tsx evals/verifier/adversarial/texts.ts > /tmp/adversarial-texts.txt
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { IngestedDocument } from '../../../src/domain/types.js';
import { resolveInputs } from '../../../src/corpus/inputs.js';
import { ingestBytes } from '../../../src/ingest/index.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

const SEED_DIR = `${ROOT}seeds`;
const LOVDATA_DIR = `${ROOT}evals/data/lovdata`;

/**
 * The statutes the cases cite. Chosen for obligations a consultation response could lean on: tenancy (husleieloven),
 * owner sections (eierseksjonsloven), housing co-operatives (burettslagslova, Nynorsk), public geodata
 * (geodataloven) and the neighbour law (grannelova, Nynorsk); for the fourth blind set, sale of real property
 * (avhendingslova, Nynorsk), ground leases (tomtefesteloven, Nynorsk) and estate agency (eiendomsmeglingsloven); for
 * the fifth, land registration (tinglysingsloven), co-ownership (sameigelova, Nynorsk) and the cadastre (matrikkellova,
 * Nynorsk); for the sixth, housing co-operative societies (bustadbyggjelagslova, Nynorsk), easements (servituttlova,
 * Nynorsk) and the municipal pre-emption right to rental buildings (lov om kommunal forkjøpsrett til leiegårder).
 */
const STATUTE_FILES = [
  'nl-19990326-017.xml', // husleieloven
  'nl-20170616-065.xml', // eierseksjonsloven
  'nl-20030606-039.xml', // burettslagslova
  'nl-20100903-056.xml', // geodataloven
  'nl-19610616-015.xml', // grannelova
  'nl-19920703-093.xml', // avhendingslova (Nynorsk), added for the fourth blind set
  'nl-19961220-106.xml', // tomtefesteloven (Nynorsk), likewise
  'nl-20070629-073.xml', // eiendomsmeglingsloven, likewise
  'nl-19350607-002.xml', // tinglysingsloven, added for the fifth blind set
  'nl-19650618-006.xml', // sameigelova (Nynorsk), likewise
  'nl-20050617-101.xml', // matrikkellova (Nynorsk), likewise
  'nl-20030606-038.xml', // bustadbyggjelagslova (Nynorsk), added for the sixth blind set
  'nl-19681129-000.xml', // servituttlova (Nynorsk), likewise
  'nl-19770429-034.xml', // lov om kommunal forkjøpsrett til leiegårder, likewise
  'nl-19661209-001.xml', // hevdslova (Nynorsk), added for the seventh blind set
  'nl-19941209-064.xml', // lov om løysingsrettar (Nynorsk), likewise
  'nl-19751212-059.xml', // dokumentavgiftsloven, likewise
  'nl-19170601-001.xml', // skjønnsprosessloven, added for the eighth blind set
  'nl-19591023-003.xml', // oreigningslova (Nynorsk), likewise
  'nl-19610505-000.xml', // grannegjerdelova (Nynorsk), likewise
  'nl-19270701-001.xml', // kraftledningsregisterloven, added for the ninth blind set
  'nl-19690410-017.xml', // lov om hendelege eigedomshøve (Nynorsk), likewise
  'nl-19840406-017.xml', // ekspropriasjonserstatningslova (Nynorsk), likewise
] as const;

/** Ingest the seeds and the chosen statutes the way `npm run ingest` does; keyed by document id. */
export async function loadAdversarialDocuments(): Promise<Map<string, IngestedDocument>> {
  const files = await resolveInputs([SEED_DIR, ...STATUTE_FILES.map((f) => `${LOVDATA_DIR}/${f}`)]);
  const docs = new Map<string, IngestedDocument>();
  for (const file of files) {
    const doc = await ingestBytes(await readFile(file.path), file.path, file.meta, undefined, {
      guessed: file.guessed,
    });
    docs.set(doc.meta.id, doc);
  }
  return docs;
}

async function dump(): Promise<void> {
  for (const doc of (await loadAdversarialDocuments()).values()) {
    const { id, organisation, title, date, kind, language } = doc.meta;
    console.log(`=== ${id} | ${organisation} | ${title} | ${date} | ${kind} | ${language}`);
    for (const p of doc.passages) console.log(`--- p${p.ordinal}${p.anchor ? ` ${p.anchor}` : ''}\n${p.text}`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await dump();
