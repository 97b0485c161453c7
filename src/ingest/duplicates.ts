// Duplicates, resolved while the files stream in, so a duplicate never stays in memory: records with the same key
// (a signal's id; a note's whole content) are one record.
// - Same content (also across overlapping exports): the first stays; the later one counts as `dubbel` and is dropped.
// - Other content: the later one (later file in the order given, or later line) wins, with a warning naming both
//   places; the earlier one then counts as `dubbel` in its own file.
// So each record counts exactly once, in the file it came from: regels = geaccepteerd + afgewezen + dubbel.
// A run that only counts keeps a stand-in of each record (Kind.slank), and its content as a 64-bit hash and its line
// as numbers: a million signals then cost a fraction of their full records. Two versions of one id are compared by
// that hash; two different contents share one with odds of 2^-64.
import type { Melding, Origin } from '../domain.js';
import { ContentHasher } from './content-hash.js';
import { groter } from '../util/groter.js';
import type { Kind } from './kind.js';

/** Numbers per kept record with stand-ins: its content hash (two) and its line. */
const SLANK = 3;

export class Deduplicator<T extends { origin: Origin }> {
  /** Records that were new or replaced an earlier version, in file order and then line order. */
  private readonly kept: T[] = [];
  /**
   * The file of each kept record, as runs: `runStart[r]` is the first kept record of run r, all of file `runFile[r]`
   * (files are read one after another, so a run per file; a number per record cost a push per row).
   */
  private readonly runStart: number[] = [];
  private readonly runFile: number[] = [];
  /** Indexes into `kept` of records a later version replaced. */
  private readonly superseded = new Set<number>();
  /** Key -> index into `kept` of the version that counts now. */
  private readonly current: KeyIndex;
  /** Per file: later copies with the same content, dropped. */
  private readonly identical: number[] = [];
  /** With stand-ins: per kept record the hash of its content (two numbers) and its line. */
  private perStandIn?: Int32Array;
  /** With stand-ins: per file index its name. */
  private readonly bestanden: string[] = [];
  private readonly hasher = new ContentHasher();
  readonly waarschuwingen: Melding[] = [];

  /**
   * `onKept` hears of each record kept (new, or replacing an earlier version), in the order kept, before it is put
   * away: with `slank` as the kind's stand-in.
   */
  constructor(
    private readonly kind: Kind<T>,
    private readonly onKept?: (record: T) => void,
    slank = false,
    /** About how many records will come: the key index is made that large at once (see KeyIndex). */
    verwacht = 0,
  ) {
    this.current = new KeyIndex((i) => kind.key(this.kept[i]!), verwacht);
    if (slank) {
      if (!kind.slank) throw new Error(`no stand-in for ${kind.soort}`);
      this.perStandIn = new Int32Array(SLANK * 4096);
    }
  }

  /** Where this file's kept records start; call before offering its first record. */
  startFile(file: number): number {
    this.identical[file] = 0;
    return this.kept.length;
  }

  offer(record: T, file: number): void {
    const key = this.kind.key(record);
    const slot = this.current.find(key);
    const earlier = this.current.at(slot);
    const inhoud = this.perStandIn && this.contentHash(record);
    if (earlier >= 0) {
      const zelfde = inhoud
        ? this.perStandIn![SLANK * earlier] === inhoud[0] && this.perStandIn![SLANK * earlier + 1] === inhoud[1]
        : this.kind.contentKey(this.kept[earlier]!) === this.kind.contentKey(record);
      if (zelfde) {
        this.identical[file]!++;
        return;
      }
      this.superseded.add(earlier);
      const eerder = this.origin(earlier);
      this.waarschuwingen.push({
        bestand: record.origin.bestand,
        regel: record.origin.regel,
        reden:
          `${this.kind.describeKey(record)} komt ook voor in ${eerder.bestand} regel ${eerder.regel} ` +
          `met andere inhoud; deze latere versie telt, de eerdere telt als dubbel`,
      });
    }
    this.current.set(slot, this.kept.length);
    this.onKept?.(record);
    if (inhoud) {
      this.bestanden[file] ??= record.origin.bestand;
      this.bewaarSlank(this.kept.length, inhoud, record.origin.regel);
    }
    if (this.runFile[this.runFile.length - 1] !== file) {
      this.runStart.push(this.kept.length);
      this.runFile.push(file);
    }
    this.kept.push(inhoud ? this.kind.slank!(record) : record);
  }

