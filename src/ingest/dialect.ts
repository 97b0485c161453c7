// Dialect detection on the first bytes of an export: encoding (BOM, UTF-16 without BOM, UTF-8 or Windows-1252),
// Excel's `sep=` line and the delimiter. Record delimiters need no detection: the parser accepts CRLF, LF and CR.

/**
 * `utf-8+windows-1252`: UTF-8 without a BOM in which some lines are not valid UTF-8 (a stray Windows-1252 byte); those
 * lines, and only those, are read as Windows-1252, each with a warning naming the line.
 */
export type Codering = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252' | 'utf-8+windows-1252';

const DELIMITERS = [';', ',', '\t', '|'] as const;

/** How many bytes of the file are looked at to choose the dialect. */
export const SAMPLE_BYTES = 64 * 1024;

/** The WHATWG encoding label for TextDecoder. */
export function decoderLabel(codering: Codering): string {
  return codering === 'utf-8-bom' || codering === 'utf-8+windows-1252' ? 'utf-8' : codering;
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** UTF-16 without a BOM shows as a zero byte in every other position for Latin text. */
function utf16WithoutBom(sample: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const pairs = Math.floor(Math.min(sample.length, 4096) / 2);
  if (pairs < 2) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < pairs * 2; i += 2) {
    if (sample[i] === 0) evenZeros++;
    if (sample[i + 1] === 0) oddZeros++;
  }
  if (oddZeros > pairs * 0.4 && evenZeros === 0) return 'utf-16le';
  if (evenZeros > pairs * 0.4 && oddZeros === 0) return 'utf-16be';
  return undefined;
}

export function isValidUtf8(sample: Uint8Array, wholeFile: boolean): boolean {
  try {
    // stream: true tolerates a multi-byte character cut off at the end of a sample (not at the end of the file).
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: !wholeFile });
    return true;
  } catch {
    return false;
  }
}

/** The bytes start with a UTF-8 byte order mark. */
export function hasUtf8Bom(bytes: Uint8Array): boolean {
  return startsWith(bytes, [0xef, 0xbb, 0xbf]);
}

/** `wholeFile`: the sample is the entire file, so it cannot end in the middle of a character. */
export function detectCodering(sample: Uint8Array, wholeFile = false): Codering {
  if (hasUtf8Bom(sample)) return 'utf-8-bom';
  if (startsWith(sample, [0xff, 0xfe])) return 'utf-16le';
  if (startsWith(sample, [0xfe, 0xff])) return 'utf-16be';
  return utf16WithoutBom(sample) ?? (isValidUtf8(sample, wholeFile) ? 'utf-8' : 'windows-1252');
}

export interface SepLine {
  delimiter: string;
  /** Characters to drop from the start of the decoded text (the line and its line break). */
  length: number;
}

/** Excel's `sep=;` first line (sometimes quoted) names the delimiter and is not a record. */
export function detectSepLine(text: string): SepLine | undefined {
  const m = /^"?sep=([^\r\n"]?)"?[ \t]*(\r\n|\n|\r|$)/i.exec(text);
  if (!m || !m[1]) return undefined;
  return { delimiter: m[1], length: m[0].length };
}

/** Per record (not per physical line: quoted fields may hold line breaks), how often `delimiter` occurs unquoted. */
export function countPerRecord(text: string, delimiter: string, maxRecords = 20): number[] {
  const counts: number[] = [];
  let count = 0;
  let quoted = false;
  let empty = true;
  for (let i = 0; i < text.length && counts.length < maxRecords; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (ch === '\r' || ch === '\n') {
      if (!empty) counts.push(count);
      count = 0;
      empty = true;
      continue;
    } else if (ch === delimiter) count++;
    empty = false;
  }
  // A last record without a line break after it is not counted: the sample may have cut it off.
  return counts;
}

/**
 * The delimiter whose unquoted count on the header is positive and that agrees best with the following records;
 * ties go to the earlier one in DELIMITERS (the semicolon of Dutch Excel first). `text` starts at the header;
 * `wholeFile` says the text is not a cut-off sample, so its last record is complete.
 */
export function detectDelimiter(text: string, wholeFile: boolean): string {
  const complete = wholeFile ? `${text}\n` : text;
  let best: { delimiter: string; agreement: number; fields: number } | undefined;
  for (const delimiter of DELIMITERS) {
    const [header = 0, ...rest] = countPerRecord(complete, delimiter);
    if (header === 0) continue;
    const agreement = rest.length === 0 ? 1 : rest.filter((n) => n === header).length / rest.length;
    if (!best || agreement > best.agreement || (agreement === best.agreement && header > best.fields)) {
      best = { delimiter, agreement, fields: header };
    }
  }
  return best?.delimiter ?? ';';
}
