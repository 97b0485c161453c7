// End-to-end: `cter batch` without a browser: a broken template override that fails only the region report (HTML
// reports: the template fails before anything would be printed), and the usage errors. The PDFs of a batch run, the
// maps in them: tests/browser/in-proces/batch.ts; Ctrl-C: tests/browser/batch-afbreken.test.ts.
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Overzicht } from '../../src/batch/overzicht.js';
import { SAMPLES, voorbeeldWerkmap } from '../voorbeelddata.js';
import { cter, type Run } from './init-cli.js';
import { readOverzicht, sha256 } from './uitvoer.js';

const REGIO = 'Zaanstreek-Waterland';
const GEMEENTEN = ['Edam-Volendam', 'Landsmeer', 'Oostzaan', 'Purmerend', 'Waterland', 'Wormerland', 'Zaanstad'];
const bestandVan = (naam: string, formaat: string) => `lokaal-beeld_${naam.toLowerCase()}_2025-Q3.${formaat}`;


/** A workspace with the sample data and a template override folder. */
async function workspace(overrides: Record<string, string>): Promise<string> {
  const dir = await voorbeeldWerkmap({ uitvoer: 'uitvoer', templates: 'templates' });
  for (const [name, text] of Object.entries(overrides)) {
    await mkdir(join(dir, 'templates', 'partials'), { recursive: true });
    await writeFile(join(dir, 'templates', name), text);
  }
  return dir;
}

describe('cter batch with one report failing (HTML: the template fails before anything is printed)', () => {
  let ws: string;
  let run: Run;
  let overzicht: Overzicht;
  beforeAll(async () => {
    // The gemeenten chapter exists only in a region report; this override calls a helper that does not exist.
    ws = await workspace({ 'partials/gemeenten.hbs': '<section>{{kapotteHelper gebied.naam}}</section>\n' });
    run = await cter(['batch', '--regio', REGIO, '--formaat', 'html'], { cwd: ws });
    overzicht = await readOverzicht(join(ws, 'uitvoer'));
  });

  it('makes the other reports, tries the failing one twice, and exits 1', async () => {
    expect(run.code).toBe(1);
    const regio = overzicht.rapporten.find((r) => r.soort === 'regio')!;
    expect(regio).toMatchObject({ gebied: REGIO, status: 'mislukt', pogingen: 2, bestand: null, sha256: null });
    expect(regio.fout).toContain('template faalt');
    expect(regio.fout).toContain("partials/gemeenten.hbs: template faalt: onbekende helper 'kapotteHelper'");
    expect(regio.fout).not.toContain('layout.hbs');
    const gemeenten = overzicht.rapporten.filter((r) => r.soort === 'gemeente');
    expect(gemeenten.map((r) => r.status)).toEqual(GEMEENTEN.map(() => 'gelukt'));
    for (const r of gemeenten) expect(r.sha256).toBe(await sha256(join(ws, 'uitvoer', r.bestand!)));
    expect(overzicht).toMatchObject({ uitkomst: 'onvolledig', totaal: { gelukt: 7, mislukt: 1 } });
    expect(await readdir(join(ws, 'uitvoer'))).not.toContain(bestandVan(REGIO, 'html'));
  });

  it('says so on stderr without a stack trace', () => {
    expect(run.stderr).toMatch(/\[\d\/8\] Zaanstreek-Waterland: mislukt \(.*kapotteHelper.*\); nog één poging\./);
    expect(run.stderr).toMatch(/^regio Zaanstreek-Waterland\s+–\s+–\s+.*MISLUKT: /m);
    expect(run.stderr).toContain('onvolledig: 7 van 8 rapporten gemaakt');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('cter batch usage', () => {
  it('needs --regio or --alle, not both', async () => {
    const none = await cter(['batch'], { cwd: SAMPLES });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('geef --regio <naam>');
    const both = await cter(['batch', '--regio', REGIO, '--alle'], { cwd: SAMPLES });
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('niet allebei');
  });
});
