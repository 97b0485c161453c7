// `cter valideer` end to end on the hand-made fixtures in tests/fixtures/ingest (see its README): exact counts per
// file, and for every bad row its line, column, value and reason; exit codes 0, 1 and 2.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Melding } from '../../src/domain.js';
import { cter, type Run } from './init-cli.js';

const FIXTURES = resolve(import.meta.dirname, '../fixtures/ingest');
const MESSY = ['politie-cp1252.csv', 'online-utf8.csv', 'vervolg-utf16.csv', 'notities-bom-pipe.csv'];

let json: Run;
beforeAll(async () => {
  json = await cter(['valideer', '--json', ...MESSY], { cwd: FIXTURES });
});

describe('cter valideer --json on messy exports', () => {
  it('exits 1 because rows were rejected, with only JSON on stdout', () => {
    expect(json.code).toBe(1);
    expect(json.stderr).toBe('');
    expect(Object.keys(JSON.parse(json.stdout) as object)).toEqual(['bestanden', 'totaal', 'fouten', 'waarschuwingen']);
  });

  it('accounts for every record per file and in total, with dialect and checksum', () => {
    const { bestanden, totaal } = JSON.parse(json.stdout) as { bestanden: Record<string, unknown>[]; totaal: unknown };
    expect(bestanden.map((b) => [b.bestand, b.codering, b.scheidingsteken, b.regels, b.geaccepteerd, b.afgewezen, b.dubbel])).toEqual([
      ['politie-cp1252.csv', 'windows-1252', ';', 8, 3, 4, 1],
      ['online-utf8.csv', 'utf-8', ',', 5, 2, 3, 0],
      ['vervolg-utf16.csv', 'utf-16le', '\t', 3, 2, 0, 1],
      ['notities-bom-pipe.csv', 'utf-8-bom', '|', 4, 3, 1, 0],
    ]);
    expect(bestanden.every((b) => /^[0-9a-f]{64}$/.test(b.sha256 as string))).toBe(true);
    expect(totaal).toEqual({ regels: 20, geaccepteerd: 10, afgewezen: 8, dubbel: 2 });
  });

  it('names the line, column, value and reason of every rejected row', () => {
    const { fouten } = JSON.parse(json.stdout) as { fouten: Melding[] };
    expect(fouten).toEqual([
      {
        bestand: 'politie-cp1252.csv',
        regel: 8,
        kolom: 'Datum melding',
        waarde: '31-02-2025',
        reden: "'31-02-2025' is geen geldige datum: februari 2025 heeft geen dag 31",
      },
      { bestand: 'politie-cp1252.csv', regel: 9, kolom: 'Gemeentenaam', waarde: 'Bergen', reden: "'Bergen' is dubbelzinnig: Bergen (NH.) of Bergen (L.)" },
      { bestand: 'politie-cp1252.csv', regel: 10, kolom: 'Registratienummer', reden: 'id ontbreekt' },
      { bestand: 'politie-cp1252.csv', regel: 13, kolom: 'Gemeentenaam', waarde: 'Zaanstadt', reden: "onbekende gemeente 'Zaanstadt'. Bedoelt u: Zaanstad?" },
      {
        bestand: 'online-utf8.csv',
        regel: 4,
        kolom: 'datum_signaal',
        waarde: '2025-13-02T10:00:00Z',
        reden: "'2025-13-02T10:00:00Z' is geen geldige datum: maand 13 bestaat niet",
      },
      {
        bestand: 'online-utf8.csv',
        regel: 5,
        reden: 'de regel heeft 8 velden en de kopregel 7; staat er een scheidingsteken in een tekst zonder aanhalingstekens?',
      },
      {
        bestand: 'online-utf8.csv',
        regel: 6,
        reden: 'een aanhalingsteken (") wordt niet gesloten: de tekst vanaf deze regel tot het einde van het bestand is als één record gelezen',
      },
      { bestand: 'notities-bom-pipe.csv', regel: 6, kolom: 'Onderwerp', reden: 'titel ontbreekt' },
    ]);
  });

  it('warns about kept rows with unrecognised values and about a changed duplicate, naming both places', () => {
    const { waarschuwingen } = JSON.parse(json.stdout) as { waarschuwingen: Melding[] };
    expect(waarschuwingen.map((w) => [w.bestand, w.regel, w.kolom, w.waarde])).toEqual([
      ['politie-cp1252.csv', 11, 'Beoordeling', 'Z9'],
      ['politie-cp1252.csv', 11, 'Categorie', 'religieus'],
      ['vervolg-utf16.csv', 3, undefined, undefined],
      ['notities-bom-pipe.csv', 5, 'Niveau', 'wereldwijd'],
      ['notities-bom-pipe.csv', 5, 'regio', undefined],
    ]);
    expect(waarschuwingen[2]!.reden).toBe(
      "id 'PNH-001' komt ook voor in politie-cp1252.csv regel 3 met andere inhoud; deze latere versie telt, de eerdere telt als dubbel",
    );
  });
});

