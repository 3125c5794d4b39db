/** `npm run ingest -- <files|dirs>`: read, cut, embed and store documents, all or nothing. */
import { loadFiles } from '../bootstrap/loadFiles.js';
import { openRuntime } from '../bootstrap/runtime.js';
import { loadConfig } from '../config/env.js';
import { DocumentKind } from '../domain/types.js';
import { createLogger } from '../log.js';
import { fail, parseCli } from './args.js';
import { progressBar } from './progress.js';

const HELP = `
Bruk: npm run ingest -- <filer eller mapper> [valg]

Leser dokumenter (.txt, .md) inn i lageret: renser teksten, deler den i avsnitt, lager vektorer og lagrer alt
i én transaksjon. En mappe med metadata.yaml gir dokumentene metadata derfra; andre filer får standardverdier.
Uendrede dokumenter hoppes over; endrede erstattes.

Valg:
  --org <navn>      organisasjon for filer uten metadata (standard: Ukjent)
  --kind <type>     programme | statement | consultation_response | news | statute | other
  --date <dato>     ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD
  -h, --help        vis denne hjelpen

Eksempel: npm run ingest -- seeds
`;

async function main() {
  const { values, positionals } = parseCli(
    process.argv.slice(2),
    { org: { type: 'string' }, kind: { type: 'string' }, date: { type: 'string' } },
    HELP,
  );
  if (positionals.length === 0) fail('oppgi minst én fil eller mappe.\n' + HELP, 2);
  const kind = values.kind === undefined ? undefined : DocumentKind.safeParse(values.kind);
  if (kind && !kind.success) fail(`ukjent --kind «${values.kind}».`, 2);
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL);
  const t0 = performance.now();
  const bars = { read: progressBar('Leser     '), embed: progressBar('Vektorer  '), save: progressBar('Lagrer    ') };
  const runtime = await openRuntime(config, { logger, onEmbedProgress: (d, t) => bars.embed.update(d, t) });
  try {
    const result = await loadFiles(runtime, positionals, {
      defaults: { organisation: values.org, kind: kind?.data, date: values.date },
      onProgress: (e) => bars[e.phase].update(e.done, e.total),
    });
    const secs = (performance.now() - t0) / 1000;
    const byOutcome = (o: string) => result.documents.filter((d) => d.outcome === o).length;
    process.stdout.write(
      `${result.documentsRead} dokumenter lest: ${byOutcome('created')} nye, ${byOutcome('replaced')} erstattet, ` +
        `${byOutcome('unchanged') + byOutcome('metadata')} uendret. ${result.passagesWritten} avsnitt lagret på ${secs.toFixed(2)} s.\n`,
    );
  } finally {
    await runtime.db.close();
  }
}

main().catch((err) => fail((err as { userMessage?: string }).userMessage ?? (err as Error).message));
