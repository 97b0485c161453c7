// Turns one file's raw records into accepted candidates, rejected records and messages. The first non-blank record
// is the header; blank records (also ";;;;" rows Excel leaves behind) carry no data and are not counted.
import type { AfgewezenRecord, Melding, Origin } from '../domain.js';
import { FileError } from '../util/errors.js';
import type { Deduplicator } from './duplicates.js';
import { mapHeader, type KolomIndeling } from './header.js';
import { isBlank, type FileDialect, type RawRecord, type RecordSink } from './read-records.js';
import type { FileConverter, Row, RowReport } from './row.js';
import type { Soort } from './tables.js';
import { detached } from './values.js';

export interface FileOutcome {
  bestand: string;
  dialect: FileDialect;
  /** Records, not counting the header, blank lines or a sep= line. */
  regels: number;
  afgewezen: AfgewezenRecord[];
  fouten: Melding[];
  waarschuwingen: Melding[];
}

/** Warnings with a count: one line per distinct problem instead of one per row. */
class Waarschuwingen {
  private readonly list: { melding: Melding; aantal: number }[] = [];
  private readonly byKey = new Map<string, { melding: Melding; aantal: number }>();

  add(melding: Melding, key?: string): void {
    const existing = key === undefined ? undefined : this.byKey.get(key);
    if (existing) {
      existing.aantal++;
      return;
    }
    const entry = { melding, aantal: 1 };
    this.list.push(entry);
    if (key !== undefined) this.byKey.set(key, entry);
  }

  result(): Melding[] {
    return this.list.map(({ melding, aantal }) =>
      aantal === 1 ? melding : { ...melding, reden: `${melding.reden} (${aantal} keer in dit bestand, eerst op deze regel)` },
    );
  }
}

/** One row as the converter sees it; a single instance is reused for every row of a file. */
class RowView implements Row {
  regel = 0;
  values: string[] = [];

  constructor(private readonly indeling: KolomIndeling) {}

  get(kolom: string): string {
    const i = this.indeling.index.get(kolom);
    return i === undefined ? '' : (this.values[i] ?? '');
  }

  naam(kolom: string): string {
    const i = this.indeling.index.get(kolom);
    return i === undefined ? kolom : this.indeling.namen[i]!;
  }
}

/**
 * Valid records go straight to the run's deduplicator: a file is never held in memory, only what counts. The sink is
 * also the report its converter writes a row's problems to.
 */
export class FileSink<T extends { origin: Origin }> implements RecordSink<FileOutcome>, RowReport {
  private header?: { indeling: KolomIndeling; regel: number; breedte: number };
  private view?: RowView;
  private readonly rowFouten: Melding[] = [];
  private regels = 0;
  /** Header cells up to the last non-empty one: a row needs this many fields. */
  private gevuld = 0;
  private readonly start: number;
  private readonly afgewezen: AfgewezenRecord[] = [];
  private readonly fouten: Melding[] = [];
  private readonly waarschuwingen = new Waarschuwingen();

  constructor(
    private readonly bestand: string,
    private readonly file: number,
    private readonly soort: Soort,
    private readonly converter: FileConverter<T>,
    private readonly duplicates: Deduplicator<T>,
    private readonly progress?: (regels: number) => void,
    /** See RecordSink.wacht. */
    readonly wacht?: () => Promise<void> | undefined,
  ) {
    this.start = duplicates.startFile(file);
  }

  record(rec: RawRecord): void {
    if ('onleesbaar' in rec) {
      this.count();
      this.reject(rec.regel, { tekst: detached(rec.tekst) }, [{ bestand: this.bestand, regel: rec.regel, reden: rec.onleesbaar }]);
      return;
    }
    if (isBlank(rec.velden)) return;
    if (!this.header) {
      this.readHeader(rec.regel, rec.velden);
      return;
    }
    this.count();
    this.row(rec.regel, rec.velden);
  }

  private count(): void {
    this.regels++;
    if (this.progress && this.regels % 10_000 === 0) this.progress(this.regels);
  }

  private readHeader(regel: number, velden: string[]): void {
    const indeling = mapHeader(this.bestand, this.soort, velden);
    this.header = { indeling, regel, breedte: velden.length };
    this.gevuld = velden.length;
    while (this.gevuld > 0 && velden[this.gevuld - 1]!.trim() === '') this.gevuld--;
    for (const kolom of indeling.genegeerd) {
      this.waarschuwingen.add({ bestand: this.bestand, regel, kolom: kolom.naam, reden: kolom.reden });
    }
  }

