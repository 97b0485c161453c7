// One way to write CSV for every cter output: semicolons (Dutch Excel opens it with a double click) and a line break
// inside a field always quoted, whatever its form. csv-stringify on its own only quotes the record delimiter itself,
// so a lone LF in a CRLF file would split the row.
import { stringify } from 'csv-stringify/sync';

export interface CsvOpties {
  /** For files an analyst opens in Excel: UTF-8 BOM (accents read right) and CRLF. Default: no BOM, LF (scripts). */
  excel?: boolean;
}

export function toCsv(rows: readonly (readonly (string | number)[])[], opties: CsvOpties = {}): string {
  const text = stringify(rows as (string | number)[][], {
    delimiter: ';',
    record_delimiter: opties.excel ? 'windows' : '\n',
    quoted_match: /[\r\n]/,
  });
  return opties.excel ? `\uFEFF${text}` : text;
}

/**
 * Excel runs a cell that starts with = + - @ (or a tab/CR) as a formula; text from an export must never do that.
 * A leading apostrophe makes it text.
 */
export function excelText(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
