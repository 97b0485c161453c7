// End-to-end: exports that name places the way people talk. A generated export whose gemeente column holds a
// woonplaats of each of the 32 gemeenten of the Noord-Holland unit (and two ambiguous ones), and one with signals in
// every politie-eenheid. Counts are chosen per gemeente so that a signal counted in the wrong place shows.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TrendSamenvatting } from '../../src/aggregate/trends.js';
import { cter } from './init-cli.js';

/** A woonplaats (as an analyst writes it) for each gemeente of the unit, with the gemeente it lies in. */
const NOORD_HOLLAND: [woonplaats: string, gemeente: string][] = [
  ['Oudorp', 'Alkmaar'],
  ['Schoorl', 'Bergen (NH.)'],
  ['Wijk aan Zee', 'Beverwijk'],
  ['Overveen', 'Bloemendaal'],
  ['Limmen', 'Castricum'],
  ['Julianadorp', 'Den Helder'],
  ['Broek op Langedijk', 'Dijk en Waard'],
  ['Hoogkarspel', 'Drechterland'],
  ['Volendam', 'Edam-Volendam'],
  ['Oosterdijk', 'Enkhuizen'],
  ['Haarlem', 'Haarlem'],
  ['Hoofddorp', 'Haarlemmermeer'],
  ['Heemskerk', 'Heemskerk'],
  ['Heemstede', 'Heemstede'],
  ['Heiloo', 'Heiloo'],
  ['Anna Paulowna', 'Hollands Kroon'],
  ['Zwaag', 'Hoorn'],
  ['Obdam', 'Koggenland'],
  ['Den Ilp', 'Landsmeer'],
  ['Wervershoof', 'Medemblik'],
  ['Oostzaan', 'Oostzaan'],
  ['Spanbroek', 'Opmeer'],
  ['Middenbeemster', 'Purmerend'],
  ['Callantsoog', 'Schagen'],
  ['Bovenkarspel', 'Stede Broec'],
  ['Den Burg', 'Texel'],
  ['Uitgeest', 'Uitgeest'],
  ['Ijmuiden', 'Velsen'],
  ['Monnickendam', 'Waterland'],
  ['Wormer', 'Wormerland'],
  ['Zandvoort', 'Zandvoort'],
  ['Zaandam', 'Zaanstad'],
];

const KOP = 'id;datum;gemeente;type;bron;fenomeen\n';
const regel = (id: string, datum: string, gemeente: string) => `${id};${datum};${gemeente};Incident;Politie;polarisatie\n`;

async function tijdelijk(bestanden: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'cter-woonplaatsen-'));
  for (const [naam, inhoud] of Object.entries(bestanden)) await writeFile(join(dir, naam), inhoud);
  return dir;
}

