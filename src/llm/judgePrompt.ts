/**
 * The judge's prompt (prompts/verify-judge.md), filled for one sentence, with every source wrapped as data.
 */
import type { JudgeInput } from '../domain/judge.js';
import { loadPrompt, renderPart, type PromptFile } from './prompts.js';

/**
 * The judge's prompt (prompts/verify-judge.md, parts `system` and `user`), filled for one sentence.
 * Source text is data: it sits inside <kilde> elements with `<` and `&` escaped, so a source cannot close the
 * element or pose as part of the prompt. The `ref` (id@version) is for the implementation to record.
 * @example const { system, user, ref } = judgePrompt({ sentence: 'KS ønsker …', passages: [...] });
 */
export function judgePrompt(
  input: JudgeInput,
  prompt: PromptFile = loadPrompt('verify-judge'),
): { system: string; user: string; ref: string } {
  const sources = input.passages
    .map(
      (p) =>
        `<kilde id="${attr(p.id)}" organisasjon="${attr(p.organisation)}" tittel="${attr(p.title)}">\n` +
        `<sitat>${data(p.quote)}</sitat>\n<passasje>${data(p.text)}</passasje>\n</kilde>`,
    )
    .join('\n');
  const values = { sentence: data(input.sentence), passages: sources };
  return { system: renderPart(prompt, 'system', values), user: renderPart(prompt, 'user', values), ref: prompt.ref };
}

function data(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
}

function attr(text: string): string {
  return data(text).replace(/"/g, '&quot;');
}
