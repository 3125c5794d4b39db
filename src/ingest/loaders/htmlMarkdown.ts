/**
 * An HTML element tree → Markdown-shaped text for ingest: `#` headings by level, `- `/`1. ` list items, table
 * rows as `cell | cell` lines, every other block a paragraph. Shared by the HTML and DOCX loaders (mammoth turns
 * a DOCX into HTML), so both keep heading levels for `headingPath` and cut passages the same way.
 *
 * Inline markup (links, emphasis) is flattened to its text; images, scripts and forms are dropped.
 */
import type { AnyNode, Element } from 'domhandler';

const SKIP = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'canvas',
  'iframe',
  'object',
  'img',
  'picture',
  'video',
  'audio',
  'map',
  'button',
  'select',
  'input',
  'textarea',
  'head',
  'title',
  'meta',
  'link',
]);
const INLINE = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'cite',
  'code',
  'data',
  'del',
  'dfn',
  'em',
  'i',
  'ins',
  'kbd',
  'label',
  'mark',
  'q',
  'rp',
  'rt',
  'ruby',
  's',
  'samp',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'time',
  'u',
  'var',
  'wbr',
  'font',
]);

const isElement = (n: AnyNode): n is Element => n.type === 'tag' || n.type === 'script' || n.type === 'style';

/** The visible text of a subtree on one line (block boundaries become spaces). */
function inlineText(node: AnyNode): string {
  if (node.type === 'text') return (node as unknown as { data: string }).data;
  if (!isElement(node) || SKIP.has(node.name)) return '';
  if (node.name === 'br') return ' ';
  const inner = node.children.map(inlineText).join('');
  return INLINE.has(node.name) ? inner : ` ${inner} `;
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

class Writer {
  blocks: string[] = [];
  private inline = '';

  text(s: string): void {
    this.inline += s;
  }

  /** End the running paragraph, if any. */
  flush(): void {
    const lines = this.inline.split('\n').map(squash).filter(Boolean);
    if (lines.length) this.blocks.push(lines.join('\n'));
    this.inline = '';
  }

  block(s: string): void {
    this.flush();
    if (squash(s)) this.blocks.push(s);
  }
}

function list(el: Element, w: Writer, depth: number): void {
  let n = 0;
  for (const child of el.children) {
    if (!isElement(child) || child.name !== 'li') continue;
    n++;
    const marker = el.name === 'ol' ? `${n}. ` : '- ';
    const own = child.children.filter((c) => !(isElement(c) && (c.name === 'ul' || c.name === 'ol')));
    const text = squash(own.map(inlineText).join(''));
    if (text) w.block('  '.repeat(depth) + marker + text);
    for (const c of child.children) if (isElement(c) && (c.name === 'ul' || c.name === 'ol')) list(c, w, depth + 1);
  }
}

function table(el: Element, w: Writer): void {
  const rows: string[] = [];
  const walkRows = (node: Element) => {
    for (const c of node.children) {
      if (!isElement(c)) continue;
      if (c.name === 'tr') {
        const cells = c.children.filter((x): x is Element => isElement(x) && (x.name === 'td' || x.name === 'th'));
        const line = cells
          .map((cell) => squash(inlineText(cell)))
          .filter(Boolean)
          .join(' | ');
        if (line) rows.push(line);
      } else if (['thead', 'tbody', 'tfoot'].includes(c.name)) walkRows(c);
    }
  };
  walkRows(el);
  if (rows.length) w.block(rows.join('\n'));
}

function walk(node: AnyNode, w: Writer): void {
  if (node.type === 'text') {
    w.text((node as unknown as { data: string }).data);
    return;
  }
  if (!isElement(node) || SKIP.has(node.name)) return;
  const name = node.name;
  if (INLINE.has(name)) {
    for (const c of node.children) walk(c, w);
  } else if (name === 'br') {
    w.text('\n');
  } else if (/^h[1-6]$/.test(name)) {
    w.block(`${'#'.repeat(Number(name[1]))} ${squash(inlineText(node))}`);
  } else if (name === 'ul' || name === 'ol') {
    w.flush();
    list(node, w, 0);
  } else if (name === 'table') {
    table(node, w);
  } else {
    w.flush();
    for (const c of node.children) walk(c, w);
    w.flush();
  }
}

/**
 * Markdown-shaped text of `root`'s contents, blocks separated by blank lines.
 * @example htmlToMarkdown(cheerio.load('<h2>Mål</h2><p>Mer <b>tillit</b>.</p>')('body')[0]) === '## Mål\n\nMer tillit.'
 */
export function htmlToMarkdown(root: AnyNode): string {
  const w = new Writer();
  walk(root, w);
  w.flush();
  return w.blocks
    .filter((b) => !/^#{1,6} ?$/.test(b))
    .join('\n\n')
    .normalize('NFC');
}
