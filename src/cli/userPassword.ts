/**
 * `npm run users -- password <e-post>`: set (or with --fjern, remove) the password a user signs in to the page
 * with. The password is read from the terminal without echo (asked twice), or as the first line of stdin when it
 * is not a terminal (scripts: `printf '%s\n' "$PASSORD" | npm run users -- password kari@ks.no`); never from the
 * command line, where it would end up in the shell history and the process list.
 */
import { createInterface } from 'node:readline';
import { AppError } from '../errors.js';
import { recordAudit } from '../store/audit.js';
import { hashPassword, passwordProblem } from '../http/auth/password.js';
import type { Queryable } from '../store/driver.js';
import { deleteUserSessions, setPasswordHash } from '../store/sessions.js';

export const PASSWORD_USAGE = `  password <e-post> [--fjern]   Sett passord for innlogging på siden (spørres om i terminalen, eller første
                                linje på stdin); --fjern fjerner det. Brukeren logges ut overalt.`;

const refuse = (detail: string) => new AppError('bad_request:user', { detail });

/** @returns the text to print; throws AppError('bad_request:user') (exit 2) for what the user must fix. */
export async function passwordCommand(
  db: Queryable,
  email: string | undefined,
  { remove = false }: { remove?: boolean } = {},
): Promise<string> {
  if (!email) throw refuse('oppgi brukerens e-postadresse: npm run users -- password <e-post>');
  let hash: string | null = null;
  if (!remove) {
    const password = await readPassword();
    const problem = passwordProblem(password);
    if (problem) throw refuse(problem);
    hash = await hashPassword(password);
  }
  const userId = await setPasswordHash(db, { email, hash });
  if (!userId) throw refuse(`fant ingen bruker med e-post ${email}; opprett den med npm run users -- add ${email}`);
  // A new password ends every session the old one (or someone who knew it) opened.
  await deleteUserSessions(db, { userId });
  await recordAudit(db, { action: 'user.password', actor: 'cli', actorId: null, target: userId, detail: { remove } });
  return remove
    ? `Passordet til ${email} er fjernet; brukeren kan bare logge inn med OpenID Connect eller tilgangsnøkkel.\n`
    : `Passordet til ${email} er satt. Brukeren kan logge inn på /logg-inn.\n`;
}

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    const rl = createInterface({ input: process.stdin });
    for await (const line of rl) {
      rl.close();
      return line;
    }
    throw refuse('fikk ikke noe passord på stdin.');
  }
  const first = await ask('Nytt passord: ');
  const again = await ask('Gjenta passordet: ');
  if (first !== again) throw refuse('passordene var ikke like. Ingenting er endret.');
  return first;
}

/** One line from the terminal with the typed characters hidden. */
function ask(prompt: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    const out = rl as unknown as { _writeToOutput: (s: string) => void };
    let prompted = false;
    // NOTE: readline has no "hidden" option; writing nothing for the echoed characters is the usual way.
    out._writeToOutput = (s: string) => {
      if (!prompted) {
        process.stdout.write(s);
        prompted = true;
      }
    };
    rl.question(prompt, (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    });
  });
}
