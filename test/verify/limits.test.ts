import { describe, expect, it } from 'vitest';
import { toAppError } from '../../src/errors.js';
import { LIMITS, memoryPassageSource, verifyDraft, verifyMarkdown, VerifyError } from '../../src/verify/index.js';

const source = memoryPassageSource([]);

async function rejection(p: Promise<unknown>): Promise<VerifyError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(VerifyError);
  return err as VerifyError;
}

describe('bounded work', () => {
  it('rejects Markdown over 200 kB', async () => {
    const err = await rejection(verifyMarkdown('Ord. '.repeat(50_000), { source }));
    expect(err).toMatchObject({ code: 'too_large', field: 'markdown' });
    expect(toAppError(err).status).toBe(413);
    expect(err.message).toMatch(/for stort/);
  });

  it('rejects more than 500 sentences', async () => {
    const sentences = Array.from({ length: LIMITS.maxSentences + 1 }, (_, i) => ({ text: `Setning ${i}.` }));
    const err = await rejection(verifyDraft({ sections: [{ sentences }] }, { source }));
    expect(err).toMatchObject({ code: 'too_many_sentences', field: 'sections' });
  });

  it('rejects a quote over 2,000 characters, naming the field', async () => {
    const draft = {
      sections: [
        {
          sentences: [
            { text: 'Kort.' },
            { text: 'Lang.', citations: [{ passageId: 'a-p001', quote: 'x'.repeat(50_000) }] },
          ],
        },
      ],
    };
    const err = await rejection(verifyDraft(draft, { source }));
    expect(err).toMatchObject({ code: 'text_too_long', field: 'sections.0.sentences.1.citations.0.quote' });
  });

  it('rejects a draft that is not a draft, naming the field', async () => {
    const err = await rejection(
      verifyDraft({ sections: [{ sentences: [{ text: '', citations: [] }] }] } as never, { source }),
    );
    expect(err).toMatchObject({ code: 'invalid_draft', field: 'sections.0.sentences.0.text' });
    expect(toAppError(err).status).toBe(400);
    const bad = await rejection(
      verifyDraft(
        { sections: [{ sentences: [{ text: 'Hei.', citations: [{ passageId: 'a b', quote: 'q' }] }] }] },
        { source },
      ),
    );
    expect(bad.field).toBe('sections.0.sentences.0.citations.0.passageId');
  });

  it('accepts sentence text with stray whitespace from a model', async () => {
    const report = await verifyDraft(
      { sections: [{ sentences: [{ text: '  Vi  takker\nfor innspillet. ' }] }] },
      { source },
    );
    expect(report.sentences[0].text).toBe('Vi takker for innspillet.');
  });
});
