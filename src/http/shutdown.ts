/**
 * Stopping the server without lying to its users (SIGTERM, SIGINT; src/cli/serve.ts). Once a stop begins:
 * - every new request gets 503 `unavailable:shutdown` («Tjenesten stanses; prøv igjen om litt.»), before it
 *   reaches anything that reads the store;
 * - the requests already running are left to finish, streams and work that outlives its response (a client that
 *   hung up during a save) included, for up to the grace period (SHUTDOWN_GRACE_MS);
 * - past it, their abort signal fires (`c.req.raw.signal` and the stream's signal), so the work stops at its next
 *   check (between embedding batches, before a draft is saved, a model call at once), and the server waits for it
 *   to settle: a write already under way completes whole, with its audit entry, and its client gets `done`; one
 *   that stopped before writing answers 503 saying nothing was stored.
 * Only then does the caller close the store. Nothing is ever reported as failed that was stored, and no statement
 * meets a closed store.
 */
import { setMaxListeners } from 'node:events';
import type { Server } from 'node:http';
import type { Http2Server } from 'node:http2';
import type { MiddlewareHandler } from 'hono';
import { AppError } from './errors.js';

/** What a request sees of the stop (Hono variable `shutdown`): its signal, and a way to hold the stop for work. */
export interface RequestShutdown {
  /** Aborted when the grace period ends. */
  signal: AbortSignal;
  /** The store stays open until `work` settles (a stream's body runs after its handler has returned). */
  hold(work: Promise<unknown>): void;
  /** Abort `controller` too when the grace period ends, until the returned function is called (when its work ends). */
  follow(controller: AbortController): () => void;
}

export type ShutdownVariables = { shutdown?: RequestShutdown };

/** How long, after the abort, work may take to reach its next check before the stop gives up on it. */
const ABORT_WAIT_MS = 15_000;

const refused = () =>
  new AppError('unavailable:shutdown', {
    detail: 'Tjenesten stanses; prøv igjen om litt.',
  });

const aborted = () =>
  new AppError('unavailable:shutdown', {
    detail:
      'Tjenesten stanses, og forespørselen ble avbrutt før den var ferdig; ingenting fra den ble lagret. Prøv igjen om litt.',
  });

export interface DrainResult {
  /** Pieces of work (handlers, streams, responses being sent) still running at the end of the grace period. */
  aborted: number;
  /** Work that had not settled even after the abort: the store must not be closed under it. */
  unfinished: number;
}

/**
 * @example
 *   const shutdown = createShutdown(); const app = createApp({ …, shutdown }); shutdown.watch(server);
 *   process.on('SIGTERM', async () => { await shutdown.drain({ graceMs }); await db.close(); });
 */
export function createShutdown() {
  const stop = new AbortController();
  // One listener per running request or stream, removed when it ends: many at once is normal here, not a leak.
  setMaxListeners(0, stop.signal);
  const running = new Set<Promise<unknown>>();
  let stopping = false;

  const hold = (work: Promise<unknown>) => {
    const settled = work.then(
      () => undefined,
      () => undefined,
    );
    running.add(settled);
    void settled.then(() => running.delete(settled));
  };
  const idle = async () => {
    while (running.size) await Promise.all(running);
  };
  const within = (ms: number) =>
    Promise.race([idle().then(() => true), new Promise<boolean>((resolve) => setTimeout(resolve, ms, false).unref())]);
  const follow = (controller: AbortController) => {
    const onStop = () => controller.abort(stop.signal.reason);
    if (stop.signal.aborted) onStop();
    else stop.signal.addEventListener('abort', onStop, { once: true });
    return () => stop.signal.removeEventListener('abort', onStop);
  };
  const forRequest: RequestShutdown = { signal: stop.signal, hold, follow };

  return {
    get stopping() {
      return stopping;
    },

    /** App middleware, first after the request id: refuses new requests once stopping, tracks the running ones. */
    middleware: (async (c, next) => {
      // NOTE: no `Connection: close`: Node then resets the socket under a body still coming in (an upload), and
      // the client sees a broken connection instead of this 503. Idle connections are closed after the drain.
      if (stopping) throw refused();
      c.set('shutdown', forRequest);
      // NOTE: every handler already passes `c.req.raw.signal` (the client hung up) down to its work; giving that
      // signal the stop too reaches them all, and any added later, without each route knowing about stopping.
      const raw = c.req.raw;
      const request = new AbortController();
      const unfollow = follow(request);
      const gone = () => request.abort(raw.signal.reason);
      if (raw.signal.aborted) gone();
      else raw.signal.addEventListener('abort', gone, { once: true });
      c.req.raw = withSignal(raw, request.signal);
      const handled = next();
      hold(handled);
      try {
        await handled;
      } finally {
        // A stream's work goes on after this; http/sse.ts follows the stop for it.
        unfollow();
      }
    }) satisfies MiddlewareHandler<{ Variables: ShutdownVariables }>,

    /** Hold the stop for every response the server is still sending (the last bytes of a stream included). */
    watch(server: Server | Http2Server) {
      server.on('request', (_req, res: NodeJS.EventEmitter) =>
        hold(new Promise((resolve) => res.once('close', resolve))),
      );
    },

    /**
     * Stop: refuse new requests, wait up to `graceMs` for the running ones, then abort them and wait for their work
     * to settle (up to `abortWaitMs` more).
     */
    async drain({ graceMs, abortWaitMs = ABORT_WAIT_MS }: { graceMs: number; abortWaitMs?: number }) {
      stopping = true;
      if (await within(graceMs)) return { aborted: 0, unfinished: 0 } satisfies DrainResult;
      const count = running.size;
      stop.abort(aborted());
      const settled = await within(abortWaitMs);
      return { aborted: count, unfinished: settled ? 0 : running.size } satisfies DrainResult;
    },
  };
}

export type Shutdown = ReturnType<typeof createShutdown>;

/** The same request with another `signal`; everything else (headers, the body stream) is the request's own. */
function withSignal(raw: Request, signal: AbortSignal): Request {
  return new Proxy(raw, {
    get: (target, prop) => {
      if (prop === 'signal') return signal;
      const value = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/**
 * The problem a request that failed gets (`shutdown`: its `c.get('shutdown')`): once the stop has aborted it, whatever its work threw on the way out
 * (an abort, a draft «avbrutt», a model call cut off) is the stop's 503, which says nothing was stored.
 */
export function stoppedOr(shutdown: RequestShutdown | undefined, err: AppError): AppError {
  return shutdown?.signal.aborted && err.code !== 'unavailable:shutdown' ? aborted() : err;
}
