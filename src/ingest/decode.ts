// Bytes to text: hashing the raw bytes as they pass, and decoding in the chosen encoding across chunk boundaries.
import type { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { Transform, type TransformCallback } from 'node:stream';
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
  return codering === 'windows-1252' ? new Windows1252Decoder() : new TextDecoder(decoderLabel(codering), { fatal });
}

export function hashing(hash: ReturnType<typeof createHash>): Transform {
  return new Transform({
    transform(chunk: Buffer, _enc, done: TransformCallback) {
      hash.update(chunk);
      done(null, chunk);
    },
  });
}

/** Decodes across chunk boundaries (a multi-byte character may be split) and drops the first `skip` characters. */
export function decoding(codering: Codering, skip: number): Transform {
  const decoder = createDecoder(codering, true);
  let bytes = 0;
  let toSkip = skip;
  const emit = (text: string, done: TransformCallback) => {
    if (toSkip > 0) {
      const dropped = Math.min(toSkip, text.length);
      toSkip -= dropped;
      text = text.slice(dropped);
    }
    done(null, text.length > 0 ? text : undefined);
  };
  return new Transform({
    readableObjectMode: true,
    transform(chunk: Buffer, _enc, done: TransformCallback) {
      let text: string;
      try {
        text = decoder.decode(chunk, { stream: true });
      } catch {
        return done(new DecodeError(bytes));
      }
      bytes += chunk.length;
      emit(text, done);
    },
    flush(done: TransformCallback) {
      let text: string;
      try {
        text = decoder.decode();
      } catch {
        return done(new DecodeError(bytes));
      }
      emit(text, done);
    },
  });
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
