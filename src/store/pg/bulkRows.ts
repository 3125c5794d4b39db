/**
 * Tx.insertRows on pg: binary COPY streamed over the connection, or, for a server that cannot take COPY FROM STDIN
 * (PGlite served over a socket), the same rows as one jsonb parameter.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { encodeCopyBinary, type CopyColumn, type CopyRow } from '../copyBinary.js';
import { copySql } from '../driver.js';
import { toVectorLiteral } from '../vectorCodec.js';

export type BulkRows = (
  client: pg.PoolClient,
  table: string,
  columns: readonly CopyColumn[],
  rows: readonly CopyRow[],
) => Promise<void>;

/**
 * insertRows for one pool. PGlite served over a socket (@electric-sql/pglite-socket) speaks the wire protocol but
 * not COPY FROM STDIN; bulk rows go to it as one jsonb parameter instead. Asked once per pool.
 */
export function bulkRowsOf(): BulkRows {
  let copyIn: Promise<boolean> | undefined;
  const canCopyIn = (client: pg.PoolClient) =>
    (copyIn ??= client.query<{ pglite: boolean }>(`SELECT version() LIKE '%(PGlite %' AS pglite`).then(
      (r) => !r.rows[0].pglite,
      (err) => {
        copyIn = undefined;
        throw err;
      },
    ));
  return async (client, table, columns, rows) =>
    (await canCopyIn(client)) ? copyRows(client, table, columns, rows) : insertAsJson(client, table, columns, rows);
}

/**
 * pg path of Tx.insertRows and stageEmbeddings: the same binary COPY as on PGlite, streamed over the connection
 * (`COPY … FROM STDIN`), in chunks so no single buffer grows past ~75 MB. Measured against the INSERT … SELECT FROM
 * jsonb_to_recordset it replaced (vectors as text), PostgreSQL 15 + pgvector 0.8.0 on the bench machine: see
 * BENCHMARKS.md, "PostgreSQL through DATABASE_URL".
 */
async function copyRows(
  client: pg.PoolClient,
  table: string,
  columns: readonly CopyColumn[],
  rows: readonly CopyRow[],
): Promise<void> {
  const sql = copySql(table, columns, 'STDIN');
  for (let i = 0; i < rows.length; i += PG_COPY_CHUNK) {
    const bytes = encodeCopyBinary(columns, rows.slice(i, i + PG_COPY_CHUNK));
    await pipeline(
      Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]),
      client.query(copyFrom(sql)),
    );
  }
}

const PG_COPY_CHUNK = 20_000;

/**
 * The same rows as INSERT … SELECT FROM jsonb_to_recordset, vectors as pgvector text literals, for servers without
 * COPY FROM STDIN. In chunks: a vector as text makes ~4 KB of JSON a row, and one string must stay well under V8's
 * limit.
 */
async function insertAsJson(
  client: pg.PoolClient,
  table: string,
  columns: readonly CopyColumn[],
  rows: readonly CopyRow[],
): Promise<void> {
  const names = columns.map((c) => c.name);
  const select = columns.map((c) => (c.type === 'vector' ? `x.${c.name}::vector` : `x.${c.name}`));
  const record = columns.map((c) => `${c.name} ${JSON_TYPES[c.type]}`);
  const sql = `INSERT INTO ${table} (${names.join(', ')}) SELECT ${select.join(', ')} FROM jsonb_to_recordset($1::jsonb) AS x(${record.join(', ')})`;
  const asJson = (row: CopyRow) =>
    Object.fromEntries(
      columns.map((c, i) => [
        c.name,
        c.type === 'vector' && row[i] != null ? toVectorLiteral(row[i] as ArrayLike<number>) : (row[i] ?? null),
      ]),
    );
  for (let i = 0; i < rows.length; i += JSON_CHUNK)
    await client.query(sql, [JSON.stringify(rows.slice(i, i + JSON_CHUNK).map(asJson))]);
}

const JSON_CHUNK = 2000;
const JSON_TYPES: Record<CopyColumn['type'], string> = {
  text: 'text',
  int4: 'int',
  date: 'date',
  'text[]': 'text[]',
  vector: 'text',
};
