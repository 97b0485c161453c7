import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRecords, type RawRecord } from '../../src/ingest/read-records.js';
import { ERNST_NIVEAUS, FENOMENEN, type GeclassificeerdSignaal } from '../../src/domain.js';
import { EXPORT_KOLOMMEN, importFoutTekst, kolomLetter, queueCsv, readImport } from '../../src/review/csv.js';
import { reviewQueue } from '../../src/review/queue.js';
import { FileError } from '../../src/util/errors.js';
import { geclassificeerd, gemeenteNaam, ingebouwd, signaal, SIGNALEN } from '../fixtures/review/signalen.js';
import { signalContentHash } from '../../src/classify/classify.js';

async function exported() {
  const signalen = await geclassificeerd();
  const queue = reviewQueue(signalen, new Map());
  const csv = queueCsv(queue, await ingebouwd(), gemeenteNaam);
  const rows = parse(csv, { bom: true, delimiter: ';' }) as string[][];
  return { signalen, byId: new Map(signalen.map((s) => [s.id, s] as const)), csv, rows };
}

/** Rows as the CSV reader gives them: the header on line 1, each row on the next line. */
const records = (rows: string[][]): RawRecord[] => rows.map((velden, i) => ({ regel: i + 1, velden }));

const col = (name: (typeof EXPORT_KOLOMMEN)[number]) => EXPORT_KOLOMMEN.indexOf(name);

function fill(rows: string[][], id: string, fenomeen: string, ernst = ''): string[][] {
  return rows.map((r) => (r[0] === id ? r.map((v, i) => (i === col('fenomeen') ? fenomeen : i === col('ernst') ? ernst : v)) : r));
}

describe('queueCsv', () => {
  it('writes the queue for Excel: BOM, semicolons, CRLF, empty decision columns, a content check', async () => {
    const { csv, rows, byId } = await exported();
    expect(csv.startsWith(`\uFEFF${EXPORT_KOLOMMEN.join(';')}\r\n`)).toBe(true);
    expect(rows.map((r) => r[0])).toEqual(['id', 'S-2', 'S-3', 'S-4']);
    const s3 = rows[2]!;
    expect(s3.slice(0, col('omschrijving'))).toEqual(['S-3', 'Purmerend', '2025-05-02', '', '']);
    expect(s3[col('wachtreden')]).toBe('afwijking tussen label en regels: label in de export is Jihadisme');
    expect(s3[col('suggestie')]).toBe('Rechts-extremisme');
    expect(s3[col('reden')]).toMatch(/^regel: termen /);
    expect([s3[col('fenomeen')], s3[col('ernst')]]).toEqual(['', '']);
    expect(s3[col('controle')]).toBe(`sha256:${signalContentHash(byId.get('S-3')!)}`);
  });

  it('keeps a description on two lines in one cell and never lets Excel run it as a formula', async () => {
    const { rows } = await exported();
    expect(rows[3]![col('omschrijving')]).toBe(`'${SIGNALEN[3]!.omschrijving}`);
  });
});

