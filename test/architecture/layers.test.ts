/**
 * The layering rule in eslint.config.js, run through ESLint's Node API with the project's own config on small
 * in-memory files placed (by path only) in src/. Each fixture imports a real module of the target folder, found at
 * test time, so the cases survive renames inside a folder.
 */
import { readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const RULE = 'import-x/no-restricted-paths';

/** The first .ts module under src/<folder>, as a path relative to src/ without its extension. */
function someModuleIn(folder: string): string {
  const entries = readdirSync(join(root, 'src', folder), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.d.ts'))
    .sort();
  if (entries.length === 0) throw new Error(`no .ts module in src/${folder}`);
  return `${folder}/${entries[0].replace(/\.ts$/, '')}`;
}

let eslint: ESLint;

/** Layer-rule messages for a file at `file` (relative to the repo) that imports the module `target` of src/. */
async function layerErrors(file: string, target: string, how: 'value' | 'type' | 'dynamic' = 'value') {
  const filePath = join(root, file);
  let specifier = relative(dirname(filePath), join(root, 'src', `${target}.js`));
  if (!specifier.startsWith('.')) specifier = `./${specifier}`;
  const code = {
    value: `import * as m from '${specifier}';\nexport const x = m;\n`,
    type: `import type * as m from '${specifier}';\nexport type X = typeof m;\n`,
    dynamic: `export const load = () => import('${specifier}');\n`,
  }[how];
  const [result] = await eslint.lintText(code, { filePath });
  expect(result.messages.filter((m) => m.fatal)).toEqual([]);
  return result.messages.filter((m) => m.ruleId === RULE);
}

beforeAll(() => {
  // Only the layer rule runs: no-cycle would walk the whole import graph of each target and add nothing here.
  eslint = new ESLint({ cwd: root, ruleFilter: ({ ruleId }) => ruleId === RULE });
});

describe('the layer rule (eslint.config.js LAYERS)', () => {
  it.each([
    ['src/store/x.ts', 'draft'],
    ['src/store/pglite/x.ts', 'draft'],
    ['src/ingest/x.ts', 'store'],
    ['src/domain/x.ts', 'store'],
    ['src/errors.ts', 'ingest'],
    ['src/llm/x.ts', 'verify'],
    ['src/draft/x.ts', 'http'],
    ['src/bootstrap/x.ts', 'cli'],
    ['src/http/x.ts', 'cli'],
    ['src/consultation/x.ts', 'store'],
  ])('a stage may not import one above it: %s → src/%s', async (file, folder) => {
    const errors = await layerErrors(file, someModuleIn(folder));
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toMatch(/may import only from its own group/);
  });

  it.each([
    ['src/ingest/x.ts', 'embed'],
    ['src/embed/x.ts', 'ingest'],
    ['src/corpus/x.ts', 'retrieve'],
    ['src/consultation/x.ts', 'ingest'],
    ['src/ingest/x.ts', 'consultation'],
  ])('neighbours in one layer may not import each other: %s → src/%s', async (file, folder) => {
    expect(await layerErrors(file, someModuleIn(folder))).toHaveLength(1);
  });

  it('counts type-only and dynamic imports too', async () => {
    expect(await layerErrors('src/store/x.ts', someModuleIn('verify'), 'type')).toHaveLength(1);
    expect(await layerErrors('src/store/x.ts', someModuleIn('verify'), 'dynamic')).toHaveLength(1);
  });

  it.each([
    ['src/draft/x.ts', 'store'],
    ['src/draft/x.ts', 'draft'],
    ['src/store/x.ts', 'domain'],
    ['src/store/pglite/x.ts', 'store'],
    ['src/http/x.ts', 'draft'],
    ['src/cli/x.ts', 'bootstrap'],
    ['src/cli/x.ts', 'http'],
    ['src/ingest/x.ts', 'config'],
    ['src/corpus/x.ts', 'consultation'],
    ['src/consultation/x.ts', 'text'],
    ['src/domain/x.ts', 'config'],
    ['test/store/x.test.ts', 'http'],
  ])('lower or own layers are fine: %s → src/%s', async (file, folder) => {
    expect(await layerErrors(file, someModuleIn(folder))).toEqual([]);
  });

  it('places every folder and root module of src/ in a layer', async () => {
    const config: { LAYERS: string[][][] } = await import(pathToFileURL(join(root, 'eslint.config.js')).href);
    const placed = new Set(config.LAYERS.flat(2));
    const unplaced = readdirSync(join(root, 'src'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() || entry.name.endsWith('.ts'))
      .map((entry) => `src/${entry.name}`)
      .filter((path) => !placed.has(path));
    expect(unplaced).toEqual([]);
  });
});
