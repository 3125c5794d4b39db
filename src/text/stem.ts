/** A Snowball stemmer for Bokmål (also fair on Nynorsk), shared by the embedder, retrieval, drafting and the verifier. */

const VOWELS = new Set('aeiouyæåø');

// Snowball Norwegian step 1 suffixes, longest first so the first match is the longest.
const STEP1 = [
  'hetenes',
  'hetene',
  'hetens',
  'heten',
  'heter',
  'endes',
  'edes',
  'enes',
  'ande',
  'ende',
  'ede',
  'ane',
  'ene',
  'ens',
  'ers',
  'ets',
  'het',
  'ast',
  'en',
  'ar',
  'er',
  'as',
  'es',
  'et',
  'a',
  'e',
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