describe('cter valideer, readable summary and rejects file', () => {
  it('prints a Dutch summary on stdout and writes the rejects CSV with --afgewezen', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cter-valideer-'));
    const rejects = join(dir, 'afgewezen.csv');
    const run = await cter(['valideer', '--afgewezen', rejects, ...MESSY], { cwd: FIXTURES });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("politie-cp1252.csv (signalen; windows-1252, scheidingsteken ';'): 8 regels: 3 geaccepteerd, 4 afgewezen, 1 dubbel");
    expect(run.stdout).toContain('vervolg-utf16.csv (signalen; utf-16le, scheidingsteken tab): 3 regels: 2 geaccepteerd, 0 afgewezen, 1 dubbel');
    expect(run.stdout).toContain('Totaal: 20 regels: 10 geaccepteerd, 8 afgewezen, 2 dubbel');
    expect(run.stdout).toContain(`  politie-cp1252.csv:8 kolom 'Datum melding' ("31-02-2025"): '31-02-2025' is geen geldige datum`);
    expect(run.stdout).toContain('  Beemster (GM0370) -> Purmerend (GM0439): 1');
    expect(run.stderr).toBe(`8 afgewezen regels geschreven naar ${rejects}.\n`);

    const csv = await readFile(rejects, 'utf8');
    const lines = csv.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe(
      'bestand;regel;reden;Registratienummer;Datum melding;Gemeentenaam;Melder;Beoordeling;Soort signaal;Categorie;Toelichting;Persoon ID;kolom 10;kolom 11;signaal_id;datum_signaal;gemeente;type;bron;stroming;samenvatting;kolom 8;tekst;Datum;Onderwerp;Tekst;Fenomeen;Niveau;Gemeente;Auteur',
    );
    expect(lines.slice(1, -1).map((l) => l.split(';').slice(0, 2).join(':'))).toEqual([
      'politie-cp1252.csv:8',
      'politie-cp1252.csv:9',
      'politie-cp1252.csv:10',
      'politie-cp1252.csv:13',
      'online-utf8.csv:4',
      'online-utf8.csv:5',
      'online-utf8.csv:6',
      'notities-bom-pipe.csv:6',
    ]);
    expect(csv).toContain('ONL-4;2025-07-05;Haarlem;online uiting;online monitoring;;tekst; met komma');
  });

  it('exits 0 for a file without problems', async () => {
    const run = await cter(['valideer', 'schoon.csv'], { cwd: FIXTURES });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe("schoon.csv (signalen; utf-8, scheidingsteken ','): 2 regels: 2 geaccepteerd, 0 afgewezen, 0 dubbel\n");
    expect(run.stderr).toBe('');
  });
});

describe('cter valideer with mixed kinds', () => {
  it("detects each file's kind, keeps the order given, and counts a file named twice as duplicates of itself", async () => {
    const run = await cter(['valideer', '--json', 'schoon.csv', 'notities-bom-pipe.csv', 'schoon.csv'], { cwd: FIXTURES });
    const { bestanden } = JSON.parse(run.stdout) as { bestanden: Record<string, unknown>[] };
    expect(bestanden.map((b) => [b.bestand, b.regels, b.geaccepteerd, b.afgewezen, b.dubbel])).toEqual([
      ['schoon.csv', 2, 2, 0, 0],
      ['notities-bom-pipe.csv', 4, 3, 1, 0],
      ['schoon.csv', 2, 0, 0, 2],
    ]);
  });
});

describe('cter valideer with a workspace taxonomy', () => {
  it("knows the fenomeen labels the configuration's taxonomy adds, and fails like other commands on a broken one", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cter-valideer-taxonomie-'));
    await writeFile(join(dir, 's.csv'), 'id;datum;gemeente;fenomeen\nS-1;2025-07-01;Zaanstad;Buurtonrust\n');
    const zonder = await cter(['valideer', 's.csv'], { cwd: dir });
    expect(zonder.stdout).toContain("s.csv:2 kolom 'fenomeen' (\"Buurtonrust\"): onbekend fenomeen 'Buurtonrust'");

    await writeFile(join(dir, 'cter.config.json'), JSON.stringify({ taxonomie: 'eigen.json' }));
    await writeFile(join(dir, 'eigen.json'), JSON.stringify({ fenomenen: [{ code: 'polarisatie', synoniemen: ['buurtonrust'] }] }));
    const met = await cter(['valideer', 's.csv'], { cwd: dir });
    expect(met).toMatchObject({ code: 0, stderr: '' });
    expect(met.stdout).not.toContain('Waarschuwingen');

    await writeFile(join(dir, 'eigen.json'), '{ "fenomenen": [ }');
    const kapot = await cter(['valideer', 's.csv'], { cwd: dir });
    expect(kapot).toMatchObject({ code: 2, stdout: '' });
    expect(kapot.stderr).toContain(join(dir, 'eigen.json'));
  });
});

describe('cter valideer, usage errors and unreadable files (exit 2, no stack trace)', () => {
  it.each([
    [['valideer', '--soort', 'signalen', 'zonder-gemeente.csv'], "fout: zonder-gemeente.csv: verplichte kolom 'gemeente' ontbreekt voor signalen. Gevonden kolommen: 'id', 'datum', 'plaats'."],
    [['valideer', 'zonder-gemeente.csv'], 'fout: zonder-gemeente.csv: niet te zien of dit signalen of trendnotities zijn.'],
    [['valideer', 'bestaat-niet.csv'], 'bestaat-niet.csv: bestand niet gevonden'],
    [['valideer', '--soort', 'meldingen', 'schoon.csv'], "fout: --soort moet 'signalen' of 'notities' zijn, niet 'meldingen'."],
    [['valideer'], "fout: geen signaalbestanden: geef ze op met cter valideer <bestand of map...> of zet 'signalen' in cter.config.json."],
  ])('%j', async (args, message) => {
    const run = await cter(args, { cwd: FIXTURES });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