describe('an export naming woonplaatsen of all 32 gemeenten of the Noord-Holland unit', () => {
  let dir: string;
  /** Gemeente i gets i % 4 + 1 signals in 2025-Q1; two ambiguous woonplaatsen are rejected. */
  const verwacht = new Map(NOORD_HOLLAND.map(([, g], i) => [g, (i % 4) + 1]));
  beforeAll(async () => {
    let csv = KOP;
    let n = 0;
    NOORD_HOLLAND.forEach(([woonplaats], i) => {
      for (let k = 0; k <= i % 4; k++) csv += regel(`W-${++n}`, `${10 + k}-02-2025`, woonplaats);
    });
    csv += regel('W-koedijk', '12-02-2025', 'Koedijk');
    csv += regel('W-spaarndam', '12-02-2025', 'Spaarndam');
    dir = await tijdelijk({ 'signalen.csv': csv });
  });

  it('counts every signal in the right gemeente of the unit', async () => {
    const run = await cter(
      ['trends', '--regio', 'Politie-eenheid Noord-Holland', '--periode', '2025-Q1', '--signalen', 'signalen.csv'],
      { cwd: dir },
    );
    expect(run.code).toBe(0);
    const s = JSON.parse(run.stdout) as TrendSamenvatting;
    const gemeenten = s.gebieden.filter((g) => g.soort === 'gemeente');
    expect(gemeenten).toHaveLength(32);
    expect(Object.fromEntries(gemeenten.map((g) => [g.naam, g.signalen]))).toEqual(Object.fromEntries(verwacht));
    const totaal = [...verwacht.values()].reduce((a, b) => a + b, 0);
    expect(s.gebieden.at(-1)).toMatchObject({ soort: 'regio', naam: 'Politie-eenheid Noord-Holland', signalen: totaal });
  });

  it('says once per woonplaats on stderr what it was counted as, and rejects the ambiguous names naming both', async () => {
    const run = await cter(['valideer', '--json', 'signalen.csv'], { cwd: dir });
    expect(run.code).toBe(1); // rejected rows
    const v = JSON.parse(run.stdout) as { totaal: Record<string, number>; fouten: { waarde: string; reden: string }[] };
    expect(v.totaal).toMatchObject({ afgewezen: 2, dubbel: 0 });
    expect(v.fouten.map((f) => [f.waarde, f.reden])).toEqual([
      ['Koedijk', "'Koedijk' is dubbelzinnig: Alkmaar of Dijk en Waard"],
      ['Spaarndam', "'Spaarndam' is dubbelzinnig: Haarlem of Haarlemmermeer"],
    ]);

    const trends = await cter(['trends', '--regio', 'VR11', '--periode', '2025-Q1', '--signalen', 'signalen.csv'], { cwd: dir });
    const regels = trends.stderr.split('\n');
    expect(regels).toContain(`signalen: Zaandam geteld als Zaanstad: ${verwacht.get('Zaanstad')}×.`);
    expect(regels).toContain(`signalen: IJmuiden geteld als Velsen: ${verwacht.get('Velsen')}×.`);
    expect(regels.filter((r) => r.startsWith('signalen: Zaandam geteld als'))).toHaveLength(1);
    // A woonplaats that is also the gemeente's name is not a conversion.
    expect(trends.stderr).not.toMatch(/Haarlem geteld als/);
  });

  it('keeps the export value in the classification output', async () => {
    const run = await cter(['classificeer', '--formaat', 'csv', '--signalen', 'signalen.csv'], { cwd: dir });
    const rows = parse(run.stdout, { delimiter: ';', columns: true }) as Record<string, string>[];
    const zaandam = rows.filter((r) => r.gemeenteInExport === 'Zaandam');
    expect(zaandam).toHaveLength(verwacht.get('Zaanstad')!);
    expect(zaandam.every((r) => r.gemeente === 'GM0479')).toBe(true);
    expect(rows.find((r) => r.gemeenteInExport === 'Ijmuiden')?.gemeente).toBe('GM0453');
    expect(rows.find((r) => r.gemeente === 'GM0392')?.gemeenteInExport).toBe('');
  });

  it('takes --gemeente Zaandam as Zaanstad, with the same one line', async () => {
    const run = await cter(
      ['trends', '--gemeente', 'Zaandam', '--periode', '2025-Q1', '--signalen', 'signalen.csv'],
      { cwd: dir },
    );
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('--gemeente: Zaandam geteld als Zaanstad.');
    const s = JSON.parse(run.stdout) as TrendSamenvatting;
    expect(s.scope).toMatchObject({ soort: 'gemeente', code: 'GM0479', naam: 'Zaanstad' });
    expect(s.gebieden.at(-1)?.signalen).toBe(verwacht.get('Zaanstad'));
  });

  it('refuses an ambiguous --gemeente naming both, and suggests without misleading', async () => {
    const koedijk = await cter(['trends', '--gemeente', 'Koedijk', '--signalen', 'signalen.csv'], { cwd: dir });
    expect(koedijk.code).toBe(2);
    expect(koedijk.stderr).toContain("fout: --gemeente: 'Koedijk' is dubbelzinnig: Alkmaar of Dijk en Waard.");
    const ijmuiden = await cter(['trends', '--gemeente', 'IJmuidn', '--signalen', 'signalen.csv'], { cwd: dir });
    expect(ijmuiden.stderr).toContain("Bedoelt u: IJmuiden (woonplaats in Velsen)?");
    expect(ijmuiden.stderr).not.toContain('Muiden (');
    const regio = await cter(['trends', '--regio', 'Zaanstreek', '--signalen', 'signalen.csv'], { cwd: dir });
    expect(regio.stderr).toContain("fout: --regio: onbekende regio 'Zaanstreek'. Bedoelt u: Zaanstreek-Waterland?");
  });
});

