/**
 * Print the cleaned text of every seed document, with its id and organisation, so gold snippets can be copied
 * verbatim from what ingest stores (not from the raw seed files, whose line breaks and noise differ).
 * Usage: npx tsx evals/abstention/dump.ts [document-id]
 */
import { loadCleanedCorpus } from './corpus.js';

const only = process.argv[2];
for (const { meta, text } of await loadCleanedCorpus()) {
  if (only && meta.id !== only) continue;
  process.stdout.write(`===== ${meta.id} (${meta.organisation}) =====\n${text}\n\n`);
}
