import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectSoort, ingestNotities, ingestSignalen } from '../../src/ingest/index.js';
import { Deduplicator } from '../../src/ingest/duplicates.js';
import { signaalKind } from '../../src/ingest/signalen.js';
import type { Signaal } from '../../src/domain.js';
import { loadReference } from '../../src/reference/index.js';
import { tempDir, writeLines } from './ingest-helpers.js';
import { labelResolver, loadTaxonomy } from '../../src/classify/taxonomy.js';
import { writeRejects } from '../../src/ingest/rejects.js';
import { readRecords } from '../../src/ingest/read-records.js';

const ref = loadReference();

describe('signal rows', () => {
  it('normalises every field, pseudonymises the person key and records abolished gemeenten', async () => {
    const dir = await tempDir();
    const file = await writeLines(dir, 's.csv', [
      'Registratienummer;Datum melding;Gemeentenaam;Melder;Beoordeling;Soort signaal;Categorie;Toelichting;Persoon ID',
      'PNH-1;03-07-2025 14:30;Beemster;ZVH;b-2;Graffiti;Extreem-rechts;"Sticker bij ""station""";P-1',
      'PNH-2;4 jul 2025;0479;Leerplicht;Z9;Kraslot;religieus;;P-1',
    ]);
    const result = await ingestSignalen([file], ref, { sleutel: 's' });
    expect(result.records).toEqual([
      {
        id: 'PNH-1',
        datum: '2025-07-03',
        tijd: '14:30',
        gemeente: 'GM0439',
        gemeenteInExport: 'Beemster',
        bron: 'zorg- en veiligheidshuis',
        betrouwbaarheid: { schema: 'admiralty', bron: 'B', informatie: '2', code: 'B2' },
        type: 'sticker of graffiti',
        fenomeenLabel: 'rechts-extremisme',
        omschrijving: 'Sticker bij "station"',
        persoon: result.records[1]!.persoon,
        origin: { bestand: file, regel: 2 },
      },
      { id: 'PNH-2', datum: '2025-07-04', gemeente: 'GM0479', bron: 'Leerplicht', type: 'Kraslot', persoon: expect.any(String), origin: { bestand: file, regel: 3 } },
    ]);
    expect(JSON.stringify(result)).not.toContain('P-1');
    expect(result.omzettingen).toEqual([{ soort: 'opgeheven', van: 'Beemster', vanCode: 'GM0370', naar: 'Purmerend', naarCode: 'GM0439', aantal: 1 }]);
    expect(result.waarschuwingen.map((w) => [w.regel, w.kolom, w.waarde])).toEqual([
      [3, 'Melder', 'Leerplicht'],
      [3, 'Beoordeling', 'Z9'],
      [3, 'Soort signaal', 'Kraslot'],
      [3, 'Categorie', 'religieus'],
    ]);
  });

  it('rejects a row with every problem named, on its column, and suggests the nearest gemeente', async () => {
    const dir = await tempDir();
    const file = await writeLines(dir, 's.csv', ['id;datum;gemeente', ';31-02-2025;Zaanstadt', 'S-2;2025-01-01;Bergen', 'S-3;2025-01-01;']);
    const result = await ingestSignalen([file], ref);
    expect(result.totaal).toEqual({ regels: 3, geaccepteerd: 0, afgewezen: 3, dubbel: 0 });
    expect(result.fouten).toEqual([
      { bestand: file, regel: 2, kolom: 'id', reden: 'id ontbreekt' },
      { bestand: file, regel: 2, kolom: 'datum', waarde: '31-02-2025', reden: "'31-02-2025' is geen geldige datum: februari 2025 heeft geen dag 31" },
      { bestand: file, regel: 2, kolom: 'gemeente', waarde: 'Zaanstadt', reden: "onbekende gemeente 'Zaanstadt'. Bedoelt u: Zaanstad?" },
      { bestand: file, regel: 3, kolom: 'gemeente', waarde: 'Bergen', reden: "'Bergen' is dubbelzinnig: Bergen (NH.) of Bergen (L.)" },
      { bestand: file, regel: 4, kolom: 'gemeente', reden: 'gemeente ontbreekt' },
    ]);
    expect(result.afgewezen[0]).toEqual({
      bestand: file,
      regel: 2,
      reden: "id ontbreekt; '31-02-2025' is geen geldige datum: februari 2025 heeft geen dag 31; onbekende gemeente 'Zaanstadt'. Bedoelt u: Zaanstad?",
      velden: { id: '', datum: '31-02-2025', gemeente: 'Zaanstadt' },
    });
  });

  it('reports a repeated unknown value once per file, with its count and first line', async () => {
    const dir = await tempDir();
    const file = await writeLines(dir, 's.csv', ['id;datum;gemeente;bron', 'S-1;2025-01-01;Zaanstad;Kapper', 'S-2;2025-01-01;Zaanstad;Kapper', 'S-3;2025-01-01;Zaanstad;Bakker']);
    const result = await ingestSignalen([file], ref);
    expect(result.waarschuwingen.map((w) => [w.regel, w.reden])).toEqual([
      [2, "onbekende bron 'Kapper'; overgenomen zoals geschreven (2 keer in dit bestand, eerst op deze regel)"],
      [4, "onbekende bron 'Bakker'; overgenomen zoals geschreven"],
    ]);
  });

  it('reads ambiguous reliability codes as 4x4 in a file that uses X codes', async () => {
    const dir = await tempDir();
    const file = await writeLines(dir, 's.csv', ['id;datum;gemeente;betrouwbaarheid', 'S-1;2025-01-01;Zaanstad;B2', 'S-2;2025-01-01;Zaanstad;X4']);
    const result = await ingestSignalen([file], ref);
    expect(result.records.map((r) => r.betrouwbaarheid?.schema)).toEqual(['4x4', '4x4']);
  });
});

