// Dutch notation for everything the report shows: numbers (Intl nl-NL), dates (date-fns, nl locale), p-values.

// One module per function and only the Dutch locale: the packages' index modules load every function and every
// locale, about a second of CPU at every cter start (this module is loaded by the classification's rules).
import { format } from 'date-fns/format';
import { parseISO } from 'date-fns/parseISO';
import { nl } from 'date-fns/locale/nl';

const integer = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** 1234 -> "1.234". */
export function formatInteger(n: number): string {
  return integer.format(n);
}

/** 3.04 -> "3,0". */
export function formatDecimal(n: number): string {
  return oneDecimal.format(n);
}

/** A share 0..1 -> "38%" (one decimal below 10%, so small shares stay visible). */
export function formatShare(fraction: number): string {
  const pct = fraction * 100;
  if (pct > 0 && pct < 10) return `${oneDecimal.format(pct)}%`;
  return `${integer.format(pct)}%`;
}

/** A relative change in percent -> "+52%" / "-18%" / "0%". */
export function formatPercentChange(pct: number): string {
  const rounded = Math.round(pct);
  const sign = rounded > 0 ? '+' : rounded < 0 ? '−' : '';
  return `${sign}${integer.format(Math.abs(rounded))}%`;
}

/** A difference in counts -> "+12" / "−3" / "0". */
export function formatDifference(n: number): string {
  const sign = n > 0 ? '+' : n < 0 ? '−' : '';
  return `${sign}${integer.format(Math.abs(n))}`;
}

/**
 * A two-sided p-value as analysts write it: "p < 0,001", "p = 0,004", "p = 0,032", "p = 0,41". Never rounds a
 * significant p-value up to the 0,05 boundary: 0,0496 reads "p < 0,05".
 */
export function formatP(p: number): string {
  if (p < 0.001) return 'p < 0,001';
  const digits = p < 0.1 ? 3 : 2;
  const rounded = Number(p.toFixed(digits));
  if (p < 0.05 && rounded >= 0.05) return 'p < 0,05';
  const text = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(rounded);
  return `p = ${text}`;
}

/** "2025-09-14" -> "14 september 2025". */
export function formatDate(isoDate: string): string {
  return format(parseISO(isoDate), 'd MMMM yyyy', { locale: nl });
}

/** A moment -> "25 november 2025, 14:03". */
export function formatDateTime(moment: Date): string {
  return format(moment, "d MMMM yyyy', 'HH:mm", { locale: nl });
}

/** A moment as local ISO-like text with offset, for the JSON model and PDF metadata. */
export function isoLocal(moment: Date): string {
  return format(moment, "yyyy-MM-dd'T'HH:mm:ssxxx");
}

/** Joins Dutch enumerations: ["a"] -> "a", ["a","b"] -> "a en b", ["a","b","c"] -> "a, b en c". */
export function enumerate(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} en ${items[items.length - 1]}`;
}

/** Capitalises the first letter of a sentence. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "2025-Q3" -> "K3 2025", "2025-07" -> "jul 2025", "2025" -> "2025". */
export function kortePeriode(code: string): string {
  const kwartaal = /^(\d{4})-Q(\d)$/.exec(code);
  if (kwartaal) return `K${kwartaal[2]} ${kwartaal[1]}`;
  const maand = /^(\d{4})-(\d{2})$/.exec(code);
  if (maand) {
    const naam = ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'][Number(maand[2]) - 1];
    return `${naam} ${maand[1]}`;
  }
  return code;
}

/**
 * The area in running text: "gemeente Zaanstad", "regio Zaanstreek-Waterland", "politie-eenheid Noord-Holland" (a
 * region name that already says what it is keeps its own word, in lower case).
 */
export function aanduiding(soort: 'gemeente' | 'regio', naam: string): string {
  if (soort === 'gemeente') return `gemeente ${naam}`;
  const soortwoord = /^(politie-eenheid|veiligheidsregio|regio)\b/i.exec(naam);
  return soortwoord ? `${soortwoord[1]!.toLowerCase()}${naam.slice(soortwoord[1]!.length)}` : `regio ${naam}`;
}
