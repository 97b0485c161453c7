// End-to-end: `cter batch` with the browser on the sample data, for an own region of two gemeenten (Zaanstad and
// Oostzaan: 3 reports; each PDF costs Chromium more CPU than anything else in a run, and the batch does the same for 3
// reports as for 8: one reading, a pool of pages, an index). Checks every file, the index and its hashes; the lokaal
// beeld as a finished product in the same PDFs (the region report's choropleth and the gemeente report's locator map:
// vector SVG, tagged, each gemeente with alternative text in the PDF's structure tree, checked with pdftotext and
// pdf-lib). Part of tests/browser/in-proces.test.ts. The 8 reports of a zorg- en veiligheidsregio: Ctrl-C with the
// real bin/cter process, tests/browser/batch-afbreken.test.ts, and in JSON in tests/e2e/batch.test.ts with the broken
// template override and the usage errors. No timing assertions.
import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Overzicht } from '../../../src/batch/overzicht.js';
import { cter, type Run } from '../../e2e/init-cli.js';
import { readOverzicht, sha256, temps } from '../../e2e/uitvoer.js';
import { SAMPLES, voorbeeldWerkmap } from '../../voorbeelddata.js';

const REGIO = 'Proefregio';
const GEMEENTEN = ['Oostzaan', 'Zaanstad'];

const bestandVan = (naam: string) => `lokaal-beeld_${naam.toLowerCase()}_2025-Q3.pdf`;

/** What a poppler tool prints for a file, run once per tool, file and arguments (each run is a process). */
const gelezen = new Map<string, Promise<string>>();
function poppler(tool: string, args: string[]): Promise<string> {
  const key = JSON.stringify([tool, ...args]);
  if (!gelezen.has(key)) gelezen.set(key, promisify(execFile)(tool, args).then((r) => r.stdout));
  return gelezen.get(key)!;
}

async function pdfPages(path: string): Promise<number> {
  return Number(/^Pages:\s+(\d+)/m.exec(await poppler('pdfinfo', [path]))?.[1]);
}

async function text(pdf: string, layout = true): Promise<string> {
  return poppler('pdftotext', [...(layout ? ['-layout'] : []), pdf, '-']);
}

/** The alternative texts of the PDF's Figure structure elements. */
async function figureAlts(pdf: string): Promise<string[]> {
  const doc = await PDFDocument.load(await readFile(pdf));
  const alts: string[] = [];
  for (const [, obj] of doc.context.enumerateIndirectObjects()) {
    if (obj instanceof PDFDict && obj.get(PDFName.of('S'))?.toString() === '/Figure') {
      const alt = obj.lookupMaybe(PDFName.of('Alt'), PDFString, PDFHexString);
      if (alt) alts.push(alt.decodeText());
    }
  }
  return alts;
}

