/** `npm run ingest -- <files|dirs>`: read, cut, embed and store documents, all or nothing. */
import { loadFiles } from '../bootstrap/loadFiles.js';
import { openRuntime } from '../bootstrap/runtime.js';
import { loadConfig } from '../config/env.js';
import type { StoreFilesResult } from '../corpus/storeFiles.js';
import { readOptions } from '../corpus/storeUpload.js';
import { exitCode, toAppError } from '../errors.js';
import { DocumentKind } from '../domain/types.js';
import { createLogger } from '../log.js';
import { withdrawDocument } from '../store/documents.js';
import { fail, failWith, parseCli } from './args.js';
import { ingestViaServer } from './ingestViaServer.js';
import { progressBar } from './progress.js';
import { cliToken, runningServer } from './serverClient.js';

const HELP = `
Bruk: npm run ingest -- <filer eller mapper> [valg]
       npm run ingest -- --remove <id> [--remove <id> …]

Leser dokumenter (.txt, .md, .pdf, .docx, .html og lover fra Lovdata som .xml) inn i lageret: renser teksten,
deler den i avsnitt, lager vektorer og lagrer alt i én transaksjon. En mappe med metadata.yaml gir dokumentene
metadata derfra; andre filer får standardverdier (lover får tittel, departement og dato fra filen selv).
Filtypen leses av innholdet, ikke filnavnet (en PDF som heter .txt leses som PDF). En fil med tekst som allerede
er lagret (under samme eller en annen id) hoppes over; endrede dokumenter erstattes. Filene leses med de samme
grensene som en opplasting (MAX_DOCUMENT_CHARS, READ_WORKER_MAX_MB, …); en fil som ikke kan leses, nevnes med
feilen, de andre lagres, og kommandoen avslutter med kode 2. --remove tar et dokument ut med avsnitt og vektorer.

Én organisasjon har ett navn: leses en fils organisasjon som en annen skrivemåte av en organisasjon som finnes fra
før («Norsk Tjenestemannslag» når «NTL» finnes, «Oslo-Ap» når «Oslo AP» finnes) eller av en annen fil i samme
innlesing, lagres ingenting; feilen nevner filen og navnet som skal brukes (kode 2). Gjennom en server (under)
nevnes den filen med grunnen, og de andre lagres.

Når en server holder lageret, lastes filene opp gjennom den, og id-ene følger reglene for opplasting: en id
begynner med organisasjonens navn eller en kortform av det («ntl-…», «oslo-ap-…»). Filer uten metadata får en
slik id av serveren; en id fra metadata.yaml som ikke gjør det, erstatter dokumentet som er lagret under den, og
ellers nevnes filen med grunnen.

Valg:
  --org <navn>      organisasjon for filer uten metadata (standard: Ukjent)
  --kind <type>     programme | statement | consultation_response | news | statute | other
  --date <dato>     ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD
  --remove <id>     ta dokumentet med denne id-en ut av lageret
  -h, --help        vis denne hjelpen

Eksempel: npm run ingest -- seeds
`;