describe('fenomeen labels', () => {
  it("reads labels with the taxonomy it is given: a synonym from the analyst's extension counts, without it a warning", async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'eigen.json'), JSON.stringify({ fenomenen: [{ code: 'polarisatie', synoniemen: ['Buurtonrust'] }] }));
    const taxonomy = await loadTaxonomy({ taxonomie: 'eigen.json', taxonomieModus: 'uitbreiden', baseDir: dir });
    const signalen = await writeLines(dir, 's.csv', ['id;datum;gemeente;fenomeen', 'S-1;2025-01-01;Zaanstad;buurt-onrust', 'S-2;2025-01-01;Zaanstad;RE']);
    const notities = await writeLines(dir, 'n.csv', ['datum;titel;notitie;fenomeen', '2025-01-01;Wijk;Tekst;Buurtonrust']);
    const opts = { fenomeenVoorLabel: labelResolver(taxonomy) };

    const eigen = await ingestSignalen([signalen], ref, opts);
    expect(eigen.records.map((s) => s.fenomeenLabel)).toEqual(['polarisatie', 'rechts-extremisme']);
    expect(eigen.waarschuwingen).toEqual([]);
    expect((await ingestNotities([notities], ref, opts)).records.map((n) => n.fenomeen)).toEqual(['polarisatie']);

    const ingebouwd = await ingestSignalen([signalen], ref);
    expect(ingebouwd.records.map((s) => s.fenomeenLabel)).toEqual([undefined, 'rechts-extremisme']);
    expect(ingebouwd.waarschuwingen.map((w) => [w.regel, w.reden])).toEqual([
      [2, "onbekend fenomeen 'buurt-onrust'; het veld wordt als leeg behandeld"],
    ]);
  });
});

