// Imports src/domain before anything loads @hono/zod-openapi: the order in which a stage-first import graph
// builds the domain schemas without `.openapi` (see src/http/named.ts).
import { DocumentSummary, TokenUsage } from '../../src/domain/index.js';
import { describe, expect, it } from 'vitest';

describe('named domain schemas', () => {
  it('load and name schemas the domain built before @hono/zod-openapi was loaded', async () => {
    expect((TokenUsage as { openapi?: unknown }).openapi).toBeUndefined();
    const { DocumentSummarySchema } = await import('../../src/http/schemas.js');
    const { UsageSchema } = await import('../../src/http/routes/drafts.schemas.js');
    const { getRefId } = await import('@asteasolutions/zod-to-openapi');
    expect([getRefId(DocumentSummarySchema), getRefId(UsageSchema)]).toEqual(['DocumentSummary', 'TokenUsage']);
    expect(DocumentSummarySchema.parse({ ...summary, kind: 'news' })).toEqual({ ...summary, kind: 'news' });
    expect(DocumentSummary.safeParse({ ...summary, kind: 'memo' }).success).toBe(false);
  });
});

const summary = {
  id: 'ntl-nyhet',
  organisation: 'NTL',
  title: 'T',
  kind: 'news',
  date: '2024',
  language: 'nb',
  format: 'text',
  contentHash: 'x',
  passageCount: 1,
  createdAt: '2024-01-01',
  updatedAt: '2024-01-01',
};