  private velden(values: string[]): Record<string, string> {
    const namen = this.header?.indeling.namen ?? [];
    const velden: Record<string, string> = {};
    const width = Math.max(namen.length, values.length);
    for (let i = 0; i < width; i++) velden[namen[i] ?? `kolom ${i + 1}`] = detached(values[i] ?? '');
    return velden;
  }

  private reject(regel: number, velden: Record<string, string>, fouten: Melding[]): void {
    this.fouten.push(...fouten);
    this.afgewezen.push({ bestand: this.bestand, regel, reden: fouten.map((f) => f.reden).join('; '), velden });
  }

  private row(regel: number, values: string[]): void {
    const { indeling, breedte } = this.header!;
    const view = (this.view ??= new RowView(indeling));
    view.regel = regel;
    view.values = values;
    // Reused row after row: reject() copies what it keeps of it.
    this.rowFouten.length = 0;
    let extra = 0;
    for (let i = breedte; i < values.length; i++) if (values[i]!.trim() !== '') extra++;
    if (extra > 0) {
      this.rowFouten.push({
        bestand: this.bestand,
        regel,
        reden: `de regel heeft ${values.length} velden en de kopregel ${breedte}; staat er een scheidingsteken in een tekst zonder aanhalingstekens?`,
      });
    }
    // Fewer fields than the header (trailing empty header cells aside): a row in another delimiter is one field that
    // holds another delimiter; otherwise the missing fields read as empty, said with the line.
    const kort = extra === 0 && values.length < this.gevuld;
    const anderScheidingsteken = kort && values.length === 1 ? /[;,\t|]/.exec(values[0]!)?.[0] : undefined;
    if (anderScheidingsteken !== undefined) {
      const teken = anderScheidingsteken === '\t' ? 'tab' : `'${anderScheidingsteken}'`;
      this.rowFouten.push({
        bestand: this.bestand,
        regel,
        reden: `de regel heeft 1 veld en de kopregel ${this.gevuld}: de velden lijken gescheiden door ${teken} in plaats van het scheidingsteken van de rest van het bestand`,
      });
    }
    const record = extra > 0 || anderScheidingsteken !== undefined ? undefined : this.converter.convert(view, this);
    if (kort && anderScheidingsteken === undefined) {
      const tekort = `de regel heeft ${values.length} van de ${this.gevuld} velden van de kopregel`;
      if (record === undefined || this.rowFouten.length > 0) this.rowFouten.push({ bestand: this.bestand, regel, reden: tekort });
      else this.waarschuwingen.add({ bestand: this.bestand, regel, reden: `${tekort}; de ontbrekende velden zijn als leeg gelezen` });
    }
    if (this.rowFouten.length > 0 || record === undefined) {
      if (this.rowFouten.length === 0) throw new Error(`converter rejected ${this.bestand}:${regel} without a reason`);
      this.reject(regel, this.velden(values), this.rowFouten);
      return;
    }
    this.duplicates.offer(record, this.file);
  }

  private melding(kolom: string, waarde: string, reden: string): Melding {
    const { bestand } = this;
    const { regel } = this.view!;
    const naam = this.view!.naam(kolom);
    // The reason may quote the value: a concatenation that holds on to it.
    const tekst = detached(reden);
    return waarde === '' ? { bestand, regel, kolom: naam, reden: tekst } : { bestand, regel, kolom: naam, waarde: detached(waarde), reden: tekst };
  }

  fout(kolom: string, waarde: string, reden: string): void {
    this.rowFouten.push(this.melding(kolom, waarde, reden));
  }

  waarschuwing(kolom: string, waarde: string, reden: string): void {
    this.waarschuwingen.add(this.melding(kolom, waarde, reden), `${kolom}\u0000${waarde}\u0000${reden}`);
  }

  finish(dialect: FileDialect): FileOutcome {
    if (!this.header) throw new FileError(this.bestand, 'het bestand is leeg: er is geen kopregel gevonden.');
    const regel = this.header.regel;
    for (const r of dialect.windowsRegels ?? []) {
      this.waarschuwingen.add({
        bestand: this.bestand,
        regel: r,
        reden: 'deze regel is geen geldige UTF-8 (de rest van het bestand wel) en is als Windows-1252 gelezen; controleer de tekens met accenten',
      });
    }
    this.converter.finish?.(this.duplicates.keptSince(this.start), (reden) =>
      this.waarschuwingen.add({ bestand: this.bestand, regel, reden }),
    );
    this.progress?.(this.regels);
    return {
      bestand: this.bestand,
      dialect,
      regels: this.regels,
      afgewezen: this.afgewezen,
      fouten: this.fouten,
      waarschuwingen: this.waarschuwingen.result(),
    };
  }
}