describe('duplicates and accounting', () => {
  it('counts identical records once, lets a later different version win, and counts the loser as dubbel in its own file', async () => {
    const dir = await tempDir();
    const a = await writeLines(dir, 'a.csv', ['id;datum;gemeente;omschrijving', 'S-1;2025-01-01;Zaanstad;x', 'S-2;2025-01-02;Zaanstad;oud', 'S-1;01-01-2025;GM0479;x']);
    const b = await writeLines(dir, 'b.csv', ['sep=;', 'id;datum;gemeente;omschrijving', 'S-2;2025-01-02;Zaanstad;nieuw', 'S-1;2025-01-01;Zaanstad;x', 'S-3;2025-13-01;Zaanstad;']);
    const result = await ingestSignalen([a, b], ref);
    expect(result.bestanden.map(({ regels, geaccepteerd, afgewezen, dubbel }) => [regels, geaccepteerd, afgewezen, dubbel])).toEqual([
      [3, 1, 0, 2],
      [3, 1, 1, 1],
    ]);
    expect(result.totaal).toEqual({ regels: 6, geaccepteerd: 2, afgewezen: 1, dubbel: 3 });
    expect(result.records.map((r) => [r.id, r.omschrijving, r.origin.bestand, r.origin.regel])).toEqual([
      ['S-1', 'x', a, 2],
      ['S-2', 'nieuw', b, 3],
    ]);
    expect(result.waarschuwingen).toEqual([
      { bestand: b, regel: 3, reden: `id 'S-2' komt ook voor in ${a} regel 3 met andere inhoud; deze latere versie telt, de eerdere telt als dubbel` },
    ]);
  });

  it('keeps regels = geaccepteerd + afgewezen + dubbel per file and in total, and keeps ids unique', async () => {
    const dir = await tempDir();
    const row = fc.record({
      id: fc.constantFrom('S-1', 'S-2', 'S-3', 'S-4', ''),
      datum: fc.constantFrom('2025-01-01', '02-01-2025', '31-02-2025'),
      gemeente: fc.constantFrom('Zaanstad', 'GM0479', 'Bergen', 'Hoorn'),
      tekst: fc.constantFrom('a', 'b'),
    });
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(row, { maxLength: 8 }), { minLength: 1, maxLength: 4 }), async (files) => {
        run++;
        const paths = await Promise.all(
          files.map((rows, i) =>
            writeLines(dir, `r${run}-${i}.csv`, ['id;datum;gemeente;omschrijving', ...rows.map((r) => `${r.id};${r.datum};${r.gemeente};${r.tekst}`)]),
          ),
        );
        const result = await ingestSignalen(paths, ref);
        for (const [i, b] of result.bestanden.entries()) {
          expect(b.regels).toBe(files[i]!.length);
          expect(b.regels).toBe(b.geaccepteerd + b.afgewezen + b.dubbel);
        }
        const t = result.totaal;
        expect(t.regels).toBe(t.geaccepteerd + t.afgewezen + t.dubbel);
        expect(result.records).toHaveLength(t.geaccepteerd);
        expect(result.afgewezen).toHaveLength(t.afgewezen);
        expect(new Set(result.records.map((r) => r.id)).size).toBe(result.records.length);
        // The record that stays for an id has the content of that id's last valid occurrence.
        const valid = files.flatMap((rows) => rows).filter((r) => r.id !== '' && !r.datum.startsWith('31') && r.gemeente !== 'Bergen');
        for (const record of result.records) expect(record.omschrijving).toBe(valid.findLast((r) => r.id === record.id)!.tekst);
      }),
      { numRuns: 60 },
    );
  });
});

describe('Deduplicator', () => {
  it('keeps one copy of identical records, however many arrive, and drops the rest at once', () => {
    const kind = signaalKind(ref, () => ({ leeg: true }));
    const duplicates = new Deduplicator(kind);
    duplicates.startFile(0);
    const copy = (regel: number): Signaal => ({ id: 'S-1', datum: '2025-01-01', gemeente: 'GM0479', origin: { bestand: 'a.csv', regel } });
    for (let regel = 2; regel < 1002; regel++) duplicates.offer(copy(regel), 0);
    expect(duplicates.keptSince(0)).toEqual([copy(2)]);
    expect(duplicates.result(1)).toEqual({ vervangen: [], records: [copy(2)], dubbel: [999] });
  });

  it('compares reliability by the code as written, whatever scheme its file turned out to use', async () => {
    const dir = await tempDir();
    const a = await writeLines(dir, 'a.csv', ['id;datum;gemeente;betrouwbaarheid', 'S-1;2025-01-01;Zaanstad;B2', 'S-2;2025-01-01;Zaanstad;E5']);
    const b = await writeLines(dir, 'b.csv', ['id;datum;gemeente;betrouwbaarheid', 'S-1;2025-01-01;Zaanstad;b-2', 'S-3;2025-01-01;Zaanstad;X4']);
    const result = await ingestSignalen([a, b], ref);
    expect(result.bestanden.map((f) => f.dubbel)).toEqual([0, 1]);
    expect(result.waarschuwingen).toEqual([]);
    expect(result.records.map((r) => [r.id, r.betrouwbaarheid?.schema])).toEqual([
      ['S-1', 'admiralty'],
      ['S-2', 'admiralty'],
      ['S-3', '4x4'],
    ]);
  });
});

