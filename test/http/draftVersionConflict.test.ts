/**
 * PUT /drafts/:id with `baseVersion` (optimistic concurrency): two editors who read the same version each save an
 * edit; the second is refused with a Norwegian 409 naming the versions, and the first edit stays the latest. Without
 * `baseVersion` an edit is saved on top of the latest version, as before. Through the real app and an in-memory store.
 */
import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { countDrafts } from '../../src/store/drafts.js';
import { jsonInit, seededApp } from '../helpers/runtime.js';

type Ctx = Awaited<ReturnType<typeof seededApp>>;
let ctx: Ctx;
let request: any;

beforeAll(async () => {
  ctx = await seededApp();
  request = parseYaml(await readFile('examples/consultation-digitalisering.yaml', 'utf8'));
});

/** A new draft of the example consultation; its id and Markdown (version 1). */
async function newDraft(): Promise<{ id: string; markdown: string }> {
  const res = await ctx.app.request('/drafts', jsonInit('POST', request));
  expect(res.status).toBe(201);
  return res.json();
}

/** A structured edit whose only sentence is `text`. */
const edit = (text: string, extra: Record<string, unknown> = {}) => ({
  structured: { title: 'Kort svar', sections: [{ heading: 'Innledning', sentences: [{ text }] }] },
  ...extra,
});

const put = (id: string, body: unknown) => ctx.app.request(`/drafts/${id}`, jsonInit('PUT', body));

async function latest(id: string) {
  const body = await (await ctx.app.request(`/drafts/${id}`)).json();
  return { version: body.latestVersion as number, text: body.current.markdown as string };
}

describe('PUT /drafts/:id with baseVersion', () => {
  it('refuses the second of two edits from the same version (409 in Norwegian), keeping the first', async () => {
    const { id } = await newDraft();
    // Editors A and B both read version 1, then A saves and B saves.
    const a = await put(id, edit('Vi viser til høringen fra redaktør A.', { baseVersion: 1 }));
    expect(a.status).toBe(200);
    expect((await a.json()).version).toBe(2);
    const before = await countDrafts(ctx.db);
    const b = await put(id, edit('Vi viser til høringen fra redaktør B.', { baseVersion: 1 }));
    expect(b.status).toBe(409);
    expect(b.headers.get('content-type')).toContain('application/problem+json');
    const problem = await b.json();
    expect(problem).toMatchObject({
      code: 'conflict:draft_version',
      field: 'baseVersion',
      baseVersion: 1,
      latestVersion: 2,
      detail:
        'Det er lagret en nyere versjon av utkastet siden versjon 1 (nå versjon 2). Last inn på nytt og gjør endringen igjen.',
    });
    expect(problem.title).toBe('Utkastet er endret siden du hentet det');
    // Nothing written: the latest is still A's edit.
    expect(await countDrafts(ctx.db)).toEqual(before);
    const now = await latest(id);
    expect(now.version).toBe(2);
    expect(now.text).toContain('redaktør A');
    expect(now.text).not.toContain('redaktør B');
  });

  it('refuses one of two edits sent at the same time from the same version (the check holds under the lock)', async () => {
    const { id } = await newDraft();
    const [a, b] = await Promise.all([
      put(id, edit('Samtidig endring A.', { baseVersion: 1 })),
      put(id, edit('Samtidig endring B.', { baseVersion: 1 })),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const winner = a.status === 200 ? 'A' : 'B';
    const now = await latest(id);
    expect(now.version).toBe(2);
    expect(now.text).toContain(`Samtidig endring ${winner}.`);
  });

  it('saves an edit based on the current version, and the next edit based on that one', async () => {
    const { id } = await newDraft();
    const first = await put(id, edit('Første endring.', { baseVersion: 1 }));
    expect(first.status).toBe(200);
    const second = await put(id, edit('Andre endring.', { baseVersion: 2 }));
    expect(second.status).toBe(200);
    expect((await second.json()).version).toBe(3);
  });

  it('refuses an exported Markdown of an older version sent back with the version its file name gives', async () => {
    const { id, markdown } = await newDraft();
    expect((await put(id, edit('En nyere endring.', { baseVersion: 1 }))).status).toBe(200);
    // The export of version 1 (…-v1.md) edited and sent back after version 2 was saved.
    const res = await put(id, { markdown, baseVersion: 1 });
    expect(res.status).toBe(409);
    expect((await res.json()).detail).toContain('siden versjon 1 (nå versjon 2)');
    expect((await latest(id)).text).toContain('En nyere endring.');
  });

  it('holds an exported Markdown to the version it names («*Versjon 1 av utkastet*»), without baseVersion too', async () => {
    const { id } = await newDraft();
    const exported = await (await ctx.app.request(`/drafts/${id}/export?format=md&allowUnverified=true`)).text();
    expect(exported).toContain('*Versjon 1 av utkastet*');
    expect((await put(id, edit('En nyere endring.', { baseVersion: 1 }))).status).toBe(200);
    // The export of version 1 sent back as it is, after version 2 was saved: refused, not saved on top of it.
    const res = await put(id, { markdown: exported });
    expect(res.status).toBe(409);
    expect((await res.json()).detail).toContain('siden versjon 1 (nå versjon 2)');
    expect((await latest(id)).text).toContain('En nyere endring.');
    // The export of the latest version goes through, and its version line is no text of the draft.
    const current = await (await ctx.app.request(`/drafts/${id}/export?format=md&allowUnverified=true`)).text();
    const saved = await put(id, { markdown: current });
    expect(saved.status).toBe(200);
    expect((await latest(id)).text).not.toContain('Versjon 2 av utkastet');
  });

  it('refuses a version the draft does not have yet, naming the latest', async () => {
    const { id } = await newDraft();
    const res = await put(id, edit('Fra fremtiden.', { baseVersion: 7 }));
    expect(res.status).toBe(409);
    const problem = await res.json();
    expect(problem).toMatchObject({ field: 'baseVersion', baseVersion: 7, latestVersion: 1 });
    expect(problem.detail).toContain('ingen versjon 7 (siste er versjon 1)');
  });

  it('refuses a baseVersion that is no version number (400 naming the field)', async () => {
    const { id } = await newDraft();
    for (const baseVersion of [0, 1.5, '1']) {
      const res = await put(id, edit('Ugyldig.', { baseVersion }));
      expect(res.status).toBe(400);
      expect((await res.json()).field).toBe('baseVersion');
    }
    expect((await latest(id)).version).toBe(1);
  });

  it('without baseVersion still saves on top of the latest version (API compatibility)', async () => {
    const { id } = await newDraft();
    expect((await put(id, edit('Med grunnversjon.', { baseVersion: 1 }))).status).toBe(200);
    const res = await put(id, edit('Uten grunnversjon.'));
    expect(res.status).toBe(200);
    expect((await res.json()).version).toBe(3);
    expect((await latest(id)).text).toContain('Uten grunnversjon.');
  });

  it('is described in the OpenAPI document: the field and the 409', async () => {
    const doc = await (await ctx.app.request('/openapi.json')).json();
    const schema = doc.components.schemas.ReviseRequest;
    expect(schema.properties.baseVersion).toMatchObject({ type: 'integer' });
    expect(schema.properties.baseVersion.description).toMatch(/409/);
    expect(doc.paths['/drafts/{id}'].put.responses).toHaveProperty('409');
  });
});
