// What differs between the kinds of files cter ingests (signals, trend notes): how a row becomes a record, and
// when two records are the same one.
import type { Origin } from '../domain.js';
import type { ContentHasher } from './content-hash.js';
import type { Omzettingen } from './fields.js';
import type { Soort } from './tables.js';
import type { FileConverter } from './row.js';

export interface Kind<T extends { origin: Origin }> {
  soort: Soort;
  converter(bestand: string): FileConverter<T>;
  /** Records with the same key describe the same thing (a signal's id; a note's whole content). */
  key(record: T): string;
  /** Equal content means a true duplicate. */
  contentKey(record: T): string;
  /**
   * The same content as contentKey, fed to `hasher` field by field (a run that only counts hashes every record):
   * equal content feeds the same. Without it the deduplicator hashes contentKey.
   */
  contentHash?(record: T, hasher: ContentHasher): void;
  /** How the key is named in a message, e.g. "id 'S-001'". */
  describeKey(record: T): string;
  /**
   * For a run that only counts: a stand-in of the record with its key and what counting reads, kept instead of the
   * record. Its origin may name only the file: the deduplicator keeps the line, and compares content by hash.
   */
  slank?(record: T): T;
  omzettingen: Omzettingen;
}

/** The record's content without where it came from; `replacer` may compare a field by part of its value. */
export function contentKey(record: { origin: Origin }, replacer?: (key: string, value: unknown) => unknown): string {
  const { origin: _origin, ...content } = record;
  return JSON.stringify(content, replacer);
}
