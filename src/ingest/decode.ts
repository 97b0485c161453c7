// Bytes to text: the encoding of a file, and decoding in it across chunk boundaries.
import { createReadStream } from 'node:fs';
import { decoderLabel, type Codering } from './dialect.js';
import { Windows1252Decoder } from './windows-1252.js';

/** Bytes that are not valid in the chosen encoding, near byte `byte` of the file. */
export class DecodeError extends Error {
  constructor(readonly byte: number) {
    super(`invalid encoded data near byte ${byte}`);
  }
}

/** A decoder for the codering; `fatal` makes invalid bytes throw instead of becoming U+FFFD. */
export function createDecoder(codering: Codering, fatal: boolean): Pick<TextDecoder, 'decode'> {
  if (codering === 'windows-1252') return new Windows1252Decoder();
  if (codering === 'utf-8+windows-1252') return new GemengdDecoder();
  return new TextDecoder(decoderLabel(codering), { fatal });
}

const CR = 13;
const LF = 10;
const BOM = [0xef, 0xbb, 0xbf];

/** Index of the first CR or LF at or after `from`, or -1. */
function nextBreak(bytes: Uint8Array, from: number): number {
  for (let i = from; i < bytes.length; i++) if (bytes[i] === CR || bytes[i] === LF) return i;
  return -1;
}

/** End (exclusive) of the last line break in `bytes`, or 0 when there is none. */
function afterLastBreak(bytes: Uint8Array): number {
  for (let i = bytes.length - 1; i >= 0; i--) if (bytes[i] === CR || bytes[i] === LF) return i + 1;
  return 0;
}

/**
 * UTF-8 line by line, falling back to Windows-1252 only for a line that is not valid UTF-8; `windowsOffsets` lists
 * where those lines start, as byte offsets in the file (LineNumbers turns them into lines). Works on bytes: a chunk of
 * whole lines is decoded in one call, and only a chunk that fails is decoded line by line. Line breaks are the same
 * bytes in both encodings, so splitting on them is safe. Lines are not counted here: that cost a pass over every
 * byte of the file for the rare file that needs it.
 */
export class GemengdDecoder {
  readonly windowsOffsets: number[] = [];
  private readonly utf8 = new TextDecoder('utf-8', { fatal: true });
  private readonly cp1252 = new Windows1252Decoder();
  private carry: Uint8Array = new Uint8Array(0);
  /** The file offset of the first byte not yet decoded (the carry's first byte). */
  private offset = 0;
  /** A UTF-8 BOM is dropped once, at the very start, before any line could fall back to Windows-1252. */
  private start = true;

  decode(chunk?: Uint8Array, options?: { stream?: boolean }): string {
    let data = this.carry.length === 0 ? (chunk ?? new Uint8Array(0)) : Buffer.concat([this.carry, chunk ?? new Uint8Array(0)]);
    if (this.start) {
      if (data.length < 3 && options?.stream && BOM.slice(0, data.length).every((b, i) => data[i] === b)) {
        this.carry = new Uint8Array(data);
        return '';
      }
      this.start = false;
      if (BOM.every((b, i) => data[i] === b)) {
        data = data.subarray(3);
        this.offset = 3;
      }
    }
    const end = options?.stream ? afterLastBreak(data) : data.length;
    // A copy: the caller may read the next chunk into the same buffer (Buffer's slice() is a view).
    this.carry = new Uint8Array(data.subarray(end));
    const part = data.subarray(0, end);
    const offset = this.offset;
    this.offset += end;
    if (part.length === 0) return '';
    try {
      return this.utf8.decode(part);
    } catch {
      return this.perLine(part, offset);
    }
  }

  private perLine(bytes: Uint8Array, offset: number): string {
    let text = '';
    for (let start = 0; start < bytes.length; ) {
      const brk = nextBreak(bytes, start);
      const line = bytes.subarray(start, brk < 0 ? bytes.length : brk);
      try {
        text += this.utf8.decode(line);
      } catch {
        this.windowsOffsets.push(offset + start);
        text += this.cp1252.decode(line);
      }
      if (brk < 0) break;
      const lineEnd = bytes[brk] === CR && bytes[brk + 1] === LF ? brk + 2 : brk + 1;
      text += this.utf8.decode(bytes.subarray(brk, lineEnd));
      start = lineEnd;
    }
    return text;
  }
}

/**
 * The lines (as an editor counts them: CR, LF and CRLF each end a line) on which the given byte offsets of a file
 * lie, counted over its bytes fed in order; `offsets` ascending.
 */
