/**
 * The drafting pipeline: introduction, one section per consultation question, closing. Per part: retrieve
 * (the organisation's own documents unless others may be cited), decide relevance, generate, verify, repair or
 * drop (groundedStep.ts, the step answers run too). A question with nothing relevant gets "Vi har ikke tidligere
 * uttalt oss om dette." and is never drafted.
 * The whole draft is verified once more at the end; that report is what gets stored and shown.
 */
import { addUsage, ZERO_USAGE, type CitationRef, type GenerationRequest, type TokenUsage } from '../llm/types.js';
import { renderMarkdown, verifyDraft, type Judge, type VerificationReport } from '../verify/index.js';
import { canonicalLine } from '../verify/format.js';
import { DraftError, resolveOrganisation } from './errors.js';
import { createGroundedStep, type GroundingDeps } from './groundedStep.js';
import { draftPrompt, introQuery, introRequest, itemPrompt, itemRequest, sectionRequest } from './requests.js';
import { planItems, proposedSentence, type PlannedItem } from './consultationItems.js';
import { withProposals } from './itemProposals.js';
import type { Retrieved } from './retrieve.js';
import { DraftRequestSchema, type DraftRequest, type DraftRequestInput } from '../domain/draftRequest.js';
import { sectionStatus, toStructured } from './structured.js';
import type { DraftDocument, DraftResult, DraftSection, DraftSentence } from './types.js';
import { WORDING } from './wording.js';

/** The same deps as the asker's: both run the one grounded step (groundedStep.ts). */
export type DrafterDeps = GroundingDeps;

export type DraftEvent =
  | {
      type: 'retrieval';
      part: 'intro' | 'question';
      index: number;
      relevant: boolean;
      /** Issue 17: answered, uncertain (drafted and marked ≈ for review) or none. */
      outcome: 'answered' | 'uncertain' | 'none';
      relevance: { vector: number; coverage: number; missing: string[] };
      passages: { id: string; organisation: string; title: string; score: number | null }[];
    }
  | { type: 'delta'; part: 'intro' | 'question'; index: number; text: string }
  | { type: 'section'; index: number; section: DraftSection }
  | { type: 'verification'; ok: boolean; summary: VerificationReport['summary'] };

/**
 * A draft request checked (Drafter.prepare): parsed, its organisation resolved and its consultation's items planned,
 * so what can refuse it has refused before any part is drafted (and before a streaming route starts its stream).
 */
export interface PreparedDraft {
  prepared: true;
  request: DraftRequest;
  organisation: string;
  items: PlannedItem[] | null;
  /** When preparing began (performance.now()), so the draft's total time counts it. */
  t0: number;
}

export interface DraftOptions {
  onEvent?: (event: DraftEvent) => void;
  signal?: AbortSignal;
}

/**
 * @example
 *   const drafter = createDrafter({ db, embedder, provider: createExtractiveProvider({ embedder }) });
 *   const result = await drafter.draft(request, { onEvent: (e) => console.log(e.type) });
 */
