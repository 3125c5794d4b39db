/**
 * Statutes in Lovdata's HTML (saved as .xml or .html): one passage per § (`article.legalArticle`) anchored at the
 * § its `data-name` names ("kapittel-3-paragraf-5" for § 3-5; see `paragraphAnchor`), with chapter and § titles as `headingPath`, and title, ministry and date
 * from the header `<dl>`. A citation can then say "husleieloven § 3-5" and link to the exact section.
 *
 * Amendment history ("Endret ved lov …") and footnotes are editorial notes, not the law's words, and are dropped.
 * Content outside any § (amendment laws have none) becomes one passage per enclosing section.
 */
import type * as cheerio from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import type { DocumentMeta } from '../../domain/types.js';
import { ingestErrors } from '../errors.js';
import { decodeUtf8 } from './decode.js';
import { htmlToMarkdown } from './htmlMarkdown.js';
import type { LoadedSection, LoadedText, Loader } from './types.js';

const EDITORIAL = 'article.changesToParent, footer.footnotes, sup.footnotereference';
const isElement = (n: AnyNode): n is Element => n.type === 'tag';
const hasClass = (el: Element, name: string) => (el.attribs.class ?? '').split(/\s+/).includes(name);
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Lovdata's document markup: the key-info header list and § articles or a document body. */
export function isLovdataHtml(html: string): boolean {
  return html.includes('data-document-key-info') && /class="(?:legalArticle|documentBody)"/.test(html);
}

/** Builds the text and its sections in one pass, keeping offsets exact. */
class Statute {
  private parts: string[] = [];
  private length = 0;
  sections: LoadedSection[] = [];

  private append(text: string): number {
    const s = text.normalize('NFC'); // offsets must survive ingest's own NFC normalisation (see positions.ts)
    const start = this.length + (this.parts.length ? 2 : 0);
    this.parts.push(s);
    this.length = start + s.length;
    return start;
  }

  heading(level: number, text: string): void {
    if (text) this.append(`${'#'.repeat(Math.min(6, level))} ${text}`);
  }

  unit(anchor: string | null, headingPath: string[], body: string): void {
    if (!body.trim()) return;
    const start = this.append(body);
    this.sections.push({ start, end: this.length, anchor, headingPath });
  }

  get text(): string {
    return this.parts.join('\n\n');
  }
}

/**
 * The § an article is, from its `data-name` ("§9-5", "§9-3a", "§19"), spelled as Lovdata's ids spell it
 * ("kapittel-9-paragraf-5", "kapittel-9-paragraf-3a", "paragraf-19"). NOTE: the element `id` is a running count
 * inside the chapter, not the § number: in husleieloven it shifts by one after § 9-3 a (`kapittel-9-paragraf-6` is
 * § 9-5), so a citation built from it named the wrong §. The id is kept only when `data-name` is missing or odd.
 */
export function paragraphAnchor(article: Element): string | null {
  const name = (article.attribs['data-name'] ?? '').replace(/\s+/g, '').toLowerCase();
  const chaptered = /^§(\d+)-(\d+[a-z]?)$/.exec(name);
  if (chaptered) return `kapittel-${chaptered[1]}-paragraf-${chaptered[2]}`;
  const plain = /^§(\d+[a-z]?)$/.exec(name);
  if (plain) return `paragraf-${plain[1]}`;
  return article.attribs.id ?? null;
}

function walk(
  $: cheerio.CheerioAPI,
  node: Element,
  stack: string[],
  level: number,
  out: Statute,
  skip?: Element,
): void {
  let loose: Element[] = [];
  const flushLoose = () => {
    const body = loose
      .map((el) => htmlToMarkdown(el))
      .filter(Boolean)
      .join('\n\n');
    out.unit(node.attribs.id ?? null, stack, body);
    loose = [];
  };
  for (const child of node.children) {
    if (!isElement(child) || child === skip) continue;
    if (hasClass(child, 'legalArticle')) {
      flushLoose();
      const header = $(child).children('.legalArticleHeader').first();
      const title = squash(header.text());
      const body = $(child).clone();
      body.children('.legalArticleHeader').remove();
      out.heading(level, title);
      out.unit(paragraphAnchor(child), [...stack, title], htmlToMarkdown(body[0]));
    } else if (child.name === 'section' || $(child).find('article.legalArticle').length > 0) {
      flushLoose();
      const heading = $(child).children('h1, h2, h3, h4, h5, h6').first();
      const title = squash(heading.text());
      out.heading(level, title);
      walk($, child, title ? [...stack, title] : stack, level + 1, out, heading[0]);
    } else if (/^h[1-6]$/.test(child.name)) {
      flushLoose();
      out.heading(Number(child.name[1]), squash($(child).text()));
    } else loose.push(child);
  }
  flushLoose();
}

