/**
 * One reading of our own export format: a draft exported as Markdown (the notice saying who wrote the version and
 * the review summary under the title, review and internal-source marks in front of sentences, the withdrawn-sources
 * warning) verifies again through
 * POST /verify exactly as the draft did, sentence for sentence, with no line of the export read as an uncited claim.
 * The real app on an in-memory PGlite with the seed corpus; the CLI's own export is run in
 * test/cli/verify.integration.test.ts.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import type { DraftDocument } from '../../src/domain/index.js';
import { draftToMarkdown } from '../../src/export/markdown.js';
import { parseMarkdown, renderMarkdown } from '../../src/verify/index.js';
import { jsonInit, seededApp } from '../helpers/runtime.js';

type Report = {
  ok: boolean;
  sentences: { text: string; verdict: string; claim: boolean; citations: { status: string }[] }[];
};
const verdicts = (r: Report) => r.sentences.map((s) => [s.text, s.verdict, s.claim, s.citations.map((c) => c.status)]);

async function verifyBack(app: Awaited<ReturnType<typeof seededApp>>['app'], markdown: string): Promise<Report> {
  const res = await app.request('/verify', jsonInit('POST', { markdown, organisation: 'Fagforbundet' }));
  expect(res.status).toBe(200);
  return res.json();
}

const P = 'fagforbundet-uttalelse-2024-p002';
const Q = 'Fagforbundet ønsker en skytjeneste som drives og utvikles av offentlig sektor';
const FAITHFUL = 'Fagforbundet ønsker en skytjeneste som drives og utvikles av offentlig sektor.';
const PARAPHRASE = 'Fagforbundet ønsker en offentlig eid og driftet skytjeneste.';
const UNSUPPORTED = 'Fagforbundet krever at alle kommuner innfører firedagersuke innen 2027.';

describe('a draft exported as Markdown and verified again', () => {
  it('the extractive draft of the example consultation: same sentences and verdicts, nothing uncited added', async () => {
    const { app } = await seededApp();
    const request = parseYaml(await readFile('examples/consultation-digitalisering.yaml', 'utf8'));
    const created = await (await app.request('/drafts', jsonInit('POST', request))).json();
    const md = await (await app.request(`/drafts/${created.id}/export?format=md`)).text();
    expect(md).toMatch(/^\*Uttrekksbasert utkast: .*\*$/m);
    expect(md).toMatch(/^> \*\*Kildekontroll:\*\* /m);

    const report = await verifyBack(app, md);
    expect(report.sentences.filter((s) => /Uttrekksbasert|Kildekontroll/.test(s.text))).toEqual([]);
    expect(report.sentences.filter((s) => s.verdict === 'uncited' && s.claim)).toEqual([]);
    expect(verdicts(report)).toEqual(verdicts(created.verification));
    expect(report.ok).toBe(true);
    expect(created.verification.ok).toBe(true);
  }, 60_000);

  it('an edited draft with ≈ and ✗ sentences: the marks and the summary are not text, the verdicts come back', async () => {
    const { app } = await seededApp();
    const request = parseYaml(await readFile('examples/consultation-digitalisering.yaml', 'utf8'));
    const created = await (await app.request('/drafts', jsonInit('POST', request))).json();
    const edited =
      `# Høringssvar\n\n## Offentlig kontroll\n\n${PARAPHRASE}[^1] ${UNSUPPORTED}[^2] ${FAITHFUL}[^3]\n\n` +
      `Vi viser til innspillene over.\n\n[^1]: [${P}] «${Q}»\n[^2]: [${P}] «${Q}»\n[^3]: [${P}] «${Q}»\n`;
    const saved = await (await app.request(`/drafts/${created.id}`, jsonInit('PUT', { markdown: edited }))).json();
    expect(saved.verification.sentences.map((s: { verdict: string }) => s.verdict)).toEqual([
      'partly_supported',
      'unsupported',
      'supported',
      'uncited',
    ]);
    const md = await (await app.request(`/drafts/${created.id}/export?format=md&allowUnverified=true`)).text();
    expect(md).toContain(`[≈ må kontrolleres] ${PARAPHRASE}`);
    expect(md).toContain(`[✗ ikke støttet] ${UNSUPPORTED}`);
    expect(md).toMatch(/^> \*\*Kildekontroll:\*\* 2 setninger må kontrolleres/m);

    const report = await verifyBack(app, md);
    expect(verdicts(report)).toEqual(verdicts(saved.verification));
    expect(report.ok).toBe(false);
  }, 60_000);
});

describe('a section the drafter was unsure of (issue 17), exported and verified again', () => {
  it('stays ≈ sentence for sentence: a paragraph marked ≈ throughout reads as marked for review', async () => {
    const { app } = await seededApp();
    const request = parseYaml(await readFile('examples/consultation-digitalisering.yaml', 'utf8'));
    const unsure = 'Hvordan bør pensjonsreformen endres for offentlig ansatte?';
    const created = await (
      await app.request(
        '/drafts',
        jsonInit('POST', { ...request, consultation: { ...request.consultation, questions: [unsure] } }),
      )
    ).json();
    const marked = created.verification.sentences.filter((s: { reasons: string[] }) =>
      /^Usikkert om kilden svarer/.test(s.reasons[0] ?? ''),
    );
    expect(marked.length).toBeGreaterThan(0);
    const md = await (await app.request(`/drafts/${created.id}/export?format=md`)).text();
    expect(md).toContain('[≈ må kontrolleres] ');

    const report = await verifyBack(app, md);
    expect(verdicts(report)).toEqual(verdicts(created.verification));
    // Without the marks the same sentences pass the fixed checks: the ≈ came from the marks.
    const unmarked = await verifyBack(app, md.replaceAll('[≈ må kontrolleres] ', ''));
    expect(unmarked.sentences.filter((s) => s.verdict === 'supported').length).toBeGreaterThan(0);
  }, 60_000);
});

describe('the Markdown parser reads the export’s own lines as nothing', () => {
  const stored = renderMarkdown({
    title: 'Høringssvar',
    sections: [{ heading: 'Del', sentences: [{ text: FAITHFUL, citations: [{ passageId: P, quote: Q }] }] }],
  });
  const draft = (over: Partial<DraftDocument>) =>
    ({
      title: 'Høringssvar',
      language: 'nb',
      sections: [
        {
          kind: 'question',
          heading: 'Del',
          status: 'drafted',
          paragraphs: [[{ text: FAITHFUL, kind: 'claim', citations: [{ passageId: P, quote: Q }] }]],
          dropped: [],
          repairs: [],
          retrieved: [],
        },
      ],
      ...over,
    }) as DraftDocument;
  const withdrawal = {
    documentId: 'fagforbundet-uttalelse-2024',
    title: 'Uttalelse',
    organisation: 'Fagforbundet',
    withdrawnAt: '2026-03-04T10:00:00Z',
  };

  const authors = {
    extractive: { provider: 'extractive', model: 'extractive' },
    model: { provider: 'anthropic', model: 'claude-sonnet-4-5' },
    edited: { provider: 'person', model: 'manuell redigering', first: { provider: 'extractive', model: 'extractive' } },
  };
  it.each(
    (['nb', 'nn'] as const).flatMap((language) =>
      (Object.keys(authors) as (keyof typeof authors)[]).map((who) => [language, who] as const),
    ),
  )('notice, summary, withdrawn warning and mark in %s (%s version)', (language, who) => {
    const md = draftToMarkdown({
      draft: draft({ language }),
      markdown: stored,
      author: authors[who],
      withdrawn: new Map([[P, withdrawal]]),
    });
    expect(md.split('\n')[2]).toMatch(/^\*(Uttrekksbasert utkast|Utkast skr|Redigert for h)[^*]+\*$/);
    expect(md).toMatch(/^> \*\*Merk:\*\* /m);
    expect(md).toMatch(/\[✗ \S+ er tr(ukket|ekt) tilbake\] Fagforbundet/);
    expect(parseMarkdown(md)).toEqual(parseMarkdown(stored));
  });

  it.each(['nb', 'nn'] as const)('the internal-source mark in %s, alone and after a review mark', (language) => {
    const two = renderMarkdown({
      title: 'Høringssvar',
      sections: [
        {
          heading: 'Del',
          sentences: [
            { text: FAITHFUL, citations: [{ passageId: P, quote: Q }] },
            { text: PARAPHRASE, citations: [{ passageId: 'intern-p001', quote: 'offentlig eid' }] },
          ],
        },
      ],
    });
    const both = draft({ language });
    both.sections[0].paragraphs[0].push({
      text: PARAPHRASE,
      kind: 'claim',
      verdict: 'partly_supported',
      citations: [{ passageId: 'intern-p001', quote: 'offentlig eid' }],
    });
    // A title with full stops and brackets: the mark must stay one bracket and not end a sentence inside it.
    const internal = new Map([
      [P, { title: 'Styrevedtak 12. mars [utkast]' }],
      ['intern-p001', { title: 'Notat!' }],
    ]);
    const md = draftToMarkdown({ draft: both, markdown: two, internal });
    expect(md).toMatch(
      /\n\[Siterer (et|eit) internt dokument \(«Styrevedtak 12\\\. mars \(utkast\)»\): kontroller før sending\] Fagforbundet ønsker en skytjeneste/,
    );
    expect(md).toMatch(
      /\[≈ må kontroller(es|ast)\] \[Siterer (et|eit) internt dokument \(«Notat\\!»\): kontroller før sending\] Fagforbundet ønsker en offentlig/,
    );
    expect(md).toMatch(
      /^> \*\*(Kilde|Kjelde)kontroll:\*\* .*2 setning(er|ar) siterer interne dokument(er)? \(«Styrevedtak 12\. mars \(utkast\)», «Notat!»\)/m,
    );
    expect(parseMarkdown(md)).toEqual(parseMarkdown(two));
  });

  it('reads the export’s &lt; as < (safeMarkdown), and keeps a text’s own &lt; and &amp; as written', () => {
    const sd = {
      sections: [
        {
          sentences: [
            { text: 'Under <5 % har en plan.', citations: [{ passageId: 'a-p001', quote: 'under <5 % har en plan' }] },
            { text: 'Skriv &lt; og &amp; som tegn.', citations: [{ passageId: 'a-p002', quote: 'a &lt; b &amp; c' }] },
          ],
        },
      ],
    };
    const exported = draftToMarkdown({ draft: draft({}), markdown: renderMarkdown(sd) });
    expect(exported).toContain('Under &lt;5 % har en plan.');
    expect(exported).toContain('«under &lt;5 % har en plan»');
    expect(parseMarkdown(exported)).toEqual(sd);
    expect(parseMarkdown(renderMarkdown(sd))).toEqual(sd);
  });

  it('still reads a person’s own quoted note and a bracket inside a sentence as text', () => {
    const md = `> **Merk:** fristen er 1. mars.\n\nVi viser til [✓ punkt 2] i notatet.\n`;
    expect(parseMarkdown(md).sections.flatMap((s) => s.sentences.map((t) => t.text))).toEqual([
      '> **Merk:** fristen er 1. mars.',
      'Vi viser til [✓ punkt 2] i notatet.',
    ]);
  });

  it('keeps a sentence that itself starts like a mark (the renderer escapes it)', () => {
    const sd = { sections: [{ sentences: [{ text: '[✓ ok] er et merke.', citations: [] }] }] };
    const md = renderMarkdown(sd);
    expect(md).toBe('\\[✓ ok] er et merke.\n');
    expect(parseMarkdown(md)).toEqual(sd);
  });
});
