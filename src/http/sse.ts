/**
 * Server-Sent Events for long requests (POST /drafts and POST /ask with `stream: true`). Every frame has an
 * `event:` name and JSON data. A failure after the stream has started is sent as an `error` event carrying the
 * same problem body a JSON request would get; a client that disconnects aborts the work (and nothing is saved).
 * A server stopping (http/shutdown.ts) waits for the stream to end, and aborts its work once the grace period is
 * over: work that had started writing still ends in `done`, the rest in the stop's 503.
 */
import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { Logger } from '../log.js';
import { asAppError } from './asAppError.js';
import { toProblem } from './errors.js';
import type { AppEnv } from './openapi.js';
import { stoppedOr } from './shutdown.js';

export type SendEvent = (event: string, data: unknown) => void;

/**
 * @example return sse(c, logger, async (send, signal) => { send('done', await work(signal)); });
 */
export function sse(
  c: Context<AppEnv>,
  logger: Logger,
  run: (send: SendEvent, signal: AbortSignal) => Promise<void>,
): Response {
  return streamSSE(c, async (stream) => {
    const done = (async () => {
      const controller = new AbortController();
      stream.onAbort(() => controller.abort());
      const unfollow = c.get('shutdown')?.follow(controller);
      // Events come from synchronous callbacks; writes are chained so they leave in order.
      let chain: Promise<void> = Promise.resolve();
      const send: SendEvent = (event, data) => {
        chain = chain.then(() => (stream.aborted ? undefined : stream.writeSSE({ event, data: JSON.stringify(data) })));
      };
      try {
        await run(send, controller.signal);
      } catch (err) {
        const appErr = stoppedOr(c.get('shutdown'), asAppError(err));
        const requestId = c.get('requestId');
        if (appErr.status >= 500 && appErr.code !== 'unavailable:shutdown')
          logger.error({ requestId, err, code: appErr.code }, 'stream failed');
        else logger.debug({ requestId, code: appErr.code }, 'stream refused');
        send('error', toProblem(appErr, requestId));
      }
      unfollow?.();
      await chain;
    })();
    c.get('shutdown')?.hold(done);
    await done;
  });
}
