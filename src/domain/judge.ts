/**
 * The optional LLM judge of the verifier: does the cited text entail the sentence? The verifier calls this interface
 * and keeps the verdict and reason; implementations (Claude, an OpenAI-compatible chat model) live in llm/.
 */
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
