// Person keys leave the ingest stage only as a keyed hash (HMAC-SHA256): the same person links across exports of
// one run (or, with a fixed `sleutel`, across runs), but the raw key cannot be read back or guessed by hashing.
import { createHmac, createSecretKey, randomBytes } from 'node:crypto';
import { memoise } from './memo.js';

/** Hex characters kept of the HMAC: 64 bits, collision-free in practice for the persons of any export. */
const LENGTH = 16;

/**
 * Persons remembered: the default memo bound (50,000) is below the persons of a large export, so its cache kept
 * clearing and most persons were hashed again (a million signals of 190,000 persons: 2.4 s instead of 0.8 s). Real
 * exports hold far fewer persons; at this bound the cache costs about 15 MB at most.
 */
const PERSON_LIMIT = 250_000;

export function pseudonymiser(sleutel?: string): (persoonId: string) => string {
  // One key object for every person: createHmac with raw bytes validates and copies the key on every call.
  const key = createSecretKey(sleutel !== undefined && sleutel !== '' ? Buffer.from(sleutel, 'utf8') : randomBytes(32));
  // Persons recur across rows; remembering their hash skips most HMAC computations.
  // The first LENGTH hex characters, written from the digest's first bytes: a string of its own, where slicing the
  // whole hex digest would keep all 64 characters alive behind every pseudonym.
  return memoise((persoonId) => createHmac('sha256', key).update(persoonId, 'utf8').digest().toString('hex', 0, LENGTH / 2), PERSON_LIMIT);
}