export class LineNumbers {
  readonly regels: number[] = [];
  private regel = 1;
  private afterCr = false;
  private pos = 0;
  private next = 0;

  constructor(private readonly offsets: readonly number[]) {}

  /** Every offset has its line: the rest of the file need not be fed. */
  get complete(): boolean {
    return this.next >= this.offsets.length;
  }

  feed(bytes: Uint8Array): void {
    const { offsets } = this;
    for (let i = 0; i < bytes.length && this.next < offsets.length; i++) {
      while (offsets[this.next] === this.pos + i) {
        this.regels.push(this.regel);
        this.next++;
      }
      const b = bytes[i];
      if (b === CR) this.regel++;
      else if (b === LF && !(i === 0 ? this.afterCr : bytes[i - 1] === CR)) this.regel++;
    }
    if (bytes.length > 0) this.afterCr = bytes[bytes.length - 1] === CR;
    this.pos += bytes.length;
  }

  /** After the last byte: an offset at the very end of the file is on the last line. */
  end(): number[] {
    while (this.next < this.offsets.length) {
      this.regels.push(this.regel);
      this.next++;
    }
    return this.regels;
  }
}

/** LineNumbers over a file, read only as far as the last offset. */
export async function linesAtOffsets(file: string, offsets: readonly number[]): Promise<number[]> {
  const lines = new LineNumbers(offsets);
  for await (const chunk of createReadStream(file)) {
    lines.feed(chunk as Buffer);
    if (lines.complete) break;
  }
  return lines.end();
}

/**
 * Counts, of the lines with bytes above ASCII, how many are valid UTF-8 and how many are not. A Windows-1252 export
 * has (nearly) no valid ones; a UTF-8 export with one stray byte has many.
 */
export class Utf8Telling {
  geldig = 0;
  ongeldig = 0;
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });

  /** Counts the complete lines of `data`; returns the bytes after the last line break (the next call's start). */
  regels(data: Uint8Array): Uint8Array {
    let start = 0;
    for (let brk = nextBreak(data, 0); brk >= 0; brk = nextBreak(data, start)) {
      this.regel(data.subarray(start, brk));
      start = brk + 1;
    }
    return data.subarray(start);
  }

  regel(line: Uint8Array): void {
    let hoog = false;
    for (let i = 0; i < line.length; i++) {
      if (line[i]! >= 0x80) {
        hoog = true;
        break;
      }
    }
    if (!hoog) return;
    try {
      this.decoder.decode(line);
      this.geldig++;
    } catch {
      this.ongeldig++;
    }
  }

  /** Mostly UTF-8: some lines are invalid, and at least as many lines with accents are valid. */
  get meestalUtf8(): boolean {
    return this.ongeldig > 0 && this.geldig >= this.ongeldig;
  }
}

/** Whether a file that is not valid UTF-8 is mostly UTF-8 all the same (Utf8Telling over the whole file). */
export async function meestalUtf8(file: string): Promise<boolean> {
  const telling = new Utf8Telling();
  let carry: Uint8Array = new Uint8Array(0);
  for await (const chunk of createReadStream(file)) {
    carry = Buffer.from(telling.regels(carry.length === 0 ? (chunk as Buffer) : Buffer.concat([carry, chunk as Buffer])));
  }
  telling.regel(carry);
  return telling.meestalUtf8;
}

/**
 * Decodes chunk after chunk (a multi-byte character may be split between two) and drops the first `skip` characters
 * (a `sep=` line). Throws DecodeError with the offset of the chunk that does not decode.
 */
export class ChunkDecoder {
  private bytes = 0;
  constructor(
    private readonly decoder: Pick<TextDecoder, 'decode'>,
    private skip: number,
  ) {}

  /** The text of `chunk`; without one, what the decoder still holds at the end. */
  decode(chunk?: Uint8Array): string {
    let text: string;
    try {
      text = chunk ? this.decoder.decode(chunk, { stream: true }) : this.decoder.decode();
    } catch {
      throw new DecodeError(this.bytes);
    }
    this.bytes += chunk?.length ?? 0;
    if (this.skip === 0) return text;
    const dropped = Math.min(this.skip, text.length);
    this.skip -= dropped;
    return text.slice(dropped);
  }
}

/** Whether the whole file is valid UTF-8: one quick decoding pass, without parsing. */
export async function isUtf8File(file: string): Promise<boolean> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of createReadStream(file)) decoder.decode(chunk as Buffer, { stream: true });
    decoder.decode();
    return true;
  } catch (err) {
    if (err instanceof TypeError) return false;
    throw err;
  }
}
