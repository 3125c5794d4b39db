/**
 * Writes the consultation fixtures in test/fixtures/consultations/ (run: `npx tsx scripts/make-consultation-fixtures.ts`):
 * a Bokmål høringsbrev + høringsnotat PDF (20+ pages, a question list, a ministry's section in every chapter), a
 * Nynorsk one, a høringsnotat without questions, reference or deadline, and a regjeringen.no-shaped HTML page.
 * Deterministic: the same bytes every run. Tests only read the files.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { consultationDocx } from './fixtures/consultationDocx.js';
import { consultationPdf } from './fixtures/consultationPdf.js';
import { bokmaal, nynorsk, regjeringenPage } from './fixtures/consultationText.js';

const OUT = join(import.meta.dirname, '..', 'test', 'fixtures', 'consultations');

function write(name: string, bytes: Uint8Array | string): void {
  writeFileSync(join(OUT, name), bytes);
  console.log(`${name.padEnd(32)} ${typeof bytes === 'string' ? Buffer.byteLength(bytes) : bytes.length} byte`);
}

mkdirSync(OUT, { recursive: true });
write('horingsnotat-kommuneloven.pdf', await consultationPdf(bokmaal(9), 'Høringsnotat – interkommunalt samarbeid'));
write('hoyringsnotat-fiskerihamner.pdf', await consultationPdf(nynorsk(3), 'Høyringsnotat – fiskerihamner'));
write(
  'horingsnotat-uten-sporsmal.pdf',
  await consultationPdf(bokmaal(2, { questions: false }), 'Høringsnotat – interkommunalt samarbeid'),
);
write('regjeringen-horing-skoleskyss.html', regjeringenPage());
write('hoyringsnotat-fiskerihamner.docx', await consultationDocx(nynorsk(2)));
