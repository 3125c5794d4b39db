/**
 * `npm run users -- organisations`: the organisations stored under two spellings that read as one («NTL» and
 * «Norsk Tjenestemannslag»), with what each spelling carries, for an administrator to see before they are merged.
 * Every door refuses a new second spelling today (store/organisations.ts); these came in before the rule.
 */
import type { Queryable } from '../store/driver.js';
import { splitOrganisations, type OrganisationUse } from '../store/organisations.js';

export const ORGANISATIONS_USAGE = `  organisations                    organisasjoner som er lagret under flere skrivemåter som leses som
                                   samme organisasjon («NTL» og «Norsk Tjenestemannslag»), med antall
                                   medlemmer, dokumenter og utkast for hver skrivemåte`;

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

const line = (o: OrganisationUse) =>
  `  ${o.spellings.map((s) => `«${s}»`).join(' / ')}: ${count(o.members, 'medlem', 'medlemmer')}, ` +
  `${count(o.documents, 'dokument', 'dokumenter')}, ${count(o.drafts, 'utkast', 'utkast')}\n`;

/** The report, in Norwegian; says so when there is nothing to report. */
export async function organisationsReport(db: Queryable): Promise<string> {
  const groups = await splitOrganisations(db);
  if (!groups.length) return 'Ingen organisasjon er lagret under mer enn én skrivemåte.\n';
  const head =
    `${count(groups.length, 'organisasjon er', 'organisasjoner er')} lagret under flere skrivemåter som leses som ` +
    'samme navn. Medlemmer, dokumenter og utkast under hver skrivemåte hører til hver sin organisasjon:\n';
  const body = groups.map((g) => `\n${g.map(line).join('')}`).join('');
  const tail =
    '\nNye skrivemåter slippes ikke inn lenger. De gamle slås ikke sammen av seg selv: gi medlemmene roller under ' +
    'skrivemåten som skal stå (npm run users -- role …), og last opp dokumentene på nytt under den.\n';
  return head + body + tail;
}
