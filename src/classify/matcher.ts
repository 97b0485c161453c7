// Finds all taxonomy patterns in a tokenised text in one pass. Patterns are indexed once by their first word: exact
// first words by their stem in one map (so "aanslagen" finds "aanslag"), prefix first words ("soeverein*") in another
// by their first MIN_PREFIX_LENGTH letters, compound heads ("*strijd") in a third by the last HEAD_KEY letters of their
// stem, so matching a signal costs three map lookups per token, whatever the size of the taxonomy. No regular
// expressions.
import { alleenCijfers, hasLetter, hasLowerCase, MIN_PREFIX_LENGTH, parsePattern, type PatternWord, type Tokens } from './text.js';

/** Compound heads are indexed by this many last letters of their stem. */
const HEAD_KEY = 3;

export interface CompiledPattern<P> {
  words: readonly PatternWord[];
  caseSensitive: boolean;
  payload: P;
}

export interface Match<P> {
  pattern: CompiledPattern<P>;
  /** Token span [start, end). */
  start: number;
  end: number;
}

/** A pattern a word may start; `kop`: a compound head, which matches the word alone. */
interface Kandidaat<P> {
  pattern: CompiledPattern<P>;
  kop: boolean;
}

const GEEN: readonly Kandidaat<never>[] = [];

/** Distinct words remembered per matcher; beyond this the memory starts again (bounded for million-row inputs). */
const WOORDEN_LIMIT = 100_000;

function addTo<P>(index: Map<string, CompiledPattern<P>[]>, key: string, pattern: CompiledPattern<P>): void {
  const list = index.get(key);
  if (list) list.push(pattern);
  else index.set(key, [pattern]);
}

export class Matcher<P> {
  private readonly exact = new Map<string, CompiledPattern<P>[]>();
  /** Prefix patterns by the first MIN_PREFIX_LENGTH letters of their first word. */
  private readonly prefixes = new Map<string, CompiledPattern<P>[]>();
  /** Compound heads by the last HEAD_KEY letters of their stem. */
  private readonly heads = new Map<string, CompiledPattern<P>[]>();

  /** Adds a pattern; the pattern text must have passed `parsePattern` (the taxonomy validation does that). */
  add(pattern: string, caseSensitive: boolean, payload: P): void {
    const words = parsePattern(pattern);
    if (typeof words === 'string') throw new Error(`ongeldig patroon '${pattern}': ${words}`);
    const compiled: CompiledPattern<P> = { words, caseSensitive, payload };
    this.perWoord.clear();
    const first = words[0]!;
    if ((first.prefix || first.head) && (alleenCijfers(first.lower) || alleenCijfers(first.stem))) this.cijferPrefixOfKop = true;
    if (first.prefix) addTo(this.prefixes, first.lower.slice(0, MIN_PREFIX_LENGTH), compiled);
    else if (first.head) addTo(this.heads, first.stem.slice(-HEAD_KEY), compiled);
    else {
      addTo(this.exact, first.stem, compiled);
      // A short word may stem further than its inflections do ("mens" -> "men", "mensen" -> "mens").
      if (first.lower !== first.stem && !caseSensitive) addTo(this.exact, first.lower, compiled);
    }
  }

  /**
   * The patterns a word may start, per distinct lower-case word (texts repeat their vocabulary; numbers, mostly
   * distinct, are not remembered): what the three index lookups of `find` give for that word, in their order. A
   * compound head is then a match already; the others still need `verify`.
   */
  private readonly perWoord = new Map<string, readonly Kandidaat<P>[]>();
  /** Is there a prefix or compound head of digits only? Then a number may start more than its exact patterns. */
  private cijferPrefixOfKop = false;