export function createDrafter(deps: DrafterDeps) {
  const step = createGroundedStep(deps);
  const source = step.source;

  /** Parse, resolve the organisation, plan the consultation's items: throws the request's refusal, nothing else. */
  async function prepare(input: DraftRequestInput): Promise<PreparedDraft> {
    const t0 = performance.now();
    const request = DraftRequestSchema.parse(input);
    const organisation = await resolveOrganisation(deps.db, request.organisation.name);
    const items = request.consultation.documentId
      ? await planItems({ db: deps.db, embedder: deps.embedder }, request)
      : null;
    return { prepared: true, request, organisation, items, t0 };
  }

  return {
    provider: deps.provider,
    prepare,
    /** Draft a request, or one `prepare` has checked already. */
    async draft(
      input: DraftRequestInput | PreparedDraft,
      { onEvent, signal }: DraftOptions = {},
    ): Promise<DraftResult> {
      const { request, organisation, items, t0 } = 'prepared' in input ? input : await prepare(input);
      const judge = deps.judge && memoJudge(deps.judge);
      const allowOthers = request.organisation.allowOtherOrganisations;
      const lang = request.language;
      const timings = { retrievalMs: 0, generationMs: 0, verificationMs: 0, totalMs: 0 };
      let usage: TokenUsage = ZERO_USAGE;
      const prompts = new Set<string>();
      const retrieved = new Set<string>();
      const used: CitationRef[] = [];

      const part = async (
        kind: 'intro' | 'question',
        index: number,
        query: string,
        build: (r: Retrieved) => GenerationRequest,
        promptRef = draftPrompt().ref,
      ) => {
        throwIfAborted(signal);
        const out = await step({
          query,
          organisation,
          allowOthers,
          coverageNeeded: kind === 'question',
          draftUncertain: kind === 'question',
          language: lang,
          // Citations earlier parts already use, so the extractive drafter does not repeat them.
          request: (r) => ({ ...build(r), exclude: [...used] }),
          promptRef,
          judge,
          signal,
          onRetrieved: (r) => {
            r.hits.forEach((h) => retrieved.add(h.passage.id));
            onEvent?.({
              type: 'retrieval',
              part: kind,
              index,
              relevant: r.relevance.relevant,
              outcome: r.relevance.outcome,
              relevance: { vector: r.relevance.vector, coverage: r.relevance.coverage, missing: r.relevance.missing },
              passages: r.hits.map((h) => ({
                id: h.passage.id,
                organisation: h.passage.document.organisation,
                title: h.passage.document.title,
                score: h.scores.vector,
              })),
            });
          },
          onText: onEvent ? (text) => onEvent({ type: 'delta', part: kind, index, text }) : undefined,
        });
        timings.retrievalMs += out.timings.retrievalMs;
        timings.generationMs += out.timings.generationMs;
        timings.verificationMs += out.timings.verificationMs;
        usage = addUsage(usage, out.usage);
        out.prompts.forEach((p) => prompts.add(p));
        out.paragraphs.flat().forEach((s) => used.push(...s.citations));
        return out;
      };

      const sections: DraftSection[] = [];
      // An item section's status is the organisation's position's, not the quoted proposal's (issue 18).
      const emit = (s: DraftSection, status = sectionStatus(s)) => {
        s.status = status;
        sections.push(s);
        onEvent?.({ type: 'section', index: sections.length - 1, section: s });
      };

      const intro = await part('intro', 0, introQuery(request), (r) => introRequest(request, organisation, r.sources));
      emit({
        kind: 'intro',
        heading: WORDING.introHeading(lang),
        status: 'frame',
        paragraphs: [
          [{ text: WORDING.introFrame(lang), kind: 'frame', citations: [] }],
          ...intro.paragraphs.filter((p) => p.some((s) => s.kind !== 'notice')),
        ],
        dropped: intro.dropped,
        repairs: intro.repairs,
        retrieved: intro.retrieved.hits.map((h) => h.passage.id),
      });

      // An imported consultation (issue 18): one section per chosen question or proposal.
      const asked = items ? items.map((item) => item.text) : request.consultation.questions;
      for (const [i, question] of asked.entries()) {
        const item = items?.[i];
        const q = item
          ? await part(
              'question',
              i,
              item.query,
              (r) =>
                itemRequest(
                  request,
                  organisation,
                  { text: item.text, proposal: item.proposal?.text ?? null },
                  r.sources,
                ),
              itemPrompt().ref,
            )
          : await part('question', i, question, (r) => sectionRequest(request, organisation, question, r.sources));
        const hasClaims = q.paragraphs.some((p) => p.some((s) => s.kind === 'claim'));
        const notice: DraftSentence[][] = [[{ text: WORDING.noPosition(lang), kind: 'notice', citations: [] }]];
        // NOTE: a model that says "no position" AND writes cited claims keeps the claims; the claims are checked.
        const position = hasClaims
          ? q.paragraphs.map((p) => p.filter((s) => s.kind !== 'notice')).filter((p) => p.length)
          : q.noPosition
            ? notice
            : [];
        const proposed = item?.proposal ? proposedSentence(item.proposal, lang) : null;
        const section: DraftSection = {
          kind: 'question',
          // Headings are one line in the draft format; a question pasted from a PDF may carry line breaks.
          heading: canonicalLine(item?.heading ?? question),
          question,
          questionIndex: i,
          ...(item && !item.own ? { item: { kind: item.kind, index: item.index, documentId: item.documentId } } : {}),
          status: 'drafted',
          paragraphs: position,
          dropped: q.dropped,
          repairs: q.repairs,
          retrieved: q.retrieved.hits.map((h) => h.passage.id),
          // Drafted though the relevance decision was unsure: every sentence is marked ≈ for review (issue 17).
          ...(q.uncertain && hasClaims ? { reviewReason: WORDING.uncertainSection(lang) } : {}),
        };
        const status = sectionStatus(section);
        // Offline, the item's concrete proposals get their own paragraph (a model writes one itself).
        if (item && hasClaims && deps.provider.extractive) {
          const split = withProposals(position, q.retrieved.sources, { organisation, lang, cited: used });
          section.paragraphs = [...split.position, split.proposals];
          split.proposals.forEach((s) => used.push(...s.citations));
        }
        if (proposed) {
          section.paragraphs = [[proposed], ...section.paragraphs];
          // The quoted proposal is the issuer's text, not the organisation's position: it is not under review.
          if (section.reviewReason) section.reviewFromParagraph = 1;
        }
        emit(section, status);
      }

      emit({
        kind: 'closing',
        heading: WORDING.closingHeading(lang),
        status: 'frame',
        paragraphs: [[{ text: WORDING.closingFrame(lang), kind: 'frame', citations: [] }]],
        dropped: [],
        repairs: [],
        retrieved: [],
      });

      const draft: DraftDocument = {
        title: canonicalLine(WORDING.title(organisation, request.consultation.title, lang)),
        organisation,
        language: lang,
        extractive: deps.provider.extractive,
        ...(deps.provider.extractive ? { notice: WORDING.extractiveNotice(lang) } : {}),
        sections,
      };
      const t = performance.now();
      const structured = toStructured(draft);
      const verification = await verifyDraft(structured, { source, judge }, { organisation });
      timings.verificationMs += performance.now() - t;
      annotate(draft, verification);
      onEvent?.({ type: 'verification', ok: verification.ok, summary: verification.summary });
      timings.totalMs = performance.now() - t0;
      const result: DraftResult = {
        request,
        draft,
        markdown: renderMarkdown(structured),
        verification,
        provenance: { provider: deps.provider.name, model: deps.provider.model, prompts: [...prompts] },
        retrievedPassageIds: [...retrieved],
        usage,
        timings: roundTimings(timings),
      };
      deps.logger?.info(
        {
          provider: deps.provider.name,
          model: deps.provider.model,
          questions: request.consultation.questions.length,
          ok: verification.ok,
          usage,
          timings: result.timings,
        },
        'draft generated',
      );
      return result;
    },
  };
}

