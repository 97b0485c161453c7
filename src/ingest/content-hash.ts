// A 64-bit hash of a record's content, fed field by field: the deduplicator of a run that only counts keeps this hash
// instead of the record, and compares two versions of one id by it. Fed without building a string of the whole record
// (JSON.stringify of every record cost more than the rest of the deduplicator).
// Each field is fed as its length (-1 when absent) and then its characters, so the sequence fed is a different one
// for different content: equal content gives an equal hash, different content the same one with odds of about 2^-64.

export class ContentHasher {
  /** Two independent 32-bit lanes (FNV-1a and a multiplicative one), mixed once more in `result`. */
  private a = 0;
  private b = 0;

  /** Starts the hash of a new record. */
  reset(): this {
    this.a = 0x811c9dc5 | 0;
    this.b = 0x9747b28c | 0;
    return this;
  }

  private number(n: number): void {
    this.a = Math.imul(this.a ^ n, 0x01000193);
    const b = Math.imul(this.b ^ n, 0x5bd1e995);
    this.b = b ^ (b >>> 15);
  }

  /** One field, in the kind's fixed order of fields; undefined when the record does not have it. */
  field(value: string | undefined): this {
    this.number(value === undefined ? -1 : value.length);
    if (value === undefined) return this;
    let a = this.a;
    let b = this.b;
    for (let i = 0; i < value.length; i++) {
      const c = value.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995);
      b ^= b >>> 15;
    }
    this.a = a;
    this.b = b;
    return this;
  }

  /** The first 32 bits of the record's hash, after the last field. */
  get high(): number {
    return fmix(this.a);
  }

  /** The other 32 bits (both lanes mixed: the pair of results is as distinct as the pair of lanes). */
  get low(): number {
    return fmix(this.b ^ Math.imul(this.a, 0x27d4eb2d));
  }
}

/** MurmurHash3's finaliser: every input bit reaches every output bit. */
function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}
