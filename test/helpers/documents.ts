/** Test helper: the generated document fixtures (scripts/make-fixtures.ts) and checks every ingested document passes. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { DocumentMeta, IngestedDocument } from '../../src/domain/types.js';
import { IngestError } from '../../src/ingest/index.js';

export const DOCUMENTS = fileURLToPath(new URL('../fixtures/documents/', import.meta.url));
export const LOVDATA = fileURLToPath(new URL('../../evals/data/lovdata/', import.meta.url));

export const fixture = (name: string) => new Uint8Array(readFileSync(DOCUMENTS + name));

export const TEST_META: DocumentMeta = {
  id: 'testforbundet-innspill-2024',
  organisation: 'Testforbundet Vest',
  title: 'Høringsinnspill om kommunal digitalisering',
  kind: 'consultation_response',
  date: '2024-03-12',
  language: 'nb',
};

/** Offsets round-trip, ordinals run 0..n-1, passages are trimmed and do not overlap. */
export function expectWellFormed(doc: IngestedDocument): void {
  expect(doc.passages.length).toBeGreaterThan(0);
  doc.passages.forEach((p, i) => {
    expect(doc.text.slice(p.start, p.end)).toBe(p.text);
    expect(p.ordinal).toBe(i);
    expect(p.text).toBe(p.text.trim());
    if (i > 0) expect(p.start).toBeGreaterThanOrEqual(doc.passages[i - 1].end);
  });
}

/** Run `fn` and return the IngestError it throws (failing the test if it throws anything else or nothing). */
export async function ingestError(fn: () => unknown): Promise<IngestError> {
  try {
    await fn();
  } catch (err) {
    expect(err).toBeInstanceOf(IngestError);
    return err as IngestError;
  }
  throw new Error('expected an IngestError');
}
