/**
 * Answering an adviser: retrieve (one organisation, or all), decide relevance, generate a short cited answer,
 * verify and repair it: the same step a draft runs per section (groundedStep.ts). Nothing relevant → no answer text,
 * and the response says so.
 */
import { z } from 'zod';
import { languageInstruction, loadPrompt, renderPart } from '../llm/prompts.js';
import type { TokenUsage } from '../llm/types.js';
import { asParagraph } from './answerParagraph.js';
import { renderMarkdown, verifyDraft, type VerificationReport } from '../verify/index.js';
import { resolveOrganisation } from './errors.js';
import { createGroundedStep, type GroundingDeps } from './groundedStep.js';
import type { Relevance } from './relevance.js';
import type { Retrieved } from './retrieve.js';
import type { DraftSentence, DroppedSentence, Provenance } from './types.js';

export const AskRequestSchema = z.object({
  question: z.string().trim().min(3, 'spørsmålet må ha minst 3 tegn').max(2000, 'spørsmålet kan være høyst 2000 tegn'),
  /** Answer from this organisation's documents only; all organisations when left out. */
  organisation: z.string().trim().min(1).max(200).optional(),
  language: z.enum(['nb', 'nn']).default('nb'),
  maxSentences: z.number().int().min(1).max(8).default(4),
});
export type AskRequest = z.infer<typeof AskRequestSchema>;
export type AskRequestInput = z.input<typeof AskRequestSchema>;

const NO_ANSWER = {
  nb: 'Vi fant ingenting om dette i dokumentene.',
  nn: 'Vi fann ingenting om dette i dokumenta.',
} as const;

/** The message of an answer drafted though relevance was unsure (issue 17's third outcome); its sentences are ≈. */
const UNSURE_ANSWER = {
  nb: 'Usikkert om dokumentene svarer på nettopp dette spørsmålet – les kildene før du bruker svaret.',
  nn: 'Usikkert om dokumenta svarar på nettopp dette spørsmålet – les kjeldene før du brukar svaret.',
} as const;

/** The ≈ reason every sentence of an unsure answer carries. */
const UNSURE_SENTENCE = {
  nb: 'Usikkert om kilden svarer på spørsmålet – kontroller at den handler om nettopp dette.',
  nn: 'Usikkert om kjelda svarar på spørsmålet – kontroller at ho handlar om nettopp dette.',
} as const;

export interface AskResult {
  question: string;
  organisation: string | null;
  /** False when nothing relevant was found: `sentences` is empty and `message` says so. */
  answered: boolean;
  /**
   * True when relevance was unsure (relevance.ts `uncertain`) and the answer was written anyway: every sentence is
   * marked ≈ for review and `message` says why. Offline and with a model alike, as a draft's section is.
   */
  uncertain: boolean;
  message: string | null;
  extractive: boolean;
  sentences: DraftSentence[];
  dropped: DroppedSentence[];
  repairs: string[];
  markdown: string;
  verification: VerificationReport;
  sources: { id: string; organisation: string; title: string; date: string; score: number | null }[];
  provenance: Provenance;
  usage: TokenUsage;
  timings: { retrievalMs: number; generationMs: number; verificationMs: number; totalMs: number };
}

export type AskEvent =
  | { type: 'retrieval'; relevant: boolean; outcome: Relevance['outcome']; passages: AskResult['sources'] }
  | { type: 'delta'; text: string };

/** The same deps as the drafter's: both run the one grounded step (groundedStep.ts). */
export type AskerDeps = GroundingDeps;

/**
 * A question checked and its organisation resolved (Asker.prepare): what can refuse a request, done before any
 * answer starts, so a streaming route can refuse with its status rather than an `error` event after a 200.
 */
export interface PreparedAsk {
  prepared: true;
  req: AskRequest;
  organisation: string | undefined;
  /** When preparing began (performance.now()), so the answer's timings count it. */
  t0: number;
}

