/** What the polarity check reads a text into (`analyse`), and what it finds around each negation (`negations`). */

export interface Text {
  tokens: string[];
  stems: string[];
  /** Is token i a content word? */
  content: boolean[];
  negated: boolean[];
  stemSet: Set<string>;
  /** The sentence of the text each token is in: a negation's reach ends at its sentence's end. */
  seg: number[];
  /** Is token i in a condition (see conditions.ts)? */
  cond: boolean[];
}

export interface Negation {
  index: number;
  word: string;
  /** Stem → the word as written, for the content words around the negation. */
  around: Map<string, string>;
  before: Set<string>;
  /** After the negation, nearest first. */
  after: string[];
  /** How many tokens the window of content words around the negation covers, from its first to its last. */
  extent: number;
}
