import { describe, expect, it } from 'vitest';
import { BOILERPLATE_RULES } from '../../src/ingest/boilerplate-rules.js';
import { cleanText, normalizeWhitespace } from '../../src/ingest/clean.js';
import { loadSeed, SEED_IDS } from './seeds.js';

describe('boilerplate rules on the seeds', () => {
  it('drops the photo credit, chat greeting and tag list from the NTL page and keeps its content', async () => {
    const { raw } = await loadSeed(SEED_IDS.ntl);
    const { text, removed } = cleanText(raw);
    expect(text).not.toMatch(/^Foto$/m);
    expect(text).not.toContain('Tri N. Dinh');
    expect(text).not.toContain('Hei, jeg heter Isa');
    expect(text).not.toMatch(/^Tema$/m);
    expect(removed.map((r) => r.rule)).toEqual(['photo-credit', 'chat-widget-greeting', 'topic-tags-at-end']);
    expect(text).toContain('3.3 Digitalisering');
    expect(text).toContain('Veiledningsplikten må ivaretas uavhengig av hvordan man tar kontakt med det offentlige.');
  });

  it('drops the "(pdf)" link from the KS article and keeps its last paragraph', async () => {
    const { text } = cleanText((await loadSeed(SEED_IDS.ks)).raw);
    expect(text).not.toContain('(pdf)');
    expect(text).not.toContain('Les hele');
    expect(text.endsWith('og ikke kun symptomene.')).toBe(true);
  });

  it('drops the date line, empty byline and "Sist oppdatert" from the Fagforbundet statement', async () => {
    const { text } = cleanText((await loadSeed(SEED_IDS.fagforbundetStatement)).raw);
    expect(text).not.toContain('Sist oppdatert');
    expect(text).not.toMatch(/^05\.12\.2024$/m);
    expect(text).not.toMatch(/^av$/m);
    expect(text).toContain('Uttalelse fra Fagforbundets landsstyre, 5. desember 2024');
  });

  it('drops the image placeholder and NBSPs from the Oslo Ap statement, keeping the panel list', async () => {
    const { text } = cleanText((await loadSeed(SEED_IDS.osloAp)).raw);
    expect(text).not.toContain('Arkivbilde');
    expect(text).not.toContain('\u00A0');
    expect(text).not.toMatch(/ $/m);
    expect(text).toContain('• Hans Christian Gabrielsen, nestleder i LO\n');
  });

  it('drops the sign-off of the Fagforbundet input', async () => {
    const { text } = cleanText((await loadSeed(SEED_IDS.fagforbundetInput)).raw);
    expect(text).not.toContain('Vennlig hilsen');
    expect(text).not.toContain('FAGFORBUNDET');
    expect(text.endsWith('for utsatte grupper.')).toBe(true);
  });
});

describe('boilerplate rules leave content alone', () => {
  it.each([
    'Av sentrale budskap fra KS er blant annet:',
    'Regelverket for informasjonskapsler må forenkles for små virksomheter.',
    'Foto\nBildene viser kommunens nye kontorer.',
    'Les hele strategien før dere svarer på høringen.',
    'Tema for konferansen var digital kompetanse.',
    'Vi sender vennlig hilsen til alle som deltok, og ser fram til videre samarbeid.\nDet er mye å gjøre.',
  ])('keeps %j', (line) => {
    expect(cleanText(line).text).toBe(line);
  });

  it('every rule is global, named once and has a reason', () => {
    const names = BOILERPLATE_RULES.map((r) => r.name);
    expect(new Set(names).size).toBe(names.length);
    for (const rule of BOILERPLATE_RULES) {
      expect(rule.pattern.flags).toContain('g');
      expect(rule.reason.length).toBeGreaterThan(10);
    }
  });

  it.each([
    ['Foto: NTB scanpix', 'photo-credit'],
    ['Vi bruker informasjonskapsler (cookies) for å gi deg en bedre opplevelse.', 'cookie-banner'],
    ['Godta alle', 'cookie-buttons'],
    ['Last ned høringssvaret (PDF, 1,2 MB)', 'document-link'],
    ['Publisert 03.04.2023 kl. 10.15', 'last-updated'],
    ['Av Kari Nordmann', 'byline'],
    ['12. mars 2024', 'date-line'],
  ])('removes %j with %s', (line, rule) => {
    const { text, removed } = cleanText(`Kommunene må få mer ansvar.\n${line}\nDet er viktig.`);
    expect(removed.map((r) => r.rule)).toEqual([rule]);
    expect(text).toBe('Kommunene må få mer ansvar.\n\nDet er viktig.');
  });
});

describe('normalizeWhitespace', () => {
  it('unifies line ends, spaces and invisible characters', () => {
    expect(normalizeWhitespace('a\u00A0 b  \r\nc\u202Fd\t e \rf\u200B')).toBe('a b\nc d e\nf');
  });

  it('removes soft hyphens, joining a word split at a line end', () => {
    expect(normalizeWhitespace('kompe\u00ADtanse og digitali\u00AD\nsering')).toBe('kompetanse og digitalisering');
  });

  it('composes decomposed letters (NFC) so "å" is one character', () => {
    expect(normalizeWhitespace('pa\u030A')).toBe('på');
  });

  it('keeps indentation only when asked (Markdown)', () => {
    expect(normalizeWhitespace('  - punkt', true)).toBe('  - punkt');
    expect(normalizeWhitespace('  - punkt')).toBe('- punkt');
  });
});
