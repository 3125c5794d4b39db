import { describe, expect, it } from 'vitest';
import {
  DraftDocument,
  DocumentMeta,
  passageId,
  PassageWithDocument,
  TokenUsage,
  VerificationReport,
  addUsage,
} from '../../src/domain/index.js';
import { memoryPassageSource, verifyDraft } from '../../src/verify/index.js';

const passage = {
  id: 'fagforbundet-uttalelse-2024-p001',
  documentId: 'fagforbundet-uttalelse-2024',
  ordinal: 1,
  text: 'Fagforbundet mener at kommunene må få mer ansvar for digital kompetanse blant de ansatte.',
  start: 0,
  end: 89,
  headingPath: [],
  page: null,
  anchor: null,
  contentHash: 'x',
  document: {
    id: 'fagforbundet-uttalelse-2024',
    organisation: 'Fagforbundet',
    title: 'Uttalelse',
    kind: 'statement',
    date: '2024',
    language: 'nb',
    format: 'text',
    contentHash: 'x',
    passageCount: 1,
    createdAt: '2024-01-01',
    updatedAt: '2024-01-01',
  },
} as const;

describe('the domain schemas', () => {
  it('describe what the verifier really returns (the report parses against its own schema)', async () => {
    const report = await verifyDraft(
      {
        sections: [
          {
            sentences: [
              {
                text: 'Kommunene må få mer ansvar for digital kompetanse.',
                citations: [{ passageId: passage.id, quote: 'kommunene må få mer ansvar for digital kompetanse' }],
              },
              {
                text: 'Vi har ingen kilde for dette.',
                citations: [{ passageId: 'finnes-ikke-p001', quote: 'noe som ikke står noe sted i det hele tatt' }],
              },
            ],
          },
        ],
      },
      { source: memoryPassageSource([PassageWithDocument.parse(passage)]) },
    );
    const parsed = VerificationReport.strict().safeParse(report);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    expect(report.sentences[1].citations[0].status).toBe('unknown_passage');
  });

  it('reject a document kind or verdict outside the vocabulary', () => {
    expect(PassageWithDocument.safeParse({ ...passage, document: { ...passage.document, kind: 'memo' } }).success).toBe(
      false,
    );
    const draft = {
      title: 'T',
      organisation: 'O',
      language: 'nb',
      extractive: false,
      sections: [
        {
          kind: 'intro',
          status: 'frame',
          dropped: [],
          repairs: [],
          retrieved: [],
          paragraphs: [[{ text: 'Hei.', kind: 'frame', citations: [], verdict: 'maybe' }]],
        },
      ],
    };
    expect(DraftDocument.safeParse(draft).success).toBe(false);
    draft.sections[0].paragraphs[0][0].verdict = 'uncited';
    expect(DraftDocument.safeParse(draft).success).toBe(true);
  });

  it('keep the metadata rules a person sees in Norwegian', () => {
    const r = DocumentMeta.safeParse({ id: 'Ugyldig Id', organisation: 'NTL', title: 'T', kind: 'news', date: '2024' });
    expect(r.error?.issues[0].message).toBe('id må være små bokstaver, tall og bindestrek');
    expect(
      DocumentMeta.parse({ id: 'ntl-nyhet', organisation: 'NTL', title: 'T', kind: 'news', date: '2024' }).language,
    ).toBe('nb');
  });

  it('build passage ids and add token usage', () => {
    expect(passageId('ntl-prinsipprogram-2019', 3)).toBe('ntl-prinsipprogram-2019-p003');
    const one = TokenUsage.parse({
      inputTokens: 1,
      outputTokens: 2,
      cacheReadInputTokens: 3,
      cacheCreationInputTokens: 4,
    });
    expect(addUsage(one, one)).toEqual({
      inputTokens: 2,
      outputTokens: 4,
      cacheReadInputTokens: 6,
      cacheCreationInputTokens: 8,
    });
  });
});
