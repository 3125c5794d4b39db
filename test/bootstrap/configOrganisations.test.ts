/**
 * The configuration's organisation names at startup (bootstrap/configOrganisations.ts, called by `npm start` once
 * the store is open): another spelling of a known organisation, or two spellings between the two variables, fail
 * startup with a Norwegian message naming the variable and the spelling to use; nothing is written. Names that pass
 * are registered as known to the other doors (test/http/configuredOrganisations.test.ts).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { registerConfiguredOrganisations } from '../../src/bootstrap/configOrganisations.js';
import { ConfigError } from '../../src/config/env.js';
import { countAll } from '../../src/store/documents.js';
import { knownOrganisationNames } from '../../src/store/organisations.js';
import { createUser, listUsers, setRole } from '../../src/store/users.js';
import { seededStore } from '../helpers/runtime.js';

const { db } = await seededStore();
afterAll(() => db.close());
const member = await createUser(db, { email: 'kari@legeforeningen.no' });
await setRole(db, { userId: member.id, organisation: 'Legeforeningen', role: 'editor' });

async function refused(config: { API_TOKENS_ORGANISATIONS?: string; OIDC_REGISTER_ORGANISATION?: string }) {
  const before = { counts: await countAll(db), users: await listUsers(db), known: await knownOrganisationNames(db) };
  const err = await registerConfiguredOrganisations(db, config).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err, JSON.stringify(config)).toBeInstanceOf(ConfigError);
  expect({ counts: await countAll(db), users: await listUsers(db), known: await knownOrganisationNames(db) }).toEqual(
    before,
  );
  return (err as ConfigError).message;
}

describe('organisation names in the configuration', () => {
  it('refuses API_TOKENS_ORGANISATIONS with another spelling of a stored organisation, naming it', async () => {
    expect(await refused({ API_TOKENS_ORGANISATIONS: 'KS, Norsk Tjenestemannslag' })).toBe(
      'Ugyldig konfigurasjon:\n  API_TOKENS_ORGANISATIONS: «Norsk Tjenestemannslag» leses som organisasjonen «NTL», ' +
        'som finnes i lageret. Skriv «NTL», så blir ikke én organisasjon delt i to.',
    );
  });

  it('refuses OIDC_REGISTER_ORGANISATION with another spelling of a member organisation', async () => {
    expect(await refused({ OIDC_REGISTER_ORGANISATION: 'Den norske legeforening' })).toBe(
      'Ugyldig konfigurasjon:\n  OIDC_REGISTER_ORGANISATION: «Den norske legeforening» leses som organisasjonen ' +
        '«Legeforeningen», som finnes i lageret. Skriv «Legeforeningen», så blir ikke én organisasjon delt i to.',
    );
    // A seeded document's organisation counts as well.
    expect(await refused({ OIDC_REGISTER_ORGANISATION: 'Oslo-Ap' })).toContain(
      'OIDC_REGISTER_ORGANISATION: «Oslo-Ap» leses som organisasjonen «Oslo Arbeiderparti», som finnes i lageret.',
    );
  });

  it('refuses two spellings between the two variables, naming both', async () => {
    expect(
      await refused({
        API_TOKENS_ORGANISATIONS: 'Yrkesorganisasjonenes Sentralforbund',
        OIDC_REGISTER_ORGANISATION: 'YS',
      }),
    ).toBe(
      'Ugyldig konfigurasjon:\n  OIDC_REGISTER_ORGANISATION: «YS» leses som «Yrkesorganisasjonenes Sentralforbund» i ' +
        'API_TOKENS_ORGANISATIONS. Skriv organisasjonen likt begge steder.',
    );
  });

  it('accepts known names in any casing, new organisations, and no names at all', async () => {
    await expect(
      registerConfiguredOrganisations(db, {
        API_TOKENS_ORGANISATIONS: 'ntl, Fagforbundet',
        OIDC_REGISTER_ORGANISATION: 'Oslo',
      }),
    ).resolves.toBeUndefined();
    await expect(registerConfiguredOrganisations(db, {})).resolves.toBeUndefined();
  });

  it('registers the names that pass, and forgets an earlier start’s names', async () => {
    await registerConfiguredOrganisations(db, {
      API_TOKENS_ORGANISATIONS: 'Landsorganisasjonen',
      OIDC_REGISTER_ORGANISATION: 'NITO',
    });
    expect(await knownOrganisationNames(db)).toEqual(expect.arrayContaining(['Landsorganisasjonen', 'NITO']));
    // The configuration now spells LO another way: the earlier start's spelling is no clash, and it goes.
    await registerConfiguredOrganisations(db, { API_TOKENS_ORGANISATIONS: 'LO' });
    const known = await knownOrganisationNames(db);
    expect(known).toContain('LO');
    expect(known).not.toContain('Landsorganisasjonen');
    expect(known).not.toContain('NITO');
    await registerConfiguredOrganisations(db, {});
    expect(await knownOrganisationNames(db)).not.toContain('LO');
  });
});
