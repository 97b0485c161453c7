// The CSV reader of the exports: decoded text in, records with the line each starts on out, chunk by chunk, never
// holding the file. It reads exactly as csv-parse 7 does with cter's options (record delimiters CRLF, LF and CR;
// ragged rows; `relax_quotes`: a quote inside an unquoted field is text, and text after a closing quote keeps both
// quotes), which tests/unit/csv-scanner.test.ts checks against csv-parse itself on generated input. It exists because
// the exports are read on the hot path: one pass over the characters, fields as slices of the decoded text, lines
// counted as it goes, where csv-parse copies every byte into a buffer and decodes each field again (issue 13).

const QUOTE = 34;
const CR = 13;
const LF = 10;

/** The position of `teken` in s at or after `from`; s.length when there is none. */
function volgende(s: string, teken: string, from: number): number {
  const p = s.indexOf(teken, from);
  return p < 0 ? s.length : p;
}

export interface ScanHandler {
  /** A record and the line (as an editor counts: CR, LF and CRLF each end one) on which it starts. */
  record(regel: number, velden: string[]): void;
  /**
   * A stretch that is no record: `te-lang`, a record whose fields hold more than `maxRecordChars` characters (reading
   * goes on after it); `niet-gesloten`, a quote still open at the end of the file. `tekst` is the stretch as written
   * (up to and including the first character of its record delimiter, as csv-parse's `raw`).
   */
  onleesbaar(regel: number, soort: 'te-lang' | 'niet-gesloten', tekst: string): void;
}

/** A record beyond `maxParserChars` characters: reading cannot go on (a quote that is never closed, in a huge file). */
export class ScanLimitError extends Error {
  constructor(readonly regel: number) {
    super(`record starting on line ${regel} exceeds the scanner's limit`);
  }
}

export interface ScanOptions {
  delimiter: string;
  /** The line of the first character fed. */
  eersteRegel: number;
  maxRecordChars: number;
  maxParserChars: number;
}

export class CsvScanner {
  private readonly delim: number;
  private readonly delimTeken: string;
  /** The line at the scan position, and the line the current record starts on. */
  private lijn: number;
  private regel: number;
  private velden: string[] = [];
  /** Characters in the current record's completed fields. */
  private recordChars = 0;
  /**
   * In the chunk being fed: where the next delimiter, CR and LF are, at or after the position they were looked for
   * from (the chunk's length when there is none; -1 before the first search).
   */
  private volgendeScheiding = -1;
  private volgendeCr = -1;
  private volgendeLf = -1;
  /** The current field as far as earlier chunks (or unquoting) built it. */
  private veld = '';
  private quoting = false;
  /** The current field was quoted (csv-parse emits a last record of just `""`). */
  private wasQuoting = false;
  /** The last chunk ended on a quote inside a quoted field: the next character says what it was. */
  private quoteAtEnd = false;
  /** The last chunk ended on a CR that ended a record: an LF first in the next one belongs to it. */
  private skipLf = false;
  /** The last character of the previous chunk was a CR (an LF after it ends no extra line). */
  private prevCr = false;
  /** The current record's text in earlier chunks, for its raw text if it turns out unreadable. */
  private rawParts: string[] = [];

  constructor(
    private readonly handler: ScanHandler,
    private readonly options: ScanOptions,
  ) {
    if (options.delimiter.length !== 1) throw new Error(`delimiter must be one character: ${options.delimiter}`);
    this.delim = options.delimiter.charCodeAt(0);
    this.delimTeken = options.delimiter;
    this.lijn = this.regel = options.eersteRegel;
  }

  feed(s: string): void {
    const n = s.length;
    if (n === 0) return;
    const delim = this.delim;
    // Positions found in an earlier chunk mean nothing in this one.
    this.volgendeScheiding = this.volgendeCr = this.volgendeLf = -1;
    let i = this.skipLf || this.quoteAtEnd ? this.resume(s) : 0;
    // Where the current record's text starts in this chunk: 0 when it began in an earlier one.
    let recordStart = this.quoting ? 0 : i;
    let fieldStart = i;
    // Field by field: a quote opens a quoted field only as its first character (relax_quotes: anywhere else it is
    // text), so a field runs to the next delimiter, CR or LF, which the string's own search finds (issue 13: a loop
    // over every character cost a tenth of the reading thread).
    while (i < n) {
      if (this.quoting) {
        fieldStart = i = this.scanQuoted(s, i);
        continue;
      }
      if (i === fieldStart && this.veld === '' && s.charCodeAt(i) === QUOTE) {
        this.quoting = true;
        fieldStart = ++i;
        continue;
      }
      i = this.veldEinde(s, i);
      if (i === n) break;
      const c = s.charCodeAt(i);
      if (c === delim) {
        this.endField(s, fieldStart, i);
        fieldStart = ++i;
        continue;
      }
      this.endField(s, fieldStart, i);
      this.endRecord(s, recordStart, i + 1);
      if (c === CR) {
        if (i + 1 === n) this.skipLf = true;
        else if (s.charCodeAt(i + 1) === LF) i++;
      }
      this.regel = ++this.lijn;
      recordStart = fieldStart = ++i;
    }
    if (!this.quoting && fieldStart < n) this.veld += s.slice(fieldStart, n);
    if (recordStart < n) this.rawParts.push(recordStart === 0 ? s : s.slice(recordStart));
    this.prevCr = s.charCodeAt(n - 1) === CR;
    if (this.recordChars + this.veld.length > this.options.maxParserChars) throw new ScanLimitError(this.regel);
  }

