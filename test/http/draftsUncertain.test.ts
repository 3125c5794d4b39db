/**
 * Issue 17's third outcome through the app (seed store, offline extractive drafter): a question the words cannot
 * settle is drafted and every sentence of its section is marked ≈ with the reason «Usikkert om kilden svarer på
 * spørsmålet …». The mark is stored with the draft, shown by GET, carried into the Markdown and DOCX exports and the
 * home list, kept when the draft is verified again or another section is edited, and cleared when an editor edits
 * the section or accepts it.
 */
import { readFile } from 'node:fs/promises';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { jsonInit, seededApp } from '../helpers/runtime.js';

const IKT = 'Bør IKT driftes i egen regi?';
/** Shares «offentlig ansatte» with Fagforbundet's passages, not the topic: `uncertain` (test/draft/relevance.test.ts). */
const UNSURE = 'Hvordan bør pensjonsreformen endres for offentlig ansatte?';
const FISH = 'Hvordan bør fiskekvotene fordeles?';
const REASON = /^Usikkert om kilden svarer på spørsmålet – kontroller/;

let app: Awaited<ReturnType<typeof seededApp>>['app'];
let id: string;
let created: any;

/** The verifier's structured form of a stored draft (what the page sends back), with `edit` applied per section. */
function structuredOf(draft: any, edit: (heading: string, sentences: any[][]) => any[][] = (_, p) => p) {
  const sections: any[] = [];
  for (const s of draft.sections) {
    const paragraphs = edit(s.heading, s.paragraphs).filter((p: any[]) => p.length);
    if (!paragraphs.length) {
      if (s.heading) sections.push({ heading: s.heading, sentences: [] });
      continue;
    }
    paragraphs.forEach((p: any[], i: number) =>
      sections.push({
        ...(i === 0 && s.heading ? { heading: s.heading } : {}),
        sentences: p.map((t) => ({
          text: t.text,
          citations: t.citations.map(({ passageId, quote }: any) => ({ passageId, quote })),
        })),
      }),
    );
  }
  return { title: draft.title, sections };
}

const section = (draft: any, question: string) => draft.sections.find((s: any) => s.question === question);
const claims = (s: any) => s.paragraphs.flat().filter((t: any) => t.kind === 'claim');
const reportsOf = (version: any, s: any) =>
  version.verification.sentences.filter(
    (r: any) => r.heading === s.heading || claims(s).some((t: any) => t.text === r.text),
  );

beforeAll(async () => {
  ({ app } = await seededApp());
  const request = parseYaml(await readFile('examples/consultation-digitalisering.yaml', 'utf8'));
  const res = await app.request(
    '/drafts',
    jsonInit('POST', { ...request, consultation: { ...request.consultation, questions: [IKT, UNSURE, FISH] } }),
  );
  expect(res.status).toBe(201);
  created = await res.json();
  id = created.id;
});

