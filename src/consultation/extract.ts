/**
 * Reading a consultation's fields out of its stored text, by the rules in rules.json: title, issuer, reference,
 * deadline, the questions put to the høringsinstanser and the ministry's proposals. Each value keeps the offsets of
 * the text it was read from; `locate.ts` turns those into passage ids and pages. Nothing is guessed: a field the
 * rules do not find is null (or an empty list).
 */
import { splitSentences } from '../text/sentences.js';
import { blocks, itemBlocks, NUMBERED, type Block } from './blocks.js';
import { findDate, withYearAfter } from './dates.js';
import { RULES } from './rules.js';

export interface Span {
  start: number;
  end: number;
}
export interface Found extends Span {
  value: string;
}
export interface FoundProposal extends Span {
  number: string | null;
  heading: string;
  chapter: { number: string; heading: string } | null;
  text: string;
  /** The section's extent in the text (heading end → next heading of the same or a higher level). */
  section: Span;
}
export interface RawExtraction {
  title: Found | null;
  issuer: Found | null;
  reference: Found | null;
  deadline: Found | null;
  /** The letter's own date (Dato / Høringsdato), ISO; the stored document's date. */
  letterDate: string | null;
  questions: Found[];
  proposals: FoundProposal[];
}

/** The fields a document's metadata needs before it is cut (title, issuer, date): cheap, from the head. */
export function consultationHead(text: string): { title: string | null; issuer: string | null; date: string | null } {
  const bs = blocks(text.slice(0, RULES.headWindow * 2));
  return {
    title: findTitle(bs)?.value ?? null,
    issuer: findIssuer(text)?.value ?? null,
    date: findLetterDate(text),
  };
}

/**
 * @example extractFields('Høringsfristen er 1. mars 2025.').deadline?.value === '2025-03-01'
 */
export function extractFields(text: string): RawExtraction {
  const bs = blocks(text);
  const letterDate = findLetterDate(text);
  return {
    title: findTitle(bs),
    issuer: findIssuer(text),
    reference: findReference(text),
    deadline: findDeadline(text, letterDate),
    letterDate,
    questions: findQuestions(text, bs),
    proposals: findProposals(text, bs),
  };
}

function findTitle(bs: Block[]): Found | null {
  const head = bs.filter((b) => b.start < RULES.headWindow);
  const line = head.find((b) => b.heading && RULES.titleLine.test(b.text));
  if (line) return { value: line.text, start: line.start, end: line.end };
  const i = head.findIndex((b) => RULES.titleBefore.test(b.text.trim()));
  const next = i >= 0 ? bs[i + 1] : undefined;
  return next?.heading ? { value: next.text, start: next.start, end: next.end } : null;
}

function findIssuer(text: string): Found | null {
  const re = new RegExp(RULES.issuer.source, RULES.issuer.flags);
  const m = re.exec(text.slice(0, RULES.headWindow));
  return m ? { value: m[0], start: m.index, end: m.index + m[0].length } : null;
}

/** The first value within `window` characters after any anchor, in the order they appear. */
function afterAnchor<T>(text: string, anchor: RegExp, window: number, read: (s: string, at: number) => T | null) {
  const re = new RegExp(anchor.source, anchor.flags);
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const at = m.index + m[0].length;
    const got = read(text.slice(at, at + window), at);
    if (got) return got;
  }
  return null;
}

function findReference(text: string): Found | null {
  return afterAnchor(text.slice(0, RULES.headWindow), RULES.referenceAnchor, RULES.referenceWindow, (s, at) => {
    const m = RULES.referenceValue.exec(s);
    return m ? { value: m[0], start: at + m.index, end: at + m.index + m[0].length } : null;
  });
}

function findLetterDate(text: string): string | null {
  const head = text.slice(0, RULES.headWindow);
  const anchored = afterAnchor(head, RULES.letterDateAnchor, RULES.letterDateWindow, (s) => {
    const d = findDate(s);
    return d?.iso ?? null;
  });
  if (anchored) return anchored;
  // No «Dato»: a line that is only a date (or «Sted, dato»), as letters print it under the letterhead.
  for (const m of head.matchAll(RULES.letterDateLine)) {
    const d = findDate(m.groups!.date);
    if (d?.iso) return d.iso;
  }
  return null;
}

