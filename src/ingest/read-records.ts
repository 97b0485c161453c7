// Streams one export from disk to raw records: bytes -> SHA-256 -> decoder -> csv-parse (UTF-8: csv-parse decodes the
// bytes itself), never holding the whole file. Each record carries the line on which it starts, counted as an editor
// counts lines (CRLF, LF and CR each end a line, also inside quoted fields), so an analyst can find it. The lines are
// counted here from each record's raw text (csv-parse `raw: true`): csv-parse's own `info.lines` is the line where a
// record ends and counts a CRLF inside quotes twice.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse, type CsvError, type Options } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';
import { FileError } from '../util/errors.js';
import {
  detectCodering,
  detectDelimiter,
  detectSepLine,
  isValidUtf8,
  SAMPLE_BYTES,
  type Codering,
} from './dialect.js';
import { createDecoder, DecodeError, decoding, GemengdDecoder, hashing, isUtf8File, meestalUtf8, Utf8Telling } from './decode.js';

export type RawRecord =
  | { regel: number; velden: string[] }
  /** A stretch the CSV parser could not read as a record; `tekst` is the original text. */
  | { regel: number; onleesbaar: string; tekst: string };

export interface RecordSink<S> {
  record(rec: RawRecord): void;
  /** A promise when the sink wants reading to pause until it resolves (its consumer is behind). */
  wacht?(): Promise<void> | undefined;
  finish(dialect: FileDialect): S;
}

export interface FileDialect {
  sha256: string;
  codering: Codering;
  scheidingsteken: string;
  /** `utf-8+windows-1252`: the lines read as Windows-1252 because they were not valid UTF-8. */
  windowsRegels?: number[];
}

/**
 * Longest record cter accepts: a longer one is rejected on its own (its line and this limit in the reason) and the
 * file goes on with the next record. csv-parse's own max_record_size cannot do that: after its error it stops
 * emitting records, so the parser gets a far larger bound (PARSER_MAX_CHARS) and the limit is checked here.
 */
const MAX_RECORD_CHARS = 1_000_000;

/**
 * Beyond this the parser stops: a record this long is a quote that is never closed in a file too large to read the
 * rest of it as one record (a quote left open near the end is rejected as one record, CSV_QUOTE_NOT_CLOSED).
 */
const PARSER_MAX_CHARS = 64 * MAX_RECORD_CHARS;

interface Plan {
  codering: Codering;
  delimiter: string;
  /** Characters of a `sep=` line to drop from the decoded text. */
  skip: number;
  /** The decoded sample after the `sep=` line. */
  text: string;
  /**
   * UTF-8 (checked to the end before parsing): csv-parse reads the bytes themselves, after this many (a BOM and a
   * `sep=` line), instead of text decoded here and encoded again by the stream.
   */
  skipBytes?: number;
}

/** How every export is parsed: any line ending, ragged rows, stray quotes inside unquoted fields kept as written. */
const PARSE_OPTIONS: Pick<Options, 'record_delimiter' | 'relax_column_count' | 'relax_quotes' | 'skip_records_with_error'> = {
  record_delimiter: ['\r\n', '\n', '\r'],
  relax_column_count: true,
  relax_quotes: true,
  skip_records_with_error: true,
};

/** File system errors become a user error; anything else (a bug) stays what it is. */
function asFileError(file: string, err: unknown): unknown {
  const code = (err as NodeJS.ErrnoException).code;
  return typeof code === 'string' && /^E[A-Z]+$/.test(code) ? new FileError(file, describeReadError(err)) : err;
}

function describeReadError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'bestand bestaat niet.';
  if (code === 'EISDIR') return 'is een map, geen bestand.';
  if (code === 'EACCES' || code === 'EPERM') return 'geen leesrechten.';
  return `kan niet worden gelezen (${(err as Error).message}).`;
}

async function readSample(file: string): Promise<{ sample: Uint8Array; wholeFile: boolean }> {
  try {
    const handle = await open(file, 'r');
    try {
      const buffer = Buffer.alloc(SAMPLE_BYTES);
      const { bytesRead } = await handle.read(buffer, 0, SAMPLE_BYTES, 0);
      const { size } = await handle.stat();
      return { sample: buffer.subarray(0, bytesRead), wholeFile: size <= bytesRead };
    } finally {
      await handle.close();
    }
  } catch (err) {
    throw new FileError(file, describeReadError(err));
  }
}

