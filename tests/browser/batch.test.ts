// End-to-end: `cter batch` on the sample data (Zaanstreek-Waterland: 7 gemeenten + the region = 8 reports) with the
// real CLI and browser. Checks every file, the index and its hashes; a broken template override that fails only the
// region report; and Ctrl-C. No timing assertions.
import { execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Overzicht } from '../../src/batch/overzicht.js';
import { CTER, cter, type Run } from '../e2e/init-cli.js';

const SAMPLES = resolve(import.meta.dirname, '../../data-samples');
const REGIO = 'Zaanstreek-Waterland';
const GEMEENTEN = ['Edam-Volendam', 'Landsmeer', 'Oostzaan', 'Purmerend', 'Waterland', 'Wormerland', 'Zaanstad'];
const bestandVan = (naam: string) => `lokaal-beeld_${naam.toLowerCase()}_2025-Q3.pdf`;

async function pdfPages(path: string): Promise<number> {
  const { stdout } = await promisify(execFile)('pdfinfo', [path]);
  return Number(/^Pages:\s+(\d+)/m.exec(stdout)?.[1]);
}

const sha256 = async (path: string) => createHash('sha256').update(await readFile(path)).digest('hex');
const readOverzicht = async (dir: string) => JSON.parse(await readFile(join(dir, 'overzicht.json'), 'utf8')) as Overzicht;
const temps = async (dir: string) => (await readdir(dir)).filter((n) => n.endsWith('.tmp'));

/** A workspace with the sample data and a template override folder. */
async function workspace(overrides: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'cter-batch-ws-'));
  const config = JSON.parse(await readFile(join(SAMPLES, 'cter.config.json'), 'utf8')) as Record<string, unknown>;
  config.signalen = (config.signalen as string[]).map((f) => join(SAMPLES, f));
  config.notities = (config.notities as string[]).map((f) => join(SAMPLES, f));
  config.uitvoer = 'uitvoer';
  config.templates = 'templates';
  await writeFile(join(dir, 'cter.config.json'), JSON.stringify(config, null, 2));
  for (const [name, text] of Object.entries(overrides)) {
    await mkdir(join(dir, 'templates', 'partials'), { recursive: true });
    await writeFile(join(dir, 'templates', name), text);
  }
  return dir;
}

describe('cter batch --regio Zaanstreek-Waterland on the sample data', () => {
  let uit: string;
  let run: Run;
  let overzicht: Overzicht;
  beforeAll(async () => {
    uit = join(await mkdtemp(join(tmpdir(), 'cter-batch-')), 'rapporten');
    run = await cter(['batch', '--regio', REGIO, '--uit', uit, '--parallel', '2'], { cwd: SAMPLES });
    overzicht = await readOverzicht(uit);
  });

  it('exits 0, names every report on stdout, and shows a summary table on stderr', () => {
    expect(run.code).toBe(0);
    const paths = run.stdout.trim().split('\n');
    expect(paths.sort()).toEqual([REGIO, ...GEMEENTEN].map((n) => join(uit, bestandVan(n))).sort());
    expect(run.stderr).toMatch(/^rapport\s+pagina's\s+grootte\s+tijd\s+status$/m);
    expect(run.stderr).toMatch(/^regio Zaanstreek-Waterland\s+\d+\s+\d+ kB\s+\d+,\d s\s+gelukt$/m);
    expect(run.stderr).toContain('klaar: 8 van 8 rapporten gemaakt');
    expect(run.stderr).toMatch(/^\[8\/8\] /m);
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
      totaal: { rapporten: 8, gelukt: 8, mislukt: 0, afgebroken: 0 },
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
    const afgewezen = await readFile(join(SAMPLES, 'prive', 'afgewezen_2025-Q3.csv'), 'utf8');
    expect(afgewezen).toContain('Zaanstadt');
    const md = await readFile(join(uit, 'overzicht.md'), 'utf8');
    for (const r of overzicht.rapporten) expect(md).toContain(`\`${r.sha256}\``);
  });
});

describe('cter batch with one report failing', () => {
  let ws: string;
  let run: Run;
  let overzicht: Overzicht;
  beforeAll(async () => {
    // The gemeenten chapter exists only in a region report; this override calls a helper that does not exist.
    ws = await workspace({ 'partials/gemeenten.hbs': '<section>{{kapotteHelper gebied.naam}}</section>\n' });
    run = await cter(['batch', '--regio', REGIO], { cwd: ws });
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
    expect(await readdir(join(ws, 'uitvoer'))).not.toContain(bestandVan(REGIO));
  });

  it('says so on stderr without a stack trace', () => {
    expect(run.stderr).toMatch(/\[\d\/8\] Zaanstreek-Waterland: mislukt \(.*kapotteHelper.*\); nog één poging\./);
    expect(run.stderr).toMatch(/^regio Zaanstreek-Waterland\s+–\s+–\s+.*MISLUKT: /m);
    expect(run.stderr).toContain('onvolledig: 7 van 8 rapporten gemaakt');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('cter batch stopped with Ctrl-C', () => {
  it('finishes the running report, starts no others, closes the browser and writes the index', async () => {
    const uit = join(await mkdtemp(join(tmpdir(), 'cter-batch-int-')), 'rapporten');
    const child = spawn(process.execPath, [CTER, 'batch', '--regio', REGIO, '--uit', uit, '--parallel', '1'], {
      cwd: SAMPLES,
      env: { ...process.env, NO_COLOR: '1', CTER_CONFIG: '' },
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      // Interrupt once the first report is done.
      if (stderr.includes('[1/8]') && !child.killed) child.kill('SIGINT');
    });
    const code = await new Promise<number | null>((done) => child.on('close', done));
    expect(code).toBe(130);
    expect(stderr).toContain('afbreken: er beginnen geen nieuwe rapporten');
    const overzicht = await readOverzicht(uit);
    expect(overzicht.uitkomst).toBe('afgebroken');
    const gelukt = overzicht.rapporten.filter((r) => r.status === 'gelukt');
    expect(gelukt.length).toBeGreaterThanOrEqual(1);
    expect(gelukt.length).toBeLessThan(8);
    expect(overzicht.rapporten.filter((r) => r.status === 'afgebroken').length).toBe(8 - gelukt.length);
    for (const r of gelukt) expect(r.sha256).toBe(await sha256(join(uit, r.bestand!)));
    const pdfs = (await readdir(uit)).filter((n) => n.endsWith('.pdf'));
    expect(pdfs.sort()).toEqual(gelukt.map((r) => r.bestand).sort());
    expect(await temps(uit)).toEqual([]);
    expect(stderr).toMatch(/afgebroken: \d van 8 rapporten gemaakt/);
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
