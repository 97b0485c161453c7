// Dutch stemming with the Snowball algorithm (package snowball-stemmers): "aanslagen" -> "aanslag",
// "anarchistische" -> "anarchistisch", "uitzetvluchten" -> "uitzetvlucht". Stems are cached: a text corpus repeats the
// same few thousand words, and the stemmer is the slowest step of tokenising.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

interface Stemmer {
  stem(word: string): string;
}

const require = createRequire(import.meta.url);
const { newStemmer } = require('snowball-stemmers') as { newStemmer(language: string): Stemmer };

const stemmer = newStemmer('dutch');
const STEMMER_VERSIE = (require('snowball-stemmers/package.json') as { version: string }).version;

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

/** The stem of a word the cache keeps (at least MIN_STEM_LENGTH long, not starting with a digit), without the cache. */
export function bereken(word: string): string {
  return undouble(stemmer.stem(word));
}

/** Is the stem of this word computed (and cached), or is the word its own stem? */
function gestemd(word: string): boolean {
  const code = word.charCodeAt(0);
  return word.length >= MIN_STEM_LENGTH && !(code >= 48 && code <= 57);
}

/** The Dutch stem of a lower-case, diacritics-folded word; digits and short words are returned unchanged. */
export function stem(word: string): string {
  // Numbers are not cached: registration numbers and counts are mostly distinct and would only churn the cache.
  if (!gestemd(word)) return word;
  let result = cache.get(word);
  if (result === undefined) {
    result = bereken(word);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(word, result);
  }
  return result;
}

/**
 * The stems of the built-in taxonomy's words, which the build writes (scripts/stammen.mjs): every command that
 * classifies compiles the taxonomy first, and stemming its two thousand words cold costs a fifth of a second. The
 * file names the stemmer's version; it is used only with that version, and only when a few of its stems, computed
 * again here, agree.
 */
const VOORAF = new URL('../../dist/stammen.json', import.meta.url);

/** The file scripts/stammen.mjs writes. */
export interface Stammen {
  stemmer: string;
  stammen: Record<string, string>;
}

/** The stems of words, in the form of dist/stammen.json. */
export function stammen(woorden: Iterable<string>): Stammen {
  const result: Record<string, string> = {};
  for (const woord of woorden) if (gestemd(woord)) result[woord] = stem(woord);
  return { stemmer: STEMMER_VERSIE, stammen: result };
}

/** Fills the cache from stems computed before (dist/stammen.json); nothing when the file is missing or does not fit. */
export function vulVooraf(bestand: URL | string = VOORAF): boolean {
  let vooraf: Stammen;
  try {
    vooraf = JSON.parse(readFileSync(bestand, 'utf8')) as Stammen;
  } catch {
    return false;
  }
  if (vooraf.stemmer !== STEMMER_VERSIE || typeof vooraf.stammen !== 'object' || vooraf.stammen === null) return false;
  const paren = Object.entries(vooraf.stammen).filter(([woord, s]) => gestemd(woord) && typeof s === 'string');
  // A few stems again, spread over the file: a file from another stemming (stem.ts changed since) is not used.
  for (let i = 0; i < paren.length; i += Math.max(1, Math.floor(paren.length / 4))) {
    const [woord, verwacht] = paren[i]!;
    if (bereken(woord) !== verwacht) return false;
  }
  for (const [woord, s] of paren) if (!cache.has(woord)) cache.set(woord, s);
  return true;
}

vulVooraf();
