// Output of `cter classificeer`: every classified signal as JSON, CSV or a readable table, and a summary for stderr.
// Person keys never appear; the free-text omschrijving only when asked for. No timestamps: the same input gives the
// same output, byte for byte. The formats are generators of text pieces, so a million signals never have to fit in
// one string.
import { toCsv, type CsvCel } from '../util/csv.js';
import { FENOMENEN, HERKOMSTEN, type GeclassificeerdSignaal } from '../domain.js';

export interface UitvoerOpties {
  /** Include the free-text omschrijving (--met-omschrijving). */
  metOmschrijving: boolean;
  /** How a source file is shown (e.g. relative to the working folder). */
  pad?: (bestand: string) => string;
}

/** One signal in the JSON output; keys in this order. */
export interface ClassificatieRecord {
  id: string;
  gemeente: string;
  /** The export's gemeente cell, when it named a woonplaats or an abolished gemeente. */
  gemeenteInExport?: string;
  datum: string;
  tijd?: string;
  type?: string;
  /** The source grading as exported ("B2") and its system: the letters of the two systems mean different things. */
  betrouwbaarheid?: string;
  betrouwbaarheidSysteem?: 'admiralty' | '4x4';
  fenomeen: string;
  herkomst: string;
  reden: string;
  ernst: string;
  ernstReden: string;
  afwijking: boolean;
  regelSuggestie?: { fenomeen: string; reden: string };
  bestand: string;
  regel: number;
  omschrijving?: string;
}

function classificatieRecord(s: GeclassificeerdSignaal, opties: UitvoerOpties): ClassificatieRecord {
  return {
    id: s.id,
    gemeente: s.gemeente,
    ...(s.gemeenteInExport === undefined ? {} : { gemeenteInExport: s.gemeenteInExport }),
    datum: s.datum,
    ...(s.tijd === undefined ? {} : { tijd: s.tijd }),
    ...(s.type === undefined ? {} : { type: s.type }),
    ...(s.betrouwbaarheid === undefined
      ? {}
      : { betrouwbaarheid: s.betrouwbaarheid.code, betrouwbaarheidSysteem: s.betrouwbaarheid.schema }),
    fenomeen: s.fenomeen,
    herkomst: s.herkomst,
    reden: s.reden,
    ernst: s.ernst,
    ernstReden: s.ernstReden,
    afwijking: s.afwijking,
    ...(s.regelSuggestie ? { regelSuggestie: { fenomeen: s.regelSuggestie.fenomeen, reden: s.regelSuggestie.reden } } : {}),
    bestand: opties.pad ? opties.pad(s.origin.bestand) : s.origin.bestand,
    regel: s.origin.regel,
    ...(opties.metOmschrijving && s.omschrijving !== undefined ? { omschrijving: s.omschrijving } : {}),
  };
}

/** A JSON array of records, one per line, so large outputs stay greppable and diff well. */
export function* classificatieJson(signalen: readonly GeclassificeerdSignaal[], opties: UitvoerOpties): Generator<string> {
  if (signalen.length === 0) return yield '[]\n';
  yield '[\n';
  for (let i = 0; i < signalen.length; i++) {
    yield `  ${JSON.stringify(classificatieRecord(signalen[i]!, opties))}${i < signalen.length - 1 ? ',' : ''}\n`;
  }
  yield ']\n';
}

export const CSV_KOLOMMEN = [
  'id',
  'gemeente',
  'gemeenteInExport',
  'datum',
  'tijd',
  'type',
  'betrouwbaarheid',
  'betrouwbaarheidSysteem',
  'fenomeen',
  'herkomst',
  'reden',
  'ernst',
  'ernstReden',
  'afwijking',
  'regelSuggestie',
  'bestand',
  'regel',
] as const;

/**
 * CSV as the other cter CSV outputs write it: semicolon between fields (Dutch Excel opens it with a double click),
 * UTF-8 without BOM, a header row, quotes where a field needs them. afwijking is "ja" or "nee".
 */
