// Normalisation of the enumerated columns (bron, type, schaal against data/waarden.json; fenomeen against the
// taxonomy's labels), and of free-text fields.
import type { Fenomeen } from '../domain.js';
import { memoise } from './memo.js';
import { ingestTables, type Synoniemen } from './tables.js';
import { normaliseName } from '../reference/normalise.js';

/**
 * A copy of a text from the export that shares no memory with the rest of it. CsvScanner's fields are slices of a
 * 64 KiB chunk of decoded text, and a text kept to the end of a run (a description, a rejected row, a value in a
 * message) would keep its whole chunk alive: the thousand rejected rows of a million-row export held about 50 MB.
 * Slicing a concatenation makes V8 copy the text into a string of its own; short strings are copies already.
 */
export function detached(text: string): string {
  return text.length < 13 ? text : ` ${text}`.slice(1);
}

/** Trimmed, with every run of whitespace (also line breaks) as one space: for ids, names and short labels. */
export function cleanText(text: string): string {
  // Most cells (codes, person keys, labels) are printable ASCII without a space: nothing to trim or join.
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c <= 32 || c >= 127) return text.trim().replace(/\s+/g, ' ');
  }
  return text;
}

/** Trimmed, line breaks as \n whatever the file used: for descriptions and notes, whose lines matter. */
export function cleanLongText(text: string): string {
  // Most texts have no CR: a native search is cheaper than running the expression over every description.
  return (text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text).trim();
}

/** A known value in its canonical form, an unknown one as written (`bekend: false`), or nothing for an empty cell. */
export type Waarde<T extends string = string> =
  | { leeg: true }
  | { leeg: false; bekend: true; waarde: T }
  | { leeg: false; bekend: false; waarde: string };

/** `canonicalOf` gives the canonical form of a cleaned, non-empty text, or undefined when it does not know it. */
function lookupValue<T extends string>(canonicalOf: (written: string) => T | undefined, raw: string): Waarde<T> {
  const written = cleanText(raw);
  if (written === '') return { leeg: true };
  const canonical = canonicalOf(written);
  return canonical === undefined ? { leeg: false, bekend: false, waarde: written } : { leeg: false, bekend: true, waarde: canonical };
}

/** The taxonomy's answer to an analyst's fenomeen label ("Extreem-rechts", "RE"), if it knows the label. */
export type LabelResolver = (label: string) => Fenomeen | undefined;

/** A fenomeen cell as written -> the analyst's label, none, or an unknown label as written. */
export type FenomeenLookup = (raw: string) => Waarde<Fenomeen>;

/**
 * Reads fenomeen labels with the taxonomy's resolver, remembered per distinct text. A label the taxonomy files under
 * 'onbekend' ("n.v.t.", "nog onbekend"), or one without a letter or digit ("-", "?"), is no label: like an empty cell
 * it leaves the fenomeen to classification.
 */
export function fenomeenLookup(fenomeenVoorLabel: LabelResolver): FenomeenLookup {
  return memoise((raw) => {
    const found = lookupValue(fenomeenVoorLabel, raw);
    const geen = found.leeg || normaliseName(found.waarde) === '' || (found.bekend && found.waarde === 'onbekend');
    return geen ? { leeg: true } : found;
  });
}

/** A lookup in one of the tables, remembered per distinct text (the tables load on first use). */
function memoLookup<T extends string>(table: () => Synoniemen<T>): (raw: string) => Waarde<T> {
  let lookup: ((raw: string) => Waarde<T>) | undefined;
  const canonicalOf = (written: string) => table().get(normaliseName(written));
  return (raw) => (lookup ??= memoise((text) => lookupValue(canonicalOf, text)))(raw);
}

export const lookupBron = memoLookup(() => ingestTables().bron);
export const lookupType = memoLookup(() => ingestTables().type);
export const lookupSchaal = memoLookup(() => ingestTables().schaal);
