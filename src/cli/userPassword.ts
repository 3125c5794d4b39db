/**
 * `npm run users -- password <e-post>`: set (or with --fjern, remove) the password a user signs in to the page
 * with. The password is read from the terminal without echo (asked twice), or as the first line of stdin when it
 * is not a terminal (scripts: `printf '%s\n' "$PASSORD" | npm run users -- password kari@ks.no`); never from the
 * command line, where it would end up in the shell history and the process list.
 */
import { createInterface } from 'node:readline';
import { hashPassword, passwordProblem } from '../http/auth/password.js';
import type { Queryable } from '../store/driver.js';
import { deleteUserSessions, setPasswordHash } from '../store/sessions.js';

export const PASSWORD_USAGE = `  password <e-post> [--fjern]   Sett passord for innlogging på siden (spørres om i terminalen, eller første
                                linje på stdin); --fjern fjerner det. Brukeren logges ut overalt.`;

/** @returns the line to print; throws a Norwegian Error for what the user must fix. */
export async function passwordCommand(db: Queryable, email: string, { remove = false } = {}): Promise<string> {
  let hash: string | null = null;
  if (!remove) {
    const password = await readPassword();
    const problem = passwordProblem(password);
    if (problem) throw new Error(problem);
    hash = await hashPassword(password);
  }
  const userId = await setPasswordHash(db, { email, hash });
  if (!userId) throw new Error(`ingen bruker har e-postadressen «${email}». Legg den til med: npm run users -- add`);
  // A new password ends every session the old one (or someone who knew it) opened.
  await deleteUserSessions(db, { userId });
  return remove
    ? `Passordet til ${email} er fjernet; brukeren kan bare logge inn med OpenID Connect eller tilgangsnøkkel.`
    : `Passordet til ${email} er satt. Brukeren kan logge inn på /logg-inn.`;
}

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    const rl = createInterface({ input: process.stdin });
    for await (const line of rl) {
      rl.close();
      return line;
    }
    throw new Error('fikk ikke noe passord på stdin.');
  }
  const first = await ask('Nytt passord: ');
  const again = await ask('Gjenta passordet: ');
  if (first !== again) throw new Error('passordene var ikke like. Ingenting er endret.');
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
