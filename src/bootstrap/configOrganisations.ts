/**
 * The organisations the configuration names (API_TOKENS_ORGANISATIONS, OIDC_REGISTER_ORGANISATION) held to one
 * spelling per organisation, as every other door is (store/organisations.ts organisationSpellingClash).
 *
 * NOTE: why here and not in config/env.ts. The configuration is parsed once with zod, before any store is open, and
 * a clash with an organisation the store already knows («Norsk Tjenestemannslag» set while «NTL» has documents) can
 * only be found once it is. So `npm start` checks after migrating and seeding, before it serves: a service token
 * whose role held in «Norsk Tjenestemannslag» would otherwise hold in no organisation at all (roles compare
 * lower-cased names), and self-registered readers would found a second NTL. Once checked, the names are stored as
 * known (configured_organisations), so that the other doors hold later names to them too.
 */
import { ConfigError, type Config } from '../config/env.js';
import type { Db } from '../store/db.js';
import { organisationSpellingClash, replaceConfiguredOrganisations } from '../store/organisations.js';
import type { SpellingClash } from '../text/organisationNames.js';

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
 * Checks the organisations the configuration names and registers them as known (store/organisations.ts
 * replaceConfiguredOrganisations), so that from this start on an upload, a role or a local ingest under another
 * spelling of one of them is refused as any spelling clash is, before a document or a member carries the name.
 * Throws ConfigError (`npm start` prints it and exits 2) when a configured organisation reads as another spelling of
 * one the store knows, or of another configured name; names the variable and the spelling to use, and writes
 * nothing. The names an earlier start registered do not count: the configuration may have changed since.
 * @example await registerConfiguredOrganisations(db, config) // «Ugyldig konfigurasjon: OIDC_REGISTER_ORGANISATION: …»
 */
export async function registerConfiguredOrganisations(db: Db, config: OrganisationSettings): Promise<void> {
  const named = configuredOrganisations(config);
  await db.transaction(async (tx) => {
    await replaceConfiguredOrganisations(tx, []);
    const clash = await organisationSpellingClash(tx, { names: named.map((n) => n.name) });
    if (clash) throw configClash(named, clash);
    await replaceConfiguredOrganisations(
      tx,
      named.map((n) => n.name),
    );
  });
}

function configClash(named: { variable: string; name: string }[], clash: SpellingClash): ConfigError {
  const at = named.find((n) => n.name === clash.organisation)!.variable;
  const reason = clash.inBatch
    ? `«${clash.organisation}» leses som «${clash.known}» i ${named.find((n) => n.name === clash.known)!.variable}. ` +
      'Skriv organisasjonen likt begge steder.'
    : `«${clash.organisation}» leses som organisasjonen «${clash.known}», som finnes i lageret. ` +
      `Skriv «${clash.known}», så blir ikke én organisasjon delt i to.`;
  return new ConfigError(`Ugyldig konfigurasjon:\n  ${at}: ${reason}`);
}
