/**
 * The stored text as blocks: paragraphs and headings, as ingest leaves them (separated by blank lines; DOCX and
 * HTML headings keep their Markdown «#»). Offsets point into the stored text, past a heading's «#» marks.
 */
export interface Block {
  text: string;
  start: number;
  end: number;
  /** A heading by its Markdown mark, or a short unpunctuated line (how PDF headings come out). */
  heading: boolean;
  /** A Markdown heading («## …», from DOCX and HTML): a section boundary even without a number. */
  marked: boolean;
}

/** Numbered headings: «5», «5.3», «5.3.1» then the title («5.3 Departementets forslag»). */
export const NUMBERED = /^(\d{1,2}(?:\.\d{1,2}){0,3})\.?\s+(\p{Lu}.*)$/u;

export function blocks(text: string): Block[] {
  const out: Block[] = [];
  const re = /[^\n]+(?:\n[^\n]+)*/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const mark = /^#{1,6}\s+/.exec(m[0]);
    const lead = mark ? mark[0].length : 0;
    const body = m[0].slice(lead).trimEnd();
    if (!body.trim()) continue;
    const short = body.length <= 140 && !/[.:;,?!]$/.test(body) && !body.includes('\n');
    out.push({
      text: body,
      start: m.index + lead,
      end: m.index + lead + body.length,
      heading: !!mark || short,
      marked: !!mark,
    });
  }
  return out;
}

/**
 * The blocks with every list cut out item by item, as the DOCX reader leaves a list (one paragraph per item): text
 * and Markdown files keep a list in one block, often in the block of the line that introduces it
 * («… syn på følgende:\n- Bør …?\n- Er …?»). A line that opens with a list mark (`isItem`) starts a block; a line
 * under an item continues it when it is indented or the item's last line ends mid-sentence (a wrapped line), else
 * starts a block of its own. Only the questions read these: the outline of headings keeps the blocks whole.
 * @example itemBlocks(blocks('Vi ber om syn på følgende:\n- Bør A?\n- Er B?'), isItem).map((b) => b.text)
 *   // ['Vi ber om syn på følgende:', '- Bør A?', '- Er B?']
 */
export function itemBlocks(bs: Block[], isItem: (line: string) => boolean): Block[] {
  return bs.flatMap((b) => {
    if (!b.text.includes('\n')) return [b];
    const out: Block[] = [];
    let current: { start: number; end: number; item: boolean } | null = null;
    const close = () => {
      if (current) out.push(piece(b, current.start, current.end));
    };
    let at = 0;
    for (const line of b.text.split('\n')) {
      const start = at + (line.length - line.trimStart().length);
      const end = at + line.trimEnd().length;
      at += line.length + 1;
      if (end <= start) continue;
      const item = isItem(line.trim());
      const wrapped = !!current?.item && (/^\s/.test(line) || !/[.!?:;»"]$/.test(b.text.slice(0, current.end)));
      const plain = !!current && !current.item;
      if (!item && (wrapped || plain)) current!.end = end;
      else {
        close();
        current = { start, end, item };
      }
    }
    close();
    return out;
  });
}

const piece = (b: Block, start: number, end: number): Block => ({
  text: b.text.slice(start, end),
  start: b.start + start,
  end: b.start + end,
  heading: false,
  marked: false,
});