  /** The index of the file kept record `i` came from. */
  private fileOf(i: number): number {
    // The last run that starts at or before i.
    let lo = 0;
    let hi = this.runStart.length - 1;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (this.runStart[mid]! <= i) lo = mid;
      else hi = mid - 1;
    }
    return this.runFile[lo]!;
  }

  /** The 64-bit hash of the record's content (Kind.contentHash, or else its contentKey as one field). */
  private contentHash(record: T): [number, number] {
    const hasher = this.hasher.reset();
    if (this.kind.contentHash) this.kind.contentHash(record, hasher);
    else hasher.field(this.kind.contentKey(record));
    return [hasher.high, hasher.low];
  }

  /** Where kept record `i` came from (a stand-in's origin may name only its file). */
  private origin(i: number): Origin {
    if (!this.perStandIn) return this.kept[i]!.origin;
    return { bestand: this.bestanden[this.fileOf(i)]!, regel: this.perStandIn[SLANK * i + 2]! };
  }

  private bewaarSlank(i: number, [a, b]: [number, number], regel: number): void {
    if (SLANK * (i + 1) > this.perStandIn!.length) {
      this.perStandIn = groter(this.perStandIn!, this.perStandIn!.length * 2);
    }
    this.perStandIn![SLANK * i] = a;
    this.perStandIn![SLANK * i + 1] = b;
    this.perStandIn![SLANK * i + 2] = regel;
  }

  /** The kept records from `start` on (a file's own records, for decisions over the whole file). */
  keptSince(start: number): T[] {
    return this.kept.slice(start);
  }

  /**
   * The records that count, per file how many count as dubbel, and the numbers (in the order kept, ascending) of the
   * kept records a later version replaced.
   */
  result(files: number): { records: T[]; dubbel: number[]; vervangen: number[] } {
    const dubbel = Array.from({ length: files }, (_, f) => this.identical[f] ?? 0);
    for (const i of this.superseded) dubbel[this.fileOf(i)]!++;
    // Usually nothing was superseded: the kept records are the result, without a copy of a million references.
    const records = this.superseded.size === 0 ? this.kept : this.kept.filter((_, i) => !this.superseded.has(i));
    return { records, dubbel, vervangen: [...this.superseded].sort((a, b) => a - b) };
  }
}

const MIN_SLOTS = 4096;
const MAX_VOORAF = 1 << 21;

/**
 * The index of `current`: open addressing over a hash of the key (FNV-1a), holding only numbers. A Map of a million
 * keys cost most of the time of offer and about 40 MB; this costs one Int32Array of four numbers per key (16 MB). A
 * slot's index and hash lie side by side, so a probe reads one cache line, not one in each of two arrays.
 */
class KeyIndex {
  /** Per slot two numbers: the index into `kept` (-1 when empty) and the hash of its key. */
  private slots: Int32Array;
  private size = 0;
  /** The hash of the key last found, for set(). */
  private hash = 0;

  /**
   * Room for `verwacht` keys from the start: growing to a million keys took eight rehashes (0.15 s). At most
   * MAX_VOORAF slots at once, so an estimate far too high costs little memory; beyond that the index grows as needed.
   */
  constructor(
    private readonly keyOf: (index: number) => string,
    verwacht: number,
  ) {
    let slots = MIN_SLOTS;
    while (slots < 2 * verwacht && slots < MAX_VOORAF) slots *= 2;
    this.slots = new Int32Array(2 * slots).fill(-1);
  }

  /** The slot of `key`: where it is, or the empty slot where it goes. */
  find(key: string): number {
    let h = 0x811c9dc5 | 0;
    for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
    this.hash = h;
    const { slots } = this;
    const mask = (slots.length >> 1) - 1;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const index = slots[2 * slot]!;
      if (index < 0 || (slots[2 * slot + 1] === h && this.keyOf(index) === key)) return slot;
    }
  }

  /** The index into `kept` at a slot from find(), -1 when the key is new. */
  at(slot: number): number {
    return this.slots[2 * slot]!;
  }

  /** Points the key last found (at `slot`) to `index`. */
  set(slot: number, index: number): void {
    const isNew = this.slots[2 * slot]! < 0;
    this.slots[2 * slot] = index;
    if (!isNew) return;
    this.slots[2 * slot + 1] = this.hash;
    // At most half full, so a search ends soon at an empty slot.
    if (++this.size * 2 > this.slots.length >> 1) this.grow();
  }

  private grow(): void {
    const old = this.slots;
    const slots = new Int32Array(old.length * 2).fill(-1);
    const mask = (slots.length >> 1) - 1;
    for (let s = 0; s < old.length; s += 2) {
      const index = old[s]!;
      if (index < 0) continue;
      const hash = old[s + 1]!;
      let slot = hash & mask;
      while (slots[2 * slot]! >= 0) slot = (slot + 1) & mask;
      slots[2 * slot] = index;
      slots[2 * slot + 1] = hash;
    }
    this.slots = slots;
  }
}
