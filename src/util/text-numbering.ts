// Distinct texts numbered in the order they first appear: a table a number per text instead of the text itself, for
// counts per category (src/aggregate) and for the classification worker's answer (src/classify/doorlopend.ts).

export class TextNumbering {
  /** Each distinct text once; a text's number is its index here. */
  readonly texts: string[] = [];
  private readonly numbers = new Map<string, number>();

  number(text: string): number {
    let n = this.numbers.get(text);
    if (n === undefined) {
      n = this.texts.length;
      this.texts.push(text);
      this.numbers.set(text, n);
    }
    return n;
  }
}
