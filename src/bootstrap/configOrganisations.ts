/**
 * The organisations the configuration names (API_TOKENS_ORGANISATIONS, OIDC_REGISTER_ORGANISATION) held to one
 * spelling per organisation, as every other door is (store/organisations.ts organisationSpellingClash).
 *
 * NOTE: why here and not in config/env.ts. The configuration is parsed once with zod, before any store is open, and
 * a clash with an organisation the store already knows («Norsk Tjenestemannslag» set while «NTL» has documents) can
 * only be found once it is. So `npm start` checks after migrating and seeding, before it serves: a service token
 * whose role held in «Norsk Tjenestemannslag» would otherwise hold in no organisation at all (roles compare
 * lower-cased names), and self-registered readers would found a second NTL.
 */
import { ConfigError, type Config } from '../config/env.js';
import type { Queryable } from '../store/driver.js';
import { organisationSpellingClash } from '../store/organisations.js';

type OrganisationSettings = Pick<Config, 'API_TOKENS_ORGANISATIONS' | 'OIDC_REGISTER_ORGANISATION'>;

/** Each organisation the configuration names, with the variable that names it, in the order of the variables. */
export function configuredOrganisations(config: OrganisationSettings): { variable: string; name: string }[] {
  const tokens = (config.API_TOKENS_ORGANISATIONS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((name) => ({ variable: 'API_TOKENS_ORGANISATIONS', name }));
  const register = config.OIDC_REGISTER_ORGANISATION?.trim();
  return [...tokens, ...(register ? [{ variable: 'OIDC_REGISTER_ORGANISATION', name: register }] : [])];
}

/**
 * Throws ConfigError (`npm start` prints it and exits 2) when a configured organisation reads as another spelling of
 * one the store knows, or of another configured name; names the variable and the spelling to use. Writes nothing.
 * @example await checkConfiguredOrganisations(db, config) // «Ugyldig konfigurasjon: OIDC_REGISTER_ORGANISATION: …»
 */
export async function checkConfiguredOrganisations(db: Queryable, config: OrganisationSettings): Promise<void> {
  const named = configuredOrganisations(config);
  const clash = await organisationSpellingClash(db, { names: named.map((n) => n.name) });
  if (!clash) return;
  const at = named.find((n) => n.name === clash.organisation)!.variable;
  const reason = clash.inBatch
    ? `«${clash.organisation}» leses som «${clash.known}» i ${named.find((n) => n.name === clash.known)!.variable}. ` +
      'Skriv organisasjonen likt begge steder.'
    : `«${clash.organisation}» leses som organisasjonen «${clash.known}», som finnes i lageret. ` +
      `Skriv «${clash.known}», så blir ikke én organisasjon delt i to.`;
  throw new ConfigError(`Ugyldig konfigurasjon:\n  ${at}: ${reason}`);
}
