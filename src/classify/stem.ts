// Dutch stemming with the Snowball algorithm (package snowball-stemmers): "aanslagen" -> "aanslag",
// "anarchistische" -> "anarchistisch", "uitzetvluchten" -> "uitzetvlucht". Stems are cached: a text corpus repeats the
// same few thousand words, and the stemmer is the slowest step of tokenising.
import { createRequire } from 'node:module';

interface Stemmer {
  stem(word: string): string;
}

const require = createRequire(import.meta.url);
const { newStemmer } = require('snowball-stemmers') as { newStemmer(language: string): Stemmer };

const stemmer = newStemmer('dutch');

/** Words remembered; beyond this the cache is cleared (a bounded memory for million-row inputs). */
const CACHE_LIMIT = 200_000;
const cache = new Map<string, string>();

/** Words shorter than this are not stemmed: "is", "ss", "88" and other short codes stay as they are. */
const MIN_STEM_LENGTH = 4;

/** Snowball keeps a doubled final consonant after removing "-en" ("bommen" -> "bomm"); the singular has one ("bom"). */
function undouble(s: string): string {
  const n = s.length;
  if (n < 4) return s;
  const last = s.charCodeAt(n - 1);
  if (last !== s.charCodeAt(n - 2) || last === 101 /* e */ || last === 111 /* o */ || last === 97 /* a */) return s;
  return s.slice(0, -1);
}

/** The Dutch stem of a lower-case, diacritics-folded word; digits and short words are returned unchanged. */
export function stem(word: string): string {
  if (word.length < MIN_STEM_LENGTH) return word;
  // Numbers are not cached: registration numbers and counts are mostly distinct and would only churn the cache.
  const code = word.charCodeAt(0);
  if (code >= 48 && code <= 57) return word;
  let result = cache.get(word);
  if (result === undefined) {
    result = undouble(stemmer.stem(word));
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(word, result);
  }
  return result;
}
