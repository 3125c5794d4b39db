import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanText } from '../../src/ingest/clean.js';
import { joinLines } from '../../src/ingest/lines.js';
import { repairLineBreaks, wrapStats } from '../../src/ingest/repair.js';
import { FIXTURES, loadSeed, loadSeeds, SEED_IDS } from './seeds.js';

const fixture = async () => cleanText(await readFile(join(FIXTURES, 'pdf-export.txt'), 'utf8')).text;

describe('detecting a hard-wrapped PDF export', () => {
  it('flags seed 002 (the PDF copy-out) and no other seed', async () => {
    const flagged = (await loadSeeds())
      .filter((s) => wrapStats(cleanText(s.raw).text).hardWrapped)
      .map((s) => s.meta.id);
    expect(flagged).toEqual([SEED_IDS.fagforbundetInput]);
  });

  it('reads one blank line as a soft wrap in seed 002', async () => {
    const stats = wrapStats(cleanText((await loadSeed(SEED_IDS.fagforbundetInput)).raw).text);
    expect(stats.softGap).toBe(1);
    expect(stats.width).toBeGreaterThan(60);
  });

  it('leaves normal web text untouched', async () => {
    for (const id of [SEED_IDS.fagforbundetStatement, SEED_IDS.osloAp, SEED_IDS.ks]) {
      const cleaned = cleanText((await loadSeed(id)).raw).text;
      expect(repairLineBreaks(cleaned)).toBe(cleaned);
    }
  });

  it('in normal text only rejoins a line break inside a sentence', async () => {
    const cleaned = cleanText((await loadSeed(SEED_IDS.ntl)).raw).text;
    const repaired = repairLineBreaks(cleaned);
    expect(repaired).toBe(
      cleaned.replace('forankres i\nmedbestemmelsesapparatet', 'forankres i medbestemmelsesapparatet'),
    );
  });
});

describe('rebuilding paragraphs of seed 002', () => {
  it('puts every paragraph on one line and starts none with a lower-case letter', async () => {
    const repaired = repairLineBreaks(cleanText((await loadSeed(SEED_IDS.fagforbundetInput)).raw).text);
    const lines = repaired.split('\n').filter((l) => l !== '');
    expect(lines.length).toBeLessThan(30);
    for (const line of lines) expect(line).toMatch(/^[\p{Lu}«“"]/u);
    expect(repaired).toContain(
      'Er det drivkrefter og utviklingstrekk som vil påvirke samfunnet generelt, og som strategien bør ta høyde for?\n',
    );
    expect(repaired).toContain('gjelder IKT-sikkerhet.');
    expect(repaired).toContain('både lokalt på virksomhetsnivå'); // a page break without a blank line
  });

  it('keeps the title and the first heading apart', async () => {
    const repaired = repairLineBreaks(cleanText((await loadSeed(SEED_IDS.fagforbundetInput)).raw).text);
    expect(
      repaired.startsWith('Innspill til ny nasjonal digitaliseringsstrategi\n\nForventninger til strategien\n\n'),
    ).toBe(true);
  });
});

describe('de-hyphenation (fixture in the layout of seed 002)', () => {
  it('joins a word hyphenated at a line end and keeps real hyphens', async () => {
    const repaired = repairLineBreaks(await fixture());
    expect(repaired).toContain('tilbud om kompetanseheving eller -endring når');
    expect(repaired).toContain('Arbeidet med IKT-sikkerhet må styrkes');
    expect(repaired).toContain('innen fag- og høyskoleutdanning');
    expect(repaired).toContain('innen e-helse, slik');
    expect(repaired).toContain('behov for kompetanseheving eller -endring i årene');
    expect(repaired).not.toMatch(/kompetanse-\s*heving|kompetanse heving/);
  });

  it('joins a full-width line with a next line that starts with a name', async () => {
    expect(repairLineBreaks(await fixture())).toContain('tillitsvalgte og med KS som arbeidsgiverorganisasjon');
  });

  it('keeps headings and the two-line ministry question as their own paragraphs', async () => {
    const paragraphs = repairLineBreaks(await fixture()).split('\n\n');
    expect(paragraphs.slice(0, 2)).toEqual(['Høringssvar om digital kompetanse i kommunene', 'Innledning']);
    expect(paragraphs).toContain(
      'Hvordan kan staten bidra til at kommunene lykkes med digitaliseringen av tjenestene sine?',
    );
  });
});

describe('joinLines', () => {
  it.each([
    ['kompetanse-', 'heving', 'kompetanseheving'],
    ['IKT-', 'sikkerhet', 'IKT-sikkerhet'],
    ['perioden 2019-', '2022', 'perioden 2019-2022'],
    ['innen e-', 'helse', 'innen e-helse'],
    ['i Nord-', 'Norge', 'i Nord-Norge'],
    ['fag-', 'og høyskole', 'fag- og høyskole'],
    ['kompetanseheving eller', '-endring', 'kompetanseheving eller -endring'],
    ['forankres i', 'medbestemmelsesapparatet.', 'forankres i medbestemmelsesapparatet.'],
    ['kommunene –', 'og staten', 'kommunene – og staten'],
  ])('%j + %j → %j', (a, b, joined) => {
    expect(joinLines(a, b)).toBe(joined);
  });
});
