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

/** SHA-256's round constants (FIPS 180-4, 4.2.2). */
const K = Int32Array.from([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01,
  0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc,
  0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
  0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08,
  0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

/** SHA-256's initial hash value (FIPS 180-4, 5.3.3). */
const IV = Int32Array.from([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);

/** The message schedule, reused: words 0-15 are the block, big-endian. */
const W = new Int32Array(64);

/** SHA-256's compression function (FIPS 180-4, 6.2.2) of the block in W[0..15] into `state`. */
function compress(state: Int32Array): void {
  for (let t = 16; t < 64; t++) {
    const w15 = W[t - 15]!;
    const w2 = W[t - 2]!;
    const s0 = ((w15 >>> 7) | (w15 << 25)) ^ ((w15 >>> 18) | (w15 << 14)) ^ (w15 >>> 3);
    const s1 = ((w2 >>> 17) | (w2 << 15)) ^ ((w2 >>> 19) | (w2 << 13)) ^ (w2 >>> 10);
    W[t] = (W[t - 16]! + s0 + W[t - 7]! + s1) | 0;
  }
  let a = state[0]!;
  let b = state[1]!;
  let c = state[2]!;
  let d = state[3]!;
  let e = state[4]!;
  let f = state[5]!;
  let g = state[6]!;
  let h = state[7]!;
  for (let t = 0; t < 64; t++) {
    const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const t1 = (h + S1 + ((e & f) ^ (~e & g)) + K[t]! + W[t]!) | 0;
    const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const t2 = (S0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
    h = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  state[0] = (state[0]! + a) | 0;
  state[1] = (state[1]! + b) | 0;
  state[2] = (state[2]! + c) | 0;
  state[3] = (state[3]! + d) | 0;
  state[4] = (state[4]! + e) | 0;
  state[5] = (state[5]! + f) | 0;
  state[6] = (state[6]! + g) | 0;
  state[7] = (state[7]! + h) | 0;
}

/** The state after the first block, `key` (at most a block) XOR-ed with `pad` and padded with it. */
function keyedState(key: Uint8Array, pad: number): Int32Array {
  const block = new Uint8Array(BLOCK).fill(pad);
  for (let i = 0; i < key.length; i++) block[i]! ^= key[i]!;
  for (let i = 0; i < 16; i++) W[i] = (block[4 * i]! << 24) | (block[4 * i + 1]! << 16) | (block[4 * i + 2]! << 8) | block[4 * i + 3]!;
  const state = IV.slice();
  compress(state);
  return state;
}

const HEX = Array.from({ length: 16 }, (_, i) => i.toString(16).charCodeAt(0));

/**
 * HMAC-SHA256 (RFC 2104) of a text's UTF-8 bytes, as the first `length` hex characters (an even number, at most 64).
 * HMAC's first block of each hash is its key, the same for every text: the state after it is computed once, so a
 * short text costs two compressions in this thread. node:crypto hashed all four blocks and crossed into C++ twice per
 * text (with a Buffer each time), which cost 2-3 times as much for the 50,000 persons of 100,000 signals. The same
 * bytes as createHmac('sha256', key) (tests/unit/ingest-normalise.test.ts compares them).
 */
export function hmacSha256Hex(key: Buffer, length: number): (text: string) => string {
  const k = key.length > BLOCK ? hash('sha256', key, 'buffer') : key;
  const inner = keyedState(k, 0x36);
  const outer = keyedState(k, 0x5c);
  const state = new Int32Array(8);
  const encoder = new TextEncoder();
  let bytes = new Uint8Array(256);
  const codes: number[] = new Array<number>(length);
  return (text) => {
    // UTF-8: printable ASCII as is (nearly every person key), anything else through the encoder.
    let n = text.length;
    let ascii = n <= bytes.length;
    for (let i = 0; ascii && i < n; i++) {
      const c = text.charCodeAt(i);
      if (c >= 128) ascii = false;
      else bytes[i] = c;
    }
    if (!ascii) {
      if (bytes.length < 3 * n) bytes = new Uint8Array(3 * n);
      n = encoder.encodeInto(text, bytes).written;
    }
    // Inner hash: the keyed state, then the text, 0x80, zeros and the bit length of key block and text.
    state.set(inner);
    const blocks = (n + 9 + BLOCK - 1) >> 6;
    const bits = (BLOCK + n) * 8;
    for (let blok = 0; blok < blocks; blok++) {
      for (let w = 0; w < 16; w++) {
        let word = 0;
        for (let j = 0; j < 4; j++) {
          const at = blok * BLOCK + 4 * w + j;
          const byte = at < n ? bytes[at]! : at === n ? 0x80 : 0;
          word = (word << 8) | byte;
        }
        W[w] = word;
      }
      if (blok === blocks - 1) {
        // The length as a 64-bit big-endian number: its high word is zero for texts below 512 MB.
        W[14] = Math.floor(bits / 0x100000000);
        W[15] = bits | 0;
      }
      compress(state);
    }
    // Outer hash: the keyed state, then the inner digest, 0x80, zeros and the bit length (64 + 32 bytes).
    for (let w = 0; w < 8; w++) W[w] = state[w]!;
    W[8] = 0x80000000 | 0;
    for (let w = 9; w < 15; w++) W[w] = 0;
    W[15] = (BLOCK + 32) * 8;
    state.set(outer);
    compress(state);
    for (let i = 0; i < length; i++) codes[i] = HEX[(state[i >> 3]! >>> (28 - 4 * (i & 7))) & 15]!;
    return String.fromCharCode.apply(null, codes);
  };
}

export function pseudonymiser(sleutel?: string): (persoonId: string) => string {
  const key = sleutel !== undefined && sleutel !== '' ? Buffer.from(sleutel, 'utf8') : randomBytes(32);
  // Persons recur across rows; remembering their hash skips most HMAC computations.
  return memoise(hmacSha256Hex(key, LENGTH), PERSON_LIMIT);
}
