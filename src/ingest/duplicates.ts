// Duplicates, resolved while the files stream in, so a duplicate never stays in memory: records with the same key
// (a signal's id; a note's whole content) are one record.
// - Same content (also across overlapping exports): the first stays; the later one counts as `dubbel` and is dropped.
// - Other content: the later one (later file in the order given, or later line) wins, with a warning naming both
//   places; the earlier one then counts as `dubbel` in its own file.
// So each record counts exactly once, in the file it came from: regels = geaccepteerd + afgewezen + dubbel.
import type { Melding, Origin } from '../domain.js';
import type { Kind } from './kind.js';

export class Deduplicator<T extends { origin: Origin }> {
  /** Records that were new or replaced an earlier version, in file order and then line order. */
  private readonly kept: T[] = [];
  /** Per kept record: the index of its file. */
  private readonly keptFile: number[] = [];
  /** Indexes into `kept` of records a later version replaced. */
  private readonly superseded = new Set<number>();
  /** Key -> index into `kept` of the version that counts now. */
  private readonly current = new Map<string, number>();
  /** Per file: later copies with the same content, dropped. */
  private readonly identical: number[] = [];
  readonly waarschuwingen: Melding[] = [];

  /** `onKept` hears of each record kept (new, or replacing an earlier version), in the order kept. */
  constructor(
    private readonly kind: Kind<T>,
    private readonly onKept?: (record: T) => void,
  ) {}

  /** Where this file's kept records start; call before offering its first record. */
  startFile(file: number): number {
    this.identical[file] = 0;
    return this.kept.length;
  }

  offer(record: T, file: number): void {
    const key = this.kind.key(record);
    const earlier = this.current.get(key);
    if (earlier !== undefined) {
      const previous = this.kept[earlier]!;
      if (this.kind.contentKey(previous) === this.kind.contentKey(record)) {
        this.identical[file]!++;
        return;
      }
      this.superseded.add(earlier);
      this.waarschuwingen.push({
        bestand: record.origin.bestand,
        regel: record.origin.regel,
        reden:
          `${this.kind.describeKey(record)} komt ook voor in ${previous.origin.bestand} regel ${previous.origin.regel} ` +
          `met andere inhoud; deze latere versie telt, de eerdere telt als dubbel`,
      });
    }
    this.current.set(key, this.kept.length);
    this.kept.push(record);
    this.keptFile.push(file);
    this.onKept?.(record);
  }

  /** The kept records from `start` on (a file's own records, for decisions over the whole file). */
  keptSince(start: number): T[] {
    return this.kept.slice(start);
  }

  /** The records that count, and per file how many count as dubbel. */
  result(files: number): { records: T[]; dubbel: number[] } {
    const dubbel = Array.from({ length: files }, (_, f) => this.identical[f] ?? 0);
    for (const i of this.superseded) dubbel[this.keptFile[i]!]!++;
    // Usually nothing was superseded: the kept records are the result, without a copy of a million references.
    const records = this.superseded.size === 0 ? this.kept : this.kept.filter((_, i) => !this.superseded.has(i));
    return { records, dubbel };
  }
}
