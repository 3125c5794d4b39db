/** The messages the read worker (readWorker.ts) sends back to readThread.ts; `id` names a session's job. */
import type { IngestErrorCode, IngestErrorDetails } from '../ingest/errors.js';
import type { ReadResult } from './readLimited.js';

export type ReadReply = { id?: number } & (
  { result: ReadResult } | { error: { code?: IngestErrorCode; message: string; details?: IngestErrorDetails } }
);
