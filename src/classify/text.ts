// Tokenising for the rules engine. Text is folded once (diacritics removed) and split into word tokens; each token
// keeps its folded original case (for case-sensitive abbreviations such as "IS") and its lower-case form (for
// everything else), its Dutch stem (inflections match: "aanslagen" finds "aanslag"), plus the sentence it belongs to
// (negative context works per sentence).
import { stem } from './stem.js';

/** A tokenised text. Arrays are parallel: token i is `lower[i]`, `original[i]`, in sentence `sentence[i]`. */
export interface Tokens {
  lower: string[];
  /** Snowball stem of the lower-case token. */
  stem: string[];
  /** Same token, diacritics folded but case kept. */
  original: string[];
  sentence: number[];
  /** First token index of each sentence; sentence s spans [sentenceStart[s], sentenceStart[s + 1]). */
  sentenceStart: number[];
}

const NON_ASCII = /[^\x00-\x7f]/;
const MARKS = /\p{M}/gu;
const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Diacritics removed ("Oekraïne" -> "Oekraine", "één" -> "een"), case kept. ASCII text is returned as is. */
function foldDiacritics(text: string): string {
  return NON_ASCII.test(text) ? text.normalize('NFD').replace(MARKS, '') : text;
}

/** Lower case and diacritics folded: the form every case-insensitive comparison uses. */
export function foldText(text: string): string {
  return foldDiacritics(text).toLowerCase();
}

function isWordCode(text: string, i: number, code: number): boolean {
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return WORD_CHAR.test(text[i]!);
}

/** '.', '!' and '?' end a sentence only before white space or the end ("2.0" and "I.S.-vlag" stay one sentence). */
function endsSentence(text: string, i: number, code: number): boolean {
  if (code === 10 || code === 13 || code === 59 /* ; */) return true;
  if (code !== 46 && code !== 33 && code !== 63) return false;
  const next = text.charCodeAt(i + 1);
  return Number.isNaN(next) || next === 32 || next === 9 || next === 10 || next === 13;
}

/** Splits text into word tokens (letters and digits; everything else separates) with sentence numbers. */
export function tokenize(text: string): Tokens {
  const folded = foldDiacritics(text);
  const lowered = folded.toLowerCase();
  // Lower-casing can change the length of a few exotic characters; then lower-case per token instead.
  const sameLength = lowered.length === folded.length;
  const tokens: Tokens = { lower: [], stem: [], original: [], sentence: [], sentenceStart: [0] };
  let sentence = 0;
  let boundarySeen = false;
  let start = -1;
  // Whether the token may differ from its lower-case form (an ASCII capital or any non-ASCII character).
  let hoofdletter = !sameLength;
  const n = folded.length;
  for (let i = 0; i <= n; i++) {
    const code = i < n ? folded.charCodeAt(i) : 32;
    if (i < n && isWordCode(folded, i, code)) {
      if (start < 0) start = i;
      if ((code >= 65 && code <= 90) || code >= 128) hoofdletter = true;
      continue;
    }
    if (start >= 0) {
      // A sentence starts at its first token, so there are no empty sentences.
      if (boundarySeen && tokens.lower.length > 0) {
        sentence++;
        tokens.sentenceStart.push(tokens.lower.length);
      }
      boundarySeen = false;
      // A token in lower case already is its own original: one string instead of two.
      const original = hoofdletter ? folded.slice(start, i) : undefined;
      const lower = sameLength ? lowered.slice(start, i) : original!.toLowerCase();
      tokens.original.push(original ?? lower);
      tokens.lower.push(lower);
      hoofdletter = !sameLength;
      tokens.stem.push(stem(lower));
      tokens.sentence.push(sentence);
      start = -1;
    }
    if (i < n && endsSentence(folded, i, code)) boundarySeen = true;
  }
  tokens.sentenceStart.push(tokens.lower.length);
  return tokens;
}

/** Does the token contain a lower-case letter? */
export function hasLowerCase(token: string): boolean {
  return token !== token.toUpperCase();
}

export function hasLetter(token: string): boolean {
  return /\p{L}/u.test(token);
}

/**
 * One word of a pattern: an exact word (matching its inflections through the stem), a word prefix ("soeverein*"), or
 * a compound head ("*strijd": the last part of a compound such as "rassenstrijd", never the word alone).
 */
export interface PatternWord {
  lower: string;
  /** Snowball stem of `lower`. */
  stem: string;
  /** Folded, case kept: compared for case-sensitive patterns. */
  original: string;
  prefix: boolean;
  /** A compound head: the token's stem ends in this word's stem, after at least MIN_PREFIX_LENGTH other letters. */
  head: boolean;
}

/** The shortest prefix allowed: shorter ones ("is*") would match half the language. */
export const MIN_PREFIX_LENGTH = 3;

/** The shortest compound head ("*staat"): shorter ones would find words inside unrelated words. */
const MIN_HEAD_LENGTH = 4;

function parse(pattern: string): PatternWord[] | string {
  const folded = foldDiacritics(pattern);
  const head = /^\*[\p{L}\p{N}]/u.test(folded);
  const rest = head ? folded.slice(1) : folded;
  if (/(^|[^\p{L}\p{N}])\*/u.test(rest)) {
    return "'*' mag alleen direct na een woord staan (bijvoorbeeld 'soeverein*'), of voor een enkel woord als achterdeel van een samenstelling ('*strijd')";
  }
  const words: PatternWord[] = [];
  for (const match of rest.matchAll(/([\p{L}\p{N}]+)(\*?)/gu)) {
    const original = match[1]!;
    const prefix = match[2] === '*';
    if (prefix && original.length < MIN_PREFIX_LENGTH) {
      return `voorvoegsel '${original}*' is te kort (minimaal ${MIN_PREFIX_LENGTH} tekens)`;
    }
    const lower = original.toLowerCase();
    words.push({ lower, stem: stem(lower), original, prefix, head: false });
  }
  if (words.length === 0) return 'bevat geen letters of cijfers';
  if (head) {
    const only = words[0]!;
    if (words.length > 1 || only.prefix) return "een achterdeel ('*strijd') is een enkel woord zonder '*' erachter";
    if (only.lower.length < MIN_HEAD_LENGTH) {
      return `achterdeel '*${only.original}' is te kort (minimaal ${MIN_HEAD_LENGTH} tekens)`;
    }
    only.head = true;
  }
  return words;
}

/** Validation, merging and compiling all parse the same patterns; parse each text once. Results are read-only. */
const parsed = new Map<string, readonly PatternWord[] | string>();

/**
 * Parses a taxonomy pattern: words separated by anything that is not a letter or digit, the same way signal text is
 * split ("IS-vlag" = "IS" + "vlag"), each optionally ending in '*' for a word prefix. Returns a Dutch problem
 * description when the pattern is unusable.
 */
export function parsePattern(pattern: string): readonly PatternWord[] | string {
  let result = parsed.get(pattern);
  if (result === undefined) parsed.set(pattern, (result = parse(pattern)));
  return result;
}