export type Drafter = ReturnType<typeof createDrafter>;

/** A client that went away (SSE closed, request aborted) stops the work between parts; nothing gets saved. */
export function throwIfAborted(signal?: AbortSignal): void {
  if (signal?.aborted)
    throw new DraftError('unprocessable:content', 'Forespørselen ble avbrutt før utkastet var ferdig.');
}

/**
 * The judge asked once per sentence and set of quotes within a draft: repair and the final check see the same
 * sentences, and each call costs a model request.
 */
function memoJudge(judge: Judge): Judge {
  const seen = new Map<string, ReturnType<Judge['judge']>>();
  return {
    judge(input) {
      const key = JSON.stringify([input.sentence, input.passages.map((p) => [p.id, p.quote])]);
      let verdict = seen.get(key);
      if (!verdict) {
        verdict = judge.judge(input);
        seen.set(key, verdict);
        verdict.catch(() => seen.delete(key));
      }
      return verdict;
    },
  };
}

/** Copy each sentence's final verdict onto the draft, in the order toStructured lays sentences out. */
export function annotate(draft: DraftDocument, report: VerificationReport): void {
  const sentences = draft.sections.flatMap((s) => s.paragraphs.filter((p) => p.length).flat());
  report.sentences.forEach((r, i) => {
    if (sentences[i]) sentences[i].verdict = r.verdict;
  });
}

function roundTimings<T extends Record<string, number>>(t: T): T {
  return Object.fromEntries(Object.entries(t).map(([k, v]) => [k, Math.round(v)])) as T;
}
