// End-to-end: the real CLI (bin/cter runs dist/) on a small hand-made export whose every count is known, and on the
// sample data. Fenomeen labels in the fixture come from the analyst, so counts do not depend on the rules.
import { copyFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TrendSamenvatting } from '../../src/aggregate/trends.js';
import { cter, cterInTerminal, engelseTekst, KEY } from './init-cli.js';

const FIXTURE = resolve(import.meta.dirname, '../fixtures/trends');
const SAMPLES = resolve(import.meta.dirname, '../../data-samples');

const json = (stdout: string) => JSON.parse(stdout) as TrendSamenvatting;
const gebied = (s: TrendSamenvatting, naam: string) => {
  const g = s.gebieden.find((x) => x.naam === naam);
  if (!g) throw new Error(`no area ${naam}`);
  return g;
};
/** The non-zero fenomeen counts. */
const nonZero = (counts: Record<string, number>) => Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0));

// One run of `cter trends` on the fixture, read by the tests of the first two groups below.
let run: Awaited<ReturnType<typeof cter>>;
let s: TrendSamenvatting;
beforeAll(async () => {
  run = await cter(['trends'], { cwd: FIXTURE });
  s = json(run.stdout);
});

describe('cter trends on the fixture (region from the configuration, default period)', () => {

  it('exits 0 and reports the ingest, including the rejected row, on stderr', () => {
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('signalen: 36 geaccepteerd, 1 afgewezen, 0 dubbel (1 bestand).');
    expect(run.stderr).toMatch(/afgewezen: signalen\.csv:21 \(kolom datum\)/);
    expect(run.stderr).toContain('Zaanstreek-Waterland, 3e kwartaal 2025: 17 signalen.');
  });

  it('takes the latest complete quarter and the configured region', () => {
    expect(s).toMatchObject({
      periode: '2025-Q3',
      vorigePeriode: '2025-Q2',
      vorigJaar: '2024-Q3',
      dekking: 'volledig',
      scope: { soort: 'regio', code: 'VR11', naam: 'Zaanstreek-Waterland' },
      rubricering: 'Intern',
      tlp: 'AMBER',
    });
  });

  it('gives exact counts per gemeente and fenomeen, then the region', () => {
    expect(s.gebieden.map((g) => [g.soort, g.naam, g.signalen, g.signalenVorigePeriode, g.signalenVorigJaar])).toEqual([
      ['gemeente', 'Edam-Volendam', 1, 0, 0],
      ['gemeente', 'Landsmeer', 1, 0, 0],
      ['gemeente', 'Oostzaan', 0, 0, 0],
      ['gemeente', 'Purmerend', 3, 4, 2],
      ['gemeente', 'Waterland', 0, 0, 0],
      ['gemeente', 'Wormerland', 0, 0, 0],
      ['gemeente', 'Zaanstad', 12, 3, 5],
      ['regio', 'Zaanstreek-Waterland', 17, 7, 7],
    ]);
    expect(nonZero(gebied(s, 'Zaanstad').fenomenen)).toEqual({ jihadisme: 2, 'rechts-extremisme': 7, polarisatie: 3 });
    expect(nonZero(gebied(s, 'Purmerend').fenomenen)).toEqual({ jihadisme: 1, activisme: 2 });
    expect(nonZero(gebied(s, 'Edam-Volendam').fenomenen)).toEqual({ 'links-extremisme': 1 });
    expect(nonZero(gebied(s, 'Landsmeer').fenomenen)).toEqual({ overig: 1 });
    expect(nonZero(gebied(s, 'Zaanstreek-Waterland').fenomenen)).toEqual({
      jihadisme: 3,
      'rechts-extremisme': 7,
      'links-extremisme': 1,
      polarisatie: 3,
      activisme: 2,
      overig: 1,
    });
    // Amsterdam is outside the region: its three signals count nowhere.
    expect(s.gebieden.some((g) => g.naam === 'Amsterdam')).toBe(false);
  });

  it('counts distinct persons, once per region', () => {
    expect(gebied(s, 'Zaanstad').personen).toBe(3);
    expect(gebied(s, 'Purmerend').personen).toBe(1);
    expect(gebied(s, 'Landsmeer').personen).toBeNull(); // its signal has no person key
    expect(gebied(s, 'Oostzaan').personen).toBe(0);
    expect(gebied(s, 'Zaanstreek-Waterland').personen).toBe(3); // P-1 is in Zaanstad and Purmerend
    expect(run.stdout).not.toContain('P-1');
  });

  it('tests the changes exactly', () => {
    // 12 against 3: binom.test(12, 15) p = 0.03516; 17 against 7: p = 0.06391
    expect(gebied(s, 'Zaanstad').verandering.vorigePeriode).toMatchObject({ richting: 'stijging', p: 0.03516 });
    expect(gebied(s, 'Zaanstreek-Waterland').verandering.vorigePeriode).toMatchObject({
      richting: 'geen significante verandering',
      p: 0.06391,
    });
    expect(gebied(s, 'Oostzaan').verandering.vorigePeriode).toMatchObject({ richting: 'niet te toetsen', p: null });
  });

  it("selects the period's notes about the region, without authors", () => {
    expect(s.notities.map((n) => [n.datum, n.titel, n.gemeenteNaam])).toEqual([
      ['2025-07-02', 'Stickers in Zaanstad', 'Zaanstad'],
      ['2025-08-20', 'Regionale onrust', null],
    ]);
    expect(run.stdout).not.toContain('Analist');
  });

  it('states its inputs with checksums, paths relative to the working folder', () => {
    expect(s.invoer.signalen?.bestanden).toEqual([
      expect.objectContaining({ bestand: 'signalen.csv', regels: 37, geaccepteerd: 36, afgewezen: 1, dubbel: 0 }),
    ]);
    expect(s.invoer.signalen?.bestanden[0]?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(s.invoer.bereik).toEqual({ eerste: '2024-01-10', laatste: '2025-10-02' });
  });
});

describe('cter trends output is stable', () => {
  it('is byte-identical across runs and carries no timestamps', async () => {
    const a = run;
    const b = await cter(['trends'], { cwd: FIXTURE });
    expect(b.stdout).toBe(a.stdout);
    const today = new Date().toISOString().slice(0, 10);
    expect(a.stdout).not.toContain(today);
    expect(a.stdout).not.toMatch(/T\d{2}:\d{2}/);
  });

  it('does not depend on the order of the rows', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cter-trends-'));
    const [header, ...rows] = (await readFile(join(FIXTURE, 'signalen.csv'), 'utf8')).trimEnd().split('\n');
    await writeFile(join(dir, 'signalen.csv'), [header, ...rows.reverse()].join('\n') + '\n');
    await copyFile(join(FIXTURE, 'notities.csv'), join(dir, 'notities.csv'));
    await copyFile(join(FIXTURE, 'cter.config.json'), join(dir, 'cter.config.json'));
    const original = s;
    const reversed = json((await cter(['trends'], { cwd: dir })).stdout);
    expect(JSON.stringify(reversed.gebieden)).toBe(JSON.stringify(original.gebieden));
    expect(reversed.notities).toEqual(original.notities);
  });
});

