/**
 * Organisations' other whole names (src/text/data/organisations.json `names`, read by verify/holder.ts): a draft by
 * NTL saying «Norsk Tjenestemannslag mener …» is held to NTL, a document stored under the long name is NTL's «vi»,
 * and names the table knows as two organisations stay two («Yrkesorganisasjonenes Sentralforbund» is not KS,
 * although «sentralforbund» is read as KS's word).
 */
import { describe, expect, it } from 'vitest';
import type { PassageWithDocument } from '../../src/domain/types.js';
import { memoryPassageSource, verifyDraft } from '../../src/verify/index.js';
import { sameOrganisation } from '../../src/verify/holder.js';
import { draftOf, seeds } from './seedSource.js';

/** A seed passage and the first sentence in it that matches `re`. */
async function passage(re: RegExp) {
  const p = (await seeds()).find((x) => re.test(x.text))!;
  return { p, quote: p.text.match(re)![0] };
}

async function check(text: string, p: PassageWithDocument, quote: string, organisation: string) {
  const source = memoryPassageSource([p]);
  const [s] = (await verifyDraft(draftOf(text, p.id, quote), { source }, { organisation })).sentences;
  return { verdict: s.verdict, holder: s.checks?.holder, reasons: s.reasons };
}

describe('whole names of one organisation in the holder check', () => {
  it('holds «Norsk Tjenestemannslag mener …» in a draft by NTL to NTL’s document', async () => {
    const { p, quote } = await passage(/NTL mener utvikling og drift[^.]*\./);
    const r = await check(quote.replace('NTL', 'Norsk Tjenestemannslag'), p, quote, 'NTL');
    expect(r).toEqual({
      verdict: 'supported',
      holder: { name: 'Norsk Tjenestemannslag', ok: true },
      reasons: [],
    });
  });

  it('holds «vi» in a draft by NTL to a document stored under «Norsk Tjenestemannslag», and the other way', async () => {
    const { p, quote } = await passage(/NTL mener utvikling og drift[^.]*\./);
    const longName = { ...p, document: { ...p.document, organisation: 'Norsk Tjenestemannslag' } };
    const we = quote.replace('NTL', 'Vi');
    expect((await check(we, longName, quote, 'NTL')).holder).toEqual({ name: 'NTL', ok: true });
    expect((await check(we, p, quote, 'Norsk Tjenestemannslag')).holder).toEqual({
      name: 'Norsk Tjenestemannslag',
      ok: true,
    });
    const other = await check(we, p, quote, 'Norsk Sykepleierforbund');
    expect(other.verdict).toBe('unsupported');
    expect(other.holder).toEqual({ name: 'Norsk Sykepleierforbund', ok: false });
  });

  it('does not hold YS’s long name to KS’s document', async () => {
    const { p, quote } = await passage(/KS mener derfor at innovasjon[^.]*\./);
    const r = await check(quote.replace('KS', 'Yrkesorganisasjonenes Sentralforbund'), p, quote, 'KS');
    expect(r.verdict).toBe('unsupported');
    expect(r.holder).toEqual({ name: 'Yrkesorganisasjonenes Sentralforbund', ok: false });
    expect(r.reasons.join(' ')).toContain('legger standpunktet i munnen på Yrkesorganisasjonenes Sentralforbund');
    expect((await check(quote.replace('KS', 'Kommunenes Sentralforbund'), p, quote, 'KS')).holder).toEqual({
      name: 'Kommunenes Sentralforbund',
      ok: true,
    });
  });

  it('reads the table both ways and keeps other organisations apart', () => {
    expect(sameOrganisation('NSF', 'Norsk Sykepleierforbund')).toBe(true);
    expect(sameOrganisation('Næringslivets Hovedorganisasjon', 'NHO')).toBe(true);
    expect(sameOrganisation('Landsorganisasjonen i Norge', 'LO')).toBe(true);
    expect(sameOrganisation('Norsk Tjenestemannslag', 'NTL Oslo')).toBe(true);
    expect(sameOrganisation('YS', 'LO')).toBe(false);
    expect(sameOrganisation('NHO', 'Norsk Sykepleierforbund')).toBe(false);
    expect(sameOrganisation('Fellesorganisasjonen', 'Fagforbundet')).toBe(false);
  });
});