function findDeadline(text: string, letterDate: string | null): Found | null {
  return afterAnchor(text, RULES.deadlineAnchor, RULES.deadlineWindow, (s, at) => {
    // The date must belong to the anchor's sentence: stop at the sentence's end.
    const sentence = s.split(/(?<=[.!?])\s+(?=\p{Lu})|\n\n/u)[0]!;
    const d = findDate(sentence);
    if (!d) return null;
    const value = d.iso ?? (letterDate ? withYearAfter(d, letterDate) : null);
    return value ? { value, start: at + d.start, end: at + d.end } : null;
  });
}

/** Strip a list mark («1.», «–», «a)», «•») from a question; null for a block that is no list item. */
const itemText = (b: Block) => RULES.listItem.exec(b.text)?.[1] ?? null;

/**
 * The questions: each item of the list after a lead-in that asks the høringsinstanser («… syn på følgende:»), in
 * whatever file the list came (one paragraph per item from DOCX; one block, or the lead-in's own block, from text,
 * Markdown and PDF: itemBlocks cuts those as DOCX does); else the question a trigger sentence puts after its colon,
 * else the sentence itself. The lead-in of a list is never a question.
 */
function findQuestions(text: string, whole: Block[]): Found[] {
  const bs = itemBlocks(whole, (line) => RULES.listItem.test(line));
  const out: Found[] = [];
  const seen = new Set<string>();
  const add = (value: string, start: number) => {
    const v = value.replace(/\s+/g, ' ').trim();
    const key = v.toLowerCase();
    if (v.length < 8 || seen.has(key)) return;
    seen.add(key);
    out.push({ value: v, start, end: start + value.trimEnd().length });
  };
  for (const [i, b] of bs.entries()) {
    if (!RULES.questionTrigger.test(b.text)) continue;
    for (const s of splitSentences(b.text)) {
      const sentence = b.text.slice(s.start, s.end);
      const trig = RULES.questionTrigger.exec(sentence);
      if (!trig) continue;
      const colon = sentence.indexOf(':', trig.index);
      const after = colon >= 0 ? sentence.slice(colon + 1).trim() : '';
      if (colon >= 0 && after === '' && s.end >= b.text.trimEnd().length - 1) {
        // «… følgende spørsmål:» then a list.
        for (const item of bs.slice(i + 1)) {
          const q = itemText(item);
          if (q === null) break;
          add(q, item.end - q.length);
        }
      } else if (after) {
        add(after, b.start + s.start + sentence.indexOf(after, colon));
      } else {
        add(sentence, b.start + s.start);
      }
    }
  }
  return out;
}

function findProposals(text: string, bs: Block[]): FoundProposal[] {
  // The outline: every heading, with its number when it has one.
  const outline = bs
    .filter((b) => b.heading)
    .map((b) => {
      const m = NUMBERED.exec(b.text);
      return { block: b, number: m ? m[1]! : null, title: m ? m[2]! : b.text };
    });
  const out: FoundProposal[] = [];
  for (const [i, h] of outline.entries()) {
    if (!RULES.proposalHeading.test(h.title)) continue;
    const depth = h.number ? h.number.split('.').length : Infinity;
    // The section runs to the next heading of the same or a higher level (any heading when unnumbered).
    const next = outline
      .slice(i + 1)
      .find((o) => !h.number || (o.number === null ? o.block.marked : o.number.split('.').length <= depth));
    const section = { start: h.block.end, end: next ? next.block.start : text.length };
    const body = text.slice(section.start, section.end);
    const sentences = splitSentences(body).map((s) => ({
      text: body.slice(s.start, s.end).trim(),
      start:
        section.start + s.start + (body.slice(s.start, s.end).length - body.slice(s.start, s.end).trimStart().length),
    }));
    const statement = sentences.find((s) => RULES.proposalStatement.test(s.text)) ?? sentences[0];
    if (!statement) continue;
    const chapterNo = h.number?.split('.')[0];
    const chapter =
      chapterNo && chapterNo !== h.number
        ? outline
            .slice(0, i)
            .reverse()
            .find((o) => o.number === chapterNo)
        : undefined;
    out.push({
      number: h.number,
      heading: h.title,
      chapter: chapter ? { number: chapter.number!, heading: chapter.title } : null,
      text: statement.text,
      start: statement.start,
      end: statement.start + statement.text.length,
      section,
    });
  }
  return out;
}