describe('cter trends options', () => {
  it('takes a gemeente and a month', async () => {
    const run = await cter(['trends', '--gemeente', 'zaanstad', '--periode', '2025-08'], { cwd: FIXTURE });
    expect(run.code).toBe(0);
    const s = json(run.stdout);
    expect(s).toMatchObject({ periode: '2025-08', vorigePeriode: '2025-07', vorigJaar: '2024-08', periodeLabel: 'augustus 2025' });
    expect(s.gebieden.map((g) => [g.naam, g.signalen, g.signalenVorigePeriode])).toEqual([['Zaanstad', 7, 2]]);
    expect(nonZero(s.gebieden[0]!.fenomenen)).toEqual({ 'rechts-extremisme': 7 });
    // A note about the region (column regio) concerns every gemeente in it.
    expect(s.notities.map((n) => n.titel)).toEqual(['Regionale onrust']);
  });

  it('takes input files as options, relative to the working folder', async () => {
    const run = await cter(
      ['trends', '--regio', 'VR11', '--periode', '2025', '--signalen', 'tests/fixtures/trends/signalen.csv'],
      { cwd: resolve(import.meta.dirname, '../..') },
    );
    expect(run.code).toBe(0);
    const s = json(run.stdout);
    expect(s.periode).toBe('2025');
    // 2025: Q2 7 + Q3 17 in the region (the Q4 signal on 2 October too): 25
    expect(gebied(s, 'Zaanstreek-Waterland').signalen).toBe(25);
    expect(s.dekking).toBe('onvolledig');
    expect(run.stderr).toContain('2025 is nog niet compleet in de invoer');
    expect(s.invoer.signalen?.bestanden[0]?.bestand).toBe('tests/fixtures/trends/signalen.csv');
  });

  it('writes a Dutch memo', async () => {
    const run = await cter(['trends', '--formaat', 'md'], { cwd: FIXTURE });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('# Trends CTER Zaanstreek-Waterland, 3e kwartaal 2025');
    expect(run.stdout).toContain('**17 signalen**');
    expect(run.stdout).toContain('- Zaanstad, alle signalen: **stijging** ten opzichte van het 2e kwartaal 2025: 12 tegen 3');
    expect(run.stdout).toContain('| Zaanstad | 12 | 3 | 5 |');
    expect(run.stdout).toContain('### 2 juli 2025: Stickers in Zaanstad');
  });

  it('writes one CSV row per area and fenomeen', async () => {
    const run = await cter(['trends', '--formaat', 'csv'], { cwd: FIXTURE });
    expect(run.code).toBe(0);
    const rows = parse(run.stdout, { delimiter: ';', columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(8 * 8);
    expect(rows.find((r) => r.naam === 'Zaanstad' && r.fenomeen === 'rechts-extremisme')).toMatchObject({
      signalen: '7',
      signalenVorigePeriode: '1',
      signalenVorigJaar: '0',
    });
  });

  it.each([
    [['--periode', '2025-Q5'], /ongeldige periode '2025-Q5'/],
    [['--gemeente', 'Zaandamm'], /onbekende gemeente 'Zaandamm'\. Bedoelt u: Zaandam \(woonplaats in Zaanstad\)\?/],
    [['--regio', 'Atlantis'], /onbekende regio 'Atlantis'/],
    [['--gemeente', 'Zaanstad', '--regio', 'VR11'], /niet allebei/],
    [['--formaat', 'pdf'], /'pdf' is ongeldig; kies uit json, md, csv/],
    [['--signalen', 'bestaat-niet.csv'], /bestaat-niet\.csv: bestand niet gevonden/],
  ])('rejects %j with exit code 2 and nothing on stdout', async (args, message) => {
    const run = await cter(['trends', ...args], { cwd: FIXTURE });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/at .*\.js:\d+/); // no stack trace
  });

  it('without any scope (no option, no configuration, no terminal) is a usage error', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cter-trends-noscope-'));
    await copyFile(join(FIXTURE, 'signalen.csv'), join(dir, 'signalen.csv'));
    const run = await cter(['trends', '--signalen', 'signalen.csv'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain("geen gebied: geef --gemeente <naam> of --regio <naam>, of zet 'regio' of 'gemeente'");
  });
});

// Each test is a real process in its own terminal, waiting for its prompts: side by side.
describe('cter trends on a terminal', { concurrent: true }, () => {
  it('asks for the area and the period, with the defaults ready', async () => {
    const { code, screen, pending } = await cterInTerminal(['trends', '--formaat', 'csv'], FIXTURE, [
      ['Voor welk gebied?', 'zzqq'],
      ['niets gevonden', '\u0015wormer'],
      ['Wormerland (gemeente)', KEY.enter],
      ['Welke periode?', KEY.enter],
    ]);
    expect(pending).toEqual([]);
    expect(code).toBe(0);
    expect(screen).toContain('2025-Q3;gemeente;GM0880;Wormerland;jihadisme;0;0;0');
    expect(screen).toContain('kiezen');
    expect(engelseTekst(screen)).toEqual([]);
  });

  it('finds a gemeente by one of its woonplaatsen', async () => {
    const { code, screen, pending } = await cterInTerminal(['trends', '--formaat', 'csv'], FIXTURE, [
      ['Voor welk gebied?', 'krommenie'],
      ['Zaanstad (gemeente)', KEY.enter],
      ['Welke periode?', KEY.enter],
    ]);
    expect(pending).toEqual([]);
    expect(code).toBe(0);
    expect(screen).toContain('2025-Q3;gemeente;GM0479;Zaanstad;');
  });
});

describe('cter trends on the sample data', () => {
  it('finds the designed rise of anti-institutional extremism in Zaanstad in 2025-Q3', async () => {
    const run = await cter(['trends', '--gemeente', 'Zaanstad'], { cwd: SAMPLES });
    expect(run.code).toBe(0);
    const z = json(run.stdout).gebieden[0]!;
    expect(json(run.stdout).periode).toBe('2025-Q3');
    // README of data-samples: Zaanstad 2024-Q3: 21, 2025-Q2: 23, 2025-Q3: 42 valid signals.
    expect([z.signalen, z.signalenVorigePeriode, z.signalenVorigJaar]).toEqual([42, 23, 21]);
    expect(z.fenomeenVerandering['anti-institutioneel-extremisme'].vorigePeriode.richting).toBe('stijging');
    expect(z.fenomeenVerandering['anti-institutioneel-extremisme'].vorigJaar.richting).toBe('stijging');
    expect(Object.values(z.fenomenen).reduce((a, b) => a + b, 0)).toBe(42);
  });
});
