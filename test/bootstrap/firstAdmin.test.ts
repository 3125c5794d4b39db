/** INNSPILL_ADMIN_EMAIL at start-up (issue 16): the first site administrator once, with a working token. */
import { afterAll, expect, it } from 'vitest';
import { ensureFirstAdmin } from '../../src/bootstrap/firstAdmin.js';
import { silentLogger } from '../../src/log.js';
import { openPglite } from '../../src/store/db.js';
import { migrate } from '../../src/store/migrate.js';
import { listUsers, userByToken } from '../../src/store/users.js';

const db = await openPglite('memory://');
await migrate(db);
afterAll(() => db.close());

it('creates the administrator only when no user exists, and its token works', async () => {
  expect(
    await ensureFirstAdmin(db, { INNSPILL_ADMIN_EMAIL: undefined, API_TOKENS: undefined }, silentLogger),
  ).toBeNull();
  const first = await ensureFirstAdmin(db, { INNSPILL_ADMIN_EMAIL: 'kari@ks.no', API_TOKENS: undefined }, silentLogger);
  expect(first?.email).toBe('kari@ks.no');
  expect((await userByToken(db, { token: first!.token }))?.isAdmin).toBe(true);
  expect(
    await ensureFirstAdmin(db, { INNSPILL_ADMIN_EMAIL: 'ola@ks.no', API_TOKENS: undefined }, silentLogger),
  ).toBeNull();
  expect((await listUsers(db)).map((u) => u.email)).toEqual(['kari@ks.no']);
});
