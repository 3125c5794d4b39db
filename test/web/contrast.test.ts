/**
 * The page's colour pairs meet WCAG 2.2 AA for text (contrast ≥ 4.5:1), read from the stylesheet itself so a
 * changed colour cannot slip through. The pairs are the ones app.css uses for text on a background.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';

const css = await readFile('src/web/public/app.css', 'utf8');
const vars = Object.fromEntries([...css.matchAll(/--([a-z-]+):\s*(#[0-9a-f]{6})/gi)].map((m) => [m[1], m[2]]));
const color = (c: string) => (c.startsWith('#') ? c : vars[c]);

/** [text, background, where] — names are CSS variables, or literal colours as in app.css. */
const PAIRS: [string, string, string][] = [
  ['text', 'bg', 'body text'],
  ['muted', 'bg', 'hints and meta'],
  ['muted', 'bg-soft', 'hints on grey panels'],
  ['accent', 'bg', 'links, secondary buttons'],
  ['accent-dark', 'accent-soft', 'model banner, hovered buttons'],
  ['#ffffff', 'accent', 'header and primary buttons'],
  ['#dfe8f1', 'accent', 'header tagline'],
  ['#ffffff', 'accent-dark', 'hovered primary buttons'],
  ['ok-text', 'ok-bg', 'supported marker'],
  ['partly-text', 'partly-bg', 'partly supported marker, extractive banner'],
  ['bad-text', 'bad-bg', 'unsupported marker, error messages'],
  ['bad-text', 'bg', 'field errors beside the inputs'],
  ['none-text', 'none-bg', 'no position marker'],
  ['pending-text', 'pending-bg', 'not yet checked marker'],
  ['text', '#ffe27a', 'highlighted quote'],
  ['text', '#fff7d1', 'changed sentence'],
  ['#4b5561', '#e3e6ea', 'disabled buttons'],
];

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5]
    .map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
    .map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

describe('colour contrast of the web page', () => {
  it('reads the colours from app.css', () => {
    expect(Object.keys(vars).length).toBeGreaterThan(15);
    for (const [fg, bg] of PAIRS) {
      expect(color(fg), fg).toMatch(/^#[0-9a-f]{6}$/i);
      expect(color(bg), bg).toMatch(/^#[0-9a-f]{6}$/i);
    }
  });

  it.each(PAIRS)('%s on %s (%s) is at least 4.5:1', (fg, bg) => {
    expect(contrast(color(fg), color(bg))).toBeGreaterThanOrEqual(4.5);
  });
});
