// A number in Dutch notation without locale data: the part of format.ts that classification needs, so that the
// classification worker (src/classify/classify-worker.ts) loads no date library and no Intl formatter.

/** A number as JavaScript writes it, with a decimal comma: 0.025 -> "0,025" (exact figures such as settings). */
export function decimalComma(n: number): string {
  return String(n).replace('.', ',');
}
