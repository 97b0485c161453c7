// The text model's view of the texts that wait for it, kept from when the rules tokenised them, so that the model
// does not tokenise them again at the end of a pass (issue 13: tokenising again was a fifth of the pass's last step,
// which runs on one thread while the other waits). Kept are only the tokens the model reads (`useful` ones: stem, lower
// case, sentence); the model finds the same features in them, in the same order, so it predicts the same.

import { useful } from './tekstmodel.js';
import type { Tokens } from './text.js';
import { groter } from '../util/groter.js';

/**
 * Tokens kept at most, for all texts together (about 20 bytes each): the 37,324 waiting texts of the generated
 * 100,000-row export keep 193,000, a million-row export the first 50,000 or so of its 374,000; the texts beyond it are
 * tokenised again, as before. A bound, so that the largest runs stay within their memory.
 */
const LIMIET = 250_000;

export class ModelTokens {
  private readonly lower: string[] = [];
  private readonly stem: string[] = [];
  private zin = new Int32Array(1024);
  /** Per text offered, the range of its tokens in the arrays; `van` -1 when they were not kept. */
  private readonly van: number[] = [];
  private readonly tot: number[] = [];

  constructor(private readonly limiet = LIMIET) {}

  /** Keeps the next text's tokens (undefined: the rules did not tokenise it, so it is tokenised again later). */
  bewaar(tokens: Tokens | undefined): void {
    const start = this.lower.length;
    if (tokens === undefined || start + tokens.aantal > this.limiet) {
      this.van.push(-1);
      this.tot.push(-1);
      return;
    }
    for (let i = 0; i < tokens.aantal; i++) {
      if (!useful(tokens.stem[i]!, tokens.lower[i]!)) continue;
      const n = this.lower.length;
      this.lower.push(tokens.lower[i]!);
      this.stem.push(tokens.stem[i]!);
      if (n === this.zin.length) this.zin = groter(this.zin, n * 2);
      this.zin[n] = tokens.sentence[i]!;
    }
    this.van.push(start);
    this.tot.push(this.lower.length);
  }

  /** Text j's kept tokens, written into `into` (for the model only), or undefined when they were not kept. */
  lees(j: number, into: Tokens): Tokens | undefined {
    const van = this.van[j]!;
    if (van < 0) return undefined;
    const aantal = this.tot[j]! - van;
    for (let k = 0; k < aantal; k++) {
      into.lower[k] = this.lower[van + k]!;
      into.stem[k] = this.stem[van + k]!;
      into.sentence[k] = this.zin[van + k]!;
    }
    into.aantal = aantal;
    return into;
  }

  clear(): void {
    this.lower.length = 0;
    this.stem.length = 0;
    this.van.length = 0;
    this.tot.length = 0;
    this.zin = new Int32Array(1024);
  }
}
