/**
 * One organisation, one spelling (src/text/organisationNames.ts, store/organisations.ts): a new name that reads as
 * a known organisation's («Oslo-Ap» or «Oslo Arbeiderparti» when «Oslo AP» exists) would split its members,
 * documents and id namespace, so every door that brings an organisation into being refuses it with a 409 on
 * `organisation`, naming the known spelling, and writes nothing. Another casing of the same name is that name.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { runUsersCommand } from '../../src/cli/usersCommands.js';
import { loadConfig } from '../../src/config/env.js';
import { createApp } from '../../src/http/app.js';
import { silentLogger } from '../../src/log.js';
import { countAll } from '../../src/store/documents.js';
import { createUser, getUserByEmail, issueToken, listUsers, setRole } from '../../src/store/users.js';
import { emptyStore, jsonInit } from '../helpers/runtime.js';

const { db, embedder } = await emptyStore();
const config = loadConfig({ DATA_DIR: 'memory://', LOG_LEVEL: 'silent', RATE_LIMIT_WRITES_PER_MIN: '0' });
const app = createApp({ db, embedder, config, logger: silentLogger });
afterAll(() => db.close());

const site = await createUser(db, { email: 'drift@example.no', isAdmin: true });
const auth = { authorization: `Bearer ${(await issueToken(db, { userId: site.id, name: 'test' })).token}` };
const member = await createUser(db, { email: 'kari@oslo-ap.no' });
await setRole(db, { userId: member.id, organisation: 'Oslo AP', role: 'editor' });
const other = await createUser(db, { email: 'ola@example.no' });

async function call(path: string, init: RequestInit) {
  const res = await app.request(path, { ...init, headers: { ...(init.headers as object), ...auth } });
  return { status: res.status, type: res.headers.get('content-type'), body: (await res.json()) as Record<string, any> };
}
const upload = (organisation: string, title: string) => {
  const f = new FormData();
  f.set('file', new File([`${title}: ${organisation} mener at skolen trenger flere lærere.`], 'notat.txt'));
  for (const [k, v] of Object.entries({ organisation, title, date: '2025-03-01' })) f.set(k, v);
  return call('/documents', { method: 'POST', body: f });
};
const memberships = async () =>
  (await listUsers(db)).flatMap((u) => u.memberships.map((m) => `${u.email} ${m.organisation}`)).sort();

/** The refusal every door gives: a 409 problem on `organisation` that names the known spelling. */
function expectRefused(a: Awaited<ReturnType<typeof call>>, given: string) {
  expect(a.status, JSON.stringify(a.body)).toBe(409);
  expect(a.type).toContain('application/problem+json');
  expect(a.body.code).toBe('conflict:organisation');
  expect(a.body.errors).toEqual([{ field: 'organisation', reason: 'leses som «Oslo AP», som finnes fra før' }]);
  expect(a.body.detail).toBe(
    `«${given}» leses som organisasjonen «Oslo AP», som finnes fra før. Bruk navnet «Oslo AP», så blir ikke én organisasjon delt i to.`,
  );
}

// In order: the refusals run before the second half adds members in other casings and organisations of their own.
describe('one organisation, one spelling', { shuffle: false }, () => {
  it('is refused as a role (PUT /users/:id/roles), the memberships unchanged', async () => {
    const before = await memberships();
    for (const name of ['Oslo-Ap', 'Oslo Arbeiderparti', 'OSLO ARBEIDARPARTIET'])
      expectRefused(
        await call(`/users/${other.id}/roles`, jsonInit('PUT', { organisation: name, role: 'reader' })),
        name,
      );
    expect(await memberships()).toEqual(before);
  });

  it('is refused when a user is added with it (POST /users), and no user is created', async () => {
    const added = await call('/users', jsonInit('POST', { email: 'per@example.no', organisation: 'oslo-ap' }));
    expectRefused(added, 'oslo-ap');
    expect(await getUserByEmail(db, { email: 'per@example.no' })).toBeNull();
  });

  it('is refused as an upload’s organisation, the store unchanged', async () => {
    const before = await countAll(db);
    expectRefused(await upload('Oslo-Ap', 'Skoleplan'), 'Oslo-Ap');
    expect(await countAll(db)).toEqual(before);
  });

  it('is refused by npm run users, role and add alike, and add leaves no user', async () => {
    await expect(
      runUsersCommand(db, { command: 'role', args: ['ola@example.no', 'Oslo Arbeiderparti', 'editor'] }),
    ).rejects.toThrow('«Oslo Arbeiderparti» leses som organisasjonen «Oslo AP», som finnes fra før.');
    await expect(
      runUsersCommand(db, { command: 'add', args: ['nina@example.no'], org: 'Oslo-AP', role: 'reader' }),
    ).rejects.toMatchObject({ code: 'conflict:organisation' });
    expect(await getUserByEmail(db, { email: 'nina@example.no' })).toBeNull();
  });

  it('is the known organisation: roles and uploads go through', async () => {
    const role = await call(`/users/${other.id}/roles`, jsonInit('PUT', { organisation: 'oslo ap', role: 'reader' }));
    expect(role.status, JSON.stringify(role.body)).toBe(200);
    expect(role.body.memberships).toEqual([{ organisation: 'oslo ap', key: 'oslo ap', role: 'reader' }]);
    const stored = await upload('OSLO AP', 'Budsjett');
    expect(stored.status, JSON.stringify(stored.body)).toBe(201);
    expect(stored.body.document.id).toBe('oslo-ap-budsjett');
  });

  it('reads an organisation’s other whole name as its spelling (organisations.json `names`)', async () => {
    await setRole(db, { userId: member.id, organisation: 'NTL', role: 'editor' });
    const before = { counts: await countAll(db), memberships: await memberships() };
    const refused = await upload('Norsk Tjenestemannslag', 'Lønnsoppgjør');
    expect(refused.status, JSON.stringify(refused.body)).toBe(409);
    expect(refused.body.errors).toEqual([{ field: 'organisation', reason: 'leses som «NTL», som finnes fra før' }]);
    const role = await call(
      `/users/${other.id}/roles`,
      jsonInit('PUT', { organisation: 'Norsk Tjenestemannslag', role: 'reader' }),
    );
    expect(role.body.detail).toBe(
      '«Norsk Tjenestemannslag» leses som organisasjonen «NTL», som finnes fra før. Bruk navnet «NTL», så blir ikke én organisasjon delt i to.',
    );
    expect({ counts: await countAll(db), memberships: await memberships() }).toEqual(before);
  });

  it('lets names that only share a beginning or a word be organisations of their own', async () => {
    for (const name of ['Oslo', 'Bergen Ap', 'Oslo Høyre']) {
      const res = await call(`/users/${other.id}/roles`, jsonInit('PUT', { organisation: name, role: 'reader' }));
      expect(res.status, `${name}: ${JSON.stringify(res.body)}`).toBe(200);
    }
  });
});
