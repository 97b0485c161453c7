// Person keys leave the ingest stage only as a keyed hash (HMAC-SHA256): the same person links across exports of
// one run (or, with a fixed `sleutel`, across runs), but the raw key cannot be read back or guessed by hashing.
import { createHmac, randomBytes } from 'node:crypto';
import { memoise } from './memo.js';

/** Hex characters kept of the HMAC: 64 bits, collision-free in practice for the persons of any export. */
const LENGTH = 16;

export function pseudonymiser(sleutel?: string): (persoonId: string) => string {
  const key = sleutel !== undefined && sleutel !== '' ? Buffer.from(sleutel, 'utf8') : randomBytes(32);
  // Persons recur across rows; remembering their hash skips most HMAC computations.
  return memoise((persoonId) => createHmac('sha256', key).update(persoonId, 'utf8').digest('hex').slice(0, LENGTH));
}
