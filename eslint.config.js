// ESLint flat config: typescript-eslint's recommended rules (syntactic, not type-checked, so a lint run stays
// seconds, not minutes), no import cycles, and the layering of src/ that the README's flow drawing shows.
// Formatting (including the 120-column limit) is Prettier's job alone; no stylistic rules here.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { importX } from 'eslint-plugin-import-x';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const root = import.meta.dirname;

/**
 * The stages of src/, lowest first. A module may import from its own group and from lower layers; never from a
 * higher layer, and never from another group in its own layer (ingest ↛ embed, corpus ↛ retrieve, http ↛ cli).
 * Every folder (and root file) under src/ must be in this table; test/architecture/layers.test.ts checks that.
 * `import type` counts too: a stage that names a higher stage's types depends on it all the same.
 */
export const LAYERS = [
  // 0, the floor: the shared vocabulary every stage speaks. Its members may use each other.
  [['src/domain', 'src/errors.ts', 'src/fieldErrors.ts', 'src/text', 'src/config', 'src/log.ts']],
  // src/consultation: reading a høringsnotat's fields (issue 18); pure text rules, beside ingest.
  [['src/ingest'], ['src/embed'], ['src/consultation']],
  [['src/store']],
  [['src/corpus'], ['src/retrieve']],
  [['src/llm']],
  [['src/verify']],
  [['src/draft']],
  [['src/export']],
  [['src/bootstrap']],
  // src/web/public/ is the browser's (static assets the http layer serves).
  [['src/http', 'src/web']],
  // The command line on top: `npm start` (cli/serve.ts) starts the HTTP app; http never imports cli.
  [['src/cli']],
];

/** One no-restricted-paths zone per group above the floor: everything above its layer and its same-layer siblings. */
function layerZones() {
  return LAYERS.flatMap((groups, layer) =>
    (layer === 0 ? [] : groups).flatMap((group) => {
      const above = LAYERS.slice(layer + 1).flat(2);
      const siblings = groups.filter((other) => other !== group).flat();
      // The top layer has nothing above it and no neighbours: no zone.
      if (above.length + siblings.length === 0) return [];
      return {
        target: group.map((path) => `./${path}`),
        from: [...above, ...siblings].map((path) => `./${path}`),
        message: `Layer ${layer} (${group.join(', ')}) may import only from its own group and lower layers; see LAYERS in eslint.config.js.`,
      };
    }),
  );
}

/** The floor's zone is all of src/ but the floor, so a folder missing from LAYERS is off limits to it too. */
function floorZone() {
  const [floor] = LAYERS[0];
  return {
    target: floor.map((path) => `./${path}`),
    from: './src',
    except: floor.map((path) => `./${path.slice('src/'.length)}`),
    message: `Layer 0 (${floor.join(', ')}) may import only from its own group (nothing else in src/); see LAYERS in eslint.config.js.`,
  };
}

export default defineConfig(
  {
    ignores: [
      'node_modules/',
      'dist/',
      '.data/',
      'bench/.cache/',
      'bench/results/',
      'evals/data/',
      'evals/reports/',
      'test-artifacts/',
      'scratch/',
      'test/fixtures/',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    rules: {
      // Off: text cleaning and the upload parser match control characters on purpose.
      'no-control-regex': 'off',
    },
  },
  {
    files: ['**/*.ts', '**/*.mts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.mts', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.mts'] },
      // The TypeScript resolver maps our `.js` import suffixes back to the `.ts` sources (NodeNext style).
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: `${root}/tsconfig.json` })],
    },
    rules: {
      // Only in-repo cycles matter; type-only imports are ignored by the rule (they vanish at runtime).
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      // Pragmatic exceptions to the recommended sets, each of which would need edits unrelated to architecture:
      // - no-explicit-any: 61 uses when this was written, mostly at SDK, driver and worker edges (pg, PGlite,
      //   worker messages) whose types are looser than ours; typecheck guards the rest.
      '@typescript-eslint/no-explicit-any': 'off',
      // - no-unused-vars: a `_` name, or a field destructured away beside a `...rest`, is unused on purpose.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/web/public/**'],
    rules: {
      'import-x/no-restricted-paths': ['error', { basePath: root, zones: [floorZone(), ...layerZones()] }],
    },
  },
  {
    // The browser's modules, served as they are.
    files: ['src/web/public/**/*.js'],
    languageOptions: { sourceType: 'module', globals: globals.browser },
  },
  {
    files: ['scripts/**/*.mjs', '*.js'],
    languageOptions: { sourceType: 'module', globals: globals.node },
  },
);
