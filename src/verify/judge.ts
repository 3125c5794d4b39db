/**
 * The optional LLM judge: does the cited text entail the sentence? An implementation (Claude, a local model) is
 * passed in; the verifier only calls this interface and keeps the verdict and reason it returns.
 * The prompt lives in prompts/verify-judge.md; `judgePrompt` fills it, wrapping each source as data.
 */
import { loadPrompt, renderPart, type PromptFile } from '../llm/prompts.js';

export type JudgeVerdict = 'entailed' | 'neutral' | 'contradicted';

export interface JudgePassage {
  id: string;
  organisation: string;
  title: string;
  /** The passage text. */
  text: string;
  /** The quote the sentence cites from it. */
  quote: string;
}

export interface JudgeInput {
  sentence: string;
  passages: JudgePassage[];
}

export interface Judge {
  judge(input: JudgeInput): Promise<{ verdict: JudgeVerdict; reason: string }>;
}

/**
 * The judge's prompt (prompts/verify-judge.md, parts `system` and `user`), filled for one sentence.
 * Source text is data: it sits inside <kilde> elements with `<` and `&` escaped, so a source cannot close the
 * element or pose as part of the prompt. The `ref` (id@version) is for the implementation to record.
 * @example const { system, user, ref } = judgePrompt({ sentence: 'KS ønsker …', passages: [...] });
 */
export function judgePrompt(input: JudgeInput, prompt: PromptFile = loadPrompt('verify-judge')): { system: string; user: string; ref: string } {
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
