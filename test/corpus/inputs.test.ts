import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readCorpusDir, resolveInputs } from '../../src/corpus/inputs.js';
import { IngestError } from '../../src/ingest/index.js';
import { slugify } from '../../src/text/slug.js';
import { SEED_DIR } from '../ingest/seeds.js';

const ENTRY = {
  file: 'a.txt',
  id: 'testforbundet-a',
  organisation: 'Testforbundet',
  title: 'A',
  kind: 'statement',
  date: '2024',
};

const made: string[] = [];
afterAll(async () => Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true }))));

/** A throwaway corpus folder with the given files (paths may include a subfolder). */
async function corpus(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'innspill-corpus-'));
  made.push(dir);
  for (const [name, content] of Object.entries(files)) {
    await mkdir(join(dir, name, '..'), { recursive: true });
    await writeFile(join(dir, name), content);
  }
  return dir;
}

const yaml = (entries: object[]) => entries.map((e) => `- ${JSON.stringify(e)}`).join('\n');

async function rejection(promise: Promise<unknown>): Promise<IngestError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(IngestError);
  return err as IngestError;
}

describe('readCorpusDir on seeds/', () => {
  it('lists the five seed documents with their organisations, in metadata order', async () => {
    const docs = await readCorpusDir(SEED_DIR);
    expect(docs.map((d) => d.meta.organisation)).toEqual([
      'NTL',
      'Fagforbundet',
      'Fagforbundet',
      'Oslo Arbeiderparti',
      'KS',
    ]);
    expect(docs.map((d) => d.meta.kind)).toEqual([
      'programme',
      'statement',
      'consultation_response',
      'statement',
      'news',
    ]);
    expect(docs.every((d) => d.meta.language === 'nb')).toBe(true);
  });

  it('has a metadata entry for every document file in seeds/', async () => {
    const listed = (await readCorpusDir(SEED_DIR)).map((d) => d.path.split(/[/\\]/).at(-1)).sort();
    const onDisk = (await readdir(SEED_DIR)).filter(
      (f) => f.endsWith('.txt') || (f.endsWith('.md') && f !== 'README.md'),
    );
    expect(listed).toEqual(onDisk.sort());
  });
});

