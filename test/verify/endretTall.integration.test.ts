/**
 * The endret-tall.md fixture against the real store: in-memory PGlite, migrated, seeds/ ingested the way the
 * server does at startup, read through storePassageSource. Three faults must be flagged with reasons; the rest pass.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/store/db.js';
import { storePassageSource, verifyMarkdown, type VerificationReport } from '../../src/verify/index.js';
import { formatReport } from '../../src/verify/textReport.js';
import { seededStore } from '../helpers/runtime.js';

let db: Db;
let report: VerificationReport;

beforeAll(async () => {
  ({ db } = await seededStore());
  const md = await readFile(new URL('../fixtures/drafts/endret-tall.md', import.meta.url), 'utf8');
  report = await verifyMarkdown(md, { source: storePassageSource(db) }, { organisation: 'Fagforbundet' });
});

afterAll(async () => {
  await db?.close();
});

const sentence = (start: string) => report.sentences.find((s) => s.text.startsWith(start))!;

describe('endret-tall.md', () => {
  it('flags the changed number, naming the number in the source', () => {
    const s = sentence('Fagforbundet viser til at regjeringa oppgir at rundt 950 000');
    expect(s.verdict).toBe('contradicted');
    expect(s.citations[0]).toMatchObject({ status: 'ok', tier: 'exact' });
    expect(s.reasons.join(' ')).toContain('Tallet «950 000» står ikke i kilden, som har «850 000»');
  });

  it('flags the added "ikke"', () => {
    const s = sentence('NTL mener at utvikling og drift');
    expect(s.verdict).toBe('contradicted');
    expect(s.reasons.join(' ')).toMatch(/Setningen sier «ikke» om .*men kilden har ingen nektelse der/);
  });

  it('flags the quote from the wrong document and names the passage that really says it', () => {
    const s = sentence('En ny nasjonal skyløsning');
    expect(s.verdict).toBe('unsupported');
    expect(s.citations[0]).toMatchObject({
      passageId: 'ks-innspill-digitaliseringsstrategi-2023-p003',
      status: 'misattributed',
      tier: 'exact',
      actualPassageId: 'fagforbundet-innspill-digitaliseringsstrategi-2023-p001',
      actualDocument: { organisation: 'Fagforbundet' },
    });
    expect(s.citations[0].reason).toContain('men i fagforbundet-innspill-digitaliseringsstrategi-2023-p001');
  });

  it('passes everything else: exempt greeting, "vi", 2/3 as "to tredjedeler", a quote across a line break', () => {
    const flagged = report.sentences.filter((s) => s.verdict !== 'supported' && !(s.verdict === 'uncited' && !s.claim));
    expect(flagged.map((s) => s.text.slice(0, 30))).toHaveLength(3);
    expect(sentence('Regjeringen har som mål').citations[0].tier).toBe('normalised');
    expect(report.ok).toBe(false);
    expect(report.summary.statuses).toMatchObject({ ok: 6, misattributed: 1 });
  });

  it('prints a readable Norwegian report', () => {
    const text = formatReport(report, { title: 'endret-tall.md' });
    expect(text).toContain('MOTSAGT: Fagforbundet viser til');
    expect(text).toContain('Utkastet har feil som må rettes før det brukes.');
  });
});
