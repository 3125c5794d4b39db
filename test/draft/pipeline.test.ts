/**
 * The drafting pipeline offline (extractive drafter) on the seeds: one section per question, every claim cited
 * with a quote the verifier confirms, "no recorded position" off the corpus, orders in documents not followed.
 */
import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { createDrafter, type DraftEvent } from '../../src/draft/pipeline.js';
import type { DraftResult } from '../../src/draft/types.js';
import { ingestText } from '../../src/ingest/index.js';
import { createExtractiveProvider } from '../../src/llm/extractive.js';
import { getPassages } from '../../src/store/documents.js';
import { writeDocuments } from '../../src/store/writeDocuments.js';
import { parseMarkdown } from '../../src/verify/index.js';
import { seededStore } from '../helpers/runtime.js';

const FISH = 'Hvordan bør fiskekvotene fordeles mellom kystflåten og havfiskeflåten?';

async function exampleRequest() {
  return parseYaml(await readFile('examples/consultation-digitalisering.yaml', 'utf8'));
}

type Store = Awaited<ReturnType<typeof seededStore>>;
let store: Store;
let result: DraftResult;
const events: DraftEvent[] = [];

beforeAll(async () => {
  store = await seededStore();
  const req = await exampleRequest();
  req.consultation.questions.push(FISH);
  const drafter = createDrafter({ ...store, provider: createExtractiveProvider({ embedder: store.embedder }) });
  result = await drafter.draft(req, { onEvent: (e) => events.push(e) });
});

