/**
 * Where the write transaction's time goes: wraps a Db so every call made on the transaction (query, exec,
 * stageEmbeddings, …) is timed and keyed by its method and the SQL's first words. A Proxy, not a copy of the Tx
 * interface, so the profile keeps working as the store grows methods.
 */
import { performance } from 'node:perf_hooks';
import type { Db } from '../src/store/db.js';

export interface StatementTime {
  call: string;
  count: number;
  seconds: number;
}

/** "INSERT INTO passages (id, …" → "INSERT INTO passages". */
function label(method: string, args: unknown[]): string {
  const sql = typeof args[0] === 'string' ? args[0].replace(/\s+/g, ' ').trim() : '';
  if (!sql) return method;
  const words = sql.split(' ');
  const head = /^(INSERT|COPY|DELETE|CREATE|DROP)$/i.test(words[0])
    ? words.slice(0, 3)
    : /^(UPDATE|WITH|SELECT|SET|ALTER)$/i.test(words[0])
      ? words.slice(0, 4)
      : words.slice(0, 2);
  return `${method}: ${head.join(' ').replace(/[(,].*$/, '')}`;
}

export function profiledDb(db: Db): { db: Db; times: () => StatementTime[] } {
  const acc = new Map<string, { count: number; ms: number }>();
  const timeCalls = <T extends object>(target: T): T =>
    new Proxy(target, {
      get(t, prop, receiver) {
        const value = Reflect.get(t, prop, receiver);
        if (typeof value !== 'function') return value;
        return async (...args: unknown[]) => {
          const start = performance.now();
          try {
            return await value.apply(t, args);
          } finally {
            const key = label(String(prop), args);
            const a = acc.get(key) ?? { count: 0, ms: 0 };
            a.count++;
            a.ms += performance.now() - start;
            acc.set(key, a);
          }
        };
      },
    });
  const wrapped: Db = Object.create(db);
  wrapped.transaction = (fn) => db.transaction((tx) => fn(timeCalls(tx)));
  const times = () =>
    [...acc]
      .map(([call, a]) => ({ call, count: a.count, seconds: Math.round(a.ms) / 1000 }))
      .sort((x, y) => y.seconds - x.seconds);
  return { db: wrapped, times };
}
