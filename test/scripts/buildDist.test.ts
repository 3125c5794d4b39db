/** scripts/build-dist.mjs keeps dist/ equal to src/ (edits, deletions, a failed compile), and `npm start` runs it. */
import { execFile, execFileSync } from 'node:child_process';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { buildDist } from '../../scripts/build-dist.mjs';

const dir = mkdtempSync(join(tmpdir(), 'innspill-dist-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Run out/<module> with plain node (no TypeScript loader) and return what it prints. */
const runWithNode = (file: string) =>
  execFileSync(
    process.execPath,
    ['--input-type=module', '-e', `await import(${JSON.stringify(pathToFileURL(file).href)})`],
    { encoding: 'utf8' },
  );

describe('buildDist', () => {
  it('compiles .ts, links other files, and afterwards rebuilds exactly what changed', async () => {
    const src = join(dir, 'src');
    const out = join(dir, 'dist');
    const build = () => buildDist({ src, out });
    mkdirSync(join(src, 'sub'), { recursive: true });
    mkdirSync(join(src, 'data'), { recursive: true });
    writeFileSync(join(src, 'a.ts'), `export const greeting: string = 'hei';\nexport class Box { size = 1; }\n`);
    writeFileSync(
      join(src, 'sub', 'b.ts'),
      `import { greeting, Box } from '../a.js';\nimport type { T } from '../types.js';\nconst t: T = 1;\nconsole.log(greeting, new Box().size, t, new URL('../data/x.sql', import.meta.url).pathname.endsWith('/data/x.sql'));\n`,
    );
    writeFileSync(join(src, 'types.d.ts'), `export type T = number;\n`);
    writeFileSync(join(src, 'data', 'x.sql'), 'SELECT 1;\n');

    expect(await build()).toEqual({ compiled: 2, linked: 1, removed: 0, unchanged: 0 });
    expect(existsSync(join(out, 'types.js'))).toBe(false);
    expect(readFileSync(join(out, 'data', 'x.sql'), 'utf8')).toBe('SELECT 1;\n');
    expect(runWithNode(join(out, 'sub', 'b.js'))).toBe('hei 1 1 true\n');
    expect(await build()).toEqual({ compiled: 0, linked: 0, removed: 0, unchanged: 4 });

    writeFileSync(join(src, 'a.ts'), `export const greeting: string = 'hallo';\nexport class Box { size = 2; }\n`);
    expect(await build()).toEqual({ compiled: 1, linked: 0, removed: 0, unchanged: 3 });
    expect(runWithNode(join(out, 'sub', 'b.js'))).toBe('hallo 2 1 true\n');

    // A file that does not compile fails the build; going back to the content built before must rebuild it too.
    const before = readFileSync(join(src, 'a.ts'), 'utf8');
    writeFileSync(join(src, 'a.ts'), `export const greeting: string = 'ny';\nexport class Box { size = 3; }\n`);
    writeFileSync(join(src, 'sub', 'b.ts'), `export const broken = ;\n`);
    await expect(build()).rejects.toThrow(/could not compile src\/sub\/b\.ts/);
    writeFileSync(join(src, 'a.ts'), before);
    writeFileSync(
      join(src, 'sub', 'b.ts'),
      `import { greeting, Box } from '../a.js';\nconsole.log(greeting, new Box().size);\n`,
    );
    await build();
    expect(runWithNode(join(out, 'sub', 'b.js'))).toBe('hallo 2\n');

    // Other files are links: an edit shows without a build, as when src/ runs directly.
    writeFileSync(join(src, 'data', 'x.sql'), 'SELECT 2;\n');
    expect(readFileSync(join(out, 'data', 'x.sql'), 'utf8')).toBe('SELECT 2;\n');

    unlinkSync(join(src, 'sub', 'b.ts'));
    unlinkSync(join(src, 'data', 'x.sql'));
    expect(await build()).toEqual({ compiled: 0, linked: 0, removed: 3, unchanged: 2 });
    expect(existsSync(join(out, 'sub', 'b.js'))).toBe(false);
    expect(lstatSync(join(out, 'data', 'x.sql'), { throwIfNoEntry: false })).toBeUndefined();
  });
});

describe('npm start (scripts/run-dist.mjs)', () => {
  it('runs src/cli/serve.ts from dist/ with its own arguments', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['scripts/run-dist.mjs', 'src/cli/serve.ts', '--help'],
      { encoding: 'utf8' },
    );
    expect(stdout).toMatch(/^Bruk: npm start/);
    expect(existsSync(join('dist', 'cli', 'serve.js'))).toBe(true);
  });

  it('refuses an entry point outside src/', async () => {
    const run = promisify(execFile)(process.execPath, ['scripts/run-dist.mjs', 'bench/run.ts'], { encoding: 'utf8' });
    await expect(run).rejects.toMatchObject({ code: 2 });
  });
});
