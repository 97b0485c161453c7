// Dates as exports write them: 2025-07-03, 03-07-2025, 3-7-2025, 03/07/2025, 03.07.2025, 3 juli 2025, 3 jul 2025,
// each optionally with a time (14:30, 14:30:00), and ISO 8601 timestamps. Day-month order is always Dutch. A date
// that does not exist (31-02-2025, month 13) is rejected with a reason that names the value.
import { isExists } from 'date-fns/isExists';
import { nl } from 'date-fns/locale/nl';

export type DatumResultaat = { ok: true; datum: string; tijd?: string } | { ok: false; reden: string };

const TIME = String.raw`(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?`;
const ISO = new RegExp(String.raw`^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:T|,?\s+)${TIME}(Z|[+-]\d{2}(?::?\d{2})?)?)?$`, 'i');
const NUMERIC = new RegExp(String.raw`^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})(?:,?\s+${TIME})?$`);
const WORDS = new RegExp(String.raw`^(\d{1,2})\s+(\p{L}+)\.?\s+(\d{4})(?:,?\s+${TIME})?$`, 'u');

const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

/** Dutch month names and abbreviations (from date-fns' nl locale, without the dot) -> month number. */
const MONTHS: ReadonlyMap<string, number> = (() => {
  const map = new Map<string, number>([['sept', 9]]);
  for (let i = 0; i < 12; i++) {
    map.set(nl.localize.month(i as 0, { width: 'wide' }).toLowerCase(), i + 1);
    map.set(nl.localize.month(i as 0, { width: 'abbreviated' }).replace('.', '').toLowerCase(), i + 1);
  }
  return map;
})();

/** '00'-'99' made once: every date and time is written with four of them. */
const TWO_DIGITS = Array.from({ length: 100 }, (_, n) => String(n).padStart(2, '0'));
const pad = (n: number) => TWO_DIGITS[n] ?? String(n).padStart(2, '0');

const HINT = 'bijvoorbeeld 2025-07-03, 03-07-2025 of 3 juli 2025, eventueel met een tijd als 14:30';

interface Parts {
  y: number;
  m: number;
  d: number;
  time?: { h: number; mi: number; s?: number };
  /** Offset from UTC in minutes, for ISO timestamps with Z or +hh:mm. */
  offset?: number;
}

/**
 * isExists builds a Date per call; a large export asks about the same few hundred days over and over. Only years
 * MIN_YEAR-MAX_YEAR, months 1-12 and two-digit days get here, so the cache stays below 250,000 entries.
 */
const existingDays = new Map<number, boolean>();

function dayExists(y: number, m: number, d: number): boolean {
  const key = (y * 100 + m) * 100 + d;
  let exists = existingDays.get(key);
  if (exists === undefined) existingDays.set(key, (exists = isExists(y, m - 1, d)));
  return exists;
}

function checkParts(text: string, p: Parts): string | undefined {
  if (p.m < 1 || p.m > 12) return `'${text}' is geen geldige datum: maand ${p.m} bestaat niet`;
  if (p.y < MIN_YEAR || p.y > MAX_YEAR) return `'${text}': het jaar ${p.y} is niet aannemelijk`;
  if (!dayExists(p.y, p.m, p.d)) {
    const maand = nl.localize.month((p.m - 1) as 0, { width: 'wide' });
    return `'${text}' is geen geldige datum: ${maand} ${p.y} heeft geen dag ${p.d}`;
  }
  const t = p.time;
  if (t && (t.h > 23 || t.mi > 59 || (t.s ?? 0) > 59)) {
    return `'${text}': de tijd ${pad(t.h)}:${pad(t.mi)}${t.s === undefined ? '' : `:${pad(t.s)}`} bestaat niet`;
  }
  return undefined;
}

function timeOf(h?: string, mi?: string, s?: string): Parts['time'] {
  if (h === undefined || mi === undefined) return undefined;
  return { h: Number(h), mi: Number(mi), s: s === undefined ? undefined : Number(s) };
}

function offsetMinutes(zone: string | undefined): number | undefined {
  if (zone === undefined) return undefined;
  if (zone.toUpperCase() === 'Z') return 0;
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone)!;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
}

/** Made at the first timestamp with an offset: making it (loading the time zone's rules) costs a start-up, and most exports have none. */
let amsterdam: Intl.DateTimeFormat | undefined;

function amsterdamFormat(): Intl.DateTimeFormat {
  amsterdam ??= new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Amsterdam',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  });
  return amsterdam;
}

