import { describe, expect, it } from 'vitest';
import { ingestBytes } from '../../src/ingest/index.js';
import { TEST_META, expectWellFormed, fixture, ingestError } from '../helpers/documents.js';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('HTML page with a nav bar, cookie banner and footer', () => {
  it('keeps the article with its headings and drops the site chrome', async () => {
    const doc = await ingestBytes(fixture('article-with-chrome.html'), 'side.html', TEST_META);
    expectWellFormed(doc);
    expect(doc.format).toBe('html');
    for (const chrome of [
      'Om oss',
      'Bli medlem',
      'informasjonskapsler',
      'Godta alle',
      'Forsiden',
      'Del på Facebook',
      'Les også',
      'Postboks 123',
      'Instagram',
      'dataLayer',
      'font-family',
    ]) {
      expect(doc.text, chrome).not.toContain(chrome);
    }
    expect(doc.passages[0].text).toMatch(/^Testforbundet Vest takker for muligheten/);
    expect(doc.passages[0].headingPath).toEqual(['Høringsinnspill om kommunal digitalisering', 'Innledning']);
    const list = doc.passages.find((p) => p.text.includes('opplæringen skjer i arbeidstiden'));
    expect(list?.text).toContain('- tillitsvalgte involveres før nye systemer anskaffes,');
  });

  it('refuses a page that is all navigation with a message saying so', async () => {
    const err = await ingestError(() => ingestBytes(fixture('navigation-only.html'), 'meny.html', TEST_META));
    expect(err.code).toBe('no_content');
    expect(err.message).toMatch(/ikke noe innhold utenom navigasjon/);
  });

  it('drops link lists built without <nav>, but keeps a paragraph with a link in it', async () => {
    const html = `<body><div class="links"><a href="/a">Arbeidsliv</a> <a href="/b">Helse</a> <a href="/c">Skole</a></div>
      <p>Vi viser til <a href="/h">høringsnotatet</a> og mener at kommunene må få mer ansvar for digitaliseringen.</p></body>`;
    const doc = await ingestBytes(utf8(html), 'lenker.html', TEST_META);
    expect(doc.text).toBe('Vi viser til høringsnotatet og mener at kommunene må få mer ansvar for digitaliseringen.');
  });
});

describe('chrome names on wrappers', () => {
  it('keeps an article inside a wrapper whose class names chrome ("has-sidebar")', async () => {
    const html = `<body><div class="layout has-sidebar"><aside class="sidebar"><a href="/">Forsiden</a></aside>
      <article><h1>Innspill</h1><p>Vi mener at kommunene må få mer ansvar for digitaliseringen.</p></article></div></body>`;
    const doc = await ingestBytes(new TextEncoder().encode(html), 'wrapper.html', TEST_META);
    expect(doc.text).toBe('# Innspill\n\nVi mener at kommunene må få mer ansvar for digitaliseringen.');
  });
});
