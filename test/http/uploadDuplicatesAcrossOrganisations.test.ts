/**
 * The duplicate check weighs only documents the uploader may read (store/storedTexts.ts). A text another
 * organisation holds internally is stored as the uploader's own copy, and the answer says nothing of the other
 * document; a text the uploader can read (its own, or another's public one) is still refused with a 409 naming it.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createUser, issueToken, setRole } from '../../src/store/users.js';
import { emptyApp } from '../helpers/runtime.js';

const { db, app } = await emptyApp();
afterAll(() => db.close());

async function editorOf(organisation: string): Promise<string> {
  const user = await createUser(db, { email: `redaktor@${organisation.toLowerCase()}.no` });
  await setRole(db, { userId: user.id, organisation, role: 'editor' });
  return (await issueToken(db, { userId: user.id, name: 'test' })).token;
}
const alfa = await editorOf('Alfa');
const beta = await editorOf('Beta');

async function upload(token: string, organisation: string, id: string, visibility: string, text: string) {
  const f = new FormData();
  f.set('file', new File([text], `${id}.txt`, { type: 'text/plain' }));
  for (const [k, v] of Object.entries({ id, organisation, visibility, title: `Notat ${id}`, date: '2025-03-01' }))
    f.set(k, v);
  const res = await app.request('/documents', {
    method: 'POST',
    body: f,
    headers: { authorization: `Bearer ${token}` },
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const SECRET = 'Styret i Beta vil kreve at alle nattevakter får to ekstra fridager hvert år fra neste tariffoppgjør.';
const PUBLIC = 'Beta mener at kommunene skal tilby gratis kollektivtransport til alle ansatte i hjemmetjenesten.';

// The second test refuses the copy the first one stored: the two run in order.
describe('a duplicate text the uploader may not read', { shuffle: false }, () => {
  it('stores the copy as the uploader’s own document and names nothing of the other organisation', async () => {
    expect((await upload(beta, 'Beta', 'beta-intern-notat', 'internal', SECRET)).status).toBe(201);
    const copy = await upload(alfa, 'Alfa', 'alfa-notat', 'internal', SECRET);
    expect(copy.status, JSON.stringify(copy.body)).toBe(201);
    expect(JSON.stringify(copy.body)).not.toContain('beta-intern-notat');
    const listed = await app.request('/documents', { headers: { authorization: `Bearer ${alfa}` } });
    const ids = ((await listed.json()) as { documents: { id: string }[] }).documents.map((d) => d.id);
    expect(ids).toContain('alfa-notat');
    expect(ids).not.toContain('beta-intern-notat');
  });

  it('still refuses a text the uploader can read: its own, or another organisation’s public one', async () => {
    const again = await upload(alfa, 'Alfa', 'alfa-notat-2', 'internal', SECRET);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('conflict:duplicate');
    expect(String(again.body.detail)).toContain('«alfa-notat»');
    expect((await upload(beta, 'Beta', 'beta-offentlig', 'public', PUBLIC)).status).toBe(201);
    const publicCopy = await upload(alfa, 'Alfa', 'alfa-kopi', 'public', PUBLIC);
    expect(publicCopy.status).toBe(409);
    expect(String(publicCopy.body.detail)).toContain('«beta-offentlig»');
  });
});
