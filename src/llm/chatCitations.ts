/**
 * A chat model cannot extract quotes; it writes them. The prompt (prompts/chat-citations.md) asks for JSON with a
 * passage id and a verbatim quote per citation; this module wraps the sources as data and parses the answer.
 * Weaker models sometimes answer in prose with inline markers `[passage-id «quote»]`; those are parsed too.
 * Whatever is parsed goes to the verifier, which flags quotes that are not really in the passage.
 */
import { z } from 'zod';
import { splitSentences } from '../text/sentences.js';
import { LlmOutputError } from './errors.js';
import { cleanSentence } from './sentencesFromBlocks.js';
import type { CitationRef, CitedSentence, SourcePassage } from './types.js';

/** Sources as `<kilde>` elements. A closing tag inside a passage is defused so the text cannot end its element. */
export function wrapSources(sources: SourcePassage[]): string {
  const attr = (s: string) => s.replace(/[<>"&]/g, ' ');
  return sources
    .map(
      (s) =>
        `<kilde id="${attr(s.id)}" organisasjon="${attr(s.organisation)}" dokument="${attr(s.title)}" dato="${attr(s.date)}">\n` +
        `${s.text.replace(/<\/?\s*kilde/gi, (m) => m.replace('<', '‹'))}\n</kilde>`,
    )
    .join('\n\n');
}

const Citation = z.object({ passageId: z.string().min(1), quote: z.string() });
const Sentence = z.object({ text: z.string(), citations: z.array(Citation).default([]) });
const Answer = z.union([
  z.object({ paragraphs: z.array(z.array(Sentence)) }),
  z.object({ sentences: z.array(Sentence) }).transform((a) => ({ paragraphs: [a.sentences] })),
]);

/**
 * Parse the model's answer into paragraphs of sentences.
 * @example parseChatAnswer('{"paragraphs":[[{"text":"Vi vil.","citations":[{"passageId":"a-p001","quote":"Vi vil ha det"}]}]]}')
 */
export function parseChatAnswer(content: string): CitedSentence[][] {
  const json = extractJson(content);
  if (json !== undefined) {
    const parsed = Answer.safeParse(json);
    if (!parsed.success)
      throw new LlmOutputError('JSON-svaret har ikke formen {"paragraphs": [[{"text", "citations"}]]}');
    const paragraphs = parsed.data.paragraphs
      .map((p) =>
        p
          .map((s) => ({
            text: cleanSentence(s.text),
            citations: s.citations
              .filter((c) => c.quote.trim())
              .map((c) => ({ passageId: c.passageId.trim(), quote: c.quote })),
          }))
          .filter((s) => s.text),
      )
      .filter((p) => p.length);
    if (paragraphs.length === 0) throw new LlmOutputError('svaret var tomt');
    return paragraphs;
  }
  const inline = parseInlineMarkers(content);
  if (inline.length === 0) throw new LlmOutputError('svaret var verken JSON eller tekst med kildehenvisninger');
  return inline;
}

function extractJson(content: string): unknown {
  const unfenced = content.replace(/^\s*```(?:json)?\s*/i, '').replace(/\s*```\s*$/, '');
  const start = unfenced.indexOf('{');
  const end = unfenced.lastIndexOf('}');
  if (start === -1 || end <= start) return undefined;
  try {
    return JSON.parse(unfenced.slice(start, end + 1));
  } catch {
    if (/^\s*\{/.test(unfenced)) throw new LlmOutputError('svaret er ugyldig JSON');
    return undefined;
  }
}

const MARKER = /\[([\p{L}\p{N}][\p{L}\p{N}._:-]*)\s+[«“"]([\s\S]+?)[»”"]\]/gu;

/** Prose with `[passage-id «quote»]` after the words they back. */
export function parseInlineMarkers(content: string): CitedSentence[][] {
  const paragraphs: CitedSentence[][] = [];
  for (const para of content.split(/\n[ \t]*\n/)) {
    const markers: { at: number; citation: CitationRef }[] = [];
    let plain = '';
    let last = 0;
    for (const m of para.matchAll(MARKER)) {
      plain += para.slice(last, m.index);
      markers.push({ at: plain.length, citation: { passageId: m[1], quote: m[2] } });
      last = m.index + m[0].length;
    }
    plain += para.slice(last);
    const sentences: CitedSentence[] = [];
    const spans = splitSentences(plain);
    spans.forEach((span, i) => {
      const text = cleanSentence(plain.slice(span.start, span.end));
      // A marker belongs to the sentence it follows: after this sentence's start, before the next one's.
      const next = spans[i + 1]?.start ?? Infinity;
      const citations = markers.filter((m) => m.at > span.start && m.at <= next).map((m) => m.citation);
      if (text) sentences.push({ text: text.replace(/\s+([.!?…])$/u, '$1'), citations });
    });
    if (sentences.length && sentences.some((s) => s.citations.length)) paragraphs.push(sentences);
  }
  return paragraphs;
}
