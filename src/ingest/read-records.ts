// Streams one export from disk to raw records: bytes -> SHA-256 -> decoder -> CsvScanner, never holding the whole
// file. Each record carries the line on which it starts, counted as an editor counts lines (CRLF, LF and CR each end a
// line, also inside quoted fields), so an analyst can find it.
import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { FileError } from '../util/errors.js';
import {
  detectCodering,
  detectDelimiter,
  detectSepLine,
  hasUtf8Bom,
  isValidUtf8,
  SAMPLE_BYTES,
  type Codering,
} from './dialect.js';
import { ChunkDecoder, createDecoder, DecodeError, GemengdDecoder, isUtf8File, linesAtOffsets, meestalUtf8, Utf8Telling } from './decode.js';
import { CsvScanner, ScanLimitError, type ScanHandler } from './csv-scanner.js';

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
 * file goes on with the next record.
 */
const MAX_RECORD_CHARS = 1_000_000;

/**
 * Beyond this the parser stops: a record this long is a quote that is never closed in a file too large to read the
 * rest of it as one record (a quote left open nearer the end is rejected as one record).
 */
const PARSER_MAX_CHARS = 64 * MAX_RECORD_CHARS;

/**
 * Bytes read at a time. A chunk decodes to one string, and a string of more than 128 KiB is allocated apart from the
 * others at a far higher cost: 128 KiB chunks took four times the CPU of 64 KiB ones (1M rows, decode and hash).
 */
const CHUNK_BYTES = 64 * 1024;

interface Plan {
  codering: Codering;
  delimiter: string;
  /** Characters of a `sep=` line to drop from the decoded text. */
  skip: number;
  /** The decoded sample after the `sep=` line. */
  text: string;
  /** The file starts with a UTF-8 BOM. */
  bom: boolean;
}

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
  // Only the BOM's bytes: detectCodering would check the whole sample again.
  const bom = hasUtf8Bom(sample);
  return sep
    ? { codering, delimiter: sep.delimiter, skip: sep.length, text: text.slice(sep.length), bom }
    : { codering, delimiter: detectDelimiter(text, wholeFile), skip: 0, text, bom };
}

export function isBlank(velden: string[]): boolean {
  return velden.every((v) => v.trim() === '');
}

function tooLongReason(): string {
  return `dit record is langer dan de grens van ${MAX_RECORD_CHARS.toLocaleString('nl-NL')} tekens en is afgewezen; de records erna zijn wel gelezen`;
}

const NIET_GESLOTEN =
  'een aanhalingsteken (") wordt niet gesloten: de tekst vanaf deze regel tot het einde van het bestand is als één record gelezen';

function beyondLimitReason(): string {
  return `een record is langer dan ${PARSER_MAX_CHARS.toLocaleString('nl-NL')} tekens; waarschijnlijk wordt een aanhalingsteken (") niet gesloten. Het bestand kan vanaf daar niet worden gelezen.`;
}

function scanOptions(plan: Plan): ConstructorParameters<typeof CsvScanner>[1] {
  return { delimiter: plan.delimiter, eersteRegel: plan.skip > 0 ? 2 : 1, maxRecordChars: MAX_RECORD_CHARS, maxParserChars: PARSER_MAX_CHARS };
}

function handlerFor<S>(sink: RecordSink<S>): ScanHandler {
  return {
    record: (regel, velden) => sink.record({ regel, velden }),
    onleesbaar: (regel, soort, tekst) =>
      sink.record({ regel, onleesbaar: soort === 'te-lang' ? tooLongReason() : NIET_GESLOTEN, tekst }),
  };
}

async function parseWithPlan<S>(file: string, plan: Plan, sink: RecordSink<S>): Promise<S> {
  const hash = createHash('sha256');
  const decoder = createDecoder(plan.codering, true);
  const chunks = new ChunkDecoder(decoder, plan.skip);
  const scanner = new CsvScanner(handlerFor(sink), scanOptions(plan));
  // Two buffers: the next chunk is read (off the main thread) while this one is hashed, decoded and parsed, so the
  // parse never waits for the disk; each chunk is done with before its buffer is read into again.
  let reading = Buffer.allocUnsafe(CHUNK_BYTES);
  let parsing = Buffer.allocUnsafe(CHUNK_BYTES);
  try {
    const handle = await open(file, 'r');
    let pending: Promise<{ bytesRead: number }> | undefined;
    try {
      let position = 0;
      pending = handle.read(reading, 0, CHUNK_BYTES, position);
      for (;;) {
        const { bytesRead } = await pending;
        pending = undefined;
        if (bytesRead === 0) break;
        [parsing, reading] = [reading, parsing];
        const chunk = parsing.subarray(0, bytesRead);
        position += bytesRead;
        pending = handle.read(reading, 0, CHUNK_BYTES, position);
        hash.update(chunk);
        scanner.feed(chunks.decode(chunk));
        // The sink's consumer is behind: wait before the next chunk.
        const pauze = sink.wacht?.();
        if (pauze) await pauze;
      }
    } finally {
      // A read still in flight (the parse failed) must end before its handle closes.
      await pending?.catch(() => undefined);
      await handle.close();
    }
    scanner.feed(chunks.decode());
    scanner.end();
  } catch (err) {
    if (err instanceof ScanLimitError) throw new FileError(file, `regel ${err.regel}: ${beyondLimitReason()}`);
    throw asFileError(file, err);
  }
  const dialect: FileDialect = { sha256: hash.digest('hex'), codering: plan.codering, scheidingsteken: plan.delimiter };
  if (decoder instanceof GemengdDecoder) {
    if (decoder.windowsOffsets.length > 0) dialect.windowsRegels = await linesAtOffsets(file, decoder.windowsOffsets);
    // Read as mixed without a BOM check first (chooseCodering): every line was UTF-8 after all.
    else if (plan.bom) dialect.codering = 'utf-8-bom';
  }
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
      // The BOM says UTF-8: a line that is not valid UTF-8 after all falls back on its own, with a warning. A larger
      // file is read that way at once (parseWithPlan names it UTF-8 with BOM when no line fell back), instead of a
      // first pass that checks all of it: that took a second of a million-row export before reading began.
      if (!wholeFile || !isValidUtf8(sample.subarray(3), true)) return 'utf-8+windows-1252';
      return codering;
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
  let header: string[] | undefined;
  const scanner = new CsvScanner(
    { record: (_regel, velden) => void (header ??= isBlank(velden) ? undefined : velden), onleesbaar: () => undefined },
    scanOptions(plan),
  );
  scanner.feed(plan.text);
  scanner.end();
  return header;
}
