/**
 * Worker-thread entry of the read worker (readThread.ts): reads the one job in its workerData and posts the result,
 * or the error as plain data (an IngestError's code, message and details, rebuilt on the other side).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { IngestError } from '../ingest/errors.js';
import { readLimited, type ReadJob } from './readLimited.js';
import type { ReadReply } from './readProtocol.js';

const port = parentPort!;
// NOTE: no top-level await: from src/ this module is loaded through tsx's CommonJS hook (see readThread.ts).
readLimited(workerData as ReadJob).then(
  (result) => port.postMessage({ result } satisfies ReadReply),
  (err: unknown) =>
    port.postMessage({
      error:
        err instanceof IngestError
          ? { code: err.code, message: err.message, details: err.details }
          : { message: (err as Error)?.message ?? String(err) },
    } satisfies ReadReply),
);
