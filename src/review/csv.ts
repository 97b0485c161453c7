// The review queue as a spreadsheet, for analysts who work without a terminal: export the queue, fill in the
// fenomeen (and ernst) column in Excel, import it back. Import is all or nothing: every line is checked first and a
// single problem means nothing is recorded.
import { closest } from 'fastest-levenshtein';
import { ERNST_NIVEAUS, type Ernst, type Fenomeen, type GeclassificeerdSignaal, type Melding } from '../domain.js';
import { isBlank, type RawRecord } from '../ingest/read-records.js';
import { FileError } from '../util/errors.js';
import { toCsv, zonderNeutralisatie } from '../util/csv.js';
import { wachtredenTekst, type WachtrijItem } from './queue.js';
import { fenomeenLabel, fenomeenVoorLabel, normaliseLabel, type Taxonomy } from '../classify/taxonomy.js';
import { signalContentHash } from '../classify/classify.js';

/** Export columns; the import needs `id` and `fenomeen`, reads `ernst` and `controle`, and ignores the rest. */
export const EXPORT_KOLOMMEN = [
  'id',
  'gemeente',
  'datum',
  'type',
  'bron',
  'omschrijving',
  'wachtreden',
  'suggestie',
  'reden',
  'fenomeen',
  'ernst',
  'controle',
] as const;

const CONTROLE_PREFIX = 'sha256:';

/** The queue as CSV: UTF-8 with BOM, semicolons, CRLF (what Dutch Excel opens without a wizard). */
export function queueCsv(queue: readonly WachtrijItem[], taxonomy: Taxonomy, gemeenteNaam: (code: string) => string): string {
  const rows = queue.map((item) => {
    const { signaal, suggestie } = item;
    // Every text cell, the id too, is neutralised by toCsv; the import reads the id back with zonderNeutralisatie.
    return [
      signaal.id,
      gemeenteNaam(signaal.gemeente),
      signaal.datum,
      signaal.type ?? '',
      signaal.bron ?? '',
      signaal.omschrijving ?? '',
      wachtredenTekst(item, taxonomy),
      fenomeenLabel(taxonomy, suggestie.fenomeen),
      suggestie.reden,
      '',
      '',
      `${CONTROLE_PREFIX}${signalContentHash(signaal)}`,
    ];
  });
  return toCsv([[...EXPORT_KOLOMMEN], ...rows], { excel: true });
}

/** A decision read from an import line, checked against the current inputs. */
interface ImportBeslissing {
  regel: number;
  signaal: GeclassificeerdSignaal;
  fenomeen: Fenomeen;
  ernst?: Ernst;
}

export interface ImportUitkomst {
  beslissingen: ImportBeslissing[];
  /** One per problem; any problem means nothing is applied. */
  fouten: Melding[];
  /** Lines with an id but no decision (empty fenomeen and ernst): skipped. */
  overgeslagen: number;
}

/** Excel's column letter for a 0-based index (A, B, ..., Z, AA, ...). */
export function kolomLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** "bestand regel 5, kolom J (fenomeen): reden", as the analyst finds it in Excel. */
export function importFoutTekst(m: Melding): string {
  return `${m.bestand} regel ${m.regel}${m.kolom ? `, kolom ${m.kolom}` : ''}: ${m.reden}`;
}

function headerIndex(file: string, header: string[]): { id: number; fenomeen: number; ernst?: number; controle?: number } {
  const names = header.map((h) => h.trim().toLowerCase());
  const find = (name: string) => {
    const i = names.indexOf(name);
    return i < 0 ? undefined : i;
  };
  const id = find('id');
  const fenomeen = find('fenomeen');
  if (id === undefined || fenomeen === undefined) {
    const missing = [id === undefined ? "'id'" : '', fenomeen === undefined ? "'fenomeen'" : ''].filter(Boolean).join(' en ');
    const found = header.filter((h) => h.trim() !== '').map((h) => `'${h.trim()}'`);
    throw new FileError(
      file,
      `kolom ${missing} ontbreekt in de kopregel. Gebruik het bestand van 'cter review --exporteer'. ` +
        `Gevonden kolommen: ${found.join(', ') || '(geen)'}.`,
    );
  }
  return { id, fenomeen, ernst: find('ernst'), controle: find('controle') };
}

function nearest(written: string, options: readonly string[]): string {
  return closest(written.toLowerCase(), options as string[]);
}

/** The fenomeen named in a cell: code, Dutch label or synonym, as the taxonomy knows them. */
function readFenomeen(taxonomy: Taxonomy, written: string): { ok: true; fenomeen: Fenomeen } | { ok: false; reden: string } {
  const fenomeen = fenomeenVoorLabel(taxonomy, written);
  if (fenomeen) return { ok: true, fenomeen };
  const names = taxonomy.definitie.fenomenen.flatMap((f) => [f.code, f.label]);
  const guess = fenomeenVoorLabel(taxonomy, closest(normaliseLabel(written), names.map(normaliseLabel)))!;
  const codes = taxonomy.definitie.fenomenen.map((f) => f.code).join(', ');
  return { ok: false, reden: `'${written}' is geen bekend fenomeen. Bedoelt u '${guess}'? Kies uit: ${codes}.` };
}

