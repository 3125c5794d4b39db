import { describe, expect, it } from 'vitest';
import type { DraftDocument } from '../../src/domain/index.js';
import { draftToMarkdown, isExportNoteLine } from '../../src/export/markdown.js';
import { norwegianDate } from '../../src/export/norwegianDate.js';
import { withdrawnMark, withdrawnWarning } from '../../src/export/withdrawn.js';

const MARKDOWN =
  '# Høringssvar\n\n## Digital kompetanse\n\nVi mener det trengs mer opplæring.[^1]\n\n[^1]: [a-p000] «opplæring»\n';
const draft = (over: Partial<DraftDocument> = {}) =>
  ({ title: 'Høringssvar', language: 'nb', sections: [], ...over }) as DraftDocument;
const withdrawal = {
  documentId: 'fagforbundet-uttalelse-2024',
  title: 'Uttalelse',
  organisation: 'Fagforbundet',
  withdrawnAt: '2026-03-04T10:00:00Z',
};

describe('the Markdown export', () => {
  it('is the stored Markdown unchanged when there is nothing to warn of', () => {
    expect(draftToMarkdown({ draft: draft(), markdown: MARKDOWN })).toBe(MARKDOWN);
  });

  it('puts the drafter’s notice and the withdrawal warning under the title, and an edit sent back drops the warning', () => {
    const out = draftToMarkdown({
      draft: draft({ notice: 'Utkastet er satt sammen av sitater.' }),
      markdown: MARKDOWN,
      withdrawn: new Map([['a-p000', withdrawal]]),
    });
    const lines = out.split('\n');
    expect(lines[0]).toBe('# Høringssvar');
    expect(lines[2]).toBe('*Utkastet er satt sammen av sitater.*');
    expect(lines[4]).toMatch(/^> \*\*Merk:\*\* Et dokument svaret viser til, er trukket tilbake/);
    expect(lines[4]).toContain('«Uttalelse» (Fagforbundet), 04.03.2026');
    expect(lines.filter(isExportNoteLine)).toEqual([lines[4]]);
    expect(out.endsWith(MARKDOWN.slice('# Høringssvar\n'.length))).toBe(true);
  });

  it('does not take an ordinary quoted line for its own warning', () => {
    expect(isExportNoteLine('> **Merk:** fristen er 1. mars.')).toBe(false);
    expect(isExportNoteLine('Vi viser til at dokumentet er trukket tilbake.')).toBe(false);
  });
});

describe('withdrawal warnings', () => {
  it('names each withdrawn document once, in Bokmål or Nynorsk', () => {
    const other = {
      ...withdrawal,
      documentId: 'ntl-prinsipprogram-2019',
      title: 'Prinsipprogram',
      organisation: 'NTL',
    };
    const nb = withdrawnWarning([withdrawal, withdrawal, other], 'nb')!;
    expect(nb).toMatch(/^Merk: 2 dokumenter svaret viser til, er trukket tilbake/);
    expect(nb.match(/«Uttalelse»/g)).toHaveLength(1);
    expect(withdrawnWarning([other], 'nn')).toMatch(
      /^Merk: Eit dokument svaret viser til, er trekt tilbake etter at utkastet vart skrive/,
    );
    expect(withdrawnWarning([], 'nb')).toBeNull();
  });

  it('marks a footnote with the date of withdrawal', () => {
    expect(withdrawnMark(withdrawal, 'nb')).toBe('trukket tilbake 04.03.2026');
    expect(withdrawnMark(withdrawal, 'nn')).toBe('trekt tilbake 04.03.2026');
  });

  it('writes dates as dd.mm.åååå', () => {
    expect(norwegianDate(new Date(2026, 0, 5))).toBe('05.01.2026');
  });
});
