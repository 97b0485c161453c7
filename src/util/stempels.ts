// Marks per number (a feature, a person) that a new generation clears all at once: a text, or a set of cells, takes
// a generation and marks each number it meets with it, so "seen before?" is one array read instead of a Set per text.
import { groter } from './groter.js';

export class Stempels {
  /** Per number the generation that last marked it. */
  waarden: Int32Array;
  private generatie = 0;

  constructor(aantal: number) {
    this.waarden = new Int32Array(aantal);
  }

  /** A new generation: no number is marked with it yet. */
  volgende(): number {
    if (this.generatie === 0x7fffffff) {
      // Rather than wrap around to generations marked before, start again with nothing marked.
      this.waarden.fill(0);
      this.generatie = 0;
    }
    return ++this.generatie;
  }

  /** Room for the numbers below `aantal`. */
  groei(aantal: number): void {
    this.waarden = groter(this.waarden, aantal);
  }
}
