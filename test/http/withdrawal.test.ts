/** A draft that quoted a document keeps its quotes after the document is withdrawn, and says the source is gone. */
import { readFile } from 'node:fs/promises';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { jsonInit, seededApp } from '../helpers/runtime.js';

describe('withdrawing a cited document', () => {
  it('leaves the stored draft and its quotes in place and lists the withdrawn source on read', async () => {
    const { app } = await seededApp();
    const request = parseYaml(await readFile('examples/consultation-digitalisering.yaml', 'utf8'));
    const res = await app.request('/drafts', jsonInit('POST', request));
    expect(res.status).toBe(201);
    const created = await res.json();
    const citations = created.draft.sections.flatMap((s: any) => s.paragraphs.flat().flatMap((t: any) => t.citations));
    expect(citations.length).toBeGreaterThan(0);
    const cited = citations[0];
    const documentId = (await (await app.request(`/passages/${cited.passageId}`)).json()).documentId;

    const before = await (await app.request(`/drafts/${created.id}`)).json();
    expect(before.current.withdrawnSources).toBeUndefined();

    expect((await app.request(`/documents/${documentId}`, { method: 'DELETE' })).status).toBe(200);
    expect((await app.request(`/passages/${cited.passageId}`)).status).toBe(404);

    const after = await (await app.request(`/drafts/${created.id}`)).json();
    expect(after.current.draft).toEqual(before.current.draft); // stored quotes untouched
    const gone = after.current.withdrawnSources as { passageId: string; documentId: string; title: string }[];
    expect(gone.map((w) => w.passageId)).toContain(cited.passageId);
    expect(gone.every((w) => w.documentId === documentId && w.title.length > 0)).toBe(true);
  });

  it('exports with a warning naming the withdrawn document, marks its footnotes, and takes the export back as an edit', async () => {
    const { app } = await seededApp();
    const request = parseYaml(await readFile('examples/consultation-digitalisering.yaml', 'utf8'));
    const created = await (await app.request('/drafts', jsonInit('POST', request))).json();
    const cited = created.draft.sections.flatMap((s: any) => s.paragraphs.flat().flatMap((t: any) => t.citations))[0];
    const passage = await (await app.request(`/passages/${cited.passageId}`)).json();
    const title = passage.document.title as string;

    const cleanMd = await (await app.request(`/drafts/${created.id}/export?format=md`)).text();
    expect(cleanMd).not.toContain('trukket tilbake');
    expect((await app.request(`/documents/${passage.documentId}`, { method: 'DELETE' })).status).toBe(200);

    // A withdrawn source makes its sentences ✗: the export needs confirmation.
    expect((await app.request(`/drafts/${created.id}/export?format=md`)).status).toBe(409);
    const md = await (await app.request(`/drafts/${created.id}/export?format=md&allowUnverified=true`)).text();
    const warning = md.split('\n').find((l) => l.startsWith('> **Merk:**'));
    expect(warning).toContain('Et dokument svaret viser til, er trukket tilbake');
    expect(warning).toContain(`«${title}»`);

    const zip = await JSZip.loadAsync(
      await (await app.request(`/drafts/${created.id}/export?format=docx&allowUnverified=true`)).arrayBuffer(),
    );
    expect(await zip.file('word/document.xml')!.async('string')).toContain(
      'er trukket tilbake etter at utkastet ble skrevet',
    );
    const notes = await zip.file('word/footnotes.xml')!.async('string');
    expect(notes).toContain(`${cited.passageId} – trukket tilbake`);

    // The export sent back as an edit: the warning is not taken as text of the draft.
    const put = await app.request(`/drafts/${created.id}`, jsonInit('PUT', { markdown: md }));
    expect(put.status).toBe(200);
    const saved = await put.json();
    expect(saved.markdown).not.toContain('Merk:');
    expect(saved.markdown).not.toMatch(/Kildekontroll|\[✗/);
    expect(saved.markdown).toContain(cited.passageId);
  });
});
