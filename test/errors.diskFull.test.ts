/** A full disk is a 507 with a Norwegian "nothing was saved", never a bare 500 (src/errors.ts). */
import { describe, expect, it } from 'vitest';
import { isDiskFull, toAppError } from '../src/errors.js';
import { toProblem } from '../src/http/errors.js';

const pgDiskFull = Object.assign(new Error('could not extend file "base/5/16390": No space left on device'), {
  code: '53100',
});

describe('disk full', () => {
  it('recognises PostgreSQL/PGlite and Node disk-full errors, also as a cause', () => {
    expect(isDiskFull(pgDiskFull)).toBe(true);
    expect(isDiskFull(Object.assign(new Error('write failed'), { code: 'ENOSPC' }))).toBe(true);
    expect(isDiskFull(new Error('could not write to file "pg_wal/xlogtemp.1": No space left on device'))).toBe(true);
    expect(isDiskFull(new Error('save failed', { cause: pgDiskFull }))).toBe(true);
    expect(isDiskFull(new Error('duplicate key value violates unique constraint'))).toBe(false);
    expect(isDiskFull(undefined)).toBe(false);
  });

  it('becomes 507 insufficient_storage:disk saying that nothing was saved', () => {
    const err = toAppError(pgDiskFull);
    expect(err.status).toBe(507);
    expect(err.code).toBe('insufficient_storage:disk');
    const problem = toProblem(err, 'req-1') as { status: number; title: string; detail: string };
    expect(problem.status).toBe(507);
    expect(problem.title).toBe('Disken er full');
    expect(problem.detail).toMatch(/full, så ingenting ble lagret/);
    expect(problem.detail).not.toMatch(/base\/5|extend/);
    expect(toAppError(new Error('boom')).status).toBe(500);
  });
});
