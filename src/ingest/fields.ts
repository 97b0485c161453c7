// Field readers shared by signals and trend notes: each reads one canonical column of a row, reports a problem
// through the row's report, and returns the normalised value (undefined when empty or rejected).
import type { Fenomeen } from '../domain.js';
import { withSuggestions, type Reference } from '../reference/index.js';
import { parseDatum } from './dates.js';
import { cleanText, type FenomeenLookup, type Waarde } from './values.js';
import type { Row, RowReport } from './row.js';

export interface GemeenteOmzetting {
  /** What the export named: an abolished gemeente or a woonplaats. */
  soort: 'opgeheven' | 'woonplaats';
  /** The abolished gemeente or the woonplaats as named in the reference data; an abolished one with its CBS code. */
  van: string;
  vanCode?: string;
  /** The current gemeente it was counted as. */
  naar: string;
  naarCode: string;
  /** How many accepted records named it. */
  aantal: number;
}

type Naam = { naam: string; code: string };
export type Omzetting = { soort: GemeenteOmzetting['soort']; van: { naam: string; code?: string }; naar: Naam };

/** One line for people: "Zaandam geteld als Zaanstad: 14×", "Beemster (opgeheven) geteld als Purmerend: 3×". */
export function omzettingRegel(o: GemeenteOmzetting): string {
  return `${o.van}${o.soort === 'opgeheven' ? ' (opgeheven)' : ''} geteld als ${o.naar}: ${o.aantal}×`;
}

/**
 * Abolished gemeenten and woonplaatsen met in the exports and counted in their current gemeente: not a warning, but
 * recorded for the report. Marked per record, counted over the records that are finally accepted.
 */
export class Omzettingen {
  private readonly marks = new WeakMap<object, Omzetting>();

  mark(record: object, omzetting: Omzetting | undefined): void {
    if (omzetting) this.marks.set(record, omzetting);
  }

  /** The mark of `record` now belongs to its stand-in. */
  overdragen(record: object, standIn: object): void {
    this.mark(standIn, this.marks.get(record));
  }

  count(records: readonly object[]): GemeenteOmzetting[] {
    const counts = new Map<string, GemeenteOmzetting>();
    for (const record of records) {
      const mark = this.marks.get(record);
      if (!mark) continue;
      const key = `${mark.soort}:${mark.van.naam}>${mark.naar.code}`;
      const entry = counts.get(key);
      if (entry) {
        entry.aantal++;
        continue;
      }
      const van = mark.van.code === undefined ? { van: mark.van.naam } : { van: mark.van.naam, vanCode: mark.van.code };
      counts.set(key, { soort: mark.soort, ...van, naar: mark.naar.naam, naarCode: mark.naar.code, aantal: 1 });
    }
    return [...counts.values()].sort((a, b) => a.van.localeCompare(b.van, 'nl') || a.naar.localeCompare(b.naar, 'nl'));
  }
}

export function readRequired(row: Row, report: RowReport, kolom: string, clean = cleanText): string | undefined {
  const value = clean(row.get(kolom));
  if (value === '') report.fout(kolom, '', `${kolom} ontbreekt`);
  return value === '' ? undefined : value;
}

export function readDatum(row: Row, report: RowReport): { datum: string; tijd?: string } | undefined {
  const raw = row.get('datum');
  const result = parseDatum(raw);
  if (!result.ok) {
    report.fout('datum', raw.trim(), result.reden);
    return undefined;
  }
  // parseDatum shares one string per distinct date and time; its result is read, not kept (no copy per row).
  return result;
}

export type GelezenGemeente = {
  code: string;
  /** Set when the export named a woonplaats or an abolished gemeente; `alsGeschreven` is the cell as written. */
  omzetting?: Omzetting & { alsGeschreven: string };
};

/** The CBS code of the (current) gemeente; `verplicht: false` lets an empty cell pass as undefined. */
export function readGemeente(row: Row, report: RowReport, ref: Reference, verplicht: boolean): GelezenGemeente | undefined {
  const raw = row.get('gemeente').trim();
  if (raw === '' && !verplicht) return undefined;
  const match = ref.resolveGemeente(raw);
  if (!match.ok) {
    // Reasons are fragments joined with '; ' in the rejects file: no closing full stop.
    report.fout('gemeente', raw, withSuggestions(match.reden, match.suggesties).replace(/\.$/, ''));
    return undefined;
  }
  const code = match.gemeente.code;
  const naar = { naam: match.gemeente.naam, code };
  if (match.opgeheven) return { code, omzetting: { soort: 'opgeheven', van: match.opgeheven, naar, alsGeschreven: raw } };
  if (match.woonplaats) {
    return { code, omzetting: { soort: 'woonplaats', van: { naam: match.woonplaats }, naar, alsGeschreven: raw } };
  }
  return { code };
}

/** A value from a list of known values; an unknown one is kept as written, with a warning. */
export function readKnown<T extends string>(
  row: Row,
  report: RowReport,
  kolom: string,
  lookup: (raw: string) => Waarde<T>,
  wat: string,
): T | string | undefined {
  const found = lookup(row.get(kolom));
  if (found.leeg) return undefined;
  if (!found.bekend) report.waarschuwing(kolom, found.waarde, `onbekende ${wat} '${found.waarde}'; overgenomen zoals geschreven`);
  return found.waarde;
}

/** The analyst's fenomeen label; an unknown one leaves the record to classification, with a warning. */
export function readFenomeen(row: Row, report: RowReport, lookup: FenomeenLookup): Fenomeen | undefined {
  const found = lookup(row.get('fenomeen'));
  if (found.leeg) return undefined;
  if (!found.bekend) {
    report.waarschuwing('fenomeen', found.waarde, `onbekend fenomeen '${found.waarde}'; het veld wordt als leeg behandeld`);
    return undefined;
  }
  return found.waarde;
}
