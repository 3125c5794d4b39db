/** The one message the read worker (readWorker.ts) sends back to readThread.ts. */
import type { IngestErrorCode, IngestErrorDetails } from '../ingest/errors.js';
import type { ReadResult } from './readLimited.js';

export type ReadReply =
  { result: ReadResult } | { error: { code?: IngestErrorCode; message: string; details?: IngestErrorDetails } };
