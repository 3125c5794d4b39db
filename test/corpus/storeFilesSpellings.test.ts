/**
 * One spelling per organisation for a local ingest and for seeding (corpus/storeFiles.ts, the path `npm run ingest`
 * on the data directory and `npm start`'s seeding share): a file whose organisation reads as a stored one's other
 * spelling, or as another file's in the same run, refuses the whole run with the Norwegian message, naming the
 * file and the spelling to use, and nothing is written.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFiles, seedIfEmpty } from '../../src/bootstrap/loadFiles.js';
import { AppError } from '../../src/errors.js';
import { countAll } from '../../src/store/documents.js';
import { createUser, setRole } from '../../src/store/users.js';
import { emptyStore, seededStore } from '../helpers/runtime.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'innspill-spellings-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** A folder with a metadata.yaml: one text file per organisation given. */
async function corpus(name: string, organisations: string[]): Promise<string> {
  const folder = join(dir, name);
  await rm(folder, { recursive: true, force: true });
  await mkdir(folder);
  const entries = organisations.map((organisation, i) => ({
    file: `notat-${i}.txt`,
    id: `notat-${name}-${i}`,
    organisation,
    title: `Notat ${i}`,
    kind: 'statement',
    date: '2025',
    language: 'nb',
  }));
  for (const [i, e] of entries.entries())
    await writeFile(join(folder, e.file), `${e.organisation} mener at kommune nummer ${i} trenger flere lærere.`);
  const yaml = entries
    .map((e) =>
      Object.entries(e)
        .map(([k, v], j) => `${j ? '  ' : '- '}${k}: "${v}"`)
        .join('\n'),
    )
    .join('\n');
  await writeFile(join(folder, 'metadata.yaml'), yaml + '\n');
  return folder;
}

async function refusal(run: Promise<unknown>): Promise<AppError> {
  const err = await run.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err, 'the run should be refused').toBeInstanceOf(AppError);
  return err as AppError;
}

describe('npm run ingest on the data directory (loadFiles)', () => {
  it('refuses «Norsk Tjenestemannslag» when «NTL» is stored, naming the file, and writes nothing', async () => {
    const rt = await seededStore();
    const before = await countAll(rt.db);
    const folder = await corpus('ntl', ['Fagforbundet', 'Norsk Tjenestemannslag']);
    const err = await refusal(loadFiles(rt, [folder]));
    expect(err.code).toBe('conflict:organisation');
    expect(err.detail).toBe(
      `${join(folder, 'notat-1.txt')}: «Norsk Tjenestemannslag» leses som organisasjonen «NTL», som finnes fra før. ` +
        'Bruk navnet «NTL», så blir ikke én organisasjon delt i to.',
    );
    expect(await countAll(rt.db)).toEqual(before);
    // --org for files without metadata is held to the same rule.
    const loose = join(dir, 'løs.txt');
    await writeFile(loose, 'Oslo Ap mener at skolen trenger flere lærere.');
    const org = await refusal(loadFiles(rt, [loose], { defaults: { organisation: 'Oslo Ap', date: '2025' } }));
    expect(org.detail).toContain('«Oslo Ap» leses som organisasjonen «Oslo Arbeiderparti», som finnes fra før.');
    expect(await countAll(rt.db)).toEqual(before);
    // The known spelling, in any casing, goes in.
    const ok = await loadFiles(rt, [loose], { defaults: { organisation: 'oslo arbeiderparti', date: '2025' } });
    expect(ok.documents.map((d) => d.outcome)).toEqual(['created']);
    await rt.db.close();
  }, 120_000);

  it('refuses two spellings of one organisation within one run, and a member’s organisation counts as known', async () => {
    const rt = await emptyStore();
    const folder = await corpus('pair', ['Oslo AP', 'KS', 'Oslo Arbeiderparti']);
    const err = await refusal(loadFiles(rt, [folder]));
    expect(err.detail).toBe(
      `${join(folder, 'notat-2.txt')}: «Oslo Arbeiderparti» leses som organisasjonen «Oslo AP», som også er brukt i ` +
        'denne innlesingen. Bruk navnet «Oslo AP», så blir ikke én organisasjon delt i to.',
    );
    expect((await countAll(rt.db)).documents).toBe(0);
    const user = await createUser(rt.db, { email: 'kari@ks.no' });
    await setRole(rt.db, { userId: user.id, organisation: 'Kommunesektorens organisasjon', role: 'editor' });
    const ks = await refusal(loadFiles(rt, [await corpus('ks', ['KS'])]));
    expect(ks.detail).toContain('«KS» leses som organisasjonen «Kommunesektorens organisasjon», som finnes fra før.');
    expect((await countAll(rt.db)).documents).toBe(0);
    await rt.db.close();
  }, 120_000);
});

describe('seeding an empty store (seedIfEmpty, npm start)', () => {
  it('refuses a seed folder with two spellings of one organisation and leaves the store empty', async () => {
    const rt = await emptyStore();
    const folder = await corpus('seeds', ['NTL', 'Norsk Tjenestemannslag']);
    const err = await refusal(seedIfEmpty(rt, folder));
    expect(err.detail).toContain(
      'notat-1.txt: «Norsk Tjenestemannslag» leses som organisasjonen «NTL», som også er brukt i denne innlesingen.',
    );
    expect(await countAll(rt.db)).toMatchObject({ documents: 0 });
    await rt.db.close();
  }, 120_000);
});