function readErnst(written: string): { ok: true; ernst?: Ernst } | { ok: false; reden: string } {
  const value = written.trim().toLowerCase();
  if (value === '') return { ok: true };
  if ((ERNST_NIVEAUS as readonly string[]).includes(value)) return { ok: true, ernst: value as Ernst };
  return {
    ok: false,
    reden: `'${written.trim()}' is geen ernst. Bedoelt u '${nearest(value, ERNST_NIVEAUS)}'? Kies uit: ${ERNST_NIVEAUS.join(', ')}, of laat leeg voor de ernst van de regels.`,
  };
}

/** Excel drops leading zeros from numeric ids; say so when that is the likely cause of an unknown id. */
function unknownIdHint(id: string, signalen: ReadonlyMap<string, GeclassificeerdSignaal>): string {
  if (!/^\d+$/.test(id)) return '';
  const match = [...signalen.keys()].find((k) => /^0+\d+$/.test(k) && k.replace(/^0+(?=\d)/, '') === id);
  return match
    ? ` Bedoelt u '${match}'? Excel laat voorloopnullen weg; importeer het bestand in Excel als tekst (Gegevens > Van tekst/CSV).`
    : '';
}

/** The non-blank records of a queue file, its header record and the columns the import reads. */
function importKop(file: string, records: readonly RawRecord[]) {
  const rows = records.filter((r) => !('velden' in r) || !isBlank(r.velden));
  const first = rows[0];
  if (!first) throw new FileError(file, 'het bestand is leeg: er is geen kopregel gevonden.');
  if (!('velden' in first)) throw new FileError(file, `regel ${first.regel}: ${first.onleesbaar}`);
  return { rows, first, col: headerIndex(file, first.velden) };
}

/**
 * How many lines of an earlier queue export already hold a decision (fenomeen or ernst filled in), so that a new
 * export over it would throw that work away. A file that is not a queue export fails like an import would.
 */
export function ingevuldeRegels(file: string, records: readonly RawRecord[]): number {
  const { rows, col } = importKop(file, records);
  const ingevuld = (velden: string[]) =>
    [col.fenomeen, col.ernst].some((i) => i !== undefined && (velden[i] ?? '').trim() !== '');
  return rows.slice(1).filter((r) => 'velden' in r && ingevuld(r.velden)).length;
}

/**
 * Reads decisions from an import file's raw records (the first non-blank record is the header). Pure: the signals
 * and taxonomy are the current inputs, every problem is collected.
 */
export function readImport(
  file: string,
  records: readonly RawRecord[],
  signalen: ReadonlyMap<string, GeclassificeerdSignaal>,
  taxonomy: Taxonomy,
): ImportUitkomst {
  const { rows, first, col } = importKop(file, records);
  const kolom = (i: number) => `${kolomLetter(i)} (${first.velden[i]!.trim()})`;

  const fouten: Melding[] = [];
  const beslissingen: ImportBeslissing[] = [];
  const eerder = new Map<string, number>();
  let overgeslagen = 0;
  for (const record of rows.slice(1)) {
    const { regel } = record;
    if (!('velden' in record)) {
      fouten.push({ bestand: file, regel, reden: record.onleesbaar });
      continue;
    }
    // The export neutralised cells against formulas ("'=..."): read them back as written.
    const cell = (i: number | undefined) => (i === undefined ? '' : zonderNeutralisatie((record.velden[i] ?? '').trim()));
    const fout = (i: number | undefined, reden: string, waarde = cell(i)) =>
      fouten.push({ bestand: file, regel, ...(i !== undefined ? { kolom: kolom(i) } : {}), waarde, reden });
    const id = cell(col.id);
    const fenomeenTekst = cell(col.fenomeen);
    const ernstTekst = cell(col.ernst);
    if (fenomeenTekst === '') {
      if (ernstTekst !== '') fout(col.ernst, `ernst '${ernstTekst}' zonder fenomeen: vul ook het fenomeen in, of maak beide leeg.`);
      else overgeslagen++;
      continue;
    }
    if (id === '') {
      fout(col.id, 'het id ontbreekt.');
      continue;
    }
    const before = fouten.length;
    const signaal = signalen.get(id);
    const fenomeen = readFenomeen(taxonomy, fenomeenTekst);
    const ernst = readErnst(ernstTekst);
    if (!signaal) fout(col.id, `onbekend id '${id}': dit signaal staat niet in de signaalbestanden.${unknownIdHint(id, signalen)}`);
    if (!fenomeen.ok) fout(col.fenomeen, fenomeen.reden);
    if (!ernst.ok) fout(col.ernst, ernst.reden);
    const dubbel = eerder.get(id);
    if (dubbel !== undefined) fout(col.id, `id '${id}' staat ook op regel ${dubbel}; beslis één keer per signaal.`);
    else eerder.set(id, regel);
    if (signaal && col.controle !== undefined) {
      const controle = cell(col.controle).toLowerCase().replace(CONTROLE_PREFIX, '');
      if (controle === '') fout(col.controle, 'de controlewaarde ontbreekt; exporteer de wachtrij opnieuw.');
      else if (controle !== signalContentHash(signaal)) {
        fout(
          col.controle,
          `het signaal '${id}' is gewijzigd sinds de export (de inhoud in de signaalbestanden is anders). ` +
            'Exporteer de wachtrij opnieuw en beoordeel het opnieuw.',
        );
      }
    }
    if (signaal && fenomeen.ok && ernst.ok && fouten.length === before) {
      beslissingen.push({ regel, signaal, fenomeen: fenomeen.fenomeen, ...(ernst.ernst ? { ernst: ernst.ernst } : {}) });
    }
  }
  // The caller applies nothing at all when fouten is non-empty.
  return { beslissingen, fouten, overgeslagen };
}