function planFor(codering: Codering, sample: Uint8Array, wholeFile: boolean): Plan {
  const text = createDecoder(codering, false).decode(sample, { stream: !wholeFile });
  const sep = detectSepLine(text);
  const plan: Plan = sep
    ? { codering, delimiter: sep.delimiter, skip: sep.length, text: text.slice(sep.length) }
    : { codering, delimiter: detectDelimiter(text, wholeFile), skip: 0, text };
  if (codering === 'utf-8' || codering === 'utf-8-bom') {
    plan.skipBytes = (codering === 'utf-8-bom' ? 3 : 0) + Buffer.byteLength(text.slice(0, plan.skip), 'utf8');
  }
  return plan;
}

/** Counts lines as an editor does. A CRLF may arrive split over two records' raw text (csv-parse drops the LF). */
class LineCounter {
  private afterCr = false;
  constructor(public line: number) {}

  /** Every CR ends a line, and every LF that does not follow a CR. indexOf rather than a loop over every character. */
  advance(text: string): void {
    const n = text.length;
    if (n === 0) return;
    for (let i = text.indexOf('\r'); i >= 0; i = text.indexOf('\r', i + 1)) this.line++;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
      const afterCr = i === 0 ? this.afterCr : text.charCodeAt(i - 1) === 13;
      if (!afterCr) this.line++;
    }
    this.afterCr = text.charCodeAt(n - 1) === 13;
  }
}

export function isBlank(velden: string[]): boolean {
  return velden.every((v) => v.trim() === '');
}

function unreadableReason(err: CsvError | undefined): string {
  if (err?.code === 'CSV_MAX_RECORD_SIZE') {
    return `een record is langer dan ${PARSER_MAX_CHARS.toLocaleString('nl-NL')} tekens; waarschijnlijk wordt een aanhalingsteken (") niet gesloten. Het bestand kan vanaf daar niet worden gelezen.`;
  }
  if (err?.code === 'CSV_QUOTE_NOT_CLOSED') {
    return 'een aanhalingsteken (") wordt niet gesloten: de tekst vanaf deze regel tot het einde van het bestand is als één record gelezen';
  }
  return `deze regel is geen geldige CSV (${err?.message ?? 'onbekende fout'})`;
}

/** The characters of a record's fields, as csv-parse counts them for max_record_size (no quotes, delimiters). */
function recordChars(record: string[]): number {
  let n = 0;
  for (const veld of record) n += veld.length;
  return n;
}

function tooLongReason(): string {
  return `dit record is langer dan de grens van ${MAX_RECORD_CHARS.toLocaleString('nl-NL')} tekens en is afgewezen; de records erna zijn wel gelezen`;
}

interface Skipped {
  /** How many records the parser had emitted before this stretch: it is delivered right after those. */
  after: number;
  reden: string;
  raw: string;
  /** The parser cannot go on after this stretch: the file fails here. */
  fatal?: boolean;
}

/**
 * Feeds the sink in parse order and numbers the lines. Records arrive through the stream; stretches the parser
 * skips arrive through its on_skip callback, which runs ahead of the stream, so they wait for their turn here.
 */
function recordWriter<S>(file: string, sink: RecordSink<S>, lines: LineCounter, skipped: Skipped[]): Writable {
  let delivered = 0;
  const deliverSkipped = () => {
    while (skipped.length > 0 && skipped[0]!.after <= delivered) {
      const s = skipped.shift()!;
      if (s.fatal) throw new FileError(file, `regel ${lines.line}: ${s.reden}`);
      sink.record({ regel: lines.line, onleesbaar: s.reden, tekst: s.raw });
      lines.advance(s.raw);
    }
  };
  return new Writable({
    objectMode: true,
    write({ record, raw }: { record: string[]; raw: string }, _enc, done) {
      try {
        deliverSkipped();
        if (recordChars(record) > MAX_RECORD_CHARS) sink.record({ regel: lines.line, onleesbaar: tooLongReason(), tekst: raw });
        else sink.record({ regel: lines.line, velden: record });
        lines.advance(raw);
        delivered++;
        const pauze = sink.wacht?.();
        if (pauze) pauze.then(() => done(), done);
        else done();
      } catch (err) {
        done(err as Error);
      }
    },
    final(done) {
      try {
        deliverSkipped();
        done();
      } catch (err) {
        done(err as Error);
      }
    },
  });
}

