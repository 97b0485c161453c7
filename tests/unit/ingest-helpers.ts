// Test helpers for the ingest stage: write a table as an export in any supported dialect, byte for byte, and know
// on which line (as an editor counts) each record starts.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface Dialect {
  encoding: Encoding;
  /** Only UTF-8 can go without a BOM here (UTF-16 always has one, Windows-1252 never). */
  bom: boolean;
  delimiter: ';' | ',' | '\t' | '|';
  eol: '\r\n' | '\n' | '\r';
  /** Excel's `sep=;` first line. */
  sepLine: boolean;
}

export const ENCODINGS: Encoding[] = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252'];
export const DELIMITERS: Dialect['delimiter'][] = [';', ',', '\t', '|'];
export const EOLS: Dialect['eol'][] = ['\r\n', '\n', '\r'];

/** Windows-1252 bytes 0x80-0x9F as printed in the code page chart (? where undefined); the rest is Latin-1. */
const CP1252_HIGH = '€?‚ƒ„…†‡ˆ‰Š‹Œ?Ž??‘’“”•–—˜™š›œ?žŸ';

/** Unicode -> Windows-1252 byte. */
const CP1252 = (() => {
  const map = new Map<string, number>();
  for (let b = 0; b < 256; b++) if (b < 0x80 || b > 0x9f) map.set(String.fromCharCode(b), b);
  [...CP1252_HIGH].forEach((ch, i) => ch !== '?' && map.set(ch, 0x80 + i));
  return map;
})();

export function encode(text: string, encoding: Encoding, bom: boolean): Buffer {
  switch (encoding) {
    case 'utf-8':
      return Buffer.from(bom ? `\uFEFF${text}` : text, 'utf8');
    case 'utf-16le':
      return Buffer.from(`\uFEFF${text}`, 'utf16le');
    case 'utf-16be':
      return Buffer.from(`\uFEFF${text}`, 'utf16le').swap16();
    case 'windows-1252':
      return Buffer.from(
        [...text].map((ch) => {
          const b = CP1252.get(ch);
          if (b === undefined) throw new Error(`not in Windows-1252: ${ch}`);
          return b;
        }),
      );
  }
}

function quoteField(value: string, delimiter: string): string {
  const needs = value.includes(delimiter) || /["\r\n]/.test(value) || value !== value.trim();
  return needs ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Line breaks as an editor counts them: CRLF, LF and CR each once. */
function countBreaks(text: string): number {
  return (text.match(/\r\n|\r|\n/g) ?? []).length;
}

export interface Written {
  text: string;
  /** Per data row (in order), the line on which it starts. */
  lines: number[];
}

/** Serialises a header and rows; `blankAfter` inserts blank lines after the data rows with those indexes. */
export function serialise(header: string[], rows: string[][], d: Dialect, blankAfter: Set<number> = new Set()): Written {
  const parts = d.sepLine ? [`sep=${d.delimiter}${d.eol}`] : [];
  parts.push(header.map((h) => quoteField(h, d.delimiter)).join(d.delimiter) + d.eol);
  let line = countBreaks(parts.join('')) + 1;
  const lines: number[] = [];
  rows.forEach((row, i) => {
    lines.push(line);
    const record = row.map((v) => quoteField(v, d.delimiter)).join(d.delimiter) + d.eol + (blankAfter.has(i) ? d.eol : '');
    parts.push(record);
    line += countBreaks(record);
  });
  return { text: parts.join(''), lines };
}

export async function tempDir(prefix = 'cter-ingest-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

export async function writeExport(dir: string, name: string, text: string, d: Pick<Dialect, 'encoding' | 'bom'>): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, encode(text, d.encoding, d.bom));
  return path;
}

/** A plain UTF-8 export from lines (joined with CRLF), for hand-written cases. */
export async function writeLines(dir: string, name: string, lines: string[]): Promise<string> {
  return writeExport(dir, name, `${lines.join('\r\n')}\r\n`, { encoding: 'utf-8', bom: false });
}
