/**
 * Who may import a consultation once users exist (issues 16 and 18): a consultation speaks for its issuer, so any
 * editor may import one from a ministry, but only an editor of one of the installation's own organisations may
 * import one in that organisation's name; a reader may import none.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { countAll } from '../../src/store/documents.js';
import { createUser, issueToken, setRole } from '../../src/store/users.js';
import { emptyApp } from '../helpers/runtime.js';

const { db, app } = await emptyApp();
afterAll(() => db.close());

async function tokenFor(email: string, organisation: string, role: 'reader' | 'editor') {
  const user = await createUser(db, { email });
  await setRole(db, { userId: user.id, organisation, role });
  return (await issueToken(db, { userId: user.id, name: 'test' })).token;
}
const editorAlfa = await tokenFor('redaktor@alfa.no', 'Alfa', 'editor');
const editorBeta = await tokenFor('redaktor@beta.no', 'Beta', 'editor');
const readerAlfa = await tokenFor('leser@alfa.no', 'Alfa', 'reader');

function importAs(token: string, issuer: string, title: string) {
  const f = new FormData();
  f.set('issuer', issuer);
  f.set('title', title);
  f.set('date', '2025-03-01');
  const text = `${title}\n\n${issuer} foreslår at kommunene skal tilby leksehjelp til alle elever. Høringsfrist: 1. juni 2025.`;
  f.set('file', new File([text], 'horing.txt', { type: 'text/plain' }));
  return app.request('/consultations', { method: 'POST', body: f, headers: { authorization: `Bearer ${token}` } });
}

describe('POST /consultations with users', () => {
  it('lets an editor of any organisation import a ministry’s consultation', async () => {
    const res = await importAs(editorBeta, 'Kunnskapsdepartementet', 'Høring om leksehjelp');
    expect(res.status).toBe(201);
    const body = (await res.json()) as { document: { organisation: string; kind: string } };
    expect(body.document).toMatchObject({ organisation: 'Kunnskapsdepartementet', kind: 'consultation' });
  });

  it('refuses a consultation in the name of an organisation of the installation the uploader is no editor of', async () => {
    const before = await countAll(db);
    const res = await importAs(editorBeta, 'Alfa', 'Alfas forslag om leksehjelp');
    expect(res.status).toBe(403);
    expect(((await res.json()) as { detail: string }).detail).toContain('«Alfa»');
    expect(await countAll(db)).toEqual(before);
    expect((await importAs(editorAlfa, 'Alfa', 'Alfas eget forslag om leksehjelp')).status).toBe(201);
  });

  it('drafts from an internal consultation only for its own organisation: another one gets 404, naming the field', async () => {
    const f = new FormData();
    f.set('issuer', 'Alfa');
    f.set('visibility', 'internal');
    f.set('date', '2025-03-01');
    const text =
      'Høring – Alfas nye vedtekter\n\nAlfa foreslår at styret skal velges for tre år. Høringsfrist: 1. juni 2025.\n\n' +
      'Alfa ber om høringsinstansenes syn på dette: Bør styret velges for tre år?';
    f.set('file', new File([text], 'vedtekter.txt', { type: 'text/plain' }));
    const imported = await app.request('/consultations', {
      method: 'POST',
      body: f,
      headers: { authorization: `Bearer ${editorAlfa}` },
    });
    const { document } = (await imported.json()) as { document: { id: string; visibility: string } };
    expect(imported.status).toBe(201);
    expect(document.visibility).toBe('internal');
    const draft = (token: string, organisation: string) =>
      app.request('/drafts', {
        method: 'POST',
        body: JSON.stringify({ consultation: { documentId: document.id }, organisation: { name: organisation } }),
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      });
    const other = await draft(editorBeta, 'Beta');
    expect(other.status).toBe(404);
    expect(((await other.json()) as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual([
      'consultation.documentId',
    ]);
    const own = await draft(editorAlfa, 'Alfa');
    const body = (await own.json()) as { request: { consultation: { title: string; issuer: string } } };
    expect(own.status, JSON.stringify(body)).toBe(201);
    expect(body.request.consultation).toMatchObject({ title: 'Høring – Alfas nye vedtekter', issuer: 'Alfa' });
  });

  it('refuses a reader, whoever the issuer is', async () => {
    const before = await countAll(db);
    expect((await importAs(readerAlfa, 'Samferdselsdepartementet', 'Høring om skoleskyss')).status).toBe(403);
    expect(await countAll(db)).toEqual(before);
  });
});
