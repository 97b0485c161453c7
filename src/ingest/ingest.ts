// Runs the files of one kind through the reader, resolves duplicates across all of them, and keeps the books:
// per file and in total, regels = geaccepteerd + afgewezen + dubbel.
//
// Duplicates: records with the same key (a signal's id) are one record.
// - Same content (also across overlapping exports): the first stays, every later one counts as `dubbel`.
// - Other content: the later one (later file in the order given, or later line) wins, with a warning naming both
//   places; the earlier one then counts as `dubbel` in its own file. So each record is counted exactly once, in the
//   file it came from.
import type { BestandVerantwoording, IngestResultaat, Melding, Origin, Telling } from '../model.js';
import { FileSink, type FileOutcome } from './file-sink.js';
import type { GemeenteOmzetting } from './fields.js';
import { contentKey, type Kind } from './kind.js';
import { readRecords } from './read-records.js';

export interface IngestOpties {
  /** Secret for pseudonymising person keys; a random key per run when absent. */
  sleutel?: string;
  /** Called now and then while a file is read, and once when it is done. */
  onProgress?: (bestand: string, regels: number) => void;
}

export interface IngestUitkomst<T> extends IngestResultaat<T> {
  /** Abolished gemeenten that were mapped to their successor, with how many accepted records named them. */
  omzettingen: GemeenteOmzetting[];
}

interface Entry<T> {
  record: T;
  file: number;
  dubbel: boolean;
}

function where(origin: Origin): string {
  return `${origin.bestand} regel ${origin.regel}`;
}

function resolveDuplicates<T extends { origin: Origin }>(
  outcomes: FileOutcome<T>[],
  kind: Kind<T>,
): { entries: Entry<T>[]; waarschuwingen: Melding[] } {
  const entries: Entry<T>[] = [];
  const current = new Map<string, Entry<T>>();
  const waarschuwingen: Melding[] = [];
  outcomes.forEach((outcome, file) => {
    for (const record of outcome.kandidaten) {
      const entry: Entry<T> = { record, file, dubbel: false };
      entries.push(entry);
      const key = kind.key(record);
      const earlier = current.get(key);
      if (!earlier) {
        current.set(key, entry);
      } else if (contentKey(earlier.record) === contentKey(record)) {
        entry.dubbel = true;
      } else {
        earlier.dubbel = true;
        current.set(key, entry);
        waarschuwingen.push({
          bestand: record.origin.bestand,
          regel: record.origin.regel,
          reden:
            `${kind.describeKey(record)} komt ook voor in ${where(earlier.record.origin)} met andere inhoud; ` +
            `deze latere versie telt, de eerdere telt als dubbel`,
        });
      }
    }
  });
  return { entries, waarschuwingen };
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

export async function ingestFiles<T extends { origin: Origin }>(
  files: string[],
  kind: Kind<T>,
  opts: IngestOpties = {},
): Promise<IngestUitkomst<T>> {
  const outcomes: FileOutcome<T>[] = [];
  for (const bestand of files) {
    const progress = opts.onProgress && ((regels: number) => opts.onProgress!(bestand, regels));
    outcomes.push(await readRecords(bestand, () => new FileSink(bestand, kind.soort, kind.converter(bestand), progress)));
  }
  const { entries, waarschuwingen: duplicateWarnings } = resolveDuplicates(outcomes, kind);
  const dubbel = outcomes.map(() => 0);
  const records: T[] = [];
  for (const entry of entries) {
    if (entry.dubbel) dubbel[entry.file]!++;
    else records.push(entry.record);
  }
  const bestanden: BestandVerantwoording[] = outcomes.map((o, i) => ({
    bestand: o.bestand,
    sha256: o.dialect.sha256,
    codering: o.dialect.codering,
    scheidingsteken: o.dialect.scheidingsteken,
    regels: o.regels,
    geaccepteerd: o.kandidaten.length - dubbel[i]!,
    afgewezen: o.afgewezen.length,
    dubbel: dubbel[i]!,
  }));
  return {
    soort: kind.soort,
    records,
    bestanden,
    totaal: sum(bestanden),
    fouten: outcomes.flatMap((o) => o.fouten),
    waarschuwingen: ordered([...outcomes.flatMap((o) => o.waarschuwingen), ...duplicateWarnings], files),
    afgewezen: outcomes.flatMap((o) => o.afgewezen),
    omzettingen: kind.omzettingen.count(records),
  };
}
