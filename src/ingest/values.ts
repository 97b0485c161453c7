// Normalisation of the enumerated columns (fenomeen, bron, type, schaal) against data/waarden.json, and of
// free-text fields.
import type { Fenomeen, Schaal } from '../model.js';
import { normaliseName } from '../reference/index.js';
import { memoise } from './memo.js';
import { ingestTables, type Synoniemen } from './tables.js';

/** Trimmed, with every run of whitespace (also line breaks) as one space: for ids, names and short labels. */
export function cleanText(text: string): string {
  return text.trim().replace(/\s+/g, ' ');
}

/** Trimmed, line breaks as \n whatever the file used: for descriptions and notes, whose lines matter. */
export function cleanLongText(text: string): string {
  return text.replace(/\r\n?/g, '\n').trim();
}

/** A known value in its canonical form, an unknown one as written (`bekend: false`), or nothing for an empty cell. */
export type Waarde<T extends string = string> =
  | { leeg: true }
  | { leeg: false; bekend: true; waarde: T }
  | { leeg: false; bekend: false; waarde: string };

export function lookupValue<T extends string>(table: Synoniemen<T>, raw: string): Waarde<T> {
  const written = cleanText(raw);
  if (written === '') return { leeg: true };
  const canonical = table.get(normaliseName(written));
  return canonical === undefined ? { leeg: false, bekend: false, waarde: written } : { leeg: false, bekend: true, waarde: canonical };
}

/** An analyst's fenomeen label; "onbekend", "n.v.t." and the like count as no label (left to classification). */
export const lookupFenomeen = memoise((raw: string): Waarde<Fenomeen> => {
  const tables = ingestTables();
  const key = normaliseName(raw);
  if (key === '' || tables.geenFenomeen.has(key)) return { leeg: true };
  return lookupValue(tables.fenomeen, raw);
});

/** A lookup in one of the tables, remembered per distinct text (the tables load on first use). */
function memoLookup<T extends string>(table: () => Synoniemen<T>): (raw: string) => Waarde<T> {
  let lookup: ((raw: string) => Waarde<T>) | undefined;
  return (raw) => (lookup ??= memoise((text) => lookupValue(table(), text)))(raw);
}

export const lookupBron = memoLookup(() => ingestTables().bron);
export const lookupType = memoLookup(() => ingestTables().type);
export const lookupSchaal = memoLookup(() => ingestTables().schaal);