async function main() {
  const { values, positionals } = parseCli(
    process.argv.slice(2),
    {
      org: { type: 'string' },
      kind: { type: 'string' },
      date: { type: 'string' },
      remove: { type: 'string', multiple: true },
    },
    HELP,
  );
  if (values.remove?.length) return removeDocuments(values.remove);
  if (positionals.length === 0) fail('oppgi minst én fil eller mappe.\n' + HELP, 2);
  const kind = values.kind === undefined ? undefined : DocumentKind.safeParse(values.kind);
  if (kind && !kind.success) fail(`ukjent --kind «${values.kind}».`, 2);
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL);
  const t0 = performance.now();
  const bars = { read: progressBar('Leser     '), embed: progressBar('Vektorer  '), save: progressBar('Lagrer    ') };
  const defaults = { organisation: values.org, kind: kind?.data, date: values.date };
  // A server holds the data directory (store/pglite/lock.ts): no second process may open it, so the files go
  // through the server's HTTP API instead.
  const server = runningServer(config);
  if (server) {
    process.stderr.write(`Serveren på ${server} holder lageret; filene lastes opp gjennom den.\n`);
    const result = await ingestViaServer(server, positionals, {
      defaults,
      token: cliToken(config),
      onProgress: (e) => bars[e.phase].update(e.done, e.total, e.more),
    });
    process.stdout.write(ingestReport(result, (performance.now() - t0) / 1000));
    reportRefused(result);
    return;
  }
  const runtime = await openRuntime(config, { logger, onEmbedProgress: (d, t) => bars.embed.update(d, t) });
  try {
    const result = await loadFiles(runtime, positionals, {
      defaults,
      onProgress: (e) => bars[e.phase].update(e.done, e.total),
      annMinPassages: config.ANN_MIN_PASSAGES,
      // Read on the read worker within an upload's limits; a refused file is named and the others stored.
      read: readOptions(config),
      skipRefused: true,
    });
    process.stdout.write(ingestReport(result, (performance.now() - t0) / 1000));
    reportRefused(result);
  } finally {
    await runtime.db.close();
  }
}

/**
 * What the run did, in Norwegian: one line per skipped file naming the document that already holds its text, then
 * the counts. Skipping is not an error: a run where every file was already stored exits 0.
 */
function ingestReport(result: StoreFilesResult, secs: number): string {
  const lines: string[] = [];
  for (const d of result.documents) {
    if (d.outcome !== 'duplicate' || !d.duplicateOf) continue;
    const holder = `«${d.duplicateOf.title}» (id «${d.duplicateOf.id}»)`;
    lines.push(
      d.duplicateOf.inBatch
        ? `Hoppet over ${d.path}: samme tekst som ${holder} i denne innlesingen.`
        : `Hoppet over ${d.path}: teksten er allerede lagret som ${holder}.`,
    );
  }
  const count = (o: string) => result.documents.filter((d) => d.outcome === o).length;
  const skipped = count('duplicate');
  lines.push(
    `${result.documentsRead} ${result.documentsRead === 1 ? 'dokument' : 'dokumenter'} lest: ` +
      `${count('created')} ${count('created') === 1 ? 'nytt' : 'nye'}, ${count('replaced')} erstattet, ${count('metadata')} med nye metadata, ` +
      `${skipped} hoppet over (teksten var allerede lagret). ${result.passagesWritten} avsnitt lagret på ${secs.toFixed(2)} s.`,
  );
  if (skipped > 0 && skipped === result.documentsRead) lines.push('Ingenting nytt å lagre.');
  const refused = result.refused?.length ?? 0;
  if (refused > 0) lines.push(`${refused} ${refused === 1 ? 'fil ble' : 'filer ble'} ikke lagret (se feilmeldingene).`);
  return lines.join('\n') + '\n';
}

/** Each file that was not stored, with its Norwegian message on stderr; exit 2 (a file the user can fix). */
function reportRefused(result: StoreFilesResult): void {
  for (const { error } of result.refused ?? []) {
    const refusal = toAppError(error);
    process.stderr.write(`Feil: ${refusal.detail ?? error.message}\n`);
    process.exitCode = Math.max(Number(process.exitCode ?? 0), exitCode(refusal));
  }
}

/** `--remove <id>`: withdraw documents (passages and vectors go with them); an unknown id is an error. */
async function removeDocuments(ids: string[]) {
  const config = loadConfig();
  const runtime = await openRuntime(config, {
    logger: createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL),
  });
  const missing: string[] = [];
  try {
    for (const id of ids) {
      const removed = await withdrawDocument(runtime.db, { id });
      if (removed)
        process.stdout.write(`Tok ut «${removed.title}» (${id}): ${removed.passagesRemoved} avsnitt slettet.\n`);
      else missing.push(id);
    }
  } finally {
    await runtime.db.close();
  }
  if (missing.length) fail(`fant ikke ${missing.map((id) => `«${id}»`).join(', ')}.`);
}

main().catch(failWith);
