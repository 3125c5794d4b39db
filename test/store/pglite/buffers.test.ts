/** PGlite's buffer pool is sized to the store on disk, and an HNSW build gets what the pool leaves of WASM memory. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PGLITE_BUILD_MEMORY_SQL } from '../../../src/store/ann.js';
import { openPglite } from '../../../src/store/db.js';
import {
  MAX_SHARED_BUFFERS_MB,
  MIN_SHARED_BUFFERS_MB,
  relationBytes,
  sharedBuffersMb,
} from '../../../src/store/pglite/buffers.js';

describe('PGlite buffer pool', () => {
  it('is sized to the store: its relation files and a quarter, within 128 MB and 1 GB', () => {
    const MB = 2 ** 20;
    expect(sharedBuffersMb(0)).toBe(MIN_SHARED_BUFFERS_MB);
    expect(sharedBuffersMb(97 * MB)).toBe(128);
    expect(sharedBuffersMb(400 * MB)).toBe(512);
    expect(sharedBuffersMb(676 * MB)).toBe(864);
    expect(sharedBuffersMb(5000 * MB)).toBe(MAX_SHARED_BUFFERS_MB);
  });

  it('counts the files under base/ only (not the WAL)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'innspill-buffers-'));
    try {
      mkdirSync(join(dir, 'base', '5'), { recursive: true });
      mkdirSync(join(dir, 'pg_wal'));
      writeFileSync(join(dir, 'base', '5', '16384'), Buffer.alloc(3000));
      writeFileSync(join(dir, 'base', '5', '16385'), Buffer.alloc(1000));
      writeFileSync(join(dir, 'pg_wal', '000000010000000000000001'), Buffer.alloc(9000));
      expect(relationBytes(dir)).toBe(4000);
      expect(relationBytes(join(dir, 'missing'))).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is what the store opens with, and an index build gets what the pool leaves of WASM memory', async () => {
    const db = await openPglite('memory://', { sharedBuffersMb: 48 });
    try {
      expect((await db.query<{ s: string }>(`SELECT current_setting('shared_buffers') AS s`)).rows[0].s).toBe('48MB');
      const mem = await db.transaction(async (tx) => {
        await tx.query(PGLITE_BUILD_MEMORY_SQL);
        return (await tx.query<{ m: string }>(`SELECT current_setting('maintenance_work_mem') AS m`)).rows[0].m;
      });
      expect(mem).toBe('1GB');
    } finally {
      await db.close();
    }
  });
});
