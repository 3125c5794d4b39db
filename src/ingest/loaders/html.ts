/**
 * Web pages (.html) through cheerio: drop the page chrome (navigation, site header and footer, cookie banners,
 * share buttons, scripts), keep the article (`main`, `article` or the body), and write it as Markdown-shaped text
 * with its headings. A Lovdata statute saved as HTML goes to the statute loader instead.
 *
 * NOTE: a readability-style heuristic, not a full Readability port: landmark elements and class/id names cover
 * the sites our users collect from (organisation pages, regjeringen.no, Lovdata), and link-dense lists catch menus
 * built without <nav>. A page with nothing left is refused with `no_content` rather than stored as its menu.
 */
import type * as cheerio from 'cheerio';
import type { Element } from 'domhandler';
import { ingestErrors } from '../errors.js';
import { decodeUtf8 } from './decode.js';
import { htmlToMarkdown } from './htmlMarkdown.js';
import { isLovdataHtml, statuteFromHtml } from './lovdata.js';
import type { Loader } from './types.js';

const CHROME = [
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'svg',
  'form',
  'button',
  'dialog',
  'nav',
  'aside',
  'menu',
  '[role="navigation"]',
  '[role="banner"]',
  '[role="contentinfo"]',
  '[role="search"]',
  '[role="dialog"]',
  '[role="alertdialog"]',
  '[aria-hidden="true"]',
  '[hidden]',
].join(', ');

// Class and id words of site chrome. Matched as whole words so "cookie-banner" and "site-footer" hit, "menyen" in
// an article class does not.
const CHROME_NAME =
  /(?:^|[\s_-])(?:cookies?|consent|gdpr|cmp|banner|navbar|nav|menu|breadcrumbs?|navigation|share|sharing|social|newsletter|skip-?link|site-?header|site-?footer|footer|masthead|sidebar|related|popup|modal|byline|dateline)(?:$|[\s_-])/i;

const CONTENT = 'main, article, [role="main"], h1';

/** Share of a block's text that sits inside links; menus and link lists are nearly all link text. */
function linkDensity($: cheerio.CheerioAPI, el: Element): number {
  const all = $(el).text().replace(/\s+/g, '').length;
  const links = $(el).find('a').text().replace(/\s+/g, '').length;
  return all === 0 ? 0 : links / all;
}

function stripChrome($: cheerio.CheerioAPI): void {
  $(CHROME).remove();
  // Site header and footer, but not an article's own <header> (its title) or <footer> (its byline).
  $('header, footer')
    .filter((_, el) => $(el).closest('article, main').length === 0)
    .remove();
  // A wrapper named for chrome ("layout has-sidebar") may hold the article itself: keep anything that does.
  const holdsContent = (el: Element) =>
    ['main', 'article', 'body', 'html'].includes(el.tagName) || $(el).find(CONTENT).length > 0;
  $('[class], [id]')
    .filter((_, el) => CHROME_NAME.test(`${$(el).attr('class') ?? ''} ${$(el).attr('id') ?? ''}`) && !holdsContent(el))
    .remove();
  $('ul, ol, div, p')
    .filter((_, el) => $(el).find('a').length >= 3 && linkDensity($, el) > 0.8 && !holdsContent(el))
    .remove();
}

/** The page's own title: og:title, else <title> without the " – Site name" suffix, else the first h1. */
function pageTitle($: cheerio.CheerioAPI): string | undefined {
  const og = $('meta[property="og:title"]').attr('content')?.trim();
  const title = $('title')
    .first()
    .text()
    .split(/\s[|–-]\s/)[0]
    ?.trim();
  const h1 = $('h1').first().text().replace(/\s+/g, ' ').trim();
  const t = og || title || h1;
  return t && t.length <= 500 ? t : undefined;
}

export const htmlLoader: Loader = {
  name: 'html',
  extensions: ['.html', '.htm', '.xhtml'],
  mediaTypes: ['text/html', 'application/xhtml+xml'],
  async load(bytes, filename) {
    if (bytes.length === 0) throw ingestErrors.emptyFile(filename);
    const html = decodeUtf8(bytes, filename);
    if (isLovdataHtml(html)) return statuteFromHtml(html, filename);
    // NOTE: cheerio is imported when a page is loaded, not at startup (~0.3 s of `npm start`).
    const $ = (await import('cheerio')).load(html);
    const title = pageTitle($);
    const hadText = $('body').text().trim() !== '';
    stripChrome($);
    const root = $(CONTENT).not('h1').first()[0] ?? $('body')[0];
    const text = root ? htmlToMarkdown(root) : '';
    // Headings alone (a menu's section titles) are not content either.
    if (hadText && !text.split('\n').some((l) => l.trim() !== '' && !l.startsWith('#')))
      throw ingestErrors.noContent(filename);
    return { text, format: 'html', syntax: 'markdown', ...(title ? { meta: { title } } : {}) };
  },
};
