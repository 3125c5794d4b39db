/**
 * GET /health counts only what its caller may read: on a server with users, an anonymous probe learns no count (a
 * total with every organisation's internal documents would tell their activity), a user counts the public
 * documents and its own organisation's internal ones, a site administrator every one.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createUser, issueToken, setRole } from '../../src/store/users.js';
import { emptyApp } from '../helpers/runtime.js';

const { db, app } = await emptyApp();
afterAll(() => db.close());

const texts = {
  'Alfa public': 'Alfa mener at skolematen bør være gratis for alle elever i landet.',
  'Alfa internal': 'Styret i Alfa vil be kommunene om å dele kjøkken mellom skolene i Kvitrefjell-regionen.',
  'Beta internal': 'Styret i Beta vil finansiere skolematen med Lyngsalp-avtalen fra næringslivet.',
};
// Open mode (no user yet): uploaded without a token.
for (const [label, text] of Object.entries(texts)) {
  const [organisation, visibility] = label.split(' ');
  const f = new FormData();
  f.set('file', new File([text], 'notat.txt', { type: 'text/plain' }));
  for (const [k, v] of Object.entries({ organisation, visibility, title: `Notat ${label}`, date: '2025-01-01' }))
    f.set(k, v);
  expect((await app.request('/documents', { method: 'POST', body: f })).status).toBe(201);
}
const openHealth = await (await app.request('/health')).json();

const reader = await createUser(db, { email: 'leser@alfa.no' });
await setRole(db, { userId: reader.id, organisation: 'Alfa', role: 'reader' });
const readerToken = (await issueToken(db, { userId: reader.id, name: 'test' })).token;
const admin = await createUser(db, { email: 'drift@example.no', isAdmin: true });
const adminToken = (await issueToken(db, { userId: admin.id, name: 'test' })).token;

const health = async (token?: string) => {
  const res = await app.request('/health', token ? { headers: { authorization: `Bearer ${token}` } } : {});
  expect(res.status).toBe(200);
  return (await res.json()) as { store: { driver: string; documents?: number; passages?: number } };
};

describe('GET /health', () => {
  it('counts every document in open mode, where anyone may read everything', () => {
    expect(openHealth.store.documents).toBe(3);
  });

  it('tells an anonymous caller no count once the server has users, but stays useful (status, driver)', async () => {
    const body = await health();
    expect(body).toMatchObject({ status: 'ok', store: { driver: 'pglite' } });
    expect(body.store).not.toHaveProperty('documents');
    expect(body.store).not.toHaveProperty('passages');
  });

  it('counts for a user the public documents and its own organisation’s internal ones, not another’s', async () => {
    const body = await health(readerToken);
    expect(body.store.documents).toBe(2);
    expect(body.store.passages).toBe(2);
  });

  it('counts every document for a site administrator', async () => {
    const body = await health(adminToken);
    expect(body.store).toMatchObject({ documents: 3, passages: 3 });
  });

  it('is described so in /openapi.json: the counts optional, said to be the caller’s', async () => {
    const doc = (await (await app.request('/openapi.json')).json()) as any;
    const store = doc.paths['/health'].get.responses['200'].content['application/json'].schema.properties.store;
    expect(store.required).toEqual(['driver']);
    expect(store.description).toMatch(/anonymous/);
  });
});
