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

  it('puts the version’s notice and the withdrawal warning under the title, and an edit sent back drops the warning', () => {
    const out = draftToMarkdown({
      draft: draft({ extractive: true, notice: 'Uttrekksbasert utkast: lagret med utkastet.' }),
      markdown: MARKDOWN,
      author: { provider: 'extractive', model: 'extractive' },
      withdrawn: new Map([['a-p000', withdrawal]]),
    });
    const lines = out.split('\n');
    expect(lines[0]).toBe('# Høringssvar');
    expect(lines[2]).toBe(
      '*Uttrekksbasert utkast: setningene er hentet ordrett fra organisasjonens egne dokumenter og må bearbeides før innsending.*',
    );
    expect(lines[4]).toMatch(/^> \*\*Merk:\*\* Et dokument svaret viser til, er trukket tilbake/);
    expect(lines[4]).toContain('«Uttalelse» (Fagforbundet), 04.03.2026');
    expect(lines.filter(isExportNoteLine)).toEqual([lines[2], lines[4]]);
    expect(out.endsWith(MARKDOWN.slice('# Høringssvar\n'.length))).toBe(true);
  });

  it('says who wrote the version, not the notice the draft kept from its first version', () => {
    const kept = draft({
      extractive: true,
      notice: 'Uttrekksbasert utkast: setningene er hentet ordrett fra organisasjonens egne dokumenter.',
    });
    const notice = (author?: Parameters<typeof draftToMarkdown>[0]['author'], language: 'nb' | 'nn' = 'nb') =>
      draftToMarkdown({ draft: { ...kept, language }, markdown: MARKDOWN, author }).split('\n')[2];
    const first = { provider: 'extractive', model: 'extractive' };
    expect(notice({ provider: 'person', model: 'manuell redigering', first })).toBe(
      '*Redigert for hånd etter utkastet (første versjon: uttrekksutkast uten språkmodell): setningene er ikke lenger nødvendigvis ordrett fra kildene. Kildekontrollen under gjelder denne versjonen.*',
    );
    expect(notice({ provider: 'person', model: 'manuell redigering', first }, 'nn')).toMatch(
      /^\*Redigert for hand etter utkastet \(første versjon: uttrekksutkast utan språkmodell\): setningane er ikkje lenger/,
    );
    expect(notice({ provider: 'anthropic', model: 'claude-sonnet-4-5' })).toBe(
      '*Utkast skrevet av språkmodell – Claude (claude-sonnet-4-5): kontroller teksten mot kildene før innsending.*',
    );
    expect(notice({ provider: 'openai-chat', model: 'llama3:8b' })).toMatch(/selvdriftet språkmodell \(llama3:8b\)/);
    // Nobody said who wrote it: no notice rather than the stored one.
    expect(draftToMarkdown({ draft: kept, markdown: MARKDOWN })).toBe(MARKDOWN);
    for (const line of [
      notice({ provider: 'person', model: 'x', first }),
      notice(first),
      notice({ provider: 'anthropic', model: 'c' }),
    ])
      expect(isExportNoteLine(line)).toBe(true);
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
