// Reads the reference CSVs in data/reference/ (shipped with the package). Located relative to this module, so it
// works from dist/ (installed CLI) and from src/ (vitest). The files are ours: a malformed row is a packaging bug.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { RegioSoort } from '../domain.js';

const DATA_DIR = new URL('../../data/reference/', import.meta.url);

interface GemeenteRow {
  code: string;
  naam: string;
  veiligheidsregio: string;
  inwoners: number;
  andereNamen: string[];
}

interface VeiligheidsregioRow {
  code: string;
  naam: string;
}

export interface OpgehevenRow {
  code: string;
  naam: string;
  opgehevenPer: string;
  opvolger: string;
}

export interface WoonplaatsRow {
  woonplaats: string;
  /** CBS code of the current gemeente the woonplaats (or this part of it) lies in. */
  code: string;
  /** Where the row comes from. */
  bron: string;
}

interface RegioRow {
  code: string;
  naam: string;
  soort: RegioSoort;
  /** Veiligheidsregio codes whose gemeenten make up the region. */
  leden: string[];
}

export interface ReferenceTables {
  gemeenten: GemeenteRow[];
  veiligheidsregios: VeiligheidsregioRow[];
  opgeheven: OpgehevenRow[];
  regios: RegioRow[];
  woonplaatsen: WoonplaatsRow[];
}

const REGIO_SOORTEN: readonly RegioSoort[] = ['veiligheidsregio', 'zorg- en veiligheidsregio', 'politie-eenheid'];

/** A table row: the required columns are there (parseTable checked them); any other column may be missing. */
export type TableRow<C extends string> = Record<C, string> & Partial<Record<string, string>>;

function readCsv<C extends string>(file: string, columns: readonly C[]): TableRow<C>[] {
  const url = new URL(file, DATA_DIR);
  return parseTable(readFileSync(url), columns, (message) => new Error(`${url.pathname}: ${message}`)).map((r) => r.row);
}

/**
 * A reference table in cter's CSV form (comma, header line, `#` comment lines), each row with the line it starts on;
 * `fail` turns a problem into the caller's error.
 */
export function parseTable<C extends string>(
  content: Buffer | string,
  columns: readonly C[],
  fail: (message: string) => Error,
): { row: TableRow<C>; regel: number }[] {
  const records = parse(content, {
    columns: true,
    bom: true,
    trim: true,
    skip_empty_lines: true,
    comment: '#',
    comment_no_infix: true,
    info: true,
  }) as { record: Record<string, string>; info: { lines: number } }[];
  return records.map(({ record, info }) => {
    for (const column of columns) {
      if (record[column] === undefined) throw fail(`regel ${info.lines} mist kolom '${column}'`);
    }
    return { row: record as TableRow<C>, regel: info.lines };
  });
}

export const WOONPLAATS_KOLOMMEN = ['woonplaats', 'cbs_code'] as const;

export function woonplaatsRow(r: TableRow<(typeof WOONPLAATS_KOLOMMEN)[number]>): WoonplaatsRow {
  return { woonplaats: r.woonplaats, code: r.cbs_code, bron: r.bron ?? '' };
}

function list(cell: string | undefined): string[] {
  return (cell ?? '')
    .split('|')
    .map((s) => s.trim())
    .filter(Boolean);
}

function integer(value: string, where: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${where}: '${value}' is not a positive whole number`);
  return n;
}

let cached: ReferenceTables | undefined;

/** The reference tables, read once per process. */
export function readReferenceTables(): ReferenceTables {
  cached ??= {
    gemeenten: readCsv('gemeenten.csv', ['cbs_code', 'naam', 'veiligheidsregio_code', 'inwoners', 'andere_namen']).map(
      (r) => ({
        code: r.cbs_code,
        naam: r.naam,
        veiligheidsregio: r.veiligheidsregio_code,
        inwoners: integer(r.inwoners, `gemeenten.csv ${r.cbs_code}`),
        andereNamen: list(r.andere_namen),
      }),
    ),
    veiligheidsregios: readCsv('veiligheidsregios.csv', ['code', 'naam']).map((r) => ({ code: r.code, naam: r.naam })),
    opgeheven: readCsv('opgeheven-gemeenten.csv', ['cbs_code', 'naam', 'opgeheven_per', 'opvolger_cbs_code']).map(
      (r) => ({ code: r.cbs_code, naam: r.naam, opgehevenPer: r.opgeheven_per, opvolger: r.opvolger_cbs_code }),
    ),
    regios: readCsv('regios.csv', ['code', 'naam', 'soort', 'leden']).map((r) => {
      const soort = r.soort as RegioSoort;
      if (!REGIO_SOORTEN.includes(soort)) throw new Error(`regios.csv ${r.code}: unknown soort '${r.soort}'`);
      return { code: r.code, naam: r.naam, soort, leden: list(r.leden) };
    }),
    woonplaatsen: readCsv('woonplaatsen.csv', [...WOONPLAATS_KOLOMMEN, 'bron']).map(woonplaatsRow),
  };
  return cached;
}
