/**
 * Page furniture: running headers, footers and page numbers that a PDF repeats on every page. Left in, they
 * would land in the middle of sentences that run across a page break, and in passages as noise.
 *
 * A line is furniture when it sits in the outer band of the page (among the top or bottom rows, near the edge)
 * and either looks like a page number ("3", "Side 3 av 12", "– 3 –") or repeats, digits aside, at the same
 * height on at least half the pages.
 */

export interface Placed {
  text: string;
  y: number;
}

// Outer share of the page height where headers and footers live, and how many rows from each edge we consider.
const EDGE_SHARE = 0.15;
const TOP_ROWS = 2;
const BOTTOM_ROWS = 3;

const PAGE_NUMBER = [
  /^(?:(?:side|sida|s\.|page)\s*)?\d{1,4}(?:\s*(?:av|\/|of)\s*\d{1,4})?$/iu,
  /^[-–—]\s*\d{1,4}\s*[-–—]$/u,
  /^[ivxlc]{1,6}$/iu,
];

export const isPageNumber = (text: string) => PAGE_NUMBER.some((re) => re.test(text.trim()));

const key = (s: Placed) =>
  `${Math.round(s.y / 4)}|${s.text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim()}`;

/** The segments of one page that are candidates: near the top or bottom edge, in the outermost rows. */
function edgeCandidates<T extends Placed>(segs: T[], height: number): Set<T> {
  const rows = [...new Set(segs.map((s) => Math.round(s.y)))].sort((a, b) => b - a);
  const top = new Set(rows.slice(0, TOP_ROWS));
  const bottom = new Set(rows.slice(-BOTTOM_ROWS));
  return new Set(
    segs.filter((s) => {
      const row = Math.round(s.y);
      return (top.has(row) && s.y >= (1 - EDGE_SHARE) * height) || (bottom.has(row) && s.y <= EDGE_SHARE * height);
    }),
  );
}

/**
 * Remove headers, footers and page numbers from every page.
 * @example dropFurniture([[{ text: '1', y: 20 }, { text: 'Tekst', y: 400 }]], [595]) // [[{ text: 'Tekst', y: 400 }]]
 */
export function dropFurniture<T extends Placed>(pages: T[][], heights: number[]): T[][] {
  const candidates = pages.map((segs, i) => edgeCandidates(segs, heights[i]));
  const seenOn = new Map<string, number>();
  for (const set of candidates) {
    for (const k of new Set([...set].map(key))) seenOn.set(k, (seenOn.get(k) ?? 0) + 1);
  }
  const threshold = Math.max(2, Math.ceil(0.5 * pages.length));
  return pages.map((segs, i) =>
    segs.filter((s) => !(candidates[i].has(s) && (isPageNumber(s.text) || (seenOn.get(key(s)) ?? 0) >= threshold))),
  );
}