// One draft goes through the steps in order: it is read and exported before later versions are saved.
describe('a section drafted on an uncertain relevance outcome', { shuffle: false }, () => {
  it('is drafted, every sentence ≈ with the Norwegian reason first; the confident sections are not marked', () => {
    const s = section(created.draft, UNSURE);
    expect(s.status).toBe('drafted');
    expect(s.reviewReason).toMatch(REASON);
    expect(claims(s).length).toBeGreaterThan(0);
    for (const t of claims(s)) expect(t.verdict).toBe('partly_supported');
    const reports = created.verification.sentences.filter((r: any) => claims(s).some((t: any) => t.text === r.text));
    expect(reports.length).toBe(claims(s).length);
    for (const r of reports) expect(r.reasons[0]).toBe(s.reviewReason);
    expect(created.verification.ok).toBe(false);
    expect(section(created.draft, IKT).reviewReason).toBeUndefined();
    expect(
      section(created.draft, FISH)
        .paragraphs.flat()
        .map((t: any) => t.text),
    ).toEqual(['Vi har ikke tidligere uttalt oss om dette.']);
  });

  it('is stored: GET /drafts/:id returns the mark and the ≈ verdicts; the home list says «må ses over»', async () => {
    const got = await (await app.request(`/drafts/${id}`)).json();
    const s = section(got.current.draft, UNSURE);
    expect(s.reviewReason).toMatch(REASON);
    for (const t of claims(s)) expect(t.verdict).toBe('partly_supported');
    const list = await (await app.request('/drafts')).json();
    const row = (list.drafts ?? list.items ?? list).find((d: any) => d.id === id);
    expect(row.verificationOk).toBe(false);
    // ≈, not ✗: sentences to check, none refused.
    expect(row.review).toBe('needs_review');
  });

  it('is carried into the Markdown export: each sentence marked, the review summary counts them', async () => {
    const res = await app.request(`/drafts/${id}/export?format=md&allowUnverified=true`);
    expect(res.status).toBe(200);
    const md = await res.text();
    const review = created.verification.sentences.filter((r: any) => r.verdict === 'partly_supported').length;
    expect(review).toBeGreaterThanOrEqual(claims(section(created.draft, UNSURE)).length);
    expect(md).toContain(`${review} må leses mot kilden (≈)`);
    for (const t of claims(section(created.draft, UNSURE))) expect(md).toContain(`[≈ må kontrolleres] ${t.text}`);
  });

  it('is carried into the DOCX export: the summary, the ≈ marks and the reason in the Word comments', async () => {
    const res = await app.request(`/drafts/${id}/export?format=docx&allowUnverified=true`);
    expect(res.status).toBe(200);
    const zip = await JSZip.loadAsync(await res.arrayBuffer());
    const text = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    const review = created.verification.sentences.filter((r: any) => r.verdict === 'partly_supported').length;
    expect(text).toContain(`${review} må leses mot kilden (≈)`);
    // Each ≈ sentence is highlighted with a Word comment: the mark's words and, first, the section's reason.
    const comments = (await zip.file('word/comments.xml')!.async('string')).replace(/<[^>]+>/g, ' ');
    expect(comments).toContain('≈ må kontrolleres');
    expect(comments).toContain('Usikkert om kilden svarer på spørsmålet – kontroller');
  });

  it('survives verifying again (a save with no change) and an edit of another section', async () => {
    const got = await (await app.request(`/drafts/${id}`)).json();
    const same = await app.request(`/drafts/${id}`, jsonInit('PUT', { structured: structuredOf(got.current.draft) }));
    expect(same.status).toBe(200);
    expect(section((await same.json()).draft, UNSURE).reviewReason).toMatch(REASON);

    const ikt = section(got.current.draft, IKT).heading;
    const edited = structuredOf(got.current.draft, (h, p) => (h === ikt ? [p.flat().slice(0, 1)] : p));
    const res = await app.request(`/drafts/${id}`, jsonInit('PUT', { structured: edited }));
    expect(res.status).toBe(200);
    const saved = await res.json();
    expect(section(saved.draft, IKT).paragraphs.flat().length).toBe(1);
    const s = section(saved.draft, UNSURE);
    expect(s.reviewReason).toMatch(REASON);
    for (const t of claims(s)) expect(t.verdict).toBe('partly_supported');
    for (const r of reportsOf(saved, s)) expect(r.reasons[0]).toMatch(REASON);
  });

  it('survives a Markdown round trip of the export (marks and summary stripped)', async () => {
    const md = await (await app.request(`/drafts/${id}/export?format=md&allowUnverified=true`)).text();
    const res = await app.request(`/drafts/${id}`, jsonInit('PUT', { markdown: md }));
    expect(res.status).toBe(200);
    expect(section((await res.json()).draft, UNSURE).reviewReason).toMatch(REASON);
  });

  it('is cleared when the editor accepts the section unchanged', async () => {
    const got = await (await app.request(`/drafts/${id}`)).json();
    const heading = section(got.current.draft, UNSURE).heading;
    const res = await app.request(
      `/drafts/${id}`,
      jsonInit('PUT', { structured: structuredOf(got.current.draft), accept: [heading] }),
    );
    expect(res.status).toBe(200);
    const saved = await res.json();
    const s = section(saved.draft, UNSURE);
    expect(s.reviewReason).toBeUndefined();
    for (const r of reportsOf(saved, s)) expect(r.reasons.join(' ')).not.toMatch(REASON);
  });
});

describe('an edit of the marked section', () => {
  it('clears the mark: the editor has made the section theirs', async () => {
    const { app } = await seededApp();
    const request = parseYaml(await readFile('examples/consultation-digitalisering.yaml', 'utf8'));
    const first = await (
      await app.request(
        '/drafts',
        jsonInit('POST', { ...request, consultation: { ...request.consultation, questions: [UNSURE] } }),
      )
    ).json();
    const heading = section(first.draft, UNSURE).heading;
    expect(section(first.draft, UNSURE).reviewReason).toMatch(REASON);
    const edited = structuredOf(first.draft, (h, p) => (h === heading ? [p.flat().slice(0, 1)] : p));
    const res = await app.request(`/drafts/${first.id}`, jsonInit('PUT', { structured: edited }));
    expect(res.status).toBe(200);
    const saved = await res.json();
    const s = section(saved.draft, UNSURE);
    expect(claims(s).length).toBe(1);
    expect(s.reviewReason).toBeUndefined();
    for (const r of reportsOf(saved, s)) expect(r.reasons.join(' ')).not.toMatch(REASON);
  });
});