async function parseWithPlan<S>(file: string, plan: Plan, sink: RecordSink<S>): Promise<S> {
  const hash = createHash('sha256');
  const decoder = createDecoder(plan.codering, true);
  const lines = new LineCounter(plan.skip > 0 ? 2 : 1);
  const skipped: Skipped[] = [];
  // No on_record hook: csv-parse builds a context object per record for it, which costs a third of the parse time.
  const parser = parse({
    ...PARSE_OPTIONS,
    delimiter: plan.delimiter,
    raw: true,
    max_record_size: PARSER_MAX_CHARS,
    on_skip: (err, raw) => {
      const fatal = err?.code === 'CSV_MAX_RECORD_SIZE';
      skipped.push({ after: parser.info.records, reden: unreadableReason(err), raw: raw ?? '', fatal });
      return undefined;
    },
  });
  try {
    const writer = recordWriter(file, sink, lines, skipped);
    if (plan.skipBytes !== undefined) await pipeline(createReadStream(file), hashing(hash, plan.skipBytes), parser, writer);
    else await pipeline(createReadStream(file), hashing(hash), decoding(decoder, plan.skip), parser, writer);
  } catch (err) {
    throw asFileError(file, err);
  }
  const dialect: FileDialect = { sha256: hash.digest('hex'), codering: plan.codering, scheidingsteken: plan.delimiter };
  if (decoder instanceof GemengdDecoder) dialect.windowsRegels = decoder.windowsRegels;
  return sink.finish(dialect);
}

/**
 * The encoding, chosen on the first 64 KiB. A larger file that looks like UTF-8 without a BOM is checked to the end,
 * so a Windows-1252 byte further on does not surface halfway through the parse.
 */
async function chooseCodering(file: string, sample: Uint8Array, wholeFile: boolean): Promise<Codering> {
  const codering = detectCodering(sample, wholeFile);
  try {
    // Not valid UTF-8 (in the sample, or further on): Windows-1252, unless most lines are UTF-8 and only some are
    // not (a stray byte); then only those lines are read as Windows-1252. Line by line only on this rare path.
    if (codering === 'windows-1252') {
      // The sample decides first: an export that is Windows-1252 throughout costs no second pass.
      const telling = new Utf8Telling();
      const rest = telling.regels(sample);
      if (wholeFile) telling.regel(rest);
      if (!telling.meestalUtf8) return 'windows-1252';
      if (wholeFile) return 'utf-8+windows-1252';
    } else if (codering === 'utf-8-bom') {
      // The BOM says UTF-8: a line that is not valid UTF-8 after all falls back on its own, with a warning.
      if (wholeFile ? isValidUtf8(sample.subarray(3), true) : await isUtf8File(file)) return codering;
      return 'utf-8+windows-1252';
    } else if (codering !== 'utf-8' || wholeFile || (await isUtf8File(file))) {
      return codering;
    }
    return (await meestalUtf8(file)) ? 'utf-8+windows-1252' : 'windows-1252';
  } catch (err) {
    throw asFileError(file, err);
  }
}

export async function readRecords<S>(file: string, sink: RecordSink<S>): Promise<S> {
  const { sample, wholeFile } = await readSample(file);
  const codering = await chooseCodering(file, sample, wholeFile);
  try {
    return await parseWithPlan(file, planFor(codering, sample, wholeFile), sink);
  } catch (err) {
    if (!(err instanceof DecodeError)) throw err;
    throw new FileError(file, `bevat bytes die geen geldige ${codering} zijn (rond byte ${err.byte}).`);
  }
}

/** The first non-blank record (the header), read from the file's first 64 KiB only. */
export async function readHeader(file: string): Promise<string[] | undefined> {
  const { sample, wholeFile } = await readSample(file);
  const plan = planFor(detectCodering(sample, wholeFile), sample, wholeFile);
  const records = parseSync(plan.text, { ...PARSE_OPTIONS, delimiter: plan.delimiter, to: 20 }) as string[][];
  return records.find((r) => !isBlank(r));
}
