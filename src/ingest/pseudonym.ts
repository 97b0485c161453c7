// Person keys leave the ingest stage only as a keyed hash (HMAC-SHA256): the same person links across exports of
// one run (or, with a fixed `sleutel`, across runs), but the raw key cannot be read back or guessed by hashing.
import { hash, randomBytes } from 'node:crypto';
import { memoise } from './memo.js';

/** Hex characters kept of the HMAC: 64 bits, collision-free in practice for the persons of any export. */
const LENGTH = 16;

/**
 * Persons remembered: the default memo bound (50,000) is below the persons of a large export, so its cache kept
 * clearing and most persons were hashed again (a million signals of 190,000 persons: 2.4 s instead of 0.8 s). Real
 * exports hold far fewer persons; at this bound the cache costs about 15 MB at most.
 */
const PERSON_LIMIT = 250_000;

/** SHA-256's block size: HMAC pads its key to this, and hashes a longer key first (RFC 2104). */
const BLOCK = 64;
/** Bytes of a person key that fit in the reused input buffer; a longer key gets a buffer of its own. */
const MAX_ID_BYTES = 1024;

const HEX = Array.from({ length: 16 }, (_, i) => i.toString(16).charCodeAt(0));

/**
 * HMAC-SHA256 (RFC 2104) from two one-shot hashes over buffers made once: crypto.createHmac builds and checks a
 * keyed object per call, which cost twice as much for the 200,000 persons of a million signals. The same bytes as
 * createHmac('sha256', key) (tests/unit/ingest-normalise.test.ts compares them).
 */
export function hmacSha256Hex(key: Buffer, length: number): (text: string) => string {
  const k = key.length > BLOCK ? hash('sha256', key, 'buffer') : key;
  // inner: (key ^ ipad) || text; outer: (key ^ opad) || sha256(inner).
  const inner = Buffer.alloc(BLOCK + MAX_ID_BYTES, 0x36);
  const outer = Buffer.alloc(BLOCK + 32, 0x5c);
  for (let i = 0; i < k.length; i++) {
    inner[i]! ^= k[i]!;
    outer[i]! ^= k[i]!;
  }
  const codes: number[] = new Array<number>(length);
  return (text) => {
    // At most 3 bytes per UTF-16 unit: a key that might not fit is not written into the reused buffer.
    const bytes =
      text.length * 3 <= MAX_ID_BYTES
        ? inner.subarray(0, BLOCK + inner.write(text, BLOCK, 'utf8'))
        : Buffer.concat([inner.subarray(0, BLOCK), Buffer.from(text, 'utf8')]);
    hash('sha256', bytes, 'buffer').copy(outer, BLOCK);
    const digest = hash('sha256', outer, 'binary');
    // The hex characters as one flat string of its own (a slice of the whole hex digest would keep it alive).
    for (let i = 0; i < length / 2; i++) {
      const c = digest.charCodeAt(i);
      codes[2 * i] = HEX[c >> 4]!;
      codes[2 * i + 1] = HEX[c & 15]!;
    }
    return String.fromCharCode(...codes);
  };
}

export function pseudonymiser(sleutel?: string): (persoonId: string) => string {
  const key = sleutel !== undefined && sleutel !== '' ? Buffer.from(sleutel, 'utf8') : randomBytes(32);
  // Persons recur across rows; remembering their hash skips most HMAC computations.
  return memoise(hmacSha256Hex(key, LENGTH), PERSON_LIMIT);
}
