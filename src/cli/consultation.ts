/**
 * `npm run consultation -- <fil>`: import a høringsbrev/høringsnotat (PDF, DOCX, HTML, text) as the issuer's document
 * of kind consultation and print what was read out of it (title, issuer, reference, deadline, questions, proposals,
 * each with its page). The same path as POST /consultations; through the server when one holds the data directory.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { openRuntime } from '../bootstrap/runtime.js';
import { loadConfig } from '../config/env.js';
import { storeUpload } from '../corpus/storeUpload.js';
import type { ConsultationExtraction } from '../domain/consultation.js';
import { AppError } from '../errors.js';
import { consultationConflict } from '../http/routes/consultations.js';
import { refusalProblem } from '../http/routes/documentUploads.js';
import { createLogger } from '../log.js';
import { getConsultation } from '../store/consultations.js';
import type { Db } from '../store/db.js';
import { getDocument } from '../store/documents.js';
import { fail, failWith, parseCli } from './args.js';
import { consultationReport } from './consultationReport.js';
import { progressBar } from './progress.js';
import { cliToken, runningServer } from './serverClient.js';

const HELP = `
Bruk: npm run consultation -- <fil> [valg]

Leser et høringsdokument (høringsbrev og/eller høringsnotat som PDF, DOCX, HTML fra regjeringen.no eller tekst),
lagrer det som avsenderens dokument (type «consultation», aldri organisasjonens syn) og skriver ut det som ble
funnet: tittel, avsender, saksnummer, høringsfrist, spørsmålene til høringsinstansene og departementets forslag,
hver med siden den står på. Det som ikke ble funnet, står tomt og nevnes; ingenting gjettes.

Valg:
  --issuer <navn>   avsenderen (departementet e.l.), når dokumentet ikke navngir den selv; en avsender
                    som dokumentet motsier, avvises. Høringen lagres alltid under avsenderen.
  --id <id>         id for dokumentet; må begynne med avsenderens navn («kunnskapsdepartementet-…»)
                    (standard: laget av tittelen, med avsenderens navn foran)
  --date <dato>     dokumentets dato, ÅÅÅÅ-MM-DD (standard: brevets dato, ellers i dag)
  --json            skriv svaret som JSON (det samme som POST /consultations svarer)
  -h, --help        vis denne hjelpen

Er høringen importert fra før (samme tittel eller samme fil), lagres ingenting: kommandoen skriver ut det som
ble lest ut av den ved første import, og avslutter med kode 2.

Eksempel: npm run consultation -- horingsnotat.pdf
`;

async function main() {
  const { values, positionals } = parseCli(
    process.argv.slice(2),
    { issuer: { type: 'string' }, id: { type: 'string' }, date: { type: 'string' }, json: { type: 'boolean' } },
    HELP,
  );
  if (positionals.length !== 1) fail('oppgi nøyaktig én fil.\n' + HELP, 2);
  const path = positionals[0]!;
  const bytes = await readFile(path).catch(() => fail(`fant ikke filen «${path}».`, 2));
  const fields = {
    ...(values.issuer ? { issuer: values.issuer } : {}),
    ...(values.id ? { id: values.id } : {}),
    ...(values.date ? { date: values.date } : {}),
  };
  const config = loadConfig();
  const server = runningServer(config);
  const out = server
    ? await viaServer(server, bytes, basename(path), fields, cliToken(config))
    : await locally(config, bytes, basename(path), fields);
  const { alreadyImported, ...imported } = out;
  process.stdout.write(
    values.json
      ? JSON.stringify(imported, null, 2) + '\n'
      : consultationReport(out.consultation, out.document, { earlier: alreadyImported }),
  );
  if (alreadyImported)
    fail(
      `høringen «${out.document.title}» er allerede importert (id «${out.document.id}»); ingenting nytt ble lagret. ` +
        'Over står det som ble lest ut av den ved første import.',
      2,
    );
}

/** The option that sets each form field, so a refusal names what to give on the command line. */
const OPTION: Record<string, string> = { issuer: '--issuer', id: '--id', date: '--date' };

