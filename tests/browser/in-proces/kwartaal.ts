// End-to-end: the PDFs of `cter kwartaal` on the sample data, for an own region of one gemeente (2 PDFs, the region's and
// the gemeente's: each PDF costs Chromium more CPU than anything else in a run; printing all
// 36 areas of the police unit is the benchmark's job, `npm run bench`; the unit's areas, trends, summary and index are
// checked with JSON reports in tests/e2e/kwartaal.test.ts, and a batch's PDFs in tests/browser/in-proces/batch.ts). A
// second run of the quarter with JSON reports must write the same trends, summary and index, byte for byte. Part of
// tests/browser/in-proces.test.ts.
import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import type { KwartaalOverzicht } from '../../../src/kwartaal/overzicht.js';
import { cter, type Run } from '../../e2e/init-cli.js';
import { sha256 } from '../../e2e/uitvoer.js';
import { voorbeeldWerkmap } from '../../voorbeelddata.js';

const TEKSTEN = ['trends.json', 'trends.md', 'trends.csv', 'samenvatting.md'];
const REGIO = 'Proefregio';

const readJson = async <T>(path: string) => JSON.parse(await readFile(path, 'utf8')) as T;

describe(`cter kwartaal --periode 2025-Q3 --regio ${REGIO} (Zaanstad): the PDFs, and the same texts in a second run with JSON reports`, () => {
  let uit: string;
  let map: string;
  let run: Run;
  let overzicht: KwartaalOverzicht;
  let tweede: { run: Run; map: string };

  beforeAll(async () => {
    uit = await voorbeeldWerkmap({ regios: [{ naam: REGIO, gemeenten: ['Zaanstad'] }] });
    map = join(uit, 'eerste', '2025-Q3');
    const kwartaal = ['kwartaal', '--periode', '2025-Q3', '--regio', REGIO];
    run = await cter([...kwartaal, '--uit', join(uit, 'eerste')], { cwd: uit });
    tweede = { run: await cter([...kwartaal, '--uit', join(uit, 'tweede'), '--formaat', 'json'], { cwd: uit }), map: join(uit, 'tweede', '2025-Q3') };
    overzicht = await readJson<KwartaalOverzicht>(join(map, 'overzicht.json'));
  }, 900_000);

  it('exits 0 and writes a PDF of at least two pages per area, each listed with a SHA-256 that verifies', async () => {
    expect(run.stderr).toContain('klaar: 6 van 6 bestanden');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`${map}\n`);
    const namen = await readdir(map);
    expect(namen.filter((n) => n.endsWith('.pdf'))).toHaveLength(2);
    expect(namen.filter((n) => !n.endsWith('.pdf')).sort()).toEqual([...TEKSTEN, 'overzicht.json', 'overzicht.md'].sort());
    expect(overzicht.uitkomst).toBe('volledig');
    const rapporten = overzicht.bestanden.filter((b) => b.gebied !== null);
    expect(rapporten.map((b) => b.bestand).sort()).toEqual(namen.filter((n) => n.endsWith('.pdf')).sort());
    for (const b of overzicht.bestanden) expect(b.sha256, b.bestand!).toBe(await sha256(join(map, b.bestand!)));
    expect(rapporten.every((b) => b.paginas !== null && b.paginas >= 2)).toBe(true);
  });

  it('writes a PDF per area with its name and the marking', async () => {
    const { stdout } = await promisify(execFile)('pdftotext', [join(map, 'lokaal-beeld_proefregio_2025-Q3.pdf'), '-']);
    expect(stdout).toContain(REGIO);
    expect(stdout).toContain('TLP:AMBER');
  });

  it('writes the same trends, summary and index in a second run of the quarter (reports aside)', async () => {
    expect(tweede.run.code).toBe(0);
    for (const naam of TEKSTEN) {
      expect(await readFile(join(tweede.map, naam)), naam).toEqual(await readFile(join(map, naam)));
    }
    const zonderRapporten = (o: KwartaalOverzicht) => ({ ...o, bestanden: o.bestanden.filter((b) => b.gebied === null) });
    const tweedeOverzicht = await readJson<KwartaalOverzicht>(join(tweede.map, 'overzicht.json'));
    expect(zonderRapporten(tweedeOverzicht)).toEqual(zonderRapporten(overzicht));
    expect(tweedeOverzicht.bestanden.map((b) => (b.gebied ? b.bestand!.replace(/\.json$/, '.pdf') : b.bestand))).toEqual(
      overzicht.bestanden.map((b) => b.bestand),
    );
  });
});
