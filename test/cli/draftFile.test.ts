/**
 * `npm run draft -- høring.yaml` with a file that cannot be used: a missing file, YAML that does not parse, a request
 * that is not valid. Each is a Norwegian message naming the file (and the line, for YAML, and the field for the
 * request), exit 2, before the data dir is touched; no English from node, the yaml library or zod.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readYamlFile } from '../../src/cli/yamlFile.js';

const tsx = join('node_modules', '.bin', 'tsx');
const dir = mkdtempSync(join(tmpdir(), 'innspill-draftfile-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
// NOTE: DATA_DIR points nowhere usable, so a command that got past the file would fail differently.
const draft = (path: string) =>
  spawnSync(tsx, ['src/cli/draft.ts', path], {
    encoding: 'utf8',
    env: { ...process.env, DATA_DIR: join(dir, 'ingen-data') },
  });
const ENGLISH = /ENOENT|no such file|Invalid input|expected|received|indented|Unrecognized|must be/;

describe('npm run draft with a file it cannot use', () => {
  it('says a missing file is missing, naming it', () => {
    const r = draft(join(dir, 'finnes-ikke.yaml'));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`Feil: fant ikke filen «${join(dir, 'finnes-ikke.yaml')}».`);
    expect(r.stderr).not.toMatch(ENGLISH);
  });

  it('names the file and the line of YAML that does not parse', () => {
    const path = file(
      'innrykk.yaml',
      'consultation:\n  title: Høring\n  questions:\n  [Hva mener dere,\norganisation:\n',
    );
    const r = draft(path);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^Feil: ugyldig YAML i «${path}», linje \\d+, kolonne \\d+: `));
    expect(r.stderr).not.toMatch(ENGLISH);
  });

  it('lists every invalid field of the request, in Norwegian, naming its path', () => {
    const path = file(
      'felt.yaml',
      'consultation:\n  title: Høring om KI\n  issuer: 5\n  questions: [Hva mener dere?]\n  extra: x\norganisation:\n  name: Fagforbundet\nlength: lang\n',
    );
    const r = draft(path);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`Feil: ugyldig høringsfil «${path}»:`);
    expect(r.stderr).toContain('consultation.issuer: må være tekst, ikke et tall');
    expect(r.stderr).toContain('consultation.extra: ukjent felt');
    expect(r.stderr).toContain('length: må være en av: «short», «medium», «long»');
    expect(r.stderr).not.toMatch(ENGLISH);
  });
});

describe('readYamlFile', () => {
  it('reads a YAML file, and says what is wrong with a folder or a list that is not closed', async () => {
    expect(await readYamlFile(file('ok.yaml', 'a: 1\n'))).toEqual({ a: 1 });
    expect(await readYamlFile(file('tom.yaml', ''))).toBeNull();
    await expect(readYamlFile(dir)).rejects.toThrow(`«${dir}» er en mappe, ikke en fil.`);
    await expect(readYamlFile(file('klamme.yaml', 'a: [1, 2\n'))).rejects.toThrow(/linje \d+, kolonne \d+: /);
    await expect(readYamlFile(file('dobbel.yaml', 'a: 1\na: 2\n'))).rejects.toThrow(
      'linje 2, kolonne 1: den samme nøkkelen står to ganger.',
    );
  });
});
