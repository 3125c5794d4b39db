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

  it('refuses a reader, whoever the issuer is', async () => {
    const before = await countAll(db);
    expect((await importAs(readerAlfa, 'Samferdselsdepartementet', 'Høring om skoleskyss')).status).toBe(403);
    expect(await countAll(db)).toEqual(before);
  });
});
