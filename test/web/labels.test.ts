/** The page's Norwegian names cover exactly the document kinds the server stores, no more. */
import { describe, expect, it } from 'vitest';
import { DocumentKind } from '../../src/domain/documents.js';
// @ts-expect-error plain JavaScript module of the page, without type declarations
import { KINDS, kindLabel } from '../../src/web/public/js/labels.js';

describe('document kinds on the page', () => {
  it('names every kind the server stores, and only those', () => {
    expect(Object.keys(KINDS as Record<string, string>).sort()).toEqual([...DocumentKind.options].sort());
  });

  it('gives a Norwegian name for each', () => {
    expect(kindLabel('statute')).toBe('Lov eller forskrift');
    expect(kindLabel('consultation')).toBe('Høringsdokument');
  });
});
