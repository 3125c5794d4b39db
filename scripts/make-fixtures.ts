/**
 * Writes the document fixtures in test/fixtures/documents/ (run: `npx tsx scripts/make-fixtures.ts`).
 * Everything is generated with the project's own dependencies (pdf-lib, docx, jszip) except the encrypted PDF,
 * which needs `qpdf` (apt-get install qpdf); without it that one file is kept as it is. Tests only read the
 * files, so nothing here is needed at test time.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { scannedPdf, truncated, zipBombDocx } from './fixtures/bad.js';
import { structuredDocx } from './fixtures/docx.js';
import { articlePage, navigationOnlyPage } from './fixtures/html.js';
import { twoColumnPdf } from './fixtures/pdf.js';
import { parseCli } from '../src/cli/args.js';

parseCli(
  process.argv.slice(2),
  {},
  `
Bruk: npm run fixtures

Skriver testdokumentene i test/fixtures/documents/ (PDF, DOCX, HTML, og de ødelagte filene testene avviser).
Den krypterte PDF-en krever qpdf; uten den blir den filen stående som den er.

  -h, --help   denne teksten
`,
);

const OUT = join(import.meta.dirname, '..', 'test', 'fixtures', 'documents');

function write(name: string, bytes: Uint8Array | string): void {
  writeFileSync(join(OUT, name), bytes);
  console.log(`${name.padEnd(28)} ${typeof bytes === 'string' ? Buffer.byteLength(bytes) : bytes.length} byte`);
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const pdf = await twoColumnPdf();
  write('two-columns.pdf', pdf);
  write('headings-list-table.docx', await structuredDocx());
  write('article-with-chrome.html', articlePage());

  write('scanned.pdf', await scannedPdf());
  write('corrupt.pdf', truncated(pdf));
  write('zip-bomb.docx', await zipBombDocx());
  write('navigation-only.html', navigationOnlyPage());
  write('empty.pdf', new Uint8Array());
  try {
    // AES-256 with a user password: pdf.js cannot open it without the password.
    execFileSync('qpdf', [
      '--encrypt',
      'hemmelig',
      'eier',
      '256',
      '--',
      join(OUT, 'two-columns.pdf'),
      join(OUT, 'encrypted.pdf'),
    ]);
    console.log('encrypted.pdf                (qpdf)');
  } catch {
    console.warn('qpdf not found: encrypted.pdf left as it was');
  }
}

await main();
