import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CsvScanner, ScanLimitError } from '../../src/ingest/csv-scanner.js';

type Uit = { regel: number; velden: string[] } | { regel: number; soort: string; tekst: string };

function scan(chunks: readonly string[], delimiter = ';', maxRecordChars = 1_000_000, maxParserChars = 64_000_000): Uit[] {
  const uit: Uit[] = [];
  const scanner = new CsvScanner(
    { record: (regel, velden) => uit.push({ regel, velden }), onleesbaar: (regel, soort, tekst) => uit.push({ regel, soort, tekst }) },
    { delimiter, eersteRegel: 1, maxRecordChars, maxParserChars },
  );
  for (const chunk of chunks) scanner.feed(chunk);
  scanner.end();
  return uit;
}

/** The line an editor shows for offset `at`: CR, LF and CRLF each end one line. */
function editorLine(text: string, at: number): number {
  let line = 1;
  for (let i = 0; i < at; i++) {
    const c = text[i];
    if (c === '\r' || (c === '\n' && text[i - 1] !== '\r')) line++;
  }
  return line;
}

/**
 * What csv-parse 7 makes of the text with the options cter read exports with before the scanner: its records and the
 * stretches it skips, each with the editor's line of its first character. A record's start follows from the raw text
 * of those before it (csv-parse leaves the LF of a CRLF out of `raw`).
 */
function csvParse(text: string, delimiter = ';'): Uit[] {
  const skipped: string[] = [];
  const records = parse(text, {
    delimiter,
    record_delimiter: ['\r\n', '\n', '\r'],
    relax_column_count: true,
    relax_quotes: true,
    skip_records_with_error: true,
    raw: true,
    // With these options the only stretch csv-parse skips is a quote still open at the end: it comes last.
    on_skip: (_err, raw) => void skipped.push(raw ?? ''),
  }) as unknown as { record: string[]; raw: string }[];
  const uit: Uit[] = [];
  let offset = 0;
  for (const { record, raw } of records) {
    uit.push({ regel: editorLine(text, offset), velden: record });
    offset += raw.length;
    if (raw.endsWith('\r') && text[offset] === '\n') offset++;
  }
  for (const raw of skipped) uit.push({ regel: editorLine(text, offset), soort: 'niet-gesloten', tekst: raw });
  return uit;
}

/** The text cut into chunks at the given (sorted, deduplicated) offsets. */
function cut(text: string, at: number[]): string[] {
  const points = [...new Set(at.map((a) => a % (text.length + 1)))].sort((a, b) => a - b);
  const chunks: string[] = [];
  let from = 0;
  for (const p of points) {
    chunks.push(text.slice(from, p));
    from = p;
  }
  chunks.push(text.slice(from));
  return chunks;
}

// Characters that make CSV hard: both delimiters, quotes, every line ending, a space, accents.
const lastig = fc.constantFrom('a', 'b', ';', ',', '"', '"', '\r', '\n', '\r\n', ' ', 'é');
const tekst = fc.array(lastig, { maxLength: 60 }).map((delen) => delen.join(''));

describe('CsvScanner', () => {
  it('reads any text as csv-parse does, however it is cut into chunks', () => {
    fc.assert(
      fc.property(tekst, fc.array(fc.nat(), { maxLength: 8 }), fc.constantFrom(';', ','), (text, at, delimiter) => {
        expect(scan(cut(text, at), delimiter)).toEqual(csvParse(text, delimiter));
      }),
      { numRuns: 3000 },
    );
  });

  it('reads well-formed exports as csv-parse does: quoted fields with delimiters, quotes and line breaks', () => {
    const veld = fc.oneof(
      fc.stringMatching(/^[a-z0-9 é]{0,8}$/),
      fc.array(fc.constantFrom('x', ';', '""', '\r\n', '\n', ' '), { maxLength: 6 }).map((d) => `"${d.join('')}"`),
    );
    const regel = fc.array(veld, { minLength: 1, maxLength: 5 }).map((v) => v.join(';'));
    fc.assert(
      fc.property(fc.array(regel, { maxLength: 8 }), fc.constantFrom('\r\n', '\n', '\r'), fc.array(fc.nat(), { maxLength: 5 }), (regels, eol, at) => {
        const text = regels.join(eol);
        expect(scan(cut(text, at))).toEqual(csvParse(text));
      }),
      { numRuns: 1000 },
    );
  });

  it('counts lines as an editor does, also after a CRLF followed by a bare LF', () => {
    expect(scan(['a\r\n\nb;"c\r\nd"\re'])).toEqual([
      { regel: 1, velden: ['a'] },
      { regel: 2, velden: [''] },
      { regel: 3, velden: ['b', 'c\r\nd'] },
      { regel: 5, velden: ['e'] },
    ]);
  });

  it('keeps quotes as written after a closing quote with text behind it (relax_quotes)', () => {
    expect(scan(['"ab"c;d"e"\n""x;"'])).toEqual([
      { regel: 1, velden: ['"ab"c', 'd"e"'] },
      { regel: 2, soort: 'niet-gesloten', tekst: '""x;"' },
    ]);
  });

  it('rejects a record longer than the limit on its own and reads on', () => {
    const lang = 'x'.repeat(30);
    expect(scan([`a;b\r\n${lang};"${lang}"\r\nc\n`], ';', 50)).toEqual([
      { regel: 1, velden: ['a', 'b'] },
      { regel: 2, soort: 'te-lang', tekst: `${lang};"${lang}"\r` },
      { regel: 3, velden: ['c'] },
    ]);
  });

  it('stops at a record beyond the scanner limit, naming the line it starts on', () => {
    expect(() => scan(['a\n"', 'x'.repeat(40), 'y'.repeat(40)], ';', 10, 60)).toThrow(ScanLimitError);
    try {
      scan(['a\n"', 'x'.repeat(40), 'y'.repeat(40)], ';', 10, 60);
    } catch (err) {
      expect((err as ScanLimitError).regel).toBe(2);
    }
  });
});
