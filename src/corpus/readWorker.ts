/**
 * Worker-thread entry of the read worker (readThread.ts): reads the one job in its workerData and posts the result,
 * or the error as plain data (an IngestError's code, message and details, rebuilt on the other side). A session's
 * worker (readSession) has no workerData job: it reads each job it is sent, one at a time, answering with its id.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { IngestError } from '../ingest/errors.js';
import { readLimited, type ReadJob } from './readLimited.js';
import type { ReadReply } from './readProtocol.js';

const port = parentPort!;

function read(job: ReadJob, id?: number): Promise<void> {
  return readLimited(job).then(
    (result) => port.postMessage({ id, result } satisfies ReadReply),
    (err: unknown) =>
      port.postMessage({
        id,
        error:
          err instanceof IngestError
            ? { code: err.code, message: err.message, details: err.details }
            : { message: (err as Error)?.message ?? String(err) },
      } satisfies ReadReply),
  );
}

// NOTE: no top-level await: from src/ this module is loaded through tsx's CommonJS hook (see readThread.ts).
if (workerData) void read(workerData as ReadJob);
else port.on('message', (m: { id: number; job: ReadJob }) => void read(m.job, m.id));
