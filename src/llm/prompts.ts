/**
 * Prompts live as files in prompts/: YAML front matter (id, version, placeholders) and named parts
 * (`=== system ===`, `=== section ===` …) with `{{placeholders}}`. Every draft records the id@version of each
 * prompt it used, so a change to a prompt file shows in the audit trail once its version is bumped.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';

export const PROMPTS_DIR = fileURLToPath(new URL('../../prompts/', import.meta.url));

const FrontMatter = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  version: z.union([z.number(), z.string()]).transform(String),
  description: z.string().optional(),
  placeholders: z.array(z.string()).default([]),
});

export interface PromptFile {
  id: string;
  version: string;
  /** "id@version", as recorded with every draft. */
  ref: string;
  parts: Record<string, string>;
  placeholders: string[];
}

const PART = /^===\s*([a-z0-9-]+)\s*===\s*$/gm;
const PLACEHOLDER = /\{\{\s*([a-z0-9_]+)\s*\}\}/g;

/** Parse a prompt file's text. Throws naming the file when the front matter or a placeholder is wrong. */
export function parsePrompt(text: string, name = 'prompt'): PromptFile {
  const fm = /^---\n([\s\S]*?)\n---\n/.exec(text.replace(/\r\n?/g, '\n'));
  if (!fm) throw new Error(`${name}: mangler front matter (---) med id og version`);
  const meta = FrontMatter.safeParse(parseYaml(fm[1]));
  if (!meta.success) throw new Error(`${name}: ugyldig front matter: ${meta.error.issues[0].message}`);
  const body = text.replace(/\r\n?/g, '\n').slice(fm[0].length);
  const parts: Record<string, string> = {};
  const marks = [...body.matchAll(PART)];
  if (marks.length === 0) throw new Error(`${name}: mangler deler (=== system === …)`);
  marks.forEach((m, i) => {
    const end = i + 1 < marks.length ? marks[i + 1].index : body.length;
    parts[m[1]] = body.slice(m.index + m[0].length, end).trim();
  });
  for (const [part, tpl] of Object.entries(parts)) {
    for (const p of tpl.matchAll(PLACEHOLDER)) {
      if (!meta.data.placeholders.includes(p[1]))
        throw new Error(`${name}: {{${p[1]}}} i «${part}» står ikke i placeholders`);
    }
  }
  return {
    id: meta.data.id,
    version: meta.data.version,
    ref: `${meta.data.id}@${meta.data.version}`,
    parts,
    placeholders: meta.data.placeholders,
  };
}

const cache = new Map<string, PromptFile>();

/**
 * Load prompts/<id>.md once per process.
 * @example loadPrompt('draft').ref === 'draft@1'
 */
export function loadPrompt(id: string, dir = PROMPTS_DIR): PromptFile {
  const key = join(dir, `${id}.md`);
  let prompt = cache.get(key);
  if (!prompt) {
    prompt = parsePrompt(readFileSync(key, 'utf8'), `prompts/${id}.md`);
    cache.set(key, prompt);
  }
  return prompt;
}

/**
 * Fill one part's placeholders. Every placeholder in the part must be given (no silent blanks in a prompt).
 * @example renderPart(loadPrompt('ask'), 'user', { question: 'Hva mener NTL om KI?', … })
 */
export function renderPart(prompt: PromptFile, part: string, values: Record<string, string | number>): string {
  const tpl = prompt.parts[part];
  if (tpl === undefined) throw new Error(`prompts/${prompt.id}.md har ingen del «${part}»`);
  return tpl.replace(PLACEHOLDER, (_, name: string) => {
    const v = values[name];
    if (v === undefined) throw new Error(`prompts/${prompt.id}.md: mangler verdi for {{${name}}}`);
    return String(v);
  });
}

/** The instruction that sets the written language of the output. */
export function languageInstruction(language: 'nb' | 'nn'): string {
  return language === 'nn' ? 'Skriv på nynorsk.' : 'Skriv på bokmål.';
}