describe('rejects file', () => {
  it('writes every rejected record with file, line, reason and its original fields, for Excel', async () => {
    const dir = await tempDir();
    const a = await writeLines(dir, 'a.csv', ['id;datum;gemeente;omschrijving', 'S-1;31-02-2025;Zaanstad;"met ; en ""quote"""']);
    const b = await writeLines(dir, 'b.csv', ['Signaalnummer,Datum,Gemeente,reden', 'S-2,2025-01-01,Atlantis,eigen kolom']);
    const result = await ingestSignalen([a, b], ref);
    const out = join(dir, 'uit', 'afgewezen.csv');
    await writeRejects(out, result.afgewezen);
    const text = await readFile(out, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.slice(1).split('\r\n')).toEqual([
      'bestand;regel;reden;id;datum;gemeente;omschrijving;Signaalnummer;Datum;Gemeente;reden (origineel)',
      `${a};2;'31-02-2025' is geen geldige datum: februari 2025 heeft geen dag 31;S-1;31-02-2025;Zaanstad;"met ; en ""quote""";;;;`,
      `${b};2;onbekende gemeente 'Atlantis';;;;;S-2;2025-01-01;Atlantis;eigen kolom`,
      '',
    ]);
  });
});

describe('trend notes', () => {
  it('reads notes with aliases; a note about no gemeente or regio that is not landelijk is a warning, as is an unknown schaal', async () => {
    const dir = await tempDir();
    const file = await writeLines(dir, 'n.csv', [
      'Datum;Onderwerp;Tekst;Fenomeen;Niveau;Gemeente;Auteur',
      '1-10-2025;Stickers;"Regel 1\r\nRegel 2";extreemrechts;Lokaal;Hoorn;A. Analist',
      '2025-10-02;Landelijk beeld;Tekst;;nationaal;;',
      '2025-10-03;Iets;Tekst;;wereldwijd;;',
      '2025-10-04;Fout;Tekst;;;Atlantis;',
      '2025-10-05;;Tekst;;;;',
      '2025-10-02;Landelijk beeld;Tekst;;nationaal;;',
    ]);
    const result = await ingestNotities([file], ref);
    expect(result.soort).toBe('notities');
    expect(result.records).toEqual([
      { datum: '2025-10-01', titel: 'Stickers', notitie: 'Regel 1\nRegel 2', fenomeen: 'rechts-extremisme', schaal: 'lokaal', gemeente: 'GM0405', auteur: 'A. Analist', origin: { bestand: file, regel: 2 } },
      { datum: '2025-10-02', titel: 'Landelijk beeld', notitie: 'Tekst', schaal: 'landelijk', origin: { bestand: file, regel: 4 } },
      { datum: '2025-10-03', titel: 'Iets', notitie: 'Tekst', origin: { bestand: file, regel: 5 } },
    ]);
    expect(result.totaal).toEqual({ regels: 6, geaccepteerd: 3, afgewezen: 2, dubbel: 1 });
    expect(result.fouten.map((f) => [f.regel, f.kolom, f.reden])).toEqual([
      [6, 'Gemeente', "onbekende gemeente 'Atlantis'"],
      [7, 'Onderwerp', 'titel ontbreekt'],
    ]);
    expect(result.waarschuwingen.map((w) => [w.regel, w.kolom, w.waarde])).toEqual([
      [5, 'Niveau', 'wereldwijd'],
      [5, 'regio', undefined],
    ]);
    expect(result.waarschuwingen[1]!.reden).toContain('komt alleen in rapporten over de regio uit de configuratie');
  });

  it('reads the regio a note is about, and rejects an unknown one', async () => {
    const dir = await tempDir();
    const file = await writeLines(dir, 'n.csv', [
      'datum;titel;notitie;schaal;regio',
      '2025-10-01;Scholen;Tekst;regionaal;Kennemerland',
      '2025-10-02;Elders;Tekst;regionaal;Atlantis',
    ]);
    const result = await ingestNotities([file], ref);
    expect(result.records.map((n) => [n.titel, n.regio])).toEqual([['Scholen', 'VR12']]);
    expect(result.fouten.map((f) => [f.regel, f.kolom])).toEqual([[3, 'regio']]);
    expect(result.fouten[0]!.reden).toMatch(/^onbekende regio 'Atlantis'/);
    expect(result.waarschuwingen).toEqual([]);
  });
});

describe('trend notes: the openbaar marking (issue 9)', () => {
  it('ja marks a note public; nee, empty or a missing column do not; anything else is not public, with a warning', async () => {
    const dir = await tempDir();
    const file = await writeLines(dir, 'o.csv', [
      'datum;titel;notitie;openbaar',
      '2025-10-01;Een;Tekst een;ja',
      '2025-10-02;Twee;Tekst twee;Nee',
      '2025-10-03;Drie;Tekst drie;',
      '2025-10-04;Vier;Tekst vier;misschien',
    ]);
    const result = await ingestNotities([file], ref);
    expect(result.records.map((n) => [n.titel, n.openbaar ?? false])).toEqual([
      ['Een', true],
      ['Twee', false],
      ['Drie', false],
      ['Vier', false],
    ]);
    // Notes without gemeente or regio also warn about where they apply (issue 15); here only the marking counts.
    const openbaarWaarschuwingen = result.waarschuwingen.filter((w) => w.kolom === 'openbaar');
    expect(openbaarWaarschuwingen.map((w) => [w.regel, w.kolom, w.waarde])).toEqual([[5, 'openbaar', 'misschien']]);
    const zonder = await writeLines(dir, 'z.csv', ['datum;titel;notitie', '2025-10-01;Een;Tekst']);
    expect((await ingestNotities([zonder], ref)).records[0]!.openbaar).toBeUndefined();
  });
});

