// Runs the files of one kind through the reader in the order given, with duplicates resolved across all of them
// (duplicates.ts), and keeps the books: per file and in total, regels = geaccepteerd + afgewezen + dubbel.
import { stat } from 'node:fs/promises';
import type { BestandVerantwoording, IngestResultaat, Melding, Origin, Telling } from '../domain.js';
import { Deduplicator } from './duplicates.js';
import { FileSink, type FileOutcome } from './file-sink.js';
import type { GemeenteOmzetting } from './fields.js';
import type { Kind } from './kind.js';
import { readRecords } from './read-records.js';
import type { LabelResolver } from './values.js';

export interface IngestOpties {
  /** Secret for pseudonymising person keys; a random key per run when absent. */
  sleutel?: string;
  /**
   * The fenomeen an analyst's label stands for: the effective taxonomy's labels and synonyms, so that an analyst's own
   * taxonomy is honoured here too. Default: the built-in taxonomy's.
   */
  fenomeenVoorLabel?: LabelResolver;
  /** Called now and then while a file is read, and once when it is done. */
  onProgress?: (bestand: string, regels: number) => void;
}

export interface IngestUitkomst<T> extends IngestResultaat<T> {
  /** Abolished gemeenten that were mapped to their successor, with how many accepted records named them. */
  omzettingen: GemeenteOmzetting[];
  /** Numbers (in the order kept, ascending) of the kept records that a later version replaced: not in `records`. */
  vervangen: number[];
}

function sum(tellingen: Telling[]): Telling {
  const totaal: Telling = { regels: 0, geaccepteerd: 0, afgewezen: 0, dubbel: 0 };
  for (const t of tellingen) {
    totaal.regels += t.regels;
    totaal.geaccepteerd += t.geaccepteerd;
    totaal.afgewezen += t.afgewezen;
    totaal.dubbel += t.dubbel;
  }
  return totaal;
}

/** Messages ordered by file (in the order given) and line; messages of one line keep their order. */
export function ordered(meldingen: Melding[], files: string[]): Melding[] {
  const rank = new Map(files.map((f, i) => [f, i] as const));
  return [...meldingen].sort((a, b) => rank.get(a.bestand)! - rank.get(b.bestand)! || a.regel - b.regel);
}

/** Hears of each record as the deduplicator keeps it (new, or replacing an earlier version), in the order kept. */
type OnKept<T> = (record: T) => void;

/** For a caller that follows the records as they are read. */
export interface Volgen<T> {
  onKept?: OnKept<T>;
  /** Only counting follows: `records` are the kind's stand-ins (Kind.slank); `onKept` still hears the full records. */
  slank?: boolean;
  /** A promise when reading should pause until it resolves (whoever `onKept` feeds is behind). */
  wacht?: () => Promise<void> | undefined;
  /**
   * Every record is read: the numbers (in the order kept, ascending) of the kept records a later version replaced.
   * Before the bookkeeping of the whole run (warnings in order, conversions counted), so a follower can go on.
   */
  gelezen?: (vervangen: readonly number[]) => void;
}

/** A signal export's row takes about 150-200 bytes (the sample exports, the generated ones). */
const BYTES_PER_REGEL = 150;

/** The files' size in bytes together; a file that cannot be read counts 0 (reading it reports why). */
export async function totaleGrootte(files: readonly string[]): Promise<number> {
  let bytes = 0;
  for (const file of files) bytes += await stat(file).then((s) => (s.isFile() ? s.size : 0), () => 0);
  return bytes;
}

/** About how many records the files hold, by their size. */
async function verwachtAantal(files: readonly string[]): Promise<number> {
  return Math.floor((await totaleGrootte(files)) / BYTES_PER_REGEL);
}

export async function ingestFiles<T extends { origin: Origin }>(
  files: string[],
  kind: Kind<T>,
  opts: IngestOpties = {},
  { onKept, slank, wacht, gelezen }: Volgen<T> = {},
): Promise<IngestUitkomst<T>> {
  const duplicates = new Deduplicator(kind, onKept, slank, await verwachtAantal(files));
  const outcomes: FileOutcome[] = [];
  for (const [file, bestand] of files.entries()) {
    const progress = opts.onProgress && ((regels: number) => opts.onProgress!(bestand, regels));
    outcomes.push(await readRecords(bestand, new FileSink(bestand, file, kind.soort, kind.converter(bestand), duplicates, progress, wacht)));
  }
  const { records, dubbel, vervangen } = duplicates.result(files.length);
  gelezen?.(vervangen);
  const bestanden: BestandVerantwoording[] = outcomes.map((o, i) => ({
    bestand: o.bestand,
    sha256: o.dialect.sha256,
    codering: o.dialect.codering,
    scheidingsteken: o.dialect.scheidingsteken,
    regels: o.regels,
    geaccepteerd: o.regels - o.afgewezen.length - dubbel[i]!,
    afgewezen: o.afgewezen.length,
    dubbel: dubbel[i]!,
  }));
  return {
    soort: kind.soort,
    records,
    bestanden,
    totaal: sum(bestanden),
    fouten: outcomes.flatMap((o) => o.fouten),
    waarschuwingen: ordered([...outcomes.flatMap((o) => o.waarschuwingen), ...duplicates.waarschuwingen], files),
    afgewezen: outcomes.flatMap((o) => o.afgewezen),
    omzettingen: kind.omzettingen.count(records),
    vervangen,
  };
}
