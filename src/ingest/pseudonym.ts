// Person keys leave the ingest stage only as a keyed hash (HMAC-SHA256): the same person links across exports of
// one run (or, with a fixed `sleutel`, across runs), but the raw key cannot be read back or guessed by hashing.
import { createHmac, randomBytes } from 'node:crypto';

/** Hex characters kept of the HMAC: 64 bits, collision-free in practice for the persons of any export. */
const LENGTH = 16;

export function pseudonymiser(sleutel?: string): (persoonId: string) => string {
  const key = sleutel !== undefined && sleutel !== '' ? Buffer.from(sleutel, 'utf8') : randomBytes(32);
  return (persoonId) => createHmac('sha256', key).update(persoonId, 'utf8').digest('hex').slice(0, LENGTH);
}