  /** Every occurrence of every pattern, in token order. Overlapping matches are all reported. */
  find(tokens: Tokens): Match<P>[] {
    const matches: Match<P>[] = [];
    const { lower, stem, aantal } = tokens;
    for (let i = 0; i < aantal; i++) {
      const token = lower[i]!;
      let kandidaten = this.perWoord.get(token);
      if (kandidaten === undefined) {
        const code = token.charCodeAt(0);
        if (code >= 48 && code <= 57) {
          // A number (not remembered): only an exact pattern can start at it, unless a prefix or head is all digits.
          kandidaten = this.cijferPrefixOfKop || !alleenCijfers(token) || this.exact.has(token) ? this.kandidaten(token, stem[i]!) : GEEN;
        } else {
          kandidaten = this.kandidaten(token, stem[i]!);
          if (this.perWoord.size >= WOORDEN_LIMIT) this.perWoord.clear();
          this.perWoord.set(token, kandidaten);
        }
      }
      for (let k = 0; k < kandidaten.length; k++) {
        const { pattern, kop } = kandidaten[k]!;
        if (kop) matches.push({ pattern, start: i, end: i + 1 });
        else this.verify(pattern, tokens, i, matches);
      }
    }
    return matches;
  }

  /** The patterns a token may start: by its stem, as a compound with a head, by a prefix; GEEN when none. */
  private kandidaten(token: string, s: string): readonly Kandidaat<P>[] {
    let result: Kandidaat<P>[] | undefined;
    const exact = this.exact.get(s);
    if (exact) for (const pattern of exact) (result ??= []).push({ pattern, kop: false });
    if (token.length >= MIN_PREFIX_LENGTH) {
      const headed = this.heads.size > 0 ? this.heads.get(s.slice(-HEAD_KEY)) : undefined;
      if (headed) {
        for (const pattern of headed) {
          const h = pattern.words[0]!.stem;
          if (s.length >= h.length + MIN_PREFIX_LENGTH && s.endsWith(h)) (result ??= []).push({ pattern, kop: true });
        }
      }
      const prefixed = this.prefixes.get(token.length === MIN_PREFIX_LENGTH ? token : token.slice(0, MIN_PREFIX_LENGTH));
      if (prefixed) {
        for (const pattern of prefixed) if (token.startsWith(pattern.words[0]!.lower)) (result ??= []).push({ pattern, kop: false });
      }
    }
    return result ?? GEEN;
  }

  private verify(p: CompiledPattern<P>, tokens: Tokens, start: number, out: Match<P>[]): void {
    const { words } = p;
    const end = start + words.length;
    if (end > tokens.aantal) return;
    const sentence = tokens.sentence[start];
    // The first word was matched by the index; check the others (a phrase never crosses a sentence end).
    for (let k = 0; k < words.length; k++) {
      if (k > 0 && tokens.sentence[start + k] !== sentence) return;
      if (!wordMatches(words[k]!, tokens.lower[start + k]!, tokens.stem[start + k]!)) return;
    }
    if (p.caseSensitive) {
      for (let k = 0; k < words.length; k++) {
        if (!caseMatches(words[k]!, tokens.original[start + k]!)) return;
      }
      if (shouting(tokens, start, end)) return;
    }
    out.push({ pattern: p, start, end });
  }
}

/** An exact word matches the token or any inflection with the same stem; a prefix matches the token's start. */
function wordMatches(word: PatternWord, lower: string, stem: string): boolean {
  return word.prefix ? lower.startsWith(word.lower) : lower === word.lower || stem === word.stem || stem === word.lower;
}

/** With case, an exact word matches only itself (an abbreviation is not inflected: "IS", not "Isen"). */
function caseMatches(word: PatternWord, original: string): boolean {
  return word.prefix ? original.startsWith(word.original) : original === word.original;
}

/**
 * Is the match inside capitals-only text ("HIJ IS BOOS")? Then case says nothing and a case-sensitive abbreviation
 * must not fire. Judged by the neighbouring words in the same sentence that have letters.
 */
function shouting(tokens: Tokens, start: number, end: number): boolean {
  const sentence = tokens.sentence[start];
  let judged = false;
  for (const i of [start - 1, end]) {
    const neighbour = i >= 0 && i < tokens.aantal ? tokens.original[i] : undefined;
    if (neighbour === undefined || tokens.sentence[i] !== sentence || !hasLetter(neighbour)) continue;
    if (hasLowerCase(neighbour)) return false;
    judged = true;
  }
  return judged;
}