/** A timestamp with a UTC offset, as the local (Dutch) date and time it was registered at. */
function toAmsterdam(p: Parts & { time: NonNullable<Parts['time']>; offset: number }): Parts {
  const utc = Date.UTC(p.y, p.m - 1, p.d, p.time.h, p.time.mi, p.time.s ?? 0) - p.offset * 60_000;
  // One formatting for all fields (formatToParts is the costly step of reading a timestamp with an offset).
  const parts = amsterdamFormat().formatToParts(utc);
  const get = (type: string) => Number(parts.find((part) => part.type === type)!.value);
  return {
    y: get('year'),
    m: get('month'),
    d: get('day'),
    time: { h: get('hour'), mi: get('minute'), s: p.time.s === undefined ? undefined : get('second') },
  };
}

function match(text: string): Parts | string {
  let m = ISO.exec(text);
  if (m) {
    return { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]), time: timeOf(m[4], m[5], m[6]), offset: offsetMinutes(m[7]) };
  }
  m = NUMERIC.exec(text);
  if (m) return { y: Number(m[4]), m: Number(m[3]), d: Number(m[1]), time: timeOf(m[5], m[6], m[7]) };
  m = WORDS.exec(text);
  if (m) {
    const month = MONTHS.get(m[2]!.toLowerCase());
    if (month === undefined) return `'${text}': onbekende maand '${m[2]}' (${HINT})`;
    return { y: Number(m[3]), m: month, d: Number(m[1]), time: timeOf(m[4], m[5], m[6]) };
  }
  return `'${text}' is geen datum die cter herkent (${HINT})`;
}

/** A digit pair at `i` as a number, or -1. */
function digits2(text: string, i: number): number {
  const a = text.charCodeAt(i) - 48;
  const b = text.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/**
 * The form nearly every row of a large export has, `dd-mm-yyyy` or `dd-mm-yyyy hh:mm`, read and checked without the
 * regular expressions and without an object per part: the result the general path gives for it (the text needs no
 * cleaning either). Undefined for any other form and for a value that does not exist, which the general path then
 * reads and explains.
 */
function commonForm(text: string): DatumResultaat | undefined {
  const n = text.length;
  if ((n !== 10 && n !== 16) || text.charCodeAt(2) !== 45 || text.charCodeAt(5) !== 45) return undefined;
  const d = digits2(text, 0);
  const m = digits2(text, 3);
  const eeuw = digits2(text, 6);
  const jaar = digits2(text, 8);
  if (d < 0 || m < 1 || m > 12 || eeuw < 0 || jaar < 0) return undefined;
  const y = eeuw * 100 + jaar;
  if (y < MIN_YEAR || y > MAX_YEAR || !dayExists(y, m, d)) return undefined;
  if (n === 10) return { ok: true, datum: datumTekst(y, m, d) };
  if (text.charCodeAt(10) !== 32 || text.charCodeAt(13) !== 58) return undefined;
  const h = digits2(text, 11);
  const mi = digits2(text, 14);
  if (h < 0 || h > 23 || mi < 0 || mi > 59) return undefined;
  return { ok: true, datum: datumTekst(y, m, d), tijd: tijdTekst(h, mi, undefined) };
}

export function parseDatum(raw: string): DatumResultaat {
  const common = commonForm(raw);
  if (common) return common;
  const text = raw.trim().replace(/\s+/g, ' ');
  if (text === '') return { ok: false, reden: 'datum ontbreekt' };
  const parts = match(text);
  if (typeof parts === 'string') return { ok: false, reden: parts };
  const problem = checkParts(text, parts);
  if (problem) return { ok: false, reden: problem };
  const local = parts.offset !== undefined && parts.time ? toAmsterdam({ ...parts, time: parts.time, offset: parts.offset }) : parts;
  const datum = datumTekst(local.y, local.m, local.d);
  const t = local.time;
  if (!t) return { ok: true, datum };
  return { ok: true, datum, tijd: tijdTekst(t.h, t.mi, t.s) };
}

/**
 * One shared string per date and per time, found by number: a large export repeats a few hundred dates, and building
 * the text first to look it up (a fresh string, hashed per row) cost more than parsing the date. Valid dates only
 * (checkParts ran), so the caches stay below 250,000 dates and 86,400 times.
 */
const datums = new Map<number, string>();
const tijden = new Map<number, string>();

function datumTekst(y: number, m: number, d: number): string {
  const key = (y * 100 + m) * 100 + d;
  let tekst = datums.get(key);
  if (tekst === undefined) datums.set(key, (tekst = `${y}-${pad(m)}-${pad(d)}`));
  return tekst;
}

function tijdTekst(h: number, mi: number, s: number | undefined): string {
  const key = s === undefined ? -(h * 100 + mi) - 1 : (h * 100 + mi) * 100 + s;
  let tekst = tijden.get(key);
  if (tekst === undefined) tijden.set(key, (tekst = `${pad(h)}:${pad(mi)}${s === undefined ? '' : `:${pad(s)}`}`));
  return tekst;
}