describe('readImport', () => {
  it('reads decisions by code, label or synonym, any case; empty decisions are skipped and counted', async () => {
    const { rows, byId } = await exported();
    const filled = fill(fill(rows, 'S-2', 'POLARISATIE'), 'S-3', 'Rechts-extremisme', ' Hoog ');
    const uitkomst = readImport('wachtrij.csv', records(filled), byId, await ingebouwd());
    expect(uitkomst.fouten).toEqual([]);
    expect(uitkomst.overgeslagen).toBe(1);
    expect(uitkomst.beslissingen.map((b) => [b.regel, b.signaal.id, b.fenomeen, b.ernst])).toEqual([
      [2, 'S-2', 'polarisatie', undefined],
      [3, 'S-3', 'rechts-extremisme', 'hoog'],
    ]);
  });

  it('returns exactly the decisions filled in, for any choice of fenomeen (code or label) and ernst', async () => {
    const { rows, byId } = await exported();
    const taxonomy = await ingebouwd();
    const ids = rows.slice(1).map((r) => r[0]!);
    const label = (f: string) => taxonomy.definitie.fenomenen.find((d) => d.code === f)!.label;
    const keuze = fc.option(
      fc.record({ fenomeen: fc.constantFrom(...FENOMENEN), alsLabel: fc.boolean(), ernst: fc.option(fc.constantFrom(...ERNST_NIVEAUS)) }),
    );
    fc.assert(
      fc.property(fc.tuple(...ids.map(() => keuze)), (keuzes) => {
        let filled = rows;
        keuzes.forEach((k, i) => {
          if (k) filled = fill(filled, ids[i]!, k.alsLabel ? label(k.fenomeen) : k.fenomeen, k.ernst ?? '');
        });
        const uitkomst = readImport('w.csv', records(filled), byId, taxonomy);
        expect(uitkomst.fouten).toEqual([]);
        expect(uitkomst.overgeslagen).toBe(keuzes.filter((k) => !k).length);
        const expected = keuzes.flatMap((k, i) => (k ? [[ids[i], k.fenomeen, k.ernst ?? undefined]] : []));
        expect(uitkomst.beslissingen.map((b) => [b.signaal.id, b.fenomeen, b.ernst])).toEqual(expected);
      }),
    );
  });

  it('names file, line and column of every problem, and a line with a problem yields no decision', async () => {
    const { rows, byId } = await exported();
    const bad = [
      ...fill(fill(fill(rows, 'S-2', 'jihadism'), 'S-3', 'overig', 'erg'), 'S-4', '', 'hoog'),
      ['ONBEKEND', ...rows[1]!.slice(1, col('fenomeen')), 'overig', '', ''],
      fill([rows[1]!], 'S-2', 'overig')[0]!,
      ['', '', '', '', '', '', '', '', '', 'overig', '', ''],
    ];
    bad[2]![col('controle')] = 'sha256:0000';
    const uitkomst = readImport('wachtrij.csv', records(bad), byId, await ingebouwd());
    expect(uitkomst.fouten.map(importFoutTekst)).toEqual([
      "wachtrij.csv regel 2, kolom J (fenomeen): 'jihadism' is geen bekend fenomeen. Bedoelt u 'jihadisme'? Kies uit: " +
        'jihadisme, rechts-extremisme, links-extremisme, anti-institutioneel-extremisme, polarisatie, activisme, overig, onbekend.',
      "wachtrij.csv regel 3, kolom K (ernst): 'erg' is geen ernst. Bedoelt u 'laag'? Kies uit: laag, midden, hoog, of laat leeg voor de ernst van de regels.",
      "wachtrij.csv regel 3, kolom L (controle): het signaal 'S-3' is gewijzigd sinds de export (de inhoud in de signaalbestanden is anders). Exporteer de wachtrij opnieuw en beoordeel het opnieuw.",
      "wachtrij.csv regel 4, kolom K (ernst): ernst 'hoog' zonder fenomeen: vul ook het fenomeen in, of maak beide leeg.",
      "wachtrij.csv regel 5, kolom A (id): onbekend id 'ONBEKEND': dit signaal staat niet in de signaalbestanden.",
      "wachtrij.csv regel 6, kolom A (id): id 'S-2' staat ook op regel 2; beslis één keer per signaal.",
      'wachtrij.csv regel 7, kolom A (id): het id ontbreekt.',
    ]);
    expect(uitkomst.beslissingen).toEqual([]);
  });

  it('accepts a hand-made file with only id and fenomeen (no content check)', async () => {
    const { byId } = await exported();
    const uitkomst = readImport('eigen.csv', records([['ID', 'Fenomeen'], ['S-1', 'overig']]), byId, await ingebouwd());
    expect(uitkomst).toMatchObject({ fouten: [], beslissingen: [{ regel: 2, fenomeen: 'overig' }] });
  });

  it('hints at leading zeros Excel dropped from a numeric id', async () => {
    const byId = new Map<string, GeclassificeerdSignaal>((await geclassificeerd(undefined, [signaal('000123', 'x')])).map((s) => [s.id, s]));
    const uitkomst = readImport('w.csv', records([['id', 'fenomeen'], ['123', 'overig']]), byId, await ingebouwd());
    expect(importFoutTekst(uitkomst.fouten[0]!)).toContain("onbekend id '123'");
    expect(importFoutTekst(uitkomst.fouten[0]!)).toContain("Bedoelt u '000123'? Excel laat voorloopnullen weg");
  });

  it('refuses a file without the id or fenomeen column, naming the columns it found', async () => {
    const { byId } = await exported();
    const taxonomy = await ingebouwd();
    expect(() => readImport('w.csv', records([['id', 'beslissing'], ['S-1', 'overig']]), byId, taxonomy)).toThrow(FileError);
    expect(() => readImport('w.csv', records([['nr', 'beslissing']]), byId, taxonomy)).toThrow(
      "w.csv: kolom 'id' en 'fenomeen' ontbreekt in de kopregel. Gebruik het bestand van 'cter review --exporteer'. Gevonden kolommen: 'nr', 'beslissing'.",
    );
    expect(() => readImport('w.csv', [], byId, taxonomy)).toThrow('het bestand is leeg');
  });

  it('reads a file Excel saved as Windows-1252 with a sep= line, through the ingest reader', async () => {
    const { rows, byId } = await exported();
    const dir = await mkdtemp(join(tmpdir(), 'cter-review-csv-'));
    const file = join(dir, 'wachtrij.csv');
    const filled = fill(rows, 'S-2', 'Anti-institutioneel extremisme', 'midden').map((r) => r.map((v) => v.replace('zorgen', 'zorgen (café)')));
    const text = `sep=;\r\n${stringify(filled, { delimiter: ';', record_delimiter: 'windows', quoted_match: /[\r\n]/ })}`;
    await writeFile(file, Buffer.from(text, 'latin1'));
    let codering = '';
    const list: RawRecord[] = [];
    const raw = await readRecords(file, { record: (r) => list.push(r), finish: (dialect) => ((codering = dialect.codering), list) });
    expect(codering).toBe('windows-1252');
    const uitkomst = readImport(file, raw, byId, await ingebouwd());
    expect(uitkomst.fouten).toEqual([]);
    expect(uitkomst.beslissingen.map((b) => [b.regel, b.signaal.id, b.fenomeen, b.ernst])).toEqual([
      [3, 'S-2', 'anti-institutioneel-extremisme', 'midden'],
    ]);
  });
});

describe('kolomLetter', () => {
  it('numbers columns as Excel does', () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(kolomLetter)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']);
  });
});