describe('readCorpusDir validation', () => {
  it('names the file and the field of a bad entry', async () => {
    const dir = await corpus({ 'a.txt': 'Tekst.', 'metadata.yaml': yaml([{ ...ENTRY, date: '5. desember 2024' }]) });
    const err = await rejection(readCorpusDir(dir));
    expect(err.code).toBe('invalid_metadata');
    expect(err.details).toEqual({ file: join(dir, 'a.txt'), field: 'date' });
    expect(err.message).toContain('a.txt');
    expect(err.message).toContain('«date»');
    expect(err.message).toContain('ÅÅÅÅ');
  });

  it.each([
    ['an unknown kind', { ...ENTRY, kind: 'pamflett' }, 'kind'],
    ['a misspelt key', { ...ENTRY, organization: 'X' }, 'organization'],
    ['a missing title', { ...ENTRY, title: undefined }, 'title'],
    ['a file that is not there', { ...ENTRY, file: 'b.txt' }, 'file'],
    ['a path out of the folder', { ...ENTRY, file: '../a.txt' }, 'file'],
  ])('rejects %s', async (_name, entry, field) => {
    const dir = await corpus({ 'a.txt': 'Tekst.', 'metadata.yaml': yaml([entry]) });
    const err = await rejection(readCorpusDir(dir));
    expect(err.code).toBe('invalid_metadata');
    expect(err.details.field).toBe(field);
  });

  it('says in plain Norwegian what an unknown kind and a missing title should be (src/fieldErrors.ts)', async () => {
    const kind = await corpus({ 'a.txt': 'Tekst.', 'metadata.yaml': yaml([{ ...ENTRY, kind: 'pamflett' }]) });
    expect((await rejection(readCorpusDir(kind))).message).toMatch(/må være en av: «[a-z_]+», /);
    const title = await corpus({ 'a.txt': 'Tekst.', 'metadata.yaml': yaml([{ ...ENTRY, title: undefined }]) });
    const message = (await rejection(readCorpusDir(title))).message;
    expect(message).toContain('feltet mangler');
    expect(message).not.toMatch(/Ugyldig input|forventet|Invalid/);
  });

  it('says where and why a metadata.yaml does not parse, in Norwegian (src/corpus/yamlProblem.ts)', async () => {
    const dir = await corpus({ 'a.txt': 'A.', 'metadata.yaml': '- file: a.txt\n  title: "A\n' });
    const message = (await rejection(readCorpusDir(dir))).message;
    expect(message).toMatch(/filen er ikke gyldig YAML \(linje \d+, kolonne \d+: et tegn mangler/);
    expect(message).not.toMatch(/Missing|quote at line/);
  });

  it('rejects two entries with one id', async () => {
    const dir = await corpus({
      'a.txt': 'A.',
      'b.txt': 'B.',
      'metadata.yaml': yaml([ENTRY, { ...ENTRY, file: 'b.txt' }]),
    });
    expect((await rejection(readCorpusDir(dir))).details.field).toBe('id');
  });

  it('rejects a metadata.yaml that is not a list, or not YAML', async () => {
    for (const bad of ['file: a.txt', '- [unclosed']) {
      const dir = await corpus({ 'a.txt': 'A.', 'metadata.yaml': bad });
      expect((await rejection(readCorpusDir(dir))).code).toBe('invalid_metadata');
    }
  });
});

describe('resolveInputs', () => {
  it('uses a folder’s metadata for listed files and defaults for the rest, skipping README and unknown types', async () => {
    const dir = await corpus({
      'a.txt': 'A.',
      'Notat om skole.md': '# Skole\n\nTekst.',
      'README.md': '# Om mappen',
      'bilde.png': 'x',
      'eldre/Høringssvar 2019.txt': 'Tekst.',
      'metadata.yaml': yaml([ENTRY]),
    });
    await utimes(join(dir, 'Notat om skole.md'), new Date('2021-06-01'), new Date('2021-06-01'));
    const inputs = await resolveInputs([dir], { organisation: 'Fagforbundet' });
    expect(inputs.map((i) => i.meta.id)).toEqual(['testforbundet-a', 'notat-om-skole', 'horingssvar-2019']);
    expect(inputs[0].meta.organisation).toBe('Testforbundet');
    expect(inputs[1].meta).toMatchObject({
      organisation: 'Fagforbundet',
      kind: 'other',
      date: '2021',
      title: 'Notat om skole',
      language: 'nb',
    });
  });

  it('gives unlisted files organisation "Ukjent" and kind "other" by default', async () => {
    const dir = await corpus({ 'uttalelse-fra-styret.txt': 'Tekst.' });
    const [input] = await resolveInputs([join(dir, 'uttalelse-fra-styret.txt')], {});
    expect(input.meta).toMatchObject({ id: 'uttalelse-fra-styret', organisation: 'Ukjent', kind: 'other' });
  });

  it('finds a named file’s entry in its folder’s metadata.yaml, and counts a file reached twice once', async () => {
    const dir = await corpus({ 'a.txt': 'A.', 'metadata.yaml': yaml([ENTRY]) });
    const inputs = await resolveInputs([join(dir, 'a.txt'), dir], {});
    expect(inputs).toHaveLength(1);
    expect(inputs[0].meta.id).toBe('testforbundet-a');
  });

  it('takes id and title from the defaults only for a single file', async () => {
    const dir = await corpus({ 'x1.txt': 'A.', 'x2.txt': 'B.' });
    const single = await resolveInputs([join(dir, 'x1.txt')], { id: 'mitt-notat', title: 'Mitt notat' });
    expect(single[0].meta).toMatchObject({ id: 'mitt-notat', title: 'Mitt notat' });
    const both = await resolveInputs([join(dir, 'x1.txt'), join(dir, 'x2.txt')], { id: 'mitt-notat' });
    expect(both.map((i) => i.meta.id)).toEqual(['x1', 'x2'].map(slugify));
  });

  it('rejects a missing path, an unsupported file named directly, and bad defaults', async () => {
    const dir = await corpus({ 'skann.odt': 'x', 'a.txt': 'A.' });
    expect((await rejection(resolveInputs([join(dir, 'finnes-ikke.txt')], {}))).code).toBe('file_not_found');
    expect((await rejection(resolveInputs([join(dir, 'skann.odt')], {}))).code).toBe('unsupported_format');
    const bad = await rejection(resolveInputs([join(dir, 'a.txt')], { date: 'i fjor' }));
    expect(bad.details.field).toBe('date');
  });
});
