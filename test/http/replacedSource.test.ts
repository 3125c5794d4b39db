/**
 * A draft citing a document that is then replaced (PUT /documents/:id with a new file): the draft JSON, both
 * exports, the list and GET /documents/:id/drafts all say the source changed, as they do for a withdrawn one.
 */
import { readFile } from 'node:fs/promises';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { jsonInit, seededApp } from '../helpers/runtime.js';

type App = Awaited<ReturnType<typeof seededApp>>['app'];

const NEW_FILE = new TextEncoder().encode(
  '# Ny versjon\n\nDokumentet er skrevet om fra grunnen av, og ingenting av det gamle står igjen her.\n',
);

async function replace(app: App, documentId: string) {
  const fd = new FormData();
  fd.set('file', new File([NEW_FILE], 'ny.md'));
  const res = await app.request(`/documents/${documentId}`, { method: 'PUT', body: fd });
  expect(res.status, await res.clone().text()).toBe(200);
}

/** A saved draft and the first document it cites, with the passages of that document it cites. */
async function draftCitingADocument(app: App) {
  const request = parseYaml(await readFile('examples/consultation-digitalisering.yaml', 'utf8'));
  const res = await app.request('/drafts', jsonInit('POST', request));
  expect(res.status).toBe(201);
  const created = await res.json();
  const citations = created.draft.sections.flatMap((s: any) => s.paragraphs.flat().flatMap((t: any) => t.citations));
  expect(citations.length).toBeGreaterThan(0);
  const passage = await (await app.request(`/passages/${citations[0].passageId}`)).json();
  const documentId = passage.documentId as string;
  const cited = new Set<string>(
    citations.map((c: any) => c.passageId).filter((id: string) => id.startsWith(`${documentId}-p`)),
  );
  return { created, documentId, title: passage.document.title as string, cited };
}

describe('replacing a cited document', () => {
  it('marks the sentences citing it ✗ in GET /drafts/:id, names it, and agrees with the list', async () => {
    const { app } = await seededApp();
    const { created, documentId, title, cited } = await draftCitingADocument(app);
    const before = await (await app.request(`/drafts/${created.id}`)).json();
    expect(before.current.replacedSources).toBeUndefined();

    await replace(app, documentId);

    const after = await (await app.request(`/drafts/${created.id}`)).json();
    const replaced = after.current.replacedSources as { passageId: string; documentId: string; title: string }[];
    expect(new Set(replaced.map((r) => r.passageId))).toEqual(cited);
    expect(replaced.every((r) => r.documentId === documentId && r.title === title)).toBe(true);
    expect(after.current.verification.ok).toBe(false);
    expect(after.verificationOk).toBe(false);

    const citing = after.current.verification.sentences.filter((s: any) =>
      s.citations.some((c: any) => cited.has(c.passageId)),
    );
    expect(citing.length).toBeGreaterThan(0);
    for (const s of citing) {
      expect(s.verdict).toBe('unsupported');
      expect(s.reasons[0]).toContain(`«${title}»`);
      expect(s.reasons[0]).toContain('erstattet');
    }
    const draftSentences = after.current.draft.sections.flatMap((s: any) => s.paragraphs.flat());
    for (const t of draftSentences.filter((t: any) => t.citations.some((c: any) => cited.has(c.passageId))))
      expect(t.verdict).toBe('unsupported');
    // Sentences citing other documents keep their verdicts.
    const others = before.current.verification.sentences.filter(
      (s: any) => !s.citations.some((c: any) => cited.has(c.passageId)),
    );
    for (const s of others)
      expect(after.current.verification.sentences.find((x: any) => x.text === s.text)?.verdict).toBe(s.verdict);

    const list = await (await app.request('/drafts')).json();
    expect(list.drafts.find((d: any) => d.id === created.id).verificationOk).toBe(false);

    const citingDrafts = await (await app.request(`/documents/${documentId}/drafts`)).json();
    expect(citingDrafts.drafts.map((d: any) => d.id)).toContain(created.id);
  });

  it('exports Markdown and DOCX with a warning naming the replaced document and its sentences marked ✗', async () => {
    const { app } = await seededApp();
    const { created, documentId, title, cited } = await draftCitingADocument(app);
    await replace(app, documentId);

    expect((await app.request(`/drafts/${created.id}/export?format=md`)).status).toBe(409);
    const md = await (await app.request(`/drafts/${created.id}/export?format=md&allowUnverified=true`)).text();
    const warning = md.split('\n').find((l) => l.startsWith('> **Merk:**') && l.includes('erstattet'));
    expect(warning).toContain('Et dokument svaret viser til, er erstattet av en ny versjon');
    expect(warning).toContain(`«${title}»`);
    expect(md).not.toContain('alle påstander er støttet');
    expect(md).toContain('[✗ ikke støttet]');

    const zip = await JSZip.loadAsync(
      await (await app.request(`/drafts/${created.id}/export?format=docx&allowUnverified=true`)).arrayBuffer(),
    );
    const doc = await zip.file('word/document.xml')!.async('string');
    expect(doc).toContain('er erstattet av en ny versjon etter at utkastet ble skrevet');
    expect(doc).not.toContain('alle påstander er støttet');
    const notes = await zip.file('word/footnotes.xml')!.async('string');
    expect(notes).toContain(`${[...cited][0]} – erstattet`);
    const comments = await zip.file('word/comments.xml')!.async('string');
    expect(comments).toContain(`som setningen viser til, er erstattet`);

    // The export sent back as an edit: the warning is not taken as text of the draft.
    const put = await app.request(`/drafts/${created.id}`, jsonInit('PUT', { markdown: md }));
    expect(put.status).toBe(200);
    expect((await put.json()).markdown).not.toContain('Merk:');
  });
});
