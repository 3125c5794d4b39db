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
