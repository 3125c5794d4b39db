/** `npm start`: migrate, seed an empty store, serve the app on PORT. */
import { serve } from '@hono/node-server';
import { scheduleBackups } from '../bootstrap/backups.js';
import { registerConfiguredOrganisations } from '../bootstrap/configOrganisations.js';
import { draftingChoice } from '../bootstrap/drafting.js';
import { ensureFirstAdmin, firstAdminNotice } from '../bootstrap/firstAdmin.js';
import { seedIfEmpty } from '../bootstrap/loadFiles.js';
import { openRuntime } from '../bootstrap/runtime.js';
import { ConfigError, loadConfig } from '../config/env.js';
import { createApp } from '../http/app.js';
import { createShutdown } from '../http/shutdown.js';
import { createLogger } from '../log.js';
import { DataDirLockedError, recordServerUrl } from '../store/db.js';
import { diskFullAtStartup, diskFullBeforeStart } from '../store/diskSpace.js';
import { parseCli } from './args.js';
import { progressBar } from './progress.js';

parseCli(
  process.argv.slice(2),
  {},
  `
Bruk: npm start

Starter innspill: kjører migreringer, leser inn seeds/ når lageret er tomt, og serverer appen på PORT (standard 8787).
Innstillinger leses fra miljøet; se .env.example.`,
);

async function main() {
  const t0 = performance.now();
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const bar = progressBar('Lager vektorer');
  // A full disk: say so before PGlite tries (it would fail, or start and hang at the first write).
  const full = config.DATABASE_URL ? null : diskFullBeforeStart(config.DATA_DIR);
  if (full) throw new DiskFullAtStartError(full);
  const runtime = await openRuntime(config, { logger, serving: true, onEmbedProgress: (d, t) => bar.update(d, t) });
  const seeded = await seedIfEmpty(runtime, config.SEED_DIR, { annMinPassages: config.ANN_MIN_PASSAGES });
  if (seeded) logger.info({ documents: seeded, dir: config.SEED_DIR }, 'seed corpus ingested');
  // Issue 16: the first administrator (INNSPILL_ADMIN_EMAIL); its token is shown this once, never logged.
  const admin = await ensureFirstAdmin(runtime.db, config, logger);
  if (admin) process.stderr.write(firstAdminNotice(admin, { host: config.HOST, port: config.PORT }));
  // One spelling per organisation in the configuration too; checked once the store (seeds included) is open, then
  // registered as known to every door.
  await registerConfiguredOrganisations(runtime.db, config).catch(async (err: unknown) => {
    await runtime.db.close();
    throw err;
  });
  // SIGTERM/SIGINT: new requests 503, running ones finish (SHUTDOWN_GRACE_MS), then the store closes (http/shutdown.ts).
  const shutdown = createShutdown();
  const app = createApp({
    ...runtime,
    config,
    logger,
    shutdown,
    ...draftingChoice(config, { embedder: runtime.embedder, logger }),
  });
  const server = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, (info) => {
    // readyMs: from main() on (config, store, migrations, seeding); processMs: since node started, so loading the
    // modules too. bench/ready.ts reads both.
    const now = performance.now();
    // `npm run ingest` and `npm run backup` find the server that holds the data directory here (store/pglite/lock.ts).
    if (!config.DATABASE_URL) recordServerUrl(config.DATA_DIR, `http://${clientHost(config.HOST)}:${info.port}`);
    logger.info(
      { url: `http://${config.HOST}:${info.port}`, readyMs: Math.round(now - t0), processMs: Math.round(now) },
      // NOTE: the operator reads this line on `npm start`, so it is Norwegian; bench/ready.ts reads readyMs only.
      'innspill er klar',
    );
  });
  // BACKUP_DIR: the server's own daily copy (bootstrap/backups.ts).
  const stopBackups = config.BACKUP_DIR
    ? scheduleBackups({
        db: runtime.db,
        databaseUrl: config.DATABASE_URL,
        dir: config.BACKUP_DIR,
        keep: config.BACKUP_KEEP,
        logger,
      })
    : () => undefined;
  shutdown.watch(server);
  let stopping = false;
  const stop = async (code = 0) => {
    // A second Ctrl-C (or SIGTERM) while waiting: stop now. The store is left unclosed rather than closed under
    // running work; an upload cut off mid-save is discarded at the next start (bootstrap/runtime.ts).
    if (stopping) {
      process.stderr.write('Stanset uten å vente på forespørslene som fortsatt kjørte.\n');
      process.exit(1);
    }
    stopping = true;
    stopBackups();
    logger.info({ graceMs: config.SHUTDOWN_GRACE_MS }, 'innspill stanses: venter på forespørslene som kjører');
    const { aborted, unfinished } = await shutdown.drain({ graceMs: config.SHUTDOWN_GRACE_MS });
    if (aborted) logger.warn({ tasks: aborted }, 'work still running after SHUTDOWN_GRACE_MS was aborted');
    if (unfinished) {
      logger.error({ unfinished }, 'work did not stop after the abort; exiting without closing the store');
      process.exit(1);
    }
    server.close();
    if ('closeAllConnections' in server) server.closeAllConnections();
    try {
      await runtime.db.close();
    } catch (err) {
      logger.error({ err }, 'closing the store failed');
      process.exit(1);
    }
    process.exit(code);
  };
  // A port in use (another innspill, say) is the common way to fail here: one line that says what to do.
  server.on('error', (err: NodeJS.ErrnoException) => {
    const reason =
      err.code === 'EADDRINUSE'
        ? `porten ${config.PORT} på ${config.HOST} er allerede i bruk; velg en annen med PORT=…`
        : err.message;
    process.stderr.write(`Oppstart feilet: ${reason}\n`);
    void stop(1);
  });
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

/** Start-up refused on a full disk: its message is the one line the user sees (exit 1). */
class DiskFullAtStartError extends Error {}

/** The address a client on this machine uses for the server's HOST (a wildcard listens on loopback too). */
const clientHost = (host: string) =>
  host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;

main().catch((err) => {
  if (err instanceof ConfigError) {
    process.stderr.write(`${err.message}\n`);
    process.exit(2);
  }
  if (err instanceof DataDirLockedError || err instanceof DiskFullAtStartError) {
    process.stderr.write(`${err.message}\n`);
    process.exit(1);
  }
  const config = loadConfig();
  const diskFull = config.DATABASE_URL ? null : diskFullAtStartup(config.DATA_DIR, err);
  if (diskFull) {
    process.stderr.write(`${diskFull}\n`);
    process.exit(1);
  }
  process.stderr.write(`Oppstart feilet: ${(err as Error).message}\n`);
  process.exit(1);
});