export function* classificatieCsv(signalen: readonly GeclassificeerdSignaal[], opties: UitvoerOpties): Generator<string> {
  const csv = (rows: CsvCel[][]) => toCsv(rows);
  yield csv([[...CSV_KOLOMMEN, ...(opties.metOmschrijving ? ['omschrijving'] : [])]]);
  const row = (s: GeclassificeerdSignaal) => {
    const r = classificatieRecord(s, opties);
    const cells: CsvCel[] = [
      r.id,
      r.gemeente,
      r.gemeenteInExport ?? '',
      r.datum,
      r.tijd ?? '',
      r.type ?? '',
      r.betrouwbaarheid ?? '',
      r.betrouwbaarheidSysteem ?? '',
      r.fenomeen,
      r.herkomst,
      r.reden,
      r.ernst,
      r.ernstReden,
      r.afwijking ? 'ja' : 'nee',
      r.regelSuggestie?.fenomeen ?? '',
      r.bestand,
      r.regel,
    ];
    if (opties.metOmschrijving) cells.push(r.omschrijving ?? '');
    return cells;
  };
  for (let i = 0; i < signalen.length; i += CSV_BLOK) yield csv(signalen.slice(i, i + CSV_BLOK).map(row));
}

const CSV_BLOK = 1000;

const TABEL_KOPPEN = ['id', 'datum', 'gemeente', 'betrouwbaarheid', 'fenomeen', 'herkomst', 'ernst', 'afwijking', 'reden'];

const SYSTEEM_NAAM = { admiralty: 'Admiralty', '4x4': '4x4' } as const;

function tabelRij(s: GeclassificeerdSignaal): string[] {
  const b = s.betrouwbaarheid ? `${s.betrouwbaarheid.code} (${SYSTEEM_NAAM[s.betrouwbaarheid.schema]})` : '';
  return [s.id, s.datum, s.gemeente, b, s.fenomeen, s.herkomst, s.ernst, s.afwijking ? 'ja' : '', s.reden];
}

/** A table for people: one line per signal, columns aligned, the reason last (not padded, not cut off); the
 * omschrijving indented below each line when asked for. */
export function* classificatieTabel(signalen: readonly GeclassificeerdSignaal[], opties: UitvoerOpties): Generator<string> {
  if (signalen.length === 0) return yield 'geen signalen\n';
  const widths = TABEL_KOPPEN.map((k) => k.length);
  for (const s of signalen) tabelRij(s).forEach((cell, c) => (widths[c] = Math.max(widths[c]!, cell.length)));
  const line = (cells: string[]) =>
    `${cells
      .map((cell, c) => (c === cells.length - 1 ? cell : cell.padEnd(widths[c]!)))
      .join('  ')
      .trimEnd()}\n`;
  yield line(TABEL_KOPPEN);
  for (const s of signalen) {
    yield line(tabelRij(s));
    if (opties.metOmschrijving && s.omschrijving) yield `    ${s.omschrijving.replace(/\s+/g, ' ').trim()}\n`;
  }
}

/** Dutch lines for stderr: how many signals per herkomst and fenomeen, and how many need review. */
export function classificatieSamenvatting(signalen: readonly GeclassificeerdSignaal[]): string[] {
  const count = <K extends string>(keys: readonly K[], key: (s: GeclassificeerdSignaal) => K) => {
    const n = new Map<K, number>(keys.map((k) => [k, 0]));
    for (const s of signalen) n.set(key(s), (n.get(key(s)) ?? 0) + 1);
    return [...n].filter(([, v]) => v > 0).map(([k, v]) => `${k} ${v}`);
  };
  const afwijkingen = signalen.filter((s) => s.afwijking).length;
  const onbekend = signalen.filter((s) => s.fenomeen === 'onbekend').length;
  return [
    `geclassificeerd: ${signalen.length} signalen; herkomst: ${count(HERKOMSTEN, (s) => s.herkomst).join(', ') || '-'}.`,
    `fenomeen: ${count(FENOMENEN, (s) => s.fenomeen).join(', ') || '-'}.`,
    ...(afwijkingen + onbekend > 0
      ? [`te beoordelen: ${onbekend} onbekend, ${afwijkingen} met afwijking ('cter review').`]
      : []),
  ];
}
