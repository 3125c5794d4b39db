/** `npm run users -- add|list|token|revoke|role|admin|disable|enable …`: users, roles and personal tokens (see usersCommands.ts). */
import { loadConfig } from '../config/env.js';
import { DataDirLockedError, openDb } from '../store/db.js';
import { migrate } from '../store/migrate.js';
import { fail, failWith, parseCli } from './args.js';
import { runUsersCommand, USERS_COMMANDS, USERS_HELP } from './usersCommands.js';
import { passwordCommand, PASSWORD_USAGE } from './userPassword.js';

const HELP = `${USERS_HELP.trimEnd()}\n\nInnlogging på siden:\n${PASSWORD_USAGE}\n`;

async function main() {
  const { values, positionals } = parseCli(
    process.argv.slice(2),
    {
      name: { type: 'string' },
      admin: { type: 'boolean' },
      org: { type: 'string' },
      role: { type: 'string' },
      fjern: { type: 'boolean' },
    },
    HELP,
  );
  // Known before the store is opened: a typo is named at once, also while a server holds the data directory.
  const command = positionals[0];
  if (!command) fail(`oppgi en kommando.\n${HELP}`, 2);
  if (!(USERS_COMMANDS as readonly string[]).includes(command))
    fail(`ukjent kommando «${command}»; kommandoene er ${USERS_COMMANDS.join(', ')}.\n${HELP}`, 2);
  const config = loadConfig();
  if (!config.DATABASE_URL && config.DATA_DIR.startsWith('memory://'))
    fail('DATA_DIR er memory://: brukere må lagres i et lager på disk eller i PostgreSQL.', 2);
  let db;
  try {
    db = await openDb({
      databaseUrl: config.DATABASE_URL,
      dataDir: config.DATA_DIR,
      pgliteThread: config.PGLITE_THREAD,
    });
  } catch (err) {
    if (err instanceof DataDirLockedError)
      fail(
        `${err.message}\nStopp serveren og kjør kommandoen igjen (en PGlite-datamappe kan bare åpnes av én prosess), ` +
          `bruk administrasjonssiden ${err.holder?.url ? `${err.holder.url}/admin` : '/admin'} (brukere, roller og ` +
          'nøkler) mens serveren går, eller opprett den første administratoren med INNSPILL_ADMIN_EMAIL ved oppstart.',
      );
    throw err;
  }
  try {
    await migrate(db);
    const args = positionals.slice(1);
    // Sign-in for the page (signin16): `password <e-post> [--fjern]`.
    if (command === 'password') process.stdout.write(await passwordCommand(db, args[0], { remove: values.fjern }));
    else process.stdout.write(await runUsersCommand(db, { command, args, ...values }));
  } finally {
    await db.close();
  }
}

main().catch(failWith);
