/**
 * Build the model requests for each part of a draft from prompts/draft.md. Sources are never put in these texts:
 * they travel to the provider separately, as documents (Claude) or wrapped data (chat).
 */
import { languageInstruction, loadPrompt, renderPart } from '../llm/prompts.js';
import type { GenerationRequest, SourcePassage } from '../llm/types.js';
import { LENGTH_BUDGET, type DraftRequest } from '../domain/draftRequest.js';
import { WORDING } from './wording.js';

export function draftPrompt() {
  return loadPrompt('draft');
}

function values(req: DraftRequest, organisation: string) {
  const c = req.consultation;
  return {
    organisation,
    voice: req.organisation.voice ?? 'saklig, tydelig og konkret, i organisasjonens egen stemme («vi»)',
    consultation_title: c.title,
    issuer: c.issuer,
    reference: c.reference ?? 'ikke oppgitt',
    deadline: c.deadline ?? 'ikke oppgitt',
    background: c.background?.trim() || 'Ingen bakgrunn oppgitt.',
    language_instruction: languageInstruction(req.language),
    other_organisations: req.organisation.allowOtherOrganisations ? WORDING.othersAllowed : WORDING.ownOnly,
  };
}

export function introRequest(req: DraftRequest, organisation: string, sources: SourcePassage[]): GenerationRequest {
  const prompt = draftPrompt();
  const v = values(req, organisation);
  const budget = LENGTH_BUDGET[req.length];
  return {
    task: 'intro',
    system: renderPart(prompt, 'system', v),
    user: renderPart(prompt, 'intro', { ...v, max_sentences: budget.intro }),
    question: introQuery(req),
    sources,
    maxSentences: budget.intro,
    maxTokens: budget.maxTokens,
    language: req.language,
    organisation,
  };
}

export function sectionRequest(
  req: DraftRequest,
  organisation: string,
  question: string,
  sources: SourcePassage[],
): GenerationRequest {
  const prompt = draftPrompt();
  const v = values(req, organisation);
  const budget = LENGTH_BUDGET[req.length];
  return {
    task: 'section',
    system: renderPart(prompt, 'system', v),
    user: renderPart(prompt, 'section', { ...v, question, max_sentences: budget.section }),
    question,
    sources,
    maxSentences: budget.section,
    maxTokens: budget.maxTokens,
    language: req.language,
    organisation,
  };
}

export function itemPrompt() {
  return loadPrompt('draft-item');
}

/**
 * One section answering an imported consultation's item (prompts/draft-item.md): the proposal travels in the text
 * as what the organisation answers, not as a source; the organisation's documents are the only sources.
 */
export function itemRequest(
  req: DraftRequest,
  organisation: string,
  item: { text: string; proposal: string | null },
  sources: SourcePassage[],
): GenerationRequest {
  const prompt = itemPrompt();
  const v = values(req, organisation);
  const budget = LENGTH_BUDGET[req.length];
  const fill = {
    ...v,
    item: item.text,
    proposal: item.proposal ?? 'Høringsdokumentet har ikke et eget forslag om dette punktet.',
    max_sentences: budget.section,
  };
  return {
    task: 'section',
    system: renderPart(prompt, 'system', fill),
    user: renderPart(prompt, 'section', fill),
    question: item.text,
    sources,
    maxSentences: budget.section,
    maxTokens: budget.maxTokens,
    language: req.language,
    organisation,
  };
}

/** What the introduction retrieves on: the consultation's title and the start of its background. */
export function introQuery(req: DraftRequest): string {
  const bg = req.consultation.background?.replace(/\s+/g, ' ').trim() ?? '';
  return `${req.consultation.title}. ${bg.slice(0, 400)}`.trim();
}
