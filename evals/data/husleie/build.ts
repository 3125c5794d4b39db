/**
 * Builds `passages.jsonl` for the tenancy-law retrieval set: one passage per § of husleieloven, read from the
 * project's own copy of the statute (evals/data/lovdata/nl-19990326-017.xml), in NorQuAD's shape
 * ({ id, title, text }) so `npm run eval:retrieval -- --passages … --questions …` takes it as it is.
 *
 *     npx tsx evals/data/husleie/build.ts            # writes evals/data/husleie/passages.jsonl
 *     npx tsx evals/data/husleie/build.ts --check    # exits 1 when the file on disk differs from a fresh build
 *
 * NOTE: the § comes from each article's `data-name` ("§9-3a"), not its element id: Lovdata's ids count §§ in
 * order, so after § 9-3 a every id in chapter 9 is one ahead of its § number (`kapittel-9-paragraf-4` is § 9-3 a).
 * Amendment notes and footnotes are Lovdata's editorial additions, not the law's words, and are left out.
 * Deterministic: same XML in, same bytes out.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as cheerio from 'cheerio';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const SOURCE = fileURLToPath(new URL('../lovdata/nl-19990326-017.xml', import.meta.url));
const OUT = `${HERE}passages.jsonl`;

export interface HusleiePassage {
  /** `hl-<chapter>-<n>[a]`, e.g. `hl-3-5`, `hl-9-3a`. */
  id: string;
  /** «§ 3-5. Depositum» */
  title: string;
  /** The title line, then one line per ledd; lettered items as «a) …». */
  text: string;
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** One passage per § article, in the statute's order. */
export function buildPassages(html: string): HusleiePassage[] {
  const $ = cheerio.load(html);
  $('article.changesToParent, footer.footnotes, sup.footnotereference').remove();
  const out: HusleiePassage[] = [];
  $('article.legalArticle[data-name^="§"]').each((_, el) => {
    const article = $(el);
    const name = article.attr('data-name') ?? '';
    const m = /^§(\d+)-(\d+[a-z]?)$/.exec(name);
    if (!m) throw new Error(`unexpected § name «${name}»`);
    const title = `${squash(article.find('.legalArticleValue').first().text())}. ${squash(
      article.find('.legalArticleTitle').first().text(),
    )}`;
    const lines: string[] = [];
    article.children('article.legalP').each((_, ledd) => {
      const copy = $(ledd).clone();
      // Lettered list items become «a) …» on their own line, as a reader of the printed law sees them.
      const items = copy
        .find('li')
        .map((_, li) => `${($(li).attr('data-name') ?? '').replace(/\.$/, ')')} ${squash($(li).text())}`)
        .get();
      copy.find('ol').remove();
      const body = squash(copy.text());
      if (body) lines.push(body);
      lines.push(...items);
    });
    out.push({ id: `hl-${m[1]}-${m[2]}`, title, text: [title, ...lines].join('\n') });
  });
  return out;
}

export const toJsonl = (passages: HusleiePassage[]) => passages.map((p) => JSON.stringify(p)).join('\n') + '\n';

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const jsonl = toJsonl(buildPassages(readFileSync(SOURCE, 'utf8')));
  if (process.argv.includes('--check')) {
    const same = readFileSync(OUT, 'utf8') === jsonl;
    console.log(same ? 'passages.jsonl er oppdatert.' : 'passages.jsonl avviker fra XML-en; kjør build.ts på nytt.');
    process.exitCode = same ? 0 : 1;
  } else {
    writeFileSync(OUT, jsonl);
    console.log(`${jsonl.trim().split('\n').length} paragrafer skrevet til ${OUT}`);
  }
}
