/**
 * Drafting from an imported consultation (issue 18), offline: one section per item, each quoting what is proposed
 * from the consultation (cited, verified, held to the issuer) beside the organisation's position (cited to its own
 * documents, held to it). The consultation never counts as the organisation's view.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { storeUpload } from '../../src/corpus/storeUpload.js';
import type { ConsultationExtraction } from '../../src/domain/consultation.js';
import { createDrafter } from '../../src/draft/pipeline.js';
import type { DraftResult } from '../../src/draft/types.js';
import { createExtractiveProvider } from '../../src/llm/extractive.js';
import { getPassages } from '../../src/store/documents.js';
import { storePassageSource, verifyDraft } from '../../src/verify/index.js';
import { seededStore } from '../helpers/runtime.js';

type Store = Awaited<ReturnType<typeof seededStore>>;
let store: Store;
let consultation: ConsultationExtraction;
let result: DraftResult;
const ISSUER = 'Kommunal- og distriktsdepartementet';

const request = (extra: Record<string, unknown> = {}) => ({
  consultation: {
    title: 'Høring – forslag til endringer i kommuneloven om interkommunalt samarbeid',
    issuer: ISSUER,
    documentId: consultation.documentId,
    ...extra,
  },
  organisation: { name: 'Fagforbundet' },
});

beforeAll(async () => {
  store = await seededStore();
  const bytes = readFileSync('test/fixtures/consultations/horingsnotat-kommuneloven.pdf');
  const stored = await storeUpload(store, { bytes, filename: 'horingsnotat.pdf', fields: {}, consultation: true });
  if (!stored.ok) throw new Error(stored.reason);
  consultation = stored.consultation!;
  const drafter = createDrafter({ ...store, provider: createExtractiveProvider({ embedder: store.embedder }) });
  result = await drafter.draft(
    request({
      items: [
        { kind: 'question', index: 4 }, // «Hvilke konsekvenser vil forslaget få for kommunenes arbeid med digitalisering?»
        { kind: 'proposal', index: 5 }, // 6.3: digital services
      ],
    }),
  );
});

describe('a draft answering an imported consultation', () => {
  it('has one section per chosen item, headed by the question or the proposal’s chapter', () => {
    const s = result.draft.sections;
    expect(s.map((x) => x.kind)).toEqual(['intro', 'question', 'question', 'closing']);
    expect(s[1].heading).toBe('Hvilke konsekvenser vil forslaget få for kommunenes arbeid med digitalisering?');
    expect(s[2].heading).toBe('6 Digitale tjenester i samarbeid');
    expect(s[2].item).toEqual({ kind: 'proposal', index: 5, documentId: consultation.documentId });
  });

  it('quotes what is proposed from the consultation, cited, verified, and held to the issuer', async () => {
    for (const section of result.draft.sections.slice(1, 3)) {
      const [first] = section.paragraphs[0];
      expect(first.text).toMatch(/^Departementet foreslår at/);
      const passage = (await getPassages(store.db, { ids: [first.citations[0].passageId] })).get(
        first.citations[0].passageId,
      )!;
      expect(passage.document).toMatchObject({ kind: 'consultation', organisation: ISSUER });
      expect(passage.text).toContain(first.citations[0].quote);
      expect(first.verdict).toBe('supported');
    }
    // The proposal item quotes its own section: «Departementet foreslår at avtaler om felles anskaffelse …».
    expect(result.draft.sections[2].paragraphs[0][0].citations[0].passageId).toBe(
      consultation.proposals[5].source.passageId,
    );
  });

  it('states the organisation’s position only from its own documents, never from the consultation', async () => {
    const position = result.draft.sections.slice(1, 3).flatMap((s) => s.paragraphs.slice(1).flat());
    const cited = position.flatMap((t) => t.citations.map((c) => c.passageId));
    expect(cited.length).toBeGreaterThan(0);
    for (const p of (await getPassages(store.db, { ids: cited })).values())
      expect(p.document.organisation).toBe('Fagforbundet');
    const retrieved = [...(await getPassages(store.db, { ids: result.retrievedPassageIds })).values()];
    expect(retrieved.filter((p) => p.document.kind === 'consultation')).toEqual([]);
    expect(result.draft.sections[1].status).toBe('drafted');
  });

  it('ends an answered item with its own paragraph of concrete proposals, the organisation’s own words, cited', async () => {
    const s = result.draft.sections[1];
    // What is proposed · the organisation's position · its concrete proposals.
    expect(s.paragraphs.length).toBeGreaterThanOrEqual(3);
    const proposals = s.paragraphs.at(-1)!;
    const claims = proposals.filter((t) => t.kind === 'claim');
    // Fagforbundet's position on digitalisation holds «må» sentences: they become its proposals (the offline
    // drafter is deterministic); the position before them keeps its other sentences.
    expect(claims.length).toBeGreaterThan(0);
    expect(proposals).toEqual(claims);
    for (const t of claims) {
      expect(t.text).toMatch(
        /(?<![\p{L}])(bør|må|foreslår|foreslo|krever|krev|ber om|går inn for|vil ha|ønsker at)(?![\p{L}])/iu,
      );
      const id = t.citations[0].passageId;
      const passage = (await getPassages(store.db, { ids: [id] })).get(id)!;
      expect(passage.document.organisation).toBe('Fagforbundet');
      expect(passage.text).toContain(t.citations[0].quote);
      expect(t.verdict).toBe('supported');
    }
    // No sentence is said twice in the section.
    const texts = s.paragraphs.flat().map((t) => t.text);
    expect(new Set(texts).size).toBe(texts.length);
  });

  // Issue 17: before the third outcome this item said «Vi har ikke tidligere uttalt oss om dette.»; Fagforbundet's
  // passages on digital exclusion share words with it but may not answer it, so it is drafted and marked ≈.
  it('an item the words cannot settle quotes the proposal (✓) and marks every position sentence ≈ with the reason', () => {
    const s = result.draft.sections[2];
    expect(s.status).toBe('drafted');
    expect(s.reviewReason).toMatch(/^Usikkert om kilden svarer på spørsmålet/);
    expect(s.reviewFromParagraph).toBe(1);
    expect(s.paragraphs[0][0].verdict).toBe('supported');
    const position = s.paragraphs.slice(1).flat();
    expect(position.length).toBeGreaterThan(0);
    for (const t of position) expect(t.verdict).toBe('partly_supported');
    const reports = result.verification.sentences.filter((r) => position.some((t) => t.text === r.text));
    expect(reports.length).toBe(position.length);
    for (const r of reports) expect(r.reasons[0]).toBe(s.reviewReason);
  });

  it('answers every extracted question when no items are chosen', async () => {
    const drafter = createDrafter({ ...store, provider: createExtractiveProvider({ embedder: store.embedder }) });
    const all = await drafter.draft(request());
    const headings = all.draft.sections.filter((s) => s.kind === 'question').map((s) => s.heading);
    expect(headings).toEqual(consultation.questions.map((q) => q.text));
  });

  it('refuses an item that does not exist and a consultation that was never imported, naming the field', async () => {
    const drafter = createDrafter({ ...store, provider: createExtractiveProvider({ embedder: store.embedder }) });
    await expect(drafter.draft(request({ items: [{ kind: 'proposal', index: 99 }] }))).rejects.toMatchObject({
      code: 'bad_request:validation',
      field: 'consultation.items.0.index',
      message: 'Høringen har 8 forslag; nummer 99 finnes ikke.',
    });
    await expect(drafter.draft(request({ documentId: 'finnes-ikke' }))).rejects.toMatchObject({
      code: 'not_found:document',
      field: 'consultation.documentId',
    });
  });
});

describe('the verifier holds a consultation to its issuer', () => {
  const verify = (text: string, passageId: string, quote: string) =>
    verifyDraft(
      { sections: [{ heading: 'Punkt', sentences: [{ text, citations: [{ passageId, quote }] }] }] },
      { source: storePassageSource(store.db) },
      { organisation: 'Fagforbundet' },
    );

  it('flags a proposal put in the organisation’s mouth, and one stated as nobody’s', async () => {
    const p = consultation.proposals[0];
    const ours = await verify(p.text.replace(/^Departementet foreslår/, 'Vi foreslår'), p.source.passageId!, p.text);
    expect(ours.sentences[0].verdict).toBe('unsupported');
    expect(ours.sentences[0].reasons.join(' ')).toMatch(
      /legger forslaget fra Kommunal- og distriktsdepartementet i munnen på Fagforbundet/,
    );
    const bare = await verify(p.text.replace(/^Departementet foreslår at /, 'Derfor må '), p.source.passageId!, p.text);
    expect(bare.sentences[0].reasons.join(' ')).toMatch(
      /uten å si at det er Kommunal- og distriktsdepartementet sitt forslag/,
    );
    const held = await verify(p.text, p.source.passageId!, p.text);
    expect(held.sentences[0].verdict).toBe('supported');
  });

  it('flags the organisation’s position put in the ministry’s mouth', async () => {
    const own = result.draft.sections[1].paragraphs[1][0];
    const { passageId, quote } = own.citations[0];
    const report = await verify(
      `Departementet foreslår at ${quote.charAt(0).toLowerCase()}${quote.slice(1)}`,
      passageId,
      quote,
    );
    expect(report.sentences[0].verdict).toBe('unsupported');
    expect(report.sentences[0].reasons.join(' ')).toMatch(
      /legger et forslag i munnen på departementet, men kilden er Fagforbundet/,
    );
  });
});
