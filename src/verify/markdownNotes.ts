/**
 * What our own Markdown export (src/export/markdown.ts) adds to a draft that is not the draft's text: the italic
 * notice saying who wrote the version, the «> **Kildekontroll:** …» review summary, the «> **Merk:** …» warnings
 * about withdrawn and replaced sources (all under the title), the review mark in front of a sentence that is not ✓
 * («[≈ må kontrolleres] Vi mener …») and the mark of a sentence citing an internal document. The parser (markdown.ts) reads them as nothing, so an exported draft verifies
 * again exactly as the draft did, and an edit sent back (PUT /drafts/:id) reads the same way.
 *
 * NOTE: the words live here, below the export, because the parser is below it in the layers; the export test
 * (test/verify/markdownExport.test.ts) exports real drafts and parses them back, so the two cannot drift apart.
 */

/**
 * The notice saying who wrote the version (export/versionNotice.ts): the extractive drafter's («Uttrekksbasert
 * utkast: …», draft/wording.ts), a language model's, or a person's edit; the same leads in Bokmål and Nynorsk.
 */
const NOTICE =
  /^\*(?:Uttrekksbasert utkast:|Utkast (?:skrevet|skrive) av språkmodell – |Redigert for h(?:å|a)nd etter utkastet[ :])[^*]*\*$/;
/** The line naming the version a file was exported from, the same in Bokmål and Nynorsk. */
const VERSION = /^\*Versjon (\d{1,6}) av utkastet\*$/;

/**
 * The line an export writes for its version (export/markdown.ts).
 * @example versionLine(3) === '*Versjon 3 av utkastet*'
 */
export const versionLine = (version: number) => `*Versjon ${version} av utkastet*`;

/**
 * The version a Markdown file says it was exported from (its «*Versjon 3 av utkastet*» line under the title);
 * undefined for a file without one (hand-written, or exported before the line existed).
 * @example exportedVersion('# Svar\n\n*Versjon 3 av utkastet*\n\nTekst.') === 3
 */
export function exportedVersion(markdown: string): number | undefined {
  for (const line of markdown.split('\n').slice(0, 12)) {
    const m = VERSION.exec(line.trim());
    if (m) return Number(m[1]);
  }
  return undefined;
}

/** The review summary's lead, Bokmål and Nynorsk (export/review.ts). */
const REVIEW = /^> \*\*(?:Kildekontroll|Kjeldekontroll):\*\*/;
/**
 * The withdrawn- and replaced-sources warnings (export/withdrawn.ts): their lead and the words saying a source was
 * withdrawn or replaced by a new version.
 */
const WITHDRAWN =
  /^> \*\*Merk:\*\* .*(?:\b(?:trukket|trekt|trekte) tilbake\b|\ber(?:stattet|statta) av (?:en ny versjon|ein ny versjon|nye versjon))/;

/**
 * A line the export adds that is not part of the draft. An ordinary quoted line («> **Merk:** fristen er …») is not.
 * @example isExportNoteLine('> **Kildekontroll:** alle påstander er støttet av kildene de viser til (✓).') === true
 */
export function isExportNoteLine(line: string): boolean {
  const t = line.trim();
  return VERSION.test(t) || NOTICE.test(t) || REVIEW.test(t) || WITHDRAWN.test(t);
}

/**
 * The review mark at the start of a sentence: «[≈ må kontrolleres] », «[✗ ikke støttet, vurdert av språkmodell] »,
 * «[✓ vurdert av språkmodell] ». Only in front of a sentence; a bracket inside a sentence or a quote is text.
 */
const MARK = /^\[(?:≈|✗|✓) [^\]\n]*\] ?/;
/**
 * The mark of a sentence citing an internal document (export/review.ts), alone or after the review mark:
 * «[Siterer et internt dokument («Streikeplan»): kontroller før sending] ».
 */
const INTERNAL =
  /^\[Siterer (?:et internt dokument|eit internt dokument|interne dokumenter|interne dokument) [^\]\n]*\] ?/;

/** A sentence starting with what reads as a review or internal-source mark (the renderer escapes its `[`). */
export function looksLikeMark(sentence: string): boolean {
  return MARK.test(sentence) || INTERNAL.test(sentence);
}

/**
 * A sentence's text without the export's marks in front (review, then internal source), and which review mark it was.
 * @example withoutMark('[≈ må kontrolleres] Vi mener det.') // { text: 'Vi mener det.', mark: '≈' }
 */
export function withoutMark(sentence: string): { text: string; mark?: '≈' | '✗' | '✓' } {
  const m = MARK.exec(sentence);
  const rest = m ? sentence.slice(m[0].length) : sentence;
  const text = rest.slice(INTERNAL.exec(rest)?.[0].length ?? 0);
  return m ? { text, mark: m[0][1] as '≈' | '✗' | '✓' } : { text };
}

/**
 * A paragraph whose every cited sentence the export marked ≈ or ✗ (at least one ≈) is read as a section marked
 * for review (issue 17: the drafter was unsure the sources answer the question), so that a sentence the fixed
 * checks alone would pass stays ≈, as it was in the draft, until a person removes the marks.
 */
export const MARKED_FOR_REVIEW =
  'Merket «≈ må kontrolleres» i utkastet: les setningene mot kilden og fjern merkene når de er kontrollert.';

export function reviewedByMarks(sentences: { mark?: '≈' | '✗' | '✓'; refs: unknown[] }[]): boolean {
  const cited = sentences.filter((s) => s.refs.length > 0);
  return cited.length > 0 && cited.every((s) => s.mark === '≈' || s.mark === '✗') && cited.some((s) => s.mark === '≈');
}
