/** A draft that quoted a document keeps its quotes after the document is withdrawn, and says the source is gone. */
import { readFile } from 'node:fs/promises';
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
});
