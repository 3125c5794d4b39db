/**
 * The PGlite worker thread (workerHost.ts starts it): opens PGlite on the data directory it is given and runs the
 * statements the host sends, so PostgreSQL's work (a save batch's COPY and triggers, a search's scan) happens here
 * and never holds the host's event loop.
 *
 * A transaction: `begin` runs `pg.transaction(…)`, whose callback answers the begin and then waits for `end`; the
 * statements for that transaction in between run on its `tx`. PGlite's own mutex keeps every other statement
 * waiting until the transaction ends, exactly as in-process. `end` with commit false makes the callback throw, so
 * PGlite rolls back.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Transaction } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { createPglite } from './initCache.js';
import { serializeError, type WorkerOpenOptions, type WorkerReply, type WorkerRequest } from './workerProtocol.js';

const port = parentPort!;
/** Send a reply; one whose value cannot be cloned (DataCloneError) becomes that error, so the host never waits. */
function post(reply: WorkerReply): void {
  try {
    port.postMessage(reply);
  } catch (err) {
    if (!('id' in reply)) throw err;
    port.postMessage({ id: reply.id, ok: false, error: serializeError(err) } satisfies WorkerReply);
  }
}
const options = workerData as WorkerOpenOptions;

/** Thrown inside a transaction's callback to make PGlite roll it back. */
const ROLLBACK = Symbol('rollback');

interface OpenTx {
  tx: Transaction;
  end: (commit: boolean) => void;
  /** The id of the `end` request, answered once PGlite has committed or rolled back. */
  endId?: number;
}
const txs = new Map<number, OpenTx>();

// NOTE: no top-level await: from src/ this module is loaded through tsx's CommonJS hook (see workerHost.ts).
async function serve(): Promise<void> {
  const { db: pg } = await createPglite(options.dataDir, {
    extensions: { vector },
    ...(options.startParams ? { startParams: options.startParams } : {}),
    ...(options.dumpBytes ? { loadDataDir: new Blob([options.dumpBytes]) } : {}),
  });

  const runnerOf = (tx: number | undefined) => {
    if (tx === undefined) return pg;
    const open = txs.get(tx);
    if (!open) throw new Error('Transaction is closed');
    return open.tx;
  };

  const begin = (id: number, tx: number) => {
    let begun = false;
    const done = pg.transaction(async (t) => {
      const ended = new Promise<boolean>((end) => txs.set(tx, { tx: t, end }));
      begun = true;
      post({ id, ok: true, value: null });
      if (!(await ended)) throw ROLLBACK;
    });
    done.then(
      () => answerEnd(tx, { ok: true }),
      (err: unknown) => (begun ? answerEnd(tx, err === ROLLBACK ? { ok: true } : { ok: false, err }) : answer(id, err)),
    );
  };

  const answerEnd = (tx: number, outcome: { ok: true } | { ok: false; err: unknown }) => {
    const endId = txs.get(tx)?.endId;
    txs.delete(tx);
    if (endId === undefined) return;
    if (outcome.ok) post({ id: endId, ok: true, value: null });
    else answer(endId, outcome.err);
  };

  const answer = (id: number, err: unknown) => post({ id, ok: false, error: serializeError(err) });

  const handle = async (m: WorkerRequest): Promise<unknown> => {
    switch (m.op) {
      case 'query': {
        const r = await runnerOf(m.tx).query(m.sql, m.params, m.blob ? { blob: m.blob } : undefined);
        return r.rows;
      }
      case 'exec':
        await runnerOf(m.tx).exec(m.sql);
        return null;
      case 'dump': {
        const file = await pg.dumpDataDir('gzip');
        // NOTE: a plain Blob of the same bytes: a File may not cross the thread on every Node version.
        return new Blob([file]);
      }
      case 'close':
        await pg.close();
        return null;
      default:
        throw new Error(`unknown request ${(m as { op: string }).op}`);
    }
  };

  port.on('message', (m: WorkerRequest) => {
    if (m.op === 'begin') return begin(m.id, m.tx);
    if (m.op === 'end') {
      const open = txs.get(m.tx);
      if (!open) return answer(m.id, new Error('Transaction is closed'));
      open.endId = m.id;
      return open.end(m.commit);
    }
    handle(m).then(
      (value) => post({ id: m.id, ok: true, value }),
      (err: unknown) => answer(m.id, err),
    );
  });
  post({ ready: true });
}

serve().catch((err: unknown) => post({ failed: serializeError(err) }));
