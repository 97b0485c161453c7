// Tokenising for the rules engine. Text is folded once (diacritics removed) and split into word tokens; each token
// keeps its folded original case (for case-sensitive abbreviations such as "IS") and its lower-case form (for
// everything else), its Dutch stem (inflections match: "aanslagen" finds "aanslag"), plus the sentence it belongs to
// (negative context works per sentence).
import { stem } from './stem.js';

/**
 * A tokenised text. Arrays are parallel: token i is `lower[i]`, `original[i]`, in sentence `sentence[i]`, for i below
 * `aantal`. A Tokens reused for another text (tokenize's `into`) may hold more entries than that: read up to `aantal`.
 */
export interface Tokens {
  /** The number of tokens. */
  aantal: number;
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

/**
 * The ASCII words met so far, each with its lower-case form and stem made once: a token found here costs no new
 * string (texts repeat their vocabulary). An open-addressing table over a hash of the lower-cased characters, so a
 * token is looked up straight from the text, before any slice. Numbers (mostly distinct) are not kept, and the table
 * starts again at WOORDEN_LIMIT words (bounded memory for million-row inputs).
 */
const WOORDEN_LIMIT = 200_000;
let woordSlots = new Int32Array(4096).fill(-1);
let woordLower: string[] = [];
let woordStem: string[] = [];
let woordHash: number[] = [];

/** The ASCII lower case of a character code. */
function asciiLower(code: number): number {
  return code >= 65 && code <= 90 ? code + 32 : code;
}

/** The word of folded[start, end) (ASCII, hash h of its lower case) in the table, or -1. */
function vindWoord(folded: string, start: number, end: number, h: number): number {
  const mask = woordSlots.length - 1;
  const length = end - start;
  for (let slot = h & mask; ; slot = (slot + 1) & mask) {
    const w = woordSlots[slot]!;
    if (w < 0) return -1;
    if (woordHash[w] !== h) continue;
    const word = woordLower[w]!;
    if (word.length !== length) continue;
    let j = 0;
    while (j < length && word.charCodeAt(j) === asciiLower(folded.charCodeAt(start + j))) j++;
    if (j === length) return w;
  }
}

function bewaarWoord(lower: string, woordstam: string, h: number): void {
  if (woordLower.length >= WOORDEN_LIMIT) {
    woordSlots.fill(-1);
    woordLower = [];
    woordStem = [];
    woordHash = [];
  }
  const w = woordLower.length;
  woordLower.push(lower);
  woordStem.push(woordstam);
  woordHash.push(h);
  if (w * 2 >= woordSlots.length) {
    woordSlots = new Int32Array(woordSlots.length * 2).fill(-1);
    for (let v = 0; v < w; v++) plaats(v);
  }
  plaats(w);
}

function plaats(w: number): void {
  const mask = woordSlots.length - 1;
  let slot = woordHash[w]! & mask;
  while (woordSlots[slot]! >= 0) slot = (slot + 1) & mask;
  woordSlots[slot] = w;
}

/** An empty Tokens, for tokenize to fill again and again (`into`). */
export function leegTokens(): Tokens {
  return { aantal: 0, lower: [], stem: [], original: [], sentence: [], sentenceStart: [0] };
}

/**
 * Splits text into word tokens (letters and digits; everything else separates) with sentence numbers. With `into`,
 * the tokens are written over that object's (no new arrays per text; the caller owns it and reads it before the next
 * text); without, into new arrays of exactly the tokens.
 */
export function tokenize(text: string, into?: Tokens): Tokens {
  const nonAscii = NON_ASCII.test(text);
  const folded = nonAscii ? foldDiacritics(text) : text;
  // Lower-casing can change the length of a few exotic characters; then lower-case per token instead. Text with only
  // ASCII keeps its length, and an ASCII token is lower-cased on its own.
  const lowered = nonAscii ? folded.toLowerCase() : '';
  const sameLength = !nonAscii || lowered.length === folded.length;
  const tokens = into ?? leegTokens();
  const { lower: lowers, stem: stems, original: originals, sentence: sentences, sentenceStart } = tokens;
  let aantal = 0;
  let sentence = 0;
  let boundarySeen = false;
  let start = -1;
  // Per token: whether it has an ASCII capital, whether it is all ASCII, and the hash of its lower case (FNV-1a).
  let hoofdletter = false;
  let ascii = true;
  let h = 0;
  const n = folded.length;
  for (let i = 0; i <= n; i++) {
    const code = i < n ? folded.charCodeAt(i) : 32;
    if (i < n && isWordCode(folded, i, code)) {
      if (start < 0) {
        start = i;
        hoofdletter = false;
        ascii = true;
        h = 0x811c9dc5;
      }
      if (code >= 128) ascii = false;
      else if (code >= 65 && code <= 90) hoofdletter = true;
      h = Math.imul(h ^ asciiLower(code), 0x01000193);
      continue;
    }
    if (start >= 0) {
      // A sentence starts at its first token, so there are no empty sentences.
      if (boundarySeen && aantal > 0) sentenceStart[++sentence] = aantal;
      boundarySeen = false;
      let lower: string;
      let original: string;
      let woordstam: string;
      if (ascii) {
        h >>>= 0;
        const w = vindWoord(folded, start, i, h);
        // A token in lower case already is its own original: one string instead of two.
        original = w >= 0 && !hoofdletter ? woordLower[w]! : folded.slice(start, i);
        if (w >= 0) {
          lower = woordLower[w]!;
          woordstam = woordStem[w]!;
        } else {
          lower = hoofdletter ? original.toLowerCase() : original;
          woordstam = stem(lower);
          const first = lower.charCodeAt(0);
          if (!(first >= 48 && first <= 57)) bewaarWoord(lower, woordstam, h);
        }
      } else {
        original = folded.slice(start, i);
        lower = sameLength ? lowered.slice(start, i) : original.toLowerCase();
        woordstam = stem(lower);
      }
      originals[aantal] = original;
      lowers[aantal] = lower;
      stems[aantal] = woordstam;
      sentences[aantal++] = sentence;
      start = -1;
    }
    if (i < n && endsSentence(folded, i, code)) boundarySeen = true;
  }
  sentenceStart[sentence + 1] = aantal;
  tokens.aantal = aantal;
  return tokens;
}

/** Only ASCII digits: a number (a token of digits is its own stem). */
export function alleenCijfers(woord: string): boolean {
  for (let i = 0; i < woord.length; i++) {
    const code = woord.charCodeAt(i);
    if (code < 48 || code > 57) return false;
  }
  return woord.length > 0;
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
