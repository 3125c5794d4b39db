/**
 * An organisation the configuration names (API_TOKENS_ORGANISATIONS, OIDC_REGISTER_ORGANISATION) that the store
 * has no document or member of yet is known from the start that registers it: an upload or a role under another
 * spelling of it gets the 409 every spelling clash gets, so the next start does not stop on it.
 */
import { describe, expect, it } from 'vitest';
import { registerConfiguredOrganisations } from '../../src/bootstrap/configOrganisations.js';
import { countAll } from '../../src/store/documents.js';
import { createUser, setRole } from '../../src/store/users.js';
import { seededApp } from '../helpers/runtime.js';

const { app, db } = await seededApp();
const config = { API_TOKENS_ORGANISATIONS: 'KS, LO, Virke', OIDC_REGISTER_ORGANISATION: 'Norsk Sykepleierforbund' };
await registerConfiguredOrganisations(db, config);

async function upload(organisation: string) {
  const f = new FormData();
  f.set('file', new File([`${organisation} mener at lønnsoppgjøret må sikre kjøpekraften.`], 'lonn.txt'));
  for (const [k, v] of Object.entries({ organisation, title: 'Lønnsoppgjøret', date: '2025-03-01' })) f.set(k, v);
  const res = await app.request('/documents', { method: 'POST', body: f });
  return { status: res.status, type: res.headers.get('content-type'), body: (await res.json()) as Record<string, any> };
}

// In order: the third test stores documents under two configured names (known from then on anyway), the last one
// adds a user (the app asks for sign-in from then on).
describe('a configured organisation the store does not know yet', { shuffle: false }, () => {
  it('refuses an upload under another of its names with the spelling-clash problem, the store unchanged', async () => {
    for (const [given, known] of [
      ['Landsorganisasjonen i Norge', 'LO'],
      ['NSF', 'Norsk Sykepleierforbund'],
    ]) {
      const before = await countAll(db);
      const a = await upload(given);
      expect(a.status, JSON.stringify(a.body)).toBe(409);
      expect(a.type).toContain('application/problem+json');
      expect(a.body.code).toBe('conflict:organisation');
      expect(a.body.errors).toEqual([{ field: 'organisation', reason: `leses som «${known}», som finnes fra før` }]);
      expect(a.body.detail).toBe(
        `«${given}» leses som organisasjonen «${known}», som finnes fra før. ` +
          `Bruk navnet «${known}», så blir ikke én organisasjon delt i to.`,
      );
      expect(await countAll(db)).toEqual(before);
    }
  });

  it('takes the configured spelling in any casing, and the next start passes', async () => {
    expect((await upload('lo')).status).toBe(201);
    expect((await upload('Norsk Sykepleierforbund')).status).toBe(201);
    await expect(registerConfiguredOrganisations(db, config)).resolves.toBeUndefined();
  });

  it('refuses a role under another of its names', async () => {
    const user = await createUser(db, { email: 'kari@example.no' });
    await expect(
      setRole(db, { userId: user.id, organisation: 'Hovedorganisasjonen Virke', role: 'reader' }),
    ).rejects.toThrow('«Hovedorganisasjonen Virke» leses som organisasjonen «Virke», som finnes fra før.');
  });
});