describe('rows with fewer fields than the header (issue 9)', () => {
  it('rejects a short row missing a required field, warns for one missing only optional ones, names another delimiter', async () => {
    const dir = await tempDir();
    const file = await writeLines(dir, 'kort.csv', [
      'id;datum;gemeente;type;omschrijving;',
      'S-1;03-07-2025;Zaanstad;incident;tekst',
      'S-2;03-07-2025;Zaanstad',
      'S-3;03-07-2025',
      'S-4,03-07-2025,Zaanstad,incident,tekst',
    ]);
    const r = await ingestSignalen([file], ref, { sleutel: 's' });
    expect(r.records.map((s) => s.id)).toEqual(['S-1', 'S-2']);
    expect(r.waarschuwingen.map((w) => [w.regel, w.reden])).toContainEqual([3, 'de regel heeft 3 van de 5 velden van de kopregel; de ontbrekende velden zijn als leeg gelezen']);
    const fouten = r.fouten.map((f) => [f.regel, f.reden]);
    expect(fouten).toContainEqual([4, 'de regel heeft 2 van de 5 velden van de kopregel']);
    expect(fouten).toContainEqual([5, "de regel heeft 1 veld en de kopregel 5: de velden lijken gescheiden door ',' in plaats van het scheidingsteken van de rest van het bestand"]);
  });
});

describe('detectSoort', () => {
  it('reads the kind from the header, after a sep= line and blank lines', async () => {
    const dir = await tempDir();
    const s = await writeLines(dir, 's.csv', ['sep=;', '', 'Signaalnummer;Meldingsdatum;Gemeentecode', 'S-1;2025-01-01;0479']);
    const n = await writeLines(dir, 'n.csv', ['datum,onderwerp,beschrijving', '2025-01-01,x,y']);
    const x = await writeLines(dir, 'x.csv', ['naam;adres', 'a;b']);
    expect(await detectSoort(s)).toBe('signalen');
    expect(await detectSoort(n)).toBe('notities');
    await expect(detectSoort(x)).rejects.toThrow(
      `${x}: niet te zien of dit signalen of trendnotities zijn. Signalen hebben de kolommen id, datum en gemeente; trendnotities datum, titel en notitie. Gevonden kolommen: 'naam', 'adres'. Geef de soort op met --soort signalen of --soort notities.`,
    );
  });
});

describe('reading that pauses while the consumer is behind (RecordSink.wacht)', () => {
  it('reads on only after the pause ends, and delivers every record once and in order', async () => {
    const dir = await tempDir();
    const file = join(dir, 'pauze.csv');
    // About 800 KB: many chunks of the read stream, and a quoted line break in every record.
    const rijen = Array.from({ length: 20_000 }, (_, i) => `S-${i};"regel ${i}\nmet een regeleinde"`);
    await writeFile(file, ['id;tekst', ...rijen].join('\r\n'));
    const gezien: string[] = [];
    let pauzes = 0;
    let gepauzeerd = false;
    let tijdensPauze = 0;
    const uitkomst = await readRecords(file, {
      record: (r) => {
        if (gepauzeerd) tijdensPauze++;
        if ('velden' in r) gezien.push(`${r.regel}:${r.velden[0]}`);
      },
      // Pauses every time it is asked, resolving a little later (as the worker's progress message would).
      wacht: () => {
        pauzes++;
        gepauzeerd = true;
        return new Promise((resolve) =>
          setTimeout(() => {
            gepauzeerd = false;
            resolve();
          }, 1),
        );
      },
      finish: () => gezien.length,
    });
    expect(uitkomst).toBe(20_001);
    expect(pauzes).toBeGreaterThan(5);
    expect(tijdensPauze).toBe(0);
    expect(gezien.slice(0, 3)).toEqual(['1:id', '2:S-0', '4:S-1']);
    expect(gezien.at(-1)).toBe('40000:S-19999');
  });
});
