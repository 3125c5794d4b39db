/** `npm run draft -- consultation.yaml [--org …] [--out draft.md|draft.docx]`: draft, verify, save, write. */
import { writeFile } from 'node:fs/promises';
import { draftingFromConfig } from '../bootstrap/drafting.js';
import { seedIfEmpty } from '../bootstrap/loadFiles.js';
import { openRuntime } from '../bootstrap/runtime.js';
import { loadConfig } from '../config/env.js';
import { DraftRequestSchema } from '../domain/draftRequest.js';
import { createDraftService } from '../draft/service.js';
import { draftToDocx } from '../export/docx.js';
import { draftToMarkdown } from '../export/markdown.js';
import { createLogger } from '../log.js';
import { getPassages } from '../store/documents.js';
import { fieldErrorsFromZod } from '../fieldErrors.js';
import { fail, failWith, parseCli } from './args.js';
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
  const logger = createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL);
  const runtime = await openRuntime(config, { logger });
  try {
    await seedIfEmpty(runtime, config.SEED_DIR, { annMinPassages: config.ANN_MIN_PASSAGES });
    const { provider, judge, drafter } = draftingFromConfig(config, runtime, { logger });
    const service = createDraftService({ db: runtime.db, drafter, judge, logger });
    process.stderr.write(`Skriver med ${provider.name} (${provider.model}) for ${parsed.data.organisation.name} …\n`);
    const questions = parsed.data.consultation.questions;
    const { id, version, result } = await service.generate(parsed.data, {
      onEvent: (e) => {
        if (e.type === 'retrieval') {
          // An imported consultation's items are counted only as they come (issue 18).
          const of = parsed.data.consultation.documentId ? '' : `/${questions.length}`;
          const what = e.part === 'intro' ? 'Innledning' : `Spørsmål ${e.index + 1}${of}`;
          process.stderr.write(
            `${what}: ${e.passages.length} avsnitt hentet, ${e.relevant ? 'relevant' : 'ingen tidligere uttalelse'}\n`,
          );
        }
      },
    });
    if (values.out?.toLowerCase().endsWith('.docx')) {
      const ids = [
        ...new Set(
          result.draft.sections.flatMap((s) => s.paragraphs.flat().flatMap((t) => t.citations.map((c) => c.passageId))),
        ),
      ];
      await writeFile(
        values.out,
        await draftToDocx({
          draft: result.draft,
          request: result.request,
          passages: await getPassages(runtime.db, { ids }),
        }),
      );
    } else if (values.out) {
      await writeFile(
        values.out,
        draftToMarkdown({ draft: result.draft, markdown: result.markdown, verification: result.verification }),
      );
    } else {
      process.stdout.write(
        draftToMarkdown({ draft: result.draft, markdown: result.markdown, verification: result.verification }),
      );
    }
    const dropped = result.draft.sections.flatMap((s) => s.dropped);
    process.stderr.write(
      `\n${verificationSummary(result.verification, dropped)}` +
        `Lagret som utkast ${id} (versjon ${version}) på ${(result.timings.totalMs / 1000).toFixed(2)} s` +
        `${result.usage.inputTokens ? `, ${result.usage.inputTokens} + ${result.usage.outputTokens} tokens` : ''}.` +
        `${values.out ? ` Skrev ${values.out}.` : ''}\n`,
    );
    process.exitCode = result.verification.ok ? 0 : 1;
  } finally {
    await runtime.db.close();
  }
}

main().catch(failWith);
