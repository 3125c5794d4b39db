/** `npm run draft -- consultation.yaml [--org …] [--out draft.md|draft.docx]`: draft, verify, save, write. */
import { writeFile } from 'node:fs/promises';
import { draftingFromConfig } from '../bootstrap/drafting.js';
import { seedIfEmpty } from '../bootstrap/loadFiles.js';
import { openRuntime } from '../bootstrap/runtime.js';
import { loadConfig } from '../config/env.js';
import { DraftRequestSchema, type DraftRequest } from '../domain/draftRequest.js';
import { createDraftService } from '../draft/service.js';
import { draftToDocx } from '../export/docx.js';
import { draftToMarkdown } from '../export/markdown.js';
import { internalSources } from '../export/internalSources.js';
import { createLogger } from '../log.js';
import { getPassages } from '../store/documents.js';
import { fieldErrorsFromZod } from '../fieldErrors.js';
import type { DraftEvent } from '../draft/pipeline.js';
import { fail, failWith, parseCli } from './args.js';
import { draftViaServer } from './draftViaServer.js';
import { failServer } from './serverCall.js';
import { cliToken, runningServer } from './serverClient.js';
import { verificationSummary } from './summary.js';
import { readYamlFile } from './yamlFile.js';

const HELP = `
Bruk: npm run draft -- <høring.yaml> [valg]

Skriver et utkast til høringsinnspill: henter organisasjonens egne dokumenter for hvert spørsmål i høringen, skriver
ett avsnitt per spørsmål med kildehenvisning for hver setning, kontrollerer hvert sitat og lagrer utkastet.
Uten ANTHROPIC_API_KEY eller CHAT_BASE_URL lages et uttrekksbasert utkast av setninger fra dokumentene.

Filen følger examples/consultation-digitalisering.yaml: consultation (title, issuer, reference, deadline,
questions, background), organisation (name, voice, allowOtherOrganisations), length, language.

Valg:
  --org <navn>        skriv for denne organisasjonen (overstyrer organisation.name i filen)
  --out <fil>         skriv utkastet til .md eller .docx (ellers Markdown til skjermen)
  --length <lengde>   short | medium | long
  --nynorsk           skriv på nynorsk
  -h, --help          vis denne hjelpen

Når serveren kjører (npm start) og holder lageret, skrives utkastet av serveren (POST /drafts) med nøkkelen i
INNSPILL_TOKEN (ellers første nøkkel i API_TOKENS; nøkkelen må ha redaktørrollen i organisasjonen), med samme
valg, samme fremdriftslinjer og samme filer (hentet med eksporten, GET /drafts/{id}/export). Da skriver
serverens modell, serverens kontrollør (VERIFY_JUDGE) vurderer setningene, og bare dokumentene nøkkelen gir
tilgang til blir brukt. Utkastet lagres på serveren og kan åpnes på nettsiden.

Avslutningskoder:
  0   utkastet holder kontrollen
  1   et sitat eller en påstand holder ikke (se oppsummeringen), eller en feil i lageret
  2   feil i bruken: ukjent valg, filen finnes ikke eller er ikke en gyldig høringsfil
  3   utkastet kunne ikke skrives gjennom serveren: den svarte ikke, avviste nøkkelen eller feilet

Eksempel: npm run draft -- examples/consultation-digitalisering.yaml --org fagforbundet --out utkast.docx
`;

