/** INNSPILL_ADMIN_EMAIL at start-up (issue 16): the first site administrator once, with a working token. */
import { pino } from 'pino';
import { afterAll, expect, it } from 'vitest';
import { ensureFirstAdmin, firstAdminNotice } from '../../src/bootstrap/firstAdmin.js';
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

it('says at start-up, in Norwegian, whether the server is open to all or needs sign-in', async () => {
  const lines: string[] = [];
  const logger = pino({ level: 'info', base: undefined }, { write: (s: string) => void lines.push(s) });
  const fresh = await openPglite('memory://');
  try {
    await migrate(fresh);
    await ensureFirstAdmin(fresh, { INNSPILL_ADMIN_EMAIL: undefined, API_TOKENS: undefined }, logger);
    await ensureFirstAdmin(fresh, { INNSPILL_ADMIN_EMAIL: 'kari@ks.no', API_TOKENS: undefined }, logger);
  } finally {
    await fresh.close();
  }
  const said = lines.map((l) => JSON.parse(l).msg as string);
  expect(said[0]).toMatch(/^åpen tilgang: ingen bruker og ingen API-nøkkel finnes/);
  expect(said[1]).toMatch(/^første administrator er opprettet fra INNSPILL_ADMIN_EMAIL/);
  expect(said[2]).toMatch(/^tilgangskontroll er på:/);
  expect(said.join('\n')).not.toMatch(/\b(open access|access control on|first administrator)\b/);
});

it('tells the first administrator, once, how to sign in to the page with the token (no password anywhere)', () => {
  const notice = firstAdminNotice({ email: 'kari@ks.no', token: 'inn_abc' }, { host: '0.0.0.0', port: 8787 });
  expect(notice).toContain('  inn_abc\n');
  expect(notice).toContain('åpne http://localhost:8787/logg-inn, velg «Logg inn med tilgangsnøkkel»');
  expect(notice).toContain('«Sett et passord»');
  expect(firstAdminNotice({ email: 'k@ks.no', token: 't' }, { host: '::1', port: 9000 })).toContain(
    'http://[::1]:9000/logg-inn',
  );
});
