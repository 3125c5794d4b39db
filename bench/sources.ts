/**
 * The real Norwegian text the bench corpora are built from: NorQuAD passages, Lovdata statutes (one § per
 * paragraph block) and the seed corpus. Only project copies are read (evals/data, seeds), never ../shared.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as cheerio from 'cheerio';

export interface SourceDoc {
  source: 'norquad' | 'lovdata' | 'seed';
  title: string;
  /** Raw text as a file would hold it: paragraphs separated by blank lines. */
  text: string;
}

export const ROOT = new URL('..', import.meta.url).pathname;
const NORQUAD_PASSAGES = join(ROOT, 'evals/data/norquad/passages.jsonl');
const LOVDATA_DIR = join(ROOT, 'evals/data/lovdata');
const SEED_DIR = join(ROOT, 'seeds');

export function readJsonl<T>(path: string): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);
}

function norquadDocs(): SourceDoc[] {
  return readJsonl<{ id: string; title?: string; text: string }>(NORQUAD_PASSAGES).map((p) => ({
    source: 'norquad',
    title: p.title || p.text.split('\n')[0].slice(0, 80),
    text: p.text,
  }));
}

/**
 * One document per statute: each § becomes "§ n. Title" on its own line followed by its ledd as paragraphs.
 * Amendment notes (changesToParent) are left out: they are citations of other acts, not statute text.
 */
function lovdataDocs(): SourceDoc[] {
  if (!existsSync(LOVDATA_DIR)) return [];
  return readdirSync(LOVDATA_DIR)
    .filter((f) => f.endsWith('.xml'))
    .sort()
    .map((f) => {
      const $ = cheerio.load(readFileSync(join(LOVDATA_DIR, f), 'utf8'));
      const title = $('dd.titleShort').first().text().trim() || $('title').text().trim() || f;
      const blocks: string[] = [];
      $('article.legalArticle').each((_, art) => {
        const head = $(art).children('h3, h2, h4').first().text().replace(/\s+/g, ' ').trim();
        const ledd = $(art)
          .find('article.legalP')
          .map((__, p) => $(p).text().replace(/\s+/g, ' ').trim())
          .get()
          .filter(Boolean);
        if (ledd.length === 0) return;
        if (head) blocks.push(head);
        blocks.push(...ledd);
      });
      return { source: 'lovdata' as const, title, text: blocks.join('\n\n') };
    })
    .filter((d) => d.text.length > 0);
}

function seedDocs(): SourceDoc[] {
  return readdirSync(SEED_DIR)
    .filter((f) => f.endsWith('.txt') || f.endsWith('.md'))
    .filter((f) => f.toLowerCase() !== 'readme.md')
    .sort()
    .map((f) => ({
      source: 'seed' as const,
      title: f.replace(/\.\w+$/, ''),
      text: readFileSync(join(SEED_DIR, f), 'utf8'),
    }));
}

/** Every real source document, seeds first (smallest), then statutes, then NorQuAD. */
export function readSources(): SourceDoc[] {
  return [...seedDocs(), ...lovdataDocs(), ...norquadDocs()];
}

/** What the sources are, for the cache key and the report: counts and total characters per source. */
export function describeSources(docs: SourceDoc[]): Record<string, { documents: number; chars: number }> {
  const out: Record<string, { documents: number; chars: number }> = {};
  for (const d of docs) {
    const s = (out[d.source] ??= { documents: 0, chars: 0 });
    s.documents++;
    s.chars += d.text.length;
  }
  return out;
}