  /** The first delimiter, CR or LF at or after `from`; the chunk's length when there is none. */
  private veldEinde(s: string, from: number): number {
    // Each search runs once past a position, not once per field: an LF-only file has no CR in the whole chunk.
    if (this.volgendeScheiding < from) this.volgendeScheiding = volgende(s, this.delimTeken, from);
    if (this.volgendeCr < from) this.volgendeCr = volgende(s, '\r', from);
    if (this.volgendeLf < from) this.volgendeLf = volgende(s, '\n', from);
    return Math.min(this.volgendeScheiding, this.volgendeCr, this.volgendeLf);
  }

  /** The first character of a chunk when the previous one ended on a CR or, inside quotes, on a quote; the index after. */
  private resume(s: string): number {
    const c = s.charCodeAt(0);
    if (this.skipLf) {
      this.skipLf = false;
      return c === LF ? 1 : 0;
    }
    this.quoteAtEnd = false;
    if (c === QUOTE) {
      this.veld += '"';
      return 1;
    }
    this.closeQuote(c);
    return 0;
  }

  /**
   * The rest of a quoted field from `from`: its text into `veld`, its line breaks counted. Returns the index after the
   * closing quote, or the chunk's end while the field goes on (or a quote ends the chunk: `quoteAtEnd`).
   */
  private scanQuoted(s: string, from: number): number {
    const n = s.length;
    let piece = from;
    let i = from;
    for (;;) {
      const q = volgende(s, '"', i);
      this.telRegeleinden(s, i, q);
      if (q === n) break;
      if (q + 1 === n) {
        this.veld += s.slice(piece, q);
        this.quoteAtEnd = true;
        return n;
      }
      const d = s.charCodeAt(q + 1);
      if (d === QUOTE) {
        // An escaped quote: keep one.
        this.veld += s.slice(piece, q + 1);
        piece = i = q + 2;
        continue;
      }
      this.veld += s.slice(piece, q);
      this.closeQuote(d);
      return q + 1;
    }
    this.veld += s.slice(piece, n);
    return n;
  }

  /** Counts the line breaks inside a quoted field, in s[from, to): each CR, and each LF that is not a CRLF's. */
  private telRegeleinden(s: string, from: number, to: number): void {
    if (this.volgendeCr < from) this.volgendeCr = volgende(s, '\r', from);
    for (; this.volgendeCr < to; this.volgendeCr = volgende(s, '\r', this.volgendeCr + 1)) this.lijn++;
    if (this.volgendeLf < from) this.volgendeLf = volgende(s, '\n', from);
    for (; this.volgendeLf < to; this.volgendeLf = volgende(s, '\n', this.volgendeLf + 1)) {
      const p = this.volgendeLf;
      if (!(p > 0 ? s.charCodeAt(p - 1) === CR : this.prevCr)) this.lijn++;
    }
  }

  /** After the last chunk. */
  end(): void {
    if (this.quoteAtEnd) {
      this.quoteAtEnd = false;
      this.closeQuote(-1);
    }
    if (this.quoting) {
      this.handler.onleesbaar(this.regel, 'niet-gesloten', this.rawParts.join(''));
    } else if (this.wasQuoting || this.velden.length > 0 || this.veld.length > 0) {
      this.endField('', 0, 0);
      this.endRecord('', 0, 0);
    }
    this.rawParts = [];
    this.velden = [];
  }

  /** A quote inside a quoted field followed by `next` (-1: the end of the file) that is not a second quote. */
  private closeQuote(next: number): void {
    this.quoting = false;
    this.wasQuoting = true;
    // relax_quotes: text right after the closing quote makes the quotes part of the field, as written.
    if (next !== -1 && next !== this.delim && next !== CR && next !== LF) this.veld = `"${this.veld}"`;
  }

  private endField(s: string, from: number, to: number): void {
    let veld: string;
    if (this.veld === '') veld = s.slice(from, to);
    else {
      veld = from < to ? this.veld + s.slice(from, to) : this.veld;
      this.veld = '';
    }
    this.velden.push(veld);
    this.recordChars += veld.length;
    this.wasQuoting = false;
    if (this.recordChars > this.options.maxParserChars) throw new ScanLimitError(this.regel);
  }

  /** Ends the record whose text in this chunk runs from `from` to `to` (just past the first delimiter character). */
  private endRecord(s: string, from: number, to: number): void {
    const velden = this.velden;
    const tooLong = this.recordChars > this.options.maxRecordChars;
    this.velden = [];
    this.recordChars = 0;
    if (tooLong) {
      this.rawParts.push(s.slice(from, to));
      this.handler.onleesbaar(this.regel, 'te-lang', this.rawParts.join(''));
    } else {
      this.handler.record(this.regel, velden);
    }
    if (this.rawParts.length > 0) this.rawParts = [];
  }
}

