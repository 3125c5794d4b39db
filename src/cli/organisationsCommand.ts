/**
 * `npm run users -- organisations [merge <skrivemåte> <skrivemåte som skal stå>]`: the organisations stored under
 * two spellings that read as one («NTL» and «Norsk Tjenestemannslag»), with what each spelling carries, and the
 * merge of one into the other (store/organisationMerge.ts, one transaction, in the audit log under the actor `cli`).
 * Every door refuses a new second spelling today (store/organisations.ts); these came in before the rule.
 */
import { AppError } from '../errors.js';
import { recordAudit } from '../store/audit.js';
import type { Db } from '../store/db.js';
import { mergeOrganisation } from '../store/organisationMerge.js';
import { splitOrganisations, type OrganisationUse } from '../store/organisations.js';

export const ORGANISATIONS_USAGE = `  organisations                    organisasjoner som er lagret under flere skrivemåter som leses som
                                   samme organisasjon («NTL» og «Norsk Tjenestemannslag»), med antall
                                   medlemmer, dokumenter og utkast for hver skrivemåte
  organisations merge <skrivemåte> <skrivemåte som skal stå>
                                   flytt medlemmer, dokumenter og utkast fra den ene skrivemåten til den
                                   andre, i én transaksjon (høyeste rolle beholdes; id-ene står)`;

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const refuse = (detail: string) => new AppError('bad_request:user', { detail });

const line = (o: OrganisationUse) =>
  `  ${o.spellings.map((s) => `«${s}»`).join(' / ')}: ${count(o.members, 'medlem', 'medlemmer')}, ` +
  `${count(o.documents, 'dokument', 'dokumenter')}, ${count(o.drafts, 'utkast', 'utkast')}\n`;

/** The subcommand: the report, or a merge. */
export async function organisationsCommand(db: Db, args: string[]): Promise<string> {
  const [sub, from, into] = args;
  if (sub === undefined) return organisationsReport(db);
  if (sub !== 'merge') throw refuse(`ukjent underkommando «${sub}»; bruk organisations eller organisations merge.`);
  return merge(db, from, into);
}

/** The report, in Norwegian; says so when there is nothing to report. */
export async function organisationsReport(db: Db): Promise<string> {
  const groups = await splitOrganisations(db);
  if (!groups.length) return 'Ingen organisasjon er lagret under mer enn én skrivemåte.\n';
  const head =
    `${count(groups.length, 'organisasjon er', 'organisasjoner er')} lagret under flere skrivemåter som leses som ` +
    'samme navn. Medlemmer, dokumenter og utkast under hver skrivemåte hører til hver sin organisasjon:\n';
  const body = groups.map((g) => `\n${g.map(line).join('')}`).join('');
  const tail =
    '\nNye skrivemåter slippes ikke inn lenger. Slå sammen to med: ' +
    'npm run users -- organisations merge <skrivemåte> <skrivemåte som skal stå>\n';
  return head + body + tail;
}

/** Only two spellings the report lists as one organisation are merged; the kept one keeps its stored spelling. */
async function merge(db: Db, from: string | undefined, into: string | undefined): Promise<string> {
  if (!from?.trim() || !into?.trim())
    throw refuse(
      'oppgi skrivemåten som skal bort og skrivemåten som skal stå: organisations merge «Oslo-Ap» «Oslo AP».',
    );
  const key = (name: string) => name.trim().toLowerCase();
  const group = (await splitOrganisations(db)).find((g) => g.some((o) => o.key === key(from)));
  const old = group?.find((o) => o.key === key(from));
  const kept = group?.find((o) => o.key === key(into));
  if (key(from) === key(into)) throw refuse(`«${from}» og «${into}» er samme skrivemåte; ingenting å slå sammen.`);
  if (!old || !kept)
    throw refuse(
      `«${from}» og «${into}» er ikke lagret som to skrivemåter av samme organisasjon; ` +
        'se npm run users -- organisations.',
    );
  const spelling = kept.spellings.find((s) => s === into.trim()) ?? kept.spellings[0];
  const counts = await mergeOrganisation(db, { from, into: spelling }, (tx, c) =>
    recordAudit(tx, {
      actor: 'cli',
      actorId: null,
      action: 'organisation.merge',
      organisation: spelling,
      target: old.spellings[0],
      detail: { from: old.spellings, ...c },
    }),
  );
  return (
    `Slo sammen ${old.spellings.map((s) => `«${s}»`).join(' / ')} med «${spelling}»: ` +
    `${count(counts.members, 'medlem', 'medlemmer')}, ${count(counts.documents, 'dokument', 'dokumenter')} og ` +
    `${count(counts.drafts, 'utkast', 'utkast')} står nå under «${spelling}».\n`
  );
}