/** A problem's detail, else its title and one line per refused field («--issuer: dokumentet navngir ikke …»). */
function fieldLines(p: { detail?: string; title?: string; errors?: { field: string; reason: string }[] }) {
  if (p.detail) return p.detail;
  const fields = (p.errors ?? []).map((e) => `${OPTION[e.field] ?? e.field}: ${e.reason}`);
  return fields.length ? [p.title ?? 'Ugyldige valg', ...fields.map((l) => `  ${l}`)].join('\n') : p.title;
}

const withFieldLines = (err: AppError) =>
  err.detail
    ? err
    : new AppError(err.code, { detail: fieldLines({ title: err.message, errors: err.errors }), errors: err.errors });

type Imported = {
  document: { id: string; title: string };
  consultation: ConsultationExtraction;
  /** The consultation was there before: nothing was stored, and this is what its first import read. */
  alreadyImported?: boolean;
};

/** The stored document and extraction of a consultation imported before, as the first import returned them. */
async function earlierImport(db: Db, id: string): Promise<Imported | null> {
  const [document, consultation] = await Promise.all([
    getDocument(db, { id }),
    getConsultation(db, { documentId: id }),
  ]);
  return document && consultation
    ? { document: { id: document.id, title: document.title }, consultation, alreadyImported: true }
    : null;
}

async function locally(
  config: ReturnType<typeof loadConfig>,
  bytes: Uint8Array,
  filename: string,
  fields: Record<string, string>,
): Promise<Imported> {
  const logger = createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL);
  const bars = { embed: progressBar('Vektorer  ') };
  const runtime = await openRuntime(config, { logger });
  try {
    process.stderr.write(`Leser ${filename} …\n`);
    const result = await storeUpload(
      runtime,
      { bytes, filename, fields, consultation: true },
      {
        onProgress: (e) => {
          if (e.phase === 'read')
            process.stderr.write(
              `Lest: ${e.format.toUpperCase()}${e.pages ? `, ${e.pages} sider` : ''}, ${e.passages} avsnitt.\n`,
            );
          else if (e.phase === 'embed') bars.embed.update(e.done, e.total);
          else if (e.phase === 'save') process.stderr.write('Lagrer …\n');
        },
      },
    );
    if (!result.ok) {
      // The same consultation again: show what its first import read, not «use PUT /documents/…».
      const taken = result.reason === 'exists' ? result.id : result.reason === 'duplicate' ? result.duplicate.id : null;
      const earlier =
        taken && (await consultationConflict(runtime.db, taken)) ? await earlierImport(runtime.db, taken) : null;
      if (earlier) return earlier;
      throw withFieldLines(refusalProblem(result));
    }
    return { document: result.document, consultation: result.consultation! };
  } finally {
    await runtime.db.close();
  }
}

/** A server holds the data directory (store/pglite/lock.ts): the file goes through its POST /consultations. */
async function viaServer(
  url: string,
  bytes: Uint8Array,
  filename: string,
  fields: Record<string, string>,
  token?: string,
): Promise<Imported> {
  process.stderr.write(`Serveren på ${url} holder lageret; filen lastes opp gjennom den.\n`);
  const form = new FormData();
  form.set('file', new File([bytes as Uint8Array<ArrayBuffer>], filename));
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  const res = await fetch(new URL('/consultations', url), {
    method: 'POST',
    body: form,
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  const body = await res.json();
  // Imported before: the server's 409 names the consultation (not its HTTP text, which is for API users); read it.
  if (res.status === 409 && body.code === 'conflict:consultation' && typeof body.documentId === 'string') {
    const earlier = await fetch(new URL(`/consultations/${encodeURIComponent(body.documentId)}`, url), {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    if (earlier.ok) return { ...((await earlier.json()) as Imported), alreadyImported: true };
  }
  if (!res.ok) throw new AppError('bad_request:body', { detail: fieldLines(body) ?? `HTTP ${res.status}` });
  return body as Imported;
}

main().catch(failWith);
