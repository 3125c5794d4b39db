/**
 * The messages between the local embedder's calling thread (localThread.ts) and its worker (localWorker.ts), and
 * the values of the claim flag they share. Its own module so that neither side imports the other: the worker
 * imports the embedder (local.ts), which imports the thread.
 */

export interface EmbedRequest {
  id: number;
  texts: string[];
  /** Int32Array(1) over a SharedArrayBuffer: CLAIM.open, then whichever thread took the batch first. */
  claim: Int32Array;
}

export type EmbedReply =
  | { ready: true }
  | { id: number; vectors: Float64Array }
  | { id: number; skipped: true }
  | { id: number; error: string };

/** Values of EmbedRequest.claim. */
export const CLAIM = { open: 0, byWorker: 1, byCaller: 2 } as const;