/** @example await createAsker({ db, embedder, provider }).ask({ question: 'Hva mener NTL om kunstig intelligens?' }) */
export function createAsker(deps: AskerDeps) {
  const step = createGroundedStep(deps);
  const source = step.source;
  /** Parse the request and resolve its organisation: throws the request's refusal (400, 422), nothing else. */
  async function prepare(input: AskRequestInput): Promise<PreparedAsk> {
    const t0 = performance.now();
    const req = AskRequestSchema.parse(input);
    const organisation = req.organisation
      ? await resolveOrganisation(deps.db, req.organisation, 'organisation')
      : undefined;
    return { prepared: true, req, organisation, t0 };
  }
  return {
    prepare,
    /** Answer a request, or one `prepare` has checked already. */
    async ask(
      input: AskRequestInput | PreparedAsk,
      { onEvent, signal }: { onEvent?: (e: AskEvent) => void; signal?: AbortSignal } = {},
    ): Promise<AskResult> {
      const { req, organisation, t0 } = 'prepared' in input ? input : await prepare(input);
      const prompt = loadPrompt('ask');
      const values = {
        question: req.question,
        organisation: organisation ?? 'alle organisasjonene i dokumentene',
        language_instruction: languageInstruction(req.language),
        max_sentences: req.maxSentences,
      };
      const toSource = (h: Retrieved['hits'][number]) => ({
        id: h.passage.id,
        organisation: h.passage.document.organisation,
        title: h.passage.document.title,
        date: h.passage.document.date,
        score: h.scores.vector,
      });
      const tStep = performance.now();
      const out = await step({
        query: req.question,
        organisation,
        allowOthers: !organisation,
        language: req.language,
        request: (r) => ({
          task: 'answer',
          system: renderPart(prompt, 'system', values),
          user: renderPart(prompt, 'user', values),
          question: req.question,
          sources: r.sources,
          maxSentences: req.maxSentences,
          maxTokens: 600,
          language: req.language,
          organisation,
        }),
        promptRef: prompt.ref,
        draftUncertain: true,
        signal,
        onRetrieved: (r) =>
          onEvent?.({
            type: 'retrieval',
            relevant: r.relevance.relevant,
            outcome: r.relevance.outcome,
            passages: r.hits.map(toSource),
          }),
        onText: onEvent ? (text) => onEvent({ type: 'delta', text }) : undefined,
      });
      const sources = out.retrieved.hits.map(toSource);
      // An answer is one paragraph; the model's "no position" line is not part of it (NO_ANSWER says so instead).
      const sentences: DraftSentence[] = out.paragraphs.flat().filter((s) => s.kind !== 'notice');
      // The offline drafter's sentences read as one paragraph: each organisation named once per run, no bullets.
      if (deps.provider.extractive) asParagraph(sentences);
      const structured = {
        sections: sentences.length
          ? [
              {
                sentences: sentences.map((s) => ({ text: s.text, citations: s.citations })),
                ...(out.uncertain ? { review: UNSURE_SENTENCE[req.language] } : {}),
              },
            ]
          : [],
      };
      const verification = await verifyDraft(
        structured,
        { source, judge: deps.judge },
        organisation ? { organisation } : {},
      );
      verification.sentences.forEach((v, i) => (sentences[i].verdict = v.verdict));
      const answered = sentences.some((s) => s.kind === 'claim');
      const uncertain = answered && out.uncertain;
      const message = !answered ? NO_ANSWER[req.language] : uncertain ? UNSURE_ANSWER[req.language] : null;
      const tEnd = performance.now();
      // Retrieval counts from the start (parsing, the organisation's name); verification is everything after generation.
      const retrievalMs = tStep - t0 + out.timings.retrievalMs;
      const generationMs = out.timings.generationMs;
      const result: AskResult = {
        question: req.question,
        organisation: organisation ?? null,
        answered,
        uncertain,
        message,
        extractive: deps.provider.extractive,
        sentences,
        dropped: out.dropped,
        repairs: out.repairs,
        markdown: sentences.length ? renderMarkdown(structured) : `${message}\n`,
        verification,
        sources,
        provenance: { provider: deps.provider.name, model: deps.provider.model, prompts: out.prompts },
        usage: out.usage,
        timings: {
          retrievalMs: Math.round(retrievalMs),
          generationMs: Math.round(generationMs),
          verificationMs: Math.round(tEnd - t0 - retrievalMs - generationMs),
          totalMs: Math.round(tEnd - t0),
        },
      };
      deps.logger?.info(
        {
          provider: deps.provider.name,
          answered,
          uncertain,
          ok: verification.ok,
          usage: out.usage,
          timings: result.timings,
        },
        'question answered',
      );
      return result;
    },
  };
}

export type Asker = ReturnType<typeof createAsker>;
