/**
 * Answering an adviser: retrieve (one organisation, or all), decide relevance, generate a short cited answer,
 * verify and repair it exactly as drafts are. Nothing relevant → no answer text, and the response says so.
 */
import { z } from 'zod';
import type { Logger } from '../log.js';
import { languageInstruction, loadPrompt, renderPart } from '../llm/prompts.js';
import { ZERO_USAGE, type LlmProvider, type TokenUsage } from '../llm/types.js';
import type { QueryEmbedder } from '../retrieve/search.js';
import type { Queryable } from '../store/db.js';
import { renderMarkdown, storePassageSource, verifyDraft, type Judge, type PassageSource, type VerificationReport } from '../verify/index.js';
import { resolveOrganisation } from './errors.js';
import { toDraftSentences } from './normalise.js';
import { verifyAndRepair } from './repair.js';
import { retrieveSources } from './retrieve.js';
import type { DraftSentence, DroppedSentence, Provenance } from './types.js';
import { corpusVocabulary, type CorpusVocabulary } from './vocabulary.js';

export const AskRequestSchema = z.object({
  question: z.string().trim().min(3, 'spørsmålet må ha minst 3 tegn').max(2000, 'spørsmålet kan være høyst 2000 tegn'),
  /** Answer from this organisation's documents only; all organisations when left out. */
  organisation: z.string().trim().min(1).max(200).optional(),
  language: z.enum(['nb', 'nn']).default('nb'),
  maxSentences: z.number().int().min(1).max(8).default(4),
});
export type AskRequest = z.infer<typeof AskRequestSchema>;
export type AskRequestInput = z.input<typeof AskRequestSchema>;

export const NO_ANSWER = {
  nb: 'Vi fant ingenting om dette i dokumentene.',
  nn: 'Vi fann ingenting om dette i dokumenta.',
} as const;

export interface AskResult {
  question: string;
  organisation: string | null;
  /** False when nothing relevant was found: `sentences` is empty and `message` says so. */
  answered: boolean;
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
  | { type: 'retrieval'; relevant: boolean; passages: AskResult['sources'] }
  | { type: 'delta'; text: string };

export interface AskerDeps {
  db: Queryable;
  embedder: QueryEmbedder;
  provider: LlmProvider;
  source?: PassageSource;
  judge?: Judge;
  logger?: Logger;
  minRelevance?: number;
  vocabulary?: CorpusVocabulary;
}

/** @example await createAsker({ db, embedder, provider }).ask({ question: 'Hva mener NTL om kunstig intelligens?' }) */
export function createAsker(deps: AskerDeps) {
  const source = deps.source ?? storePassageSource(deps.db);
  const vocabulary = deps.vocabulary ?? corpusVocabulary(deps.db);
  return {
    async ask(input: AskRequestInput, { onEvent, signal }: { onEvent?: (e: AskEvent) => void; signal?: AbortSignal } = {}): Promise<AskResult> {
      const t0 = performance.now();
      const req = AskRequestSchema.parse(input);
      const organisation = req.organisation ? await resolveOrganisation(deps.db, req.organisation, 'organisation') : undefined;
      const r = await retrieveSources(
        { db: deps.db, embedder: deps.embedder, vocabulary, minRelevance: deps.minRelevance },
        { query: req.question, organisation, allowOthers: !organisation },
      );
      const t1 = performance.now();
      const sources = r.hits.map((h) => ({ id: h.passage.id, organisation: h.passage.document.organisation, title: h.passage.document.title, date: h.passage.document.date, score: h.scores.vector }));
      onEvent?.({ type: 'retrieval', relevant: r.relevance.relevant, passages: sources });
      const prompt = loadPrompt('ask');
      let sentences: DraftSentence[] = [];
      let repaired = { dropped: [] as DroppedSentence[], repairs: [] as string[] };
      let usage: TokenUsage = ZERO_USAGE;
      const prompts: string[] = [];
      let t2 = t1;
      if (r.relevance.relevant) {
        const values = { question: req.question, organisation: organisation ?? 'alle organisasjonene i dokumentene', language_instruction: languageInstruction(req.language), max_sentences: req.maxSentences };
        const generation = await deps.provider.generate(
          {
            task: 'answer',
            system: renderPart(prompt, 'system', values),
            user: renderPart(prompt, 'user', values),
            question: req.question,
            sources: r.sources,
            maxSentences: req.maxSentences,
            maxTokens: 600,
            language: req.language,
            organisation,
          },
          { signal, onText: onEvent ? (text) => onEvent({ type: 'delta', text }) : undefined },
        );
        usage = generation.usage;
        if (!deps.provider.extractive) prompts.push(prompt.ref, ...(generation.promptRefs ?? []));
        t2 = performance.now();
        const normalised = toDraftSentences(generation.paragraphs, req.language);
        const out = await verifyAndRepair(normalised.paragraphs, { source, judge: deps.judge, organisation, allowOthers: !organisation });
        sentences = out.paragraphs.flat().filter((s) => s.kind !== 'notice');
        repaired = { dropped: [...normalised.dropped, ...out.dropped], repairs: out.repairs };
      }
      const structured = { sections: sentences.length ? [{ sentences: sentences.map((s) => ({ text: s.text, citations: s.citations })) }] : [] };
      const verification = await verifyDraft(structured, { source, judge: deps.judge }, organisation ? { organisation } : {});
      verification.sentences.forEach((v, i) => (sentences[i].verdict = v.verdict));
      const answered = sentences.some((s) => s.kind === 'claim');
      const message = answered ? null : NO_ANSWER[req.language];
      const tEnd = performance.now();
      const result: AskResult = {
        question: req.question,
        organisation: organisation ?? null,
        answered,
        message,
        extractive: deps.provider.extractive,
        sentences,
        dropped: repaired.dropped,
        repairs: repaired.repairs,
        markdown: sentences.length ? renderMarkdown(structured) : `${message}\n`,
        verification,
        sources,
        provenance: { provider: deps.provider.name, model: deps.provider.model, prompts },
        usage,
        timings: {
          retrievalMs: Math.round(t1 - t0),
          generationMs: Math.round(t2 - t1),
          verificationMs: Math.round(tEnd - t2),
          totalMs: Math.round(tEnd - t0),
        },
      };
      deps.logger?.info({ provider: deps.provider.name, answered, ok: verification.ok, usage, timings: result.timings }, 'question answered');
      return result;
    },
  };
}

export type Asker = ReturnType<typeof createAsker>;
