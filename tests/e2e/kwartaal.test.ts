// End-to-end: `cter kwartaal` on the sample data for the Noord-Holland police unit (the unit, its 3 zorg- en
// veiligheidsregio's and 32 gemeenten: 36 areas), with JSON reports (no browser): every area, the trends, the summary
// and the index. The PDFs, and a second run with the same texts: tests/browser/in-proces/kwartaal.ts.
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TrendSamenvatting } from '../../src/aggregate/trends.js';
import type { KwartaalOverzicht } from '../../src/kwartaal/overzicht.js';
import { SAMPLES } from '../voorbeelddata.js';
import { cter, type Run } from './init-cli.js';
import { sha256 } from './uitvoer.js';

const UNIT = 'Politie-eenheid Noord-Holland';
const REGIOS = ['Noord-Holland Noord', 'Zaanstreek-Waterland', 'Kennemerland'];
const TEKSTEN = ['trends.json', 'trends.md', 'trends.csv', 'samenvatting.md'];
const ZW = 'Zaanstreek-Waterland';

const readJson = async <T>(path: string) => JSON.parse(await readFile(path, 'utf8')) as T;

describe(`cter kwartaal --periode 2025-Q3 --regio "${UNIT}" on the sample data`, () => {
  let uit: string;
  let map: string;
  let run: Run;
  let trends: TrendSamenvatting;
  let overzicht: KwartaalOverzicht;
  let apart: { unit: TrendSamenvatting; zw: TrendSamenvatting };

  beforeAll(async () => {
    uit = await mkdtemp(join(tmpdir(), 'cter-kwartaal-'));
    map = join(uit, 'eerste', '2025-Q3');
    run = await cter(['kwartaal', '--periode', '2025-Q3', '--regio', UNIT, '--formaat', 'json', '--uit', join(uit, 'eerste')], { cwd: SAMPLES });
    const trendsVan = async (regio: string) =>
      JSON.parse((await cter(['trends', '--periode', '2025-Q3', '--regio', regio], { cwd: SAMPLES })).stdout) as TrendSamenvatting;
    apart = { unit: await trendsVan(UNIT), zw: await trendsVan(ZW) };
    trends = await readJson<TrendSamenvatting>(join(map, 'trends.json'));
    overzicht = await readJson<KwartaalOverzicht>(join(map, 'overzicht.json'));
  }, 900_000);

  it('exits 0, names the folder on stdout and writes 36 reports, the trends, the summary and the index', async () => {
    expect(run.stderr).toContain('klaar: 40 van 40 bestanden');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`${map}\n`);
    const namen = await readdir(map);
    const rapport = /^lokaal-beeld_[a-z0-9-]+_2025-Q3\.json$/;
    expect(namen.filter((n) => rapport.test(n))).toHaveLength(36);
    expect(namen.filter((n) => !rapport.test(n)).sort()).toEqual([...TEKSTEN, 'overzicht.json', 'overzicht.md'].sort());
    // Rejected rows (with their descriptions) stay out of the report folder; stderr names them.
    expect(run.stderr).toContain('10 afgewezen');
  });

  it('has every area of the unit in trends.json: 32 gemeenten, the 3 regions inside it, then the unit', () => {
    expect(trends.gebieden).toHaveLength(36);
    expect(trends.gebieden.filter((g) => g.soort === 'gemeente')).toHaveLength(32);
    expect(trends.gebieden.slice(32).map((g) => g.naam)).toEqual([...REGIOS, UNIT]);
    expect(trends.scope.naam).toBe(UNIT);
  });

  it('gives every area the same numbers as a separate cter trends call', () => {
    const perCode = new Map(trends.gebieden.map((g) => [g.code, g]));
    for (const g of [...apart.unit.gebieden, ...apart.zw.gebieden]) expect(perCode.get(g.code), g.naam).toEqual(g);
    // The other two regions: their total is the sum of their gemeenten in the same file.
    const zw = apart.zw.gebieden.at(-1)!;
    expect(perCode.get(zw.code)!.signalen).toBe(apart.zw.gebieden.slice(0, -1).reduce((n, g) => n + g.signalen, 0));
    const gemeenten = trends.gebieden.filter((g) => g.soort === 'gemeente').reduce((n, g) => n + g.signalen, 0);
    expect(trends.gebieden.slice(32, 35).reduce((n, g) => n + g.signalen, 0)).toBe(gemeenten);
    expect(trends.gebieden[35]!.signalen).toBe(gemeenten);
    // Everything but the areas is what `cter trends` says about the unit.
    const { gebieden: _a, ...rest } = trends;
    const { gebieden: _b, ...restApart } = apart.unit;
    expect(rest).toEqual(restApart);
  });

  it('lists every file in overzicht.json with a SHA-256 that verifies, and names each area once', async () => {
    expect(overzicht.uitkomst).toBe('volledig');
    const bestanden = (await readdir(map)).filter((n) => !n.startsWith('overzicht.'));
    expect(overzicht.bestanden.map((b) => b.bestand).sort()).toEqual(bestanden.sort());
    for (const b of overzicht.bestanden) expect(b.sha256, b.bestand!).toBe(await sha256(join(map, b.bestand!)));
    const gebieden = overzicht.bestanden.flatMap((b) => (b.gebied ? [b.gebied.code] : []));
    expect(new Set(gebieden)).toEqual(new Set(trends.gebieden.map((g) => g.code)));
    const md = await readFile(join(map, 'overzicht.md'), 'utf8');
    for (const b of overzicht.bestanden) expect(md).toContain(b.sha256!);
  });

  it('writes a summary for the projectgroep: kernpunten, significant changes per area, areas without a duiding, the review queue', async () => {
    const md = await readFile(join(map, 'samenvatting.md'), 'utf8');
    expect(md).toContain(`# Kwartaalsamenvatting CTER ${UNIT}, 3e kwartaal 2025`);
    expect(md).toContain(`## Kernpunten ${UNIT}`);
    expect(md).toContain('In het 3e kwartaal 2025 zijn in de politie-eenheid Noord-Holland 355 signalen geregistreerd');
    // The planted rise in Zaanstad (sample README: 23 -> 42 against 2025-Q2).
    expect(md).toContain('- Zaanstad, alle signalen: **stijging** ten opzichte van het 2e kwartaal 2025: 42 tegen 23');
    // The sample workspace has no duiding files: every area is named as still without one.
    expect(md).toContain('## Duiding en advies');
    expect(md).toMatch(/^Nog geen duiding en advies \(`cter duiding`\) voor 36 gebieden: .*\bZaanstad\b.*\.$/m);
    expect(md).toMatch(/^\d+ signalen uit Politie-eenheid Noord-Holland wachten op beoordeling \(`cter review`\), waarvan \d+ uit het 3e kwartaal 2025\.$/m);
  });
});
