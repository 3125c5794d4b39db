/** The messages between the PGlite worker thread (worker.ts) and its host (workerHost.ts). */

/** What the worker opens: PGlite's data directory (undefined: in memory) and its start options. */
export interface WorkerOpenOptions {
  dataDir: string | undefined;
  /** Extra PostgreSQL start parameters (`-c shared_buffers=…`), or none for PGlite's defaults. */
  startParams?: string[];
  /** Start a new store from this dump (restore); the host sends it as dumpBytes. */
  loadDataDir?: Blob;
  dumpBytes?: ArrayBuffer;
}

/** A statement outside (tx undefined) or inside transaction `tx`. */
export type WorkerRequest =
  | { id: number; op: 'query'; sql: string; params: unknown[]; tx?: number; blob?: Blob }
  | { id: number; op: 'exec'; sql: string; tx?: number }
  | { id: number; op: 'begin'; tx: number }
  | { id: number; op: 'end'; tx: number; commit: boolean }
  | { id: number; op: 'dump' }
  | { id: number; op: 'close' };

/**
 * An error as it crosses the thread: its name, message and stack, and every own field that is a string, number or
 * boolean (PGlite's DatabaseError: `code` (SQLSTATE), `detail`, `hint`, `severity`, `constraint`, `table`, …).
 */
export interface SerializedError {
  name: string;
  message: string;
  stack?: string;
  fields: Record<string, string | number | boolean>;
}

export type WorkerReply =
  | { ready: true }
  | { failed: SerializedError }
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: SerializedError };

export function serializeError(err: unknown): SerializedError {
  if (!(err instanceof Error)) return { name: 'Error', message: String(err), fields: {} };
  const fields: SerializedError['fields'] = {};
  for (const [k, v] of Object.entries(err)) {
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') fields[k] = v;
  }
  return { name: err.name, message: err.message, stack: err.stack, fields };
}

/** The error again on this side of the thread, with the fields our code reads (isDiskFull: `code`, `message`). */
export function deserializeError(e: SerializedError): Error {
  const err = Object.assign(new Error(e.message), e.fields);
  err.name = e.name;
  if (e.stack) err.stack = e.stack;
  return err;
}