async function main() {
  const { values, positionals } = parseCli(
    process.argv.slice(2),
    { org: { type: 'string' }, out: { type: 'string' }, length: { type: 'string' }, nynorsk: { type: 'boolean' } },
    HELP,
  );
  if (positionals.length !== 1) fail('oppgi én høringsfil (.yaml).\n' + HELP, 2);
  if (values.out && !/\.(md|docx)$/i.test(values.out)) fail('--out må slutte på .md eller .docx.', 2);
  const file = positionals[0];
  const read = await readYamlFile(file).catch(failWith);
  if (read !== null && (typeof read !== 'object' || Array.isArray(read)))
    fail(
      `«${file}» må inneholde feltene consultation og organisation (se examples/consultation-digitalisering.yaml).`,
      2,
    );
  const raw = (read ?? {}) as Record<string, any>;
  if (values.org) raw.organisation = { ...(raw.organisation ?? {}), name: values.org };
  if (values.length) raw.length = values.length;
  if (values.nynorsk) raw.language = 'nn';
  const parsed = DraftRequestSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = fieldErrorsFromZod(parsed.error.issues, '(fil)').map((e) => `  ${e.field}: ${e.reason}`);
    fail(`ugyldig høringsfil «${file}»:\n${lines.join('\n')}`, 2);
  }

  const config = loadConfig();
  // A server holds the data directory (store/pglite/lock.ts): the draft is written by it, as verify checks through it.
  const server = runningServer(config);
  const onEvent = retrievalPrinter(parsed.data);
  if (server) {
    const done = await draftViaServer(server, {
      request: parsed.data,
      token: cliToken(config),
      out: values.out,
      onEvent,
    }).catch(failServer);
    if (!values.out) process.stdout.write(done.markdown);
    finish(done, values.out);
    return;
  }

  const logger = createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL);
  const runtime = await openRuntime(config, { logger });
  try {
    await seedIfEmpty(runtime, config.SEED_DIR, { annMinPassages: config.ANN_MIN_PASSAGES });
    const { provider, judge, drafter } = draftingFromConfig(config, runtime, { logger });
    const service = createDraftService({ db: runtime.db, drafter, judge, logger });
    process.stderr.write(`Skriver med ${provider.name} (${provider.model}) for ${parsed.data.organisation.name} …\n`);
    const { id, version, result } = await service.generate(parsed.data, { onEvent });
    const ids = [
      ...new Set(
        result.draft.sections.flatMap((s) => s.paragraphs.flat().flatMap((t) => t.citations.map((c) => c.passageId))),
      ),
    ];
    // The passages say which cited documents are internal: the export marks those sentences.
    const passages = await getPassages(runtime.db, { ids });
    const author = result.provenance;
    if (values.out?.toLowerCase().endsWith('.docx')) {
      await writeFile(
        values.out,
        // The report goes with it, as the server's export sends it: the review summary and the marks of ≈ and ✗.
        await draftToDocx({
          draft: result.draft,
          request: result.request,
          passages,
          author,
          verification: result.verification,
        }),
      );
    } else {
      const md = draftToMarkdown({
        draft: result.draft,
        markdown: result.markdown,
        verification: result.verification,
        author,
        internal: internalSources(passages),
        version,
      });
      if (values.out) await writeFile(values.out, md);
      else process.stdout.write(md);
    }
    finish({ id, version, ...result }, values.out);
  } finally {
    await runtime.db.close();
  }
}

/** The progress line per section as its passages are found, for a local run and a server's `retrieval` events. */
function retrievalPrinter(request: DraftRequest) {
  const questions = request.consultation.questions;
  return (e: DraftEvent) => {
    if (e.type !== 'retrieval') return;
    // An imported consultation's items are counted only as they come (issue 18).
    const of = request.consultation.documentId ? '' : `/${questions.length}`;
    const what = e.part === 'intro' ? 'Innledning' : `Spørsmål ${e.index + 1}${of}`;
    process.stderr.write(
      `${what}: ${e.passages.length} avsnitt hentet, ${e.relevant ? 'relevant' : 'ingen tidligere uttalelse'}\n`,
    );
  };
}

/** The summary under the draft, and the exit code: 1 when a citation or claim does not hold. */
function finish(
  saved: {
    id: string;
    version: number;
    draft: { sections: { dropped: Parameters<typeof verificationSummary>[1] }[] };
    verification: Parameters<typeof verificationSummary>[0];
    timings: { totalMs?: number };
    usage: { inputTokens: number; outputTokens: number };
  },
  out: string | undefined,
) {
  const dropped = saved.draft.sections.flatMap((s) => s.dropped ?? []);
  process.stderr.write(
    `\n${verificationSummary(saved.verification, dropped)}` +
      `Lagret som utkast ${saved.id} (versjon ${saved.version}) på ${((saved.timings.totalMs ?? 0) / 1000).toFixed(2)} s` +
      `${saved.usage.inputTokens ? `, ${saved.usage.inputTokens} + ${saved.usage.outputTokens} tokens` : ''}.` +
      `${out ? ` Skrev ${out}.` : ''}\n`,
  );
  process.exitCode = saved.verification.ok ? 0 : 1;
}

main().catch(failWith);
