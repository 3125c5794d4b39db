import { describe, expect, it } from 'vitest';
import { DraftError } from '../src/draft/errors.js';
import { EmbeddingError } from '../src/embed/errors.js';
import { AppError, ERROR_CODES, exitCode, STAGE_ERROR_CODES, toAppError } from '../src/errors.js';
import { asAppError } from '../src/http/asAppError.js';
import { toProblem } from '../src/http/errors.js';
import { ingestErrors } from '../src/ingest/errors.js';
import { LlmError } from '../src/llm/errors.js';
import { VerifyError } from '../src/verify/index.js';

describe('toAppError: every stage error through one table', () => {
  it('an ingest refusal keeps its Norwegian message and names the file field', () => {
    const err = toAppError(ingestErrors.encrypted('a.pdf'));
    expect([err.code, err.status]).toEqual(['unprocessable:encrypted', 422]);
    expect(err.detail).toMatch(/^Filen «a\.pdf» er passordbeskyttet/);
    expect(err.errors).toEqual([{ field: 'file', reason: err.detail }]);
    expect(toAppError(ingestErrors.invalidMetadata('a.md', 'date', 'ugyldig')).errors?.[0].field).toBe('date');
  });

  it('an embedder failure shows the Norwegian userMessage, never the technical message', () => {
    const err = toAppError(
      new EmbeddingError('embedder_timeout', 'no response in 30000 ms from http://127.0.0.1:1/v1'),
    );
    expect([err.code, err.status]).toEqual(['unavailable:embedder', 503]);
    expect(err.detail).toMatch(/brukte for lang tid/);
    expect(err.detail).not.toMatch(/127\.0\.0\.1/);
    expect(err.errors).toBeUndefined();
  });

  it('a verifier error is 413 past the limits, 400 for bad input, with its field', () => {
    const big = toAppError(new VerifyError('too_many_sentences', 'For mange.', 'sections'));
    expect([big.code, big.status, big.errors]).toEqual([
      'payload_too_large:body',
      413,
      [{ field: 'sections', reason: 'For mange.' }],
    ]);
    const bad = toAppError(new VerifyError('invalid_markdown', 'Ugyldig.', '[^2]'), { field: 'markdown [^2]' });
    expect([bad.code, bad.status, bad.errors?.[0].field]).toEqual(['bad_request:validation', 400, 'markdown [^2]']);
  });

  it('model and drafting errors keep their app codes; a draft error names its field only when it has one', () => {
    expect(
      toAppError(new LlmError('unavailable:llm', 'Claude er overbelastet.', { provider: 'anthropic' })).status,
    ).toBe(503);
    expect(new LlmError('bad_gateway:llm', 'Ugyldig svar.', { provider: 'openai-chat' }).toAppError().status).toBe(502);
    expect(toAppError(new DraftError('unprocessable:content', 'Fant ingen.', 'organisation.name')).errors).toEqual([
      { field: 'organisation.name', reason: 'Fant ingen.' },
    ]);
    expect(toAppError(new DraftError('not_found:draft', 'Ingen utkast.')).errors).toBeUndefined();
  });

  it('anything else is an internal error whose message stays out of the problem body', () => {
    const err = toAppError(new Error('relation "passages" does not exist'));
    expect([err.code, err.status]).toEqual(['internal:server', 500]);
    const body = toProblem(err);
    expect(body.title).toBe('Noe gikk galt hos oss');
    expect(JSON.stringify(body)).not.toMatch(/passages/);
  });

  it('an AppError passes through unchanged, also from the HTTP hook', () => {
    const err = new AppError('not_found:passage', { detail: 'Ingen avsnitt.' });
    expect(toAppError(err)).toBe(err);
    expect(asAppError(err)).toBe(err);
    expect(asAppError(ingestErrors.emptyFile('tom.txt')).code).toBe('bad_request:empty_file');
  });

  it('maps every stage code to a code in the table', () => {
    for (const codes of Object.values(STAGE_ERROR_CODES))
      for (const app of Object.values(codes)) expect(ERROR_CODES).toHaveProperty([app]);
  });
});

describe('exitCode', () => {
  it('is 2 for what the user can fix and 1 for failures on our side', () => {
    expect(exitCode(toAppError(ingestErrors.noText('skann.pdf')))).toBe(2);
    expect(exitCode(toAppError(new EmbeddingError('embedder_unavailable', 'refused')))).toBe(1);
    expect(exitCode(toAppError(new Error('boom')))).toBe(1);
  });
});