describe('offline extractive draft of the example consultation', () => {
  it('has an introduction, one section per question in order, and a closing', () => {
    const s = result.draft.sections;
    expect(s.map((x) => x.kind)).toEqual(['intro', 'question', 'question', 'question', 'question', 'closing']);
    expect(s.filter((x) => x.kind === 'question').map((x) => x.heading)).toEqual([
      ...result.request.consultation.questions,
    ]);
    expect(result.draft.extractive).toBe(true);
    expect(result.draft.notice).toMatch(/^Uttrekksbasert utkast/);
    expect(result.provenance).toEqual({ provider: 'extractive', model: 'extractive-v1', prompts: [] });
  });

  it('drafts the three questions from Fagforbundet’s own documents', async () => {
    const questions = result.draft.sections.filter((x) => x.kind === 'question').slice(0, 3);
    expect(questions.map((q) => q.status)).toEqual(['drafted', 'drafted', 'drafted']);
    const ids = questions.flatMap((q) => q.paragraphs.flat().flatMap((s) => s.citations.map((c) => c.passageId)));
    const passages = await getPassages(store.db, { ids });
    expect([...passages.values()].every((p) => p.document.organisation === 'Fagforbundet')).toBe(true);
  });

  it('cites every claim with a verbatim quote the verifier confirms', async () => {
    const v = result.verification;
    expect(v.ok).toBe(true);
    expect(v.summary.statuses.ok).toBe(v.summary.citations);
    expect(v.summary.tiers.exact).toBe(v.summary.citations);
    for (const s of v.sentences) {
      if (s.claim) expect(s.verdict).toBe('supported');
      else expect(s.citations).toEqual([]);
    }
    const claims = result.draft.sections.flatMap((s) => s.paragraphs.flat()).filter((s) => s.kind === 'claim');
    expect(claims.length).toBeGreaterThanOrEqual(6);
    const passages = await getPassages(store.db, { ids: claims.flatMap((c) => c.citations.map((x) => x.passageId)) });
    for (const c of claims) {
      expect(c.verdict).toBe('supported');
      for (const x of c.citations) expect(passages.get(x.passageId)!.text.slice(x.start, x.end)).toBe(x.quote);
    }
  });

  it('says "no recorded position" for a question outside the corpus, and invents nothing', () => {
    const fish = result.draft.sections.find((s) => s.question === FISH)!;
    expect(fish.status).toBe('no_position');
    expect(fish.paragraphs).toEqual([
      [{ text: 'Vi har ikke tidligere uttalt oss om dette.', kind: 'notice', citations: [], verdict: 'uncited' }],
    ]);
    const retrieval = events.find((e) => e.type === 'retrieval' && e.part === 'question' && e.index === 3);
    expect(retrieval).toMatchObject({ relevant: false });
  });

  it('emits retrieval and section events in order, then verification', () => {
    const types = events.filter((e) => e.type !== 'delta').map((e) => e.type);
    expect(types[0]).toBe('retrieval');
    expect(types.filter((t) => t === 'section')).toHaveLength(6);
    expect(types.at(-1)).toBe('verification');
  });

  it('renders Markdown with footnotes that parses back to the same draft', () => {
    expect(result.markdown).toMatch(/^# Høringsinnspill fra Fagforbundet – /);
    expect(result.markdown).toContain('[^1]: [fagforbundet-');
    const back = parseMarkdown(result.markdown);
    expect(back.sections.flatMap((s) => s.sentences).length).toBe(result.verification.sentences.length);
  });

  it('records retrieved passages, timings and zero token usage', () => {
    expect(result.retrievedPassageIds.length).toBeGreaterThan(5);
    expect(result.usage.inputTokens).toBe(0);
    expect(result.timings.totalMs).toBeGreaterThan(0);
  });
});

describe('options', () => {
  it('writes the frame in Nynorsk on request', async () => {
    const req = await exampleRequest();
    req.language = 'nn';
    req.consultation.questions = [FISH];
    const r = await createDrafter({ ...store, provider: createExtractiveProvider({ embedder: store.embedder }) }).draft(
      req,
    );
    expect(r.draft.title).toMatch(/^Høyringsinnspel frå Fagforbundet/);
    expect(r.markdown).toContain('Vi har ikkje tidlegare uttalt oss om dette.');
    expect(r.markdown).toContain('## Innleiing');
  });

  it('cites other organisations, attributed, only when allowed', async () => {
    const req = await exampleRequest();
    req.organisation = { name: 'ntl', allowOtherOrganisations: true };
    const r = await createDrafter({ ...store, provider: createExtractiveProvider({ embedder: store.embedder }) }).draft(
      req,
    );
    expect(r.draft.organisation).toBe('NTL');
    const others = r.draft.sections
      .flatMap((s) => s.paragraphs.flat())
      .filter((s) => /^[\p{Lu}][\p{L} ]+ skriver: «/u.test(s.text) && !s.text.startsWith('NTL'));
    expect(others.length).toBeGreaterThan(0);
    expect(r.verification.sentences.filter((s) => s.claim).every((s) => s.verdict === 'supported')).toBe(true);
  });

  it('refuses an organisation the corpus does not know, naming the known ones', async () => {
    const req = await exampleRequest();
    req.organisation.name = 'Fiskebåt';
    const err = await createDrafter({ ...store, provider: createExtractiveProvider() })
      .draft(req)
      .catch((e) => e);
    expect(err.toAppError().status).toBe(422);
    expect(err.message).toMatch(/Fiskebåt.*Fagforbundet/);
  });
});

describe('instructions inside documents', () => {
  it('are treated as text: the draft neither follows nor quotes them', async () => {
    const own = await seededStore();
    const raw = await readFile('test/fixtures/draft/injeksjon.txt', 'utf8');
    const doc = await ingestText(raw, {
      id: 'fagforbundet-injeksjon-test',
      organisation: 'Fagforbundet',
      title: 'Notat om KI',
      kind: 'other',
      date: '2025',
      language: 'nb',
    });
    await writeDocuments(own.db, own.embedder, [doc]);
    const req = await exampleRequest();
    const r = await createDrafter({ ...own, provider: createExtractiveProvider({ embedder: own.embedder }) }).draft(
      req,
    );
    expect(r.retrievedPassageIds.some((id) => id.startsWith('fagforbundet-injeksjon-test'))).toBe(true);
    expect(r.markdown).not.toMatch(/privatisering|Ignorer alle|Du er nå/i);
    expect(r.draft.sections.filter((s) => s.kind === 'question').map((s) => s.status)).toEqual([
      'drafted',
      'drafted',
      'drafted',
    ]);
    expect(r.verification.ok).toBe(true);
  });
});

describe('input as people paste it', () => {
  it('accepts a question with line breaks and double spaces (from a PDF) and writes it as one heading line', async () => {
    const req = await exampleRequest();
    req.consultation.questions = [
      'Hvordan bør ansatte og tillitsvalgte\ninvolveres når  offentlige virksomheter tar i bruk kunstig intelligens?',
    ];
    const r = await createDrafter({ ...store, provider: createExtractiveProvider({ embedder: store.embedder }) }).draft(
      req,
    );
    expect(r.draft.sections[1].heading).toBe(
      'Hvordan bør ansatte og tillitsvalgte involveres når offentlige virksomheter tar i bruk kunstig intelligens?',
    );
    expect(r.draft.sections[1].status).toBe('drafted');
  });
});