const NYNORSK = new Set([
  'ikkje',
  'berre',
  'frå',
  'kva',
  'korleis',
  'dei',
  'eigedom',
  'eigar',
  'vere',
  'gjeld',
  'eit',
  'ein',
  'lova',
  'sjølv',
  'òg',
  'elles',
  'høve',
]);
const BOKMAAL = new Set([
  'ikke',
  'bare',
  'fra',
  'hva',
  'hvordan',
  'de',
  'eiendom',
  'eier',
  'være',
  'gjelder',
  'et',
  'en',
  'loven',
  'selv',
  'også',
  'ellers',
  'tilfelle',
]);

/** Nynorsk or Bokmål by counting words only one of them uses. */
function nynorskOrBokmaal(text: string): 'nn' | 'nb' {
  let nn = 0;
  let nb = 0;
  for (const w of text.toLowerCase().match(/\p{L}+/gu) ?? []) {
    if (NYNORSK.has(w)) nn++;
    else if (BOKMAAL.has(w)) nb++;
  }
  return nn > nb ? 'nn' : 'nb';
}

function headerMeta($: cheerio.CheerioAPI, text: string): LoadedText['meta'] {
  const dd = (cls: string) => $(`dl.data-document-key-info dd.${cls}`).first();
  const ministry = squash(dd('ministry').find('li').first().text() || dd('ministry').text());
  const dokid = squash(dd('dokid').text());
  const date = /\d{4}-\d{2}-\d{2}/.exec(dokid)?.[0] ?? /\d{4}-\d{2}-\d{2}/.exec(dd('dateInForce').text())?.[0];
  const title = squash(dd('title').text()) || squash($('main h1').first().text());
  const meta: Partial<DocumentMeta> = {
    organisation: ministry || 'Lovdata',
    kind: 'statute',
    language: nynorskOrBokmaal(text),
  };
  if (title) meta.title = title.slice(0, 500);
  if (date) meta.date = date;
  if (dokid) meta.source = `https://lovdata.no/dokument/${dokid}`;
  return meta;
}

/**
 * A Lovdata statute as text with one section per §.
 * @example (await statuteFromHtml(html, 'husleieloven.xml')).sections?.find((s) => s.anchor === 'kapittel-3-paragraf-5')
 */
export async function statuteFromHtml(html: string, filename: string): Promise<LoadedText> {
  // NOTE: cheerio is imported when a statute is loaded, not at startup (~0.3 s of `npm start`).
  const $ = (await import('cheerio')).load(html);
  $(EDITORIAL).remove();
  const main = $('main.documentBody, #dokument').first()[0] ?? $('body')[0];
  if (!main) throw ingestErrors.emptyDocument(filename);
  const out = new Statute();
  walk($, main, [], 2, out); // the law's title is the h1; chapters sit below it
  const text = out.text;
  return { text, format: 'lovdata', syntax: 'markdown', sections: out.sections, meta: headerMeta($, text) };
}

export const lovdataLoader: Loader = {
  name: 'lovdata',
  extensions: ['.xml'],
  mediaTypes: ['application/xml', 'text/xml'],
  async load(bytes, filename) {
    if (bytes.length === 0) throw ingestErrors.emptyFile(filename);
    const html = decodeUtf8(bytes, filename);
    if (!isLovdataHtml(html)) throw ingestErrors.unsupportedFormat(filename, ['.xml (bare lover i Lovdatas format)']);
    return statuteFromHtml(html, filename);
  },
};
