/**
 * Norwegian text basics shared by the embedder, retrieval and the verifier:
 * tokenising, a Snowball stemmer for Bokmål (also fair on Nynorsk) and a stop-word list.
 */

const VOWELS = new Set('aeiouyæåø');

// Snowball Norwegian step 1 suffixes, longest first so the first match is the longest.
const STEP1 = [
  'hetenes', 'hetene', 'hetens', 'heten', 'heter', 'endes', 'edes', 'enes', 'ande', 'ende', 'ede', 'ane', 'ene',
  'ens', 'ers', 'ets', 'het', 'ast', 'en', 'ar', 'er', 'as', 'es', 'et', 'a', 'e',
];
const STEP3 = ['hetslov', 'eleg', 'elig', 'elov', 'slov', 'leg', 'eig', 'lig', 'els', 'lov', 'ig'];
const S_ENDING = new Set('bcdfghjlmnoprtvyz');

function regionR1(word: string): number {
  let r1 = word.length;
  for (let i = 1; i < word.length; i++) {
    if (!VOWELS.has(word[i]) && VOWELS.has(word[i - 1])) {
      r1 = i + 1;
      break;
    }
  }
  return Math.max(r1, 3);
}

/**
 * Snowball stemmer for Norwegian (https://snowballstem.org/algorithms/norwegian/stemmer.html).
 * @example stem('kommunene') === 'kommun'; stem('digitaliseringen') === 'digitalisering'
 */
export function stem(input: string): string {
  let word = input.toLowerCase();
  if (word.length < 3) return word;
  const r1 = regionR1(word);
  // Step 1
  for (const suffix of STEP1) {
    if (word.endsWith(suffix) && word.length - suffix.length >= r1) {
      word = word.slice(0, -suffix.length);
      break;
    }
  }
  if (word === input.toLowerCase()) {
    if (word.endsWith('erte') && word.length - 4 >= r1) word = word.slice(0, -2);
    else if (word.endsWith('ert') && word.length - 3 >= r1) word = word.slice(0, -1);
    else if (word.endsWith('s') && word.length - 1 >= r1) {
      const prev = word[word.length - 2];
      const prev2 = word[word.length - 3];
      if (S_ENDING.has(prev) || (prev === 'k' && prev2 !== undefined && !VOWELS.has(prev2))) word = word.slice(0, -1);
    }
  }
  // Step 2
  if ((word.endsWith('dt') || word.endsWith('vt')) && word.length - 1 >= r1) word = word.slice(0, -1);
  // Step 3
  for (const suffix of STEP3) {
    if (word.endsWith(suffix) && word.length - suffix.length >= r1) {
      word = word.slice(0, -suffix.length);
      break;
    }
  }
  return word;
}

/** Bokmål and Nynorsk function words (Snowball's list plus common question words). */
export const STOPWORDS = new Set(
  `og i jeg det at en et den til er som på de med han av ikke ikkje der så var meg seg men ett har om vi min mitt ha
  hadde hun nå over da ved fra du ut sin dem oss opp man kan hans hvor eller hva skal selv sjøl her alle vil bli ble
  blei blitt kunne inn når være vore kom noen noe ville dere som deres kun ja etter ned skulle denne for deg si sine
  sitt mot å meget hvorfor dette disse uten hvordan ingen din ditt blir samme hvilken hvilke sånn inni mellom vår
  hver hvem vors hvis både bare enn fordi før mange også slik vært være båe begge siden dykk dykkar dei deira deires
  deim di då eg ein eit eitt elles honom hjå ho hoe henne hennar hennes hoss hossen ikkje ingi inkje korleis korso
  kva kvar kvarhelst kven kvi kvifor me medan mi mine mykje no nokon noka nokor noko nokre si sia sidan so somt
  somme um upp vere vore verte vort varte vart mener meiner`.split(/\s+/).filter(Boolean),
);

/** Lower-cased word tokens (letters and digits, inner hyphens kept as separate words). */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Stemmed content words: stop words and one-letter tokens removed. */
export function contentStems(text: string): string[] {
  return words(text)
    .filter((w) => w.length > 1 && !STOPWORDS.has(w))
    .map(stem);
}

/**
 * Split a compound word into known parts. Norwegian writes compounds as one word, joining the parts directly or with
 * a linking -s- or -e- ("digitalisering|s|strategi", "kommune|sektor"); the caller says which stems are known (for
 * the verifier: the words of the texts being compared), so no lexicon is needed. Each part is returned stemmed.
 * Returns `[stem(word)]` when no split into known parts (at most three) exists.
 * @example splitCompound('digitaliseringsstrategien', (s) => ['digitalisering', 'strategi'].includes(s))
 *   // → ['digitalisering', 'strategi']
 */
export function splitCompound(word: string, isKnown: (stem: string) => boolean, minPart = 3): string[] {
  const w = word.toLowerCase();
  return splitInto(w, isKnown, minPart, 3) ?? [stem(w)];
}

function splitInto(w: string, isKnown: (stem: string) => boolean, minPart: number, maxParts: number): string[] | null {
  // Prefer the longest tail: the head of a Norwegian compound is the modifier, the tail carries the meaning.
  for (let i = minPart; i <= w.length - minPart; i++) {
    const tail = stem(w.slice(i));
    if (tail.length < minPart || !isKnown(tail)) continue;
    const rawHead = w.slice(0, i);
    const heads = [rawHead];
    if (/[se]$/.test(rawHead) && rawHead.length - 1 >= minPart) heads.push(rawHead.slice(0, -1));
    for (const head of heads) {
      const h = stem(head);
      if (isKnown(h) || isKnown(head)) return [isKnown(h) ? h : head, tail];
      if (maxParts > 2) {
        const inner = splitInto(head, isKnown, minPart, maxParts - 1);
        if (inner) return [...inner, tail];
      }
    }
  }
  return null;
}
