/**
 * @anthropic-ai/sdk is imported only when Claude is used (src/llm/anthropicSdk.ts): the modules a server without a
 * key loads never resolve it. A child Node process records every package the module graph resolves.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
// A resolve hook that prints each bare specifier resolved, registered before the program runs.
const HOOKS = `export async function resolve(spec, ctx, next) { if (!/^[./]|^node:|^file:/.test(spec)) process.stderr.write('RESOLVED ' + spec + '\\n'); return next(spec, ctx); }`;
const REGISTER = `import { register } from 'node:module'; register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(HOOKS)}`)});`;

function resolvedPackages(program: string): string[] {
  const r = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      '--import',
      `data:text/javascript,${encodeURIComponent(REGISTER)}`,
      '--input-type=module',
      '-e',
      program,
    ],
    {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, ANTHROPIC_API_KEY: '' },
      timeout: 60_000,
    },
  );
  expect(r.status, r.stderr).toBe(0);
  return [...r.stderr.matchAll(/^RESOLVED (\S+)$/gm)].map((m) => m[1]);
}

describe('@anthropic-ai/sdk loads on first use', () => {
  it('is not imported by the server and LLM modules without a key, and is once Claude is used', () => {
    const keyless = resolvedPackages(`
      await import('./src/http/app.ts');
      const { createLlmProvider } = await import('./src/llm/index.ts');
      const provider = createLlmProvider({ LLM_PROVIDER: 'auto' });
      if (!provider.extractive) throw new Error('expected the extractive drafter without a key');`);
    expect(keyless).toContain('hono'); // the hook sees package imports at all
    expect(keyless).not.toContain('@anthropic-ai/sdk');

    const claude = resolvedPackages(`
      const { createLlmProvider } = await import('./src/llm/index.ts');
      createLlmProvider({ LLM_PROVIDER: 'anthropic', ANTHROPIC_API_KEY: 'test', ANTHROPIC_MODEL: 'claude-sonnet-5-5' });
      const { loadAnthropic } = await import('./src/llm/anthropicSdk.ts');
      await loadAnthropic();`);
    expect(claude).toContain('@anthropic-ai/sdk');
  });
});