describe(`cter batch --regio ${REGIO} with the browser`, () => {
  // One batch run of the sample data's 2025-Q3 (the latest complete quarter), read by every test.
  let werkmap: string;
  let uit: string;
  let run: Run;
  let overzicht: Overzicht;
  beforeAll(async () => {
    werkmap = await voorbeeldWerkmap({ regios: [{ naam: REGIO, gemeenten: GEMEENTEN }] });
    uit = join(werkmap, 'rapporten');
    run = await cter(['batch', '--regio', REGIO, '--uit', uit, '--parallel', '2'], { cwd: werkmap });
    overzicht = await readOverzicht(uit);
  });

  describe(`cter batch --regio ${REGIO} (${GEMEENTEN.join(', ')}) on the sample data`, () => {

    it('exits 0, names every report on stdout, and shows a summary table on stderr', () => {
      expect(run.code).toBe(0);
      const paths = run.stdout.trim().split('\n');
      expect(paths.sort()).toEqual([REGIO, ...GEMEENTEN].map((n) => join(uit, bestandVan(n))).sort());
      expect(run.stderr).toMatch(/^rapport\s+pagina's\s+grootte\s+tijd\s+status$/m);
      expect(run.stderr).toMatch(new RegExp(`^regio ${REGIO}\\s+\\d+\\s+\\d+ kB\\s+\\d+,\\d s\\s+gelukt$`, 'm'));
      expect(run.stderr).toContain('klaar: 3 van 3 rapporten gemaakt');
      expect(run.stderr).toMatch(/^\[3\/3\] /m);
    });

    it('writes a PDF with pages for the region and each gemeente, and nothing half', async () => {
      for (const naam of [REGIO, ...GEMEENTEN]) {
        const pdf = join(uit, bestandVan(naam));
        expect((await readFile(pdf)).subarray(0, 5).toString()).toBe('%PDF-');
        expect(await pdfPages(pdf)).toBeGreaterThan(1);
      }
      expect(await temps(uit)).toEqual([]);
    });

    it('lists every report in overzicht.json with the right SHA-256, page count and size', async () => {
      expect(overzicht).toMatchObject({
        schema: 'cter-batch-overzicht/1',
        uitkomst: 'volledig',
        keuze: { regio: REGIO },
        periode: { code: '2025-Q3' },
        formaat: 'pdf',
        totaal: { rapporten: 3, gelukt: 3, mislukt: 0, afgebroken: 0 },
      });
      expect(overzicht.rapporten.map((r) => `${r.soort}:${r.gebied}`)).toEqual([
        `regio:${REGIO}`,
        ...GEMEENTEN.map((g) => `gemeente:${g}`),
      ]);
      for (const r of overzicht.rapporten) {
        const path = join(uit, r.bestand!);
        expect(r.status).toBe('gelukt');
        expect(r.sha256).toBe(await sha256(path));
        expect(r.paginas).toBe(await pdfPages(path));
        expect(r.bytes).toBe((await readFile(path)).length);
      }
    });

    it('records the inputs with their hashes, and writes the rejected rows and overzicht.md', async () => {
      expect(overzicht.invoer.signalen.map((b) => b.bestand)).toEqual([
        'politie-export_2024-01_2025-09.csv',
        'politie-export_2025-09_2025-10.csv',
        'zvh-export_2024-2025.csv',
        'online-monitoring_2024-2025.csv',
      ]);
      for (const b of [...overzicht.invoer.signalen, ...overzicht.invoer.notities]) {
        expect(b.sha256).toBe(await sha256(join(SAMPLES, b.bestand)));
      }
      expect(await readdir(uit)).not.toContain('afgewezen_2025-Q3.csv');
      const afgewezen = await readFile(join(werkmap, 'prive', 'afgewezen_2025-Q3.csv'), 'utf8');
      expect(afgewezen).toContain('Zaanstadt');
      const md = await readFile(join(uit, 'overzicht.md'), 'utf8');
      for (const r of overzicht.rapporten) expect(md).toContain(`\`${r.sha256}\``);
    });
  });

  describe('the sample reports of 2025-Q3: maps', () => {
    let regio: string;
    let zaanstad: string;
    beforeAll(() => {
      regio = join(uit, bestandVan(REGIO));
      zaanstad = join(uit, bestandVan('Zaanstad'));
    });

    it('the region report has a map of its gemeenten, named in its tags and text, with legend and source line', async () => {
      const alts = await figureAlts(regio);
      for (const naam of GEMEENTEN) {
        expect(alts.some((a) => a.startsWith(`${naam}: `) && /per 10\.000 inwoners \(\d+ signa(al|len)/.test(a)), naam).toBe(true);
      }
      const all = (await text(regio)).replace(/\s+/g, ' ');
      for (const naam of GEMEENTEN) expect(all).toContain(naam);
      expect(all).toContain('Signalen per 10.000 inwoners');
      expect(all).toMatch(/0,0 tot 1,0 .*of meer/);
      expect(all).toContain('Bron: CBS, PDOK');
      expect(all).toContain('Inwoners: CBS, 1 januari 2022.');
    });

    it('the Oostzaan rate on 4 signals is on the map but not a kernpunt', async () => {
      expect((await text(regio)).replace(/\s+/g, ' ')).toMatch(/Oostzaan 4,2\* 4/);
      // In reading order the kernpunten come before the map's labels.
      const all = (await text(regio, false)).replace(/\s+/g, ' ');
      const kernpunten = all.slice(all.indexOf('Kernpunten'), all.indexOf('0,0 tot 1,0'));
      expect(kernpunten).toContain('De meeste signalen komen uit Zaanstad');
      expect(kernpunten).not.toContain('Oostzaan');
    });

    it('the gemeente report has the locator map within its region', async () => {
      const alts = await figureAlts(zaanstad);
      expect(alts).toContain('Zaanstad (dit rapport)');
      expect(alts).toContain('Oostzaan');
      const all = (await text(zaanstad)).replace(/\s+/g, ' ');
      expect(all).toContain('Ligging van Zaanstad in de regio Zaanstreek-Waterland');
      expect(all).toContain('Bron: CBS, PDOK');
    });
  });
});
