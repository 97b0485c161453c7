// Finds all taxonomy patterns in a tokenised text in one pass. Patterns are indexed once by their first word: exact
// first words in one map, prefix first words ("soeverein*") in another by their first MIN_PREFIX_LENGTH letters, so
// matching a signal costs two map lookups per token, whatever the size of the taxonomy. No regular expressions.
import { hasLetter, hasLowerCase, MIN_PREFIX_LENGTH, parsePattern, type PatternWord, type Tokens } from './text.js';

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

function addTo<P>(index: Map<string, CompiledPattern<P>[]>, key: string, pattern: CompiledPattern<P>): void {
  const list = index.get(key);
  if (list) list.push(pattern);
  else index.set(key, [pattern]);
}

export class Matcher<P> {
  private readonly exact = new Map<string, CompiledPattern<P>[]>();
  /** Prefix patterns by the first MIN_PREFIX_LENGTH letters of their first word. */
  private readonly prefixes = new Map<string, CompiledPattern<P>[]>();

  /** Adds a pattern; the pattern text must have passed `parsePattern` (the taxonomy validation does that). */
  add(pattern: string, caseSensitive: boolean, payload: P): void {
    const words = parsePattern(pattern);
    if (typeof words === 'string') throw new Error(`ongeldig patroon '${pattern}': ${words}`);
    const compiled: CompiledPattern<P> = { words, caseSensitive, payload };
    const first = words[0]!;
    if (first.prefix) addTo(this.prefixes, first.lower.slice(0, MIN_PREFIX_LENGTH), compiled);
    else addTo(this.exact, first.lower, compiled);
  }

  /** Every occurrence of every pattern, in token order. Overlapping matches are all reported. */
  find(tokens: Tokens): Match<P>[] {
    const matches: Match<P>[] = [];
    const { lower } = tokens;
    for (let i = 0; i < lower.length; i++) {
      const token = lower[i]!;
      const exact = this.exact.get(token);
      if (exact) for (const p of exact) this.verify(p, tokens, i, matches);
      if (token.length < MIN_PREFIX_LENGTH) continue;
      const prefixed = this.prefixes.get(token.length === MIN_PREFIX_LENGTH ? token : token.slice(0, MIN_PREFIX_LENGTH));
      if (prefixed) {
        for (const p of prefixed) if (token.startsWith(p.words[0]!.lower)) this.verify(p, tokens, i, matches);
      }
    }
    return matches;
  }

  private verify(p: CompiledPattern<P>, tokens: Tokens, start: number, out: Match<P>[]): void {
    const { words } = p;
    const end = start + words.length;
    if (end > tokens.lower.length) return;
    const sentence = tokens.sentence[start];
    // The first word was matched by the index; check the others (a phrase never crosses a sentence end).
    for (let k = 1; k < words.length; k++) {
      if (tokens.sentence[start + k] !== sentence || !wordMatches(words[k]!, tokens.lower[start + k]!, false)) return;
    }
    if (p.caseSensitive) {
      for (let k = 0; k < words.length; k++) {
        if (!wordMatches(words[k]!, tokens.original[start + k]!, true)) return;
      }
      if (shouting(tokens, start, end)) return;
    }
    out.push({ pattern: p, start, end });
  }
}

function wordMatches(word: PatternWord, token: string, withCase: boolean): boolean {
  const expected = withCase ? word.original : word.lower;
  return word.prefix ? token.startsWith(expected) : token === expected;
}

/**
 * Is the match inside capitals-only text ("HIJ IS BOOS")? Then case says nothing and a case-sensitive abbreviation
 * must not fire. Judged by the neighbouring words in the same sentence that have letters.
 */
function shouting(tokens: Tokens, start: number, end: number): boolean {
  const sentence = tokens.sentence[start];
  let judged = false;
  for (const i of [start - 1, end]) {
    const neighbour = tokens.original[i];
    if (neighbour === undefined || tokens.sentence[i] !== sentence || !hasLetter(neighbour)) continue;
    if (hasLowerCase(neighbour)) return false;
    judged = true;
  }
  return judged;
}
