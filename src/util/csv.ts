// One way to write CSV for every cter output: semicolons (Dutch Excel opens it with a double click), a line break
// inside a field always quoted, whatever its form, and every text cell neutralised against spreadsheet formulas
// (OWASP "CSV injection"). csv-stringify on its own only quotes the record delimiter itself, so a lone LF in a CRLF
// file would split the row.
import { stringify } from 'csv-stringify/sync';

export interface CsvOpties {
  /** For files an analyst opens in Excel: UTF-8 BOM (accents read right) and CRLF. Default: no BOM, LF (scripts). */
  excel?: boolean;
}

/**
 * A cell: text (from an export, a configuration or cter itself) is always neutralised; a number is a value cter
 * itself typed as a number (counts, line numbers) and is written as it is, also when negative.
 */
export type CsvCel = string | number;

/** A formula start, possibly behind apostrophes: "'=x" gets a second one, so the round trip stays exact. */
const FORMULE_BEGIN = /^'*[=+\-@\t\r]/;

/**
 * Excel, LibreOffice and Google Sheets run a cell that starts with = + - @ (or a tab/CR) as a formula; text must
 * never do that. A leading apostrophe makes it text (OWASP's advice); `zonderNeutralisatie` reverses it.
 */
export function excelText(value: string): string {
  return FORMULE_BEGIN.test(value) ? `'${value}` : value;
}

/** The original text of a neutralised cell: "'=1+1" -> "=1+1", "''=x" -> "'=x"; other text is returned unchanged. */
export function zonderNeutralisatie(value: string): string {
  return value.startsWith("'") && FORMULE_BEGIN.test(value.slice(1)) ? value.slice(1) : value;
}

export function toCsv(rows: readonly (readonly CsvCel[])[], opties: CsvOpties = {}): string {
  const cells = rows.map((row) => row.map((cell) => (typeof cell === 'number' ? cell : excelText(cell))));
  const text = stringify(cells, {
    delimiter: ';',
    record_delimiter: opties.excel ? 'windows' : '\n',
    quoted_match: /[\r\n]/,
  });
  return opties.excel ? `\uFEFF${text}` : text;
}
