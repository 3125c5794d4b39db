/**
 * One read worker for a run of files (`npm run ingest`, readSession): each file is read as readLimited reads it,
 * within the same limits as an upload; a file that runs the worker out of memory is refused with the upload's
 * IngestError, and the next file is read on a fresh worker.
 */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { largeDocx } from '../../scripts/fixtures/large.js';
import { readLimited } from '../../src/corpus/readLimited.js';
import { readSession } from '../../src/corpus/readThread.js';
import { DEFAULT_READ_OPTIONS } from '../../src/corpus/storeUpload.js';
import { IngestError } from '../../src/ingest/errors.js';
import { LOVDATA, TEST_META } from '../helpers/documents.js';

const statute = new Uint8Array(readFileSync(LOVDATA + 'nl-19990326-017.xml'));
const job = { kind: 'file' as const, bytes: statute, filename: 'husleieloven.xml', meta: TEST_META };
const limits = { maxChars: DEFAULT_READ_OPTIONS.maxChars, maxPassages: DEFAULT_READ_OPTIONS.maxPassages };

describe('readSession', () => {
  const session = readSession({ ...DEFAULT_READ_OPTIONS, maxMemoryMb: 24, inThreadBelow: 0 });
  afterAll(() => session.close());

  it('reads files one after another as readLimited does, refuses one past the heap cap, then reads on', async () => {
    const expected = await readLimited({ ...job, limits });
    expect(await session.read(job)).toEqual(expected);
    const heavy = { kind: 'file' as const, bytes: await largeDocx(6_000_000), filename: 'tung.docx', meta: TEST_META };
    const err = await session.read(heavy).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IngestError);
    expect((err as IngestError).code).toBe('read_out_of_memory');
    expect((err as IngestError).message).toMatch(/«tung\.docx» trenger mer enn 24 MB minne/);
    expect(await session.read(job)).toEqual(expected);
  }, 180_000);
});