/** Two gemeenten of each politie-eenheid, written as an analyst might. */
const EENHEDEN: [eenheid: string, gemeenten: [string, string]][] = [
  ['Politie-eenheid Noord-Nederland', ['Groningen', 'Leeuwarden']],
  ['Politie-eenheid Oost-Nederland', ['Arnhem', 'Enschede']],
  ['Politie-eenheid Midden-Nederland', ['Utrecht', 'Almere']],
  ['Politie-eenheid Noord-Holland', ['Zaandam', 'Hoofddorp']],
  ['Politie-eenheid Amsterdam', ['Amsterdam', 'Amstelveen']],
  ['Politie-eenheid Den Haag', ['Den Haag', 'Leiden']],
  ['Politie-eenheid Rotterdam', ['Rotterdam', 'Dordrecht']],
  ['Politie-eenheid Zeeland-West-Brabant', ['Middelburg', 'Breda']],
  ['Politie-eenheid Oost-Brabant', ['Eindhoven', 'Den Bosch']],
  ['Politie-eenheid Limburg', ['Maastricht', 'Venlo']],
];

describe('cter trends for each of the ten politie-eenheden', () => {
  let dir: string;
  beforeAll(async () => {
    // Unit i: i + 1 signals in the first gemeente and 2 in the second, in 2025-Q3; one more in 2025-Q2.
    let csv = KOP;
    EENHEDEN.forEach(([, [eerste, tweede]], i) => {
      for (let k = 0; k <= i; k++) csv += regel(`E${i}-a${k}`, `${1 + k}-08-2025`, eerste);
      csv += regel(`E${i}-b1`, '03-09-2025', tweede) + regel(`E${i}-b2`, '04-09-2025', tweede);
      csv += regel(`E${i}-v`, '05-05-2025', eerste);
    });
    dir = await tijdelijk({ 'signalen.csv': csv });
  });

  it.each(EENHEDEN.map(([eenheid], i) => [eenheid, i] as const))('%s', async (eenheid, i) => {
    const run = await cter(['trends', '--regio', eenheid, '--periode', '2025-Q3', '--signalen', 'signalen.csv'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const s = JSON.parse(run.stdout) as TrendSamenvatting;
    expect(s.scope).toMatchObject({ soort: 'regio', naam: eenheid });
    expect(s.gebieden.at(-1)).toMatchObject({ naam: eenheid, signalen: i + 3, signalenVorigePeriode: 1 });
    expect(s.gebieden.filter((g) => g.soort === 'gemeente' && g.signalen > 0).map((g) => g.signalen).sort()).toEqual(
      [i + 1, 2].sort(),
    );
  });
});

describe('cter gebieden', () => {
  it('lists the ten politie-eenheden, one per line with the name first', async () => {
    const run = await cter(['gebieden', '--soort', 'politie-eenheid'], { cwd: tmpdir() });
    expect(run.code).toBe(0);
    const namen = run.stdout.trimEnd().split('\n').map((l) => l.split('\t')[0]);
    expect(namen.sort()).toEqual(EENHEDEN.map(([e]) => e).sort());
  });

  it('lists the members of a region as JSON', async () => {
    const run = await cter(['gebieden', '--regio', 'Politie-eenheid Amsterdam', '--json'], { cwd: tmpdir() });
    expect(run.code).toBe(0);
    const j = JSON.parse(run.stdout) as { regio: { naam: string }; gemeenten: { naam: string; code: string }[] };
    expect(j.regio.naam).toBe('Politie-eenheid Amsterdam');
    expect(j.gemeenten.map((g) => g.naam)).toEqual(['Aalsmeer', 'Amstelveen', 'Amsterdam', 'Diemen', 'Ouder-Amstel', 'Uithoorn']);
  });

  it('shows the woonplaatsen of each gemeente and every region of every kind', async () => {
    const gemeenten = await cter(['gebieden', '--soort', 'gemeente'], { cwd: tmpdir() });
    expect(gemeenten.stdout.split('\n')).toHaveLength(343);
    expect(gemeenten.stdout).toMatch(/^Zaanstad\tGM0479\tVR11\t.*Zaandam/m);
    const alles = await cter(['gebieden', '--json'], { cwd: tmpdir() });
    const soorten = (JSON.parse(alles.stdout) as { gebieden: { soort: string }[] }).gebieden.map((g) => g.soort);
    expect(soorten.filter((s) => s === 'politie-eenheid')).toHaveLength(10);
    expect(soorten.filter((s) => s === 'veiligheidsregio' || s === 'zorg- en veiligheidsregio')).toHaveLength(25);
  });

  it('refuses an unknown region with a suggestion and exit code 2', async () => {
    const run = await cter(['gebieden', '--regio', 'Zaanstreek'], { cwd: tmpdir() });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('Bedoelt u: Zaanstreek-Waterland?');
  });
});
