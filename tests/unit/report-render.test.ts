import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { findBrowser } from '../../src/report/browser.js';
import { ChartRenderer, chartSpecs, PIXEL_RATIO, themeChartJs, type ReportCharts } from '../../src/report/charts.js';
import { buildReportModel } from '../../src/report/build-model.js';
import { loadTemplates, renderHeaderFooter, renderHtml } from '../../src/report/render.js';
import { createReportWriter, reportFileName, rejectsPathFor, type HtmlWriter } from '../../src/report/writer.js';
import { CterError, FileError } from '../../src/util/errors.js';
import { regioScope, reportInput, zaanstadScope } from '../fixtures/report/cijfers.js';

const PIXEL = 'data:image/png;base64,iVBORw0KGgo=';
const charts = (names: string[]): ReportCharts =>
  Object.fromEntries(names.map((n) => [n, { src: PIXEL, alt: `grafiek ${n}` }]));
const ALLE = ['fenomenen', 'ontwikkeling', 'ernst', 'type', 'bron', 'betrouwbaarheid', 'gemeenten'];

describe('renderHtml', async () => {
  const templates = await loadTemplates();
  const gemeente = buildReportModel(reportInput(zaanstadScope()));
  const html = renderHtml(gemeente, templates, charts(ALLE));

  it('is a self-contained Dutch document with a title and the marking', () => {
    expect(html).toMatch(/^<!doctype html>\s*<html lang="nl">/);
    expect(html).toContain('<title>Lokaal beeld CTER Zaanstad, 3e kwartaal 2025</title>');
    expect(html).toContain('Departementaal Vertrouwelijk');
    expect(html).toContain('TLP:AMBER');
    expect(html).not.toMatch(/(src|href)="(https?:|\/\/)/);
    expect(html).not.toMatch(/<link\b/);
  });

  it('escapes everything from the inputs: a trend note stays literal text', () => {
    expect(html).toContain('Zie ook {{gemeente}} en &lt;script&gt;alert(1)&lt;/script&gt;.');
    expect(html).toContain('Stickers bij station &lt;b&gt;Zaandam&lt;/b&gt;');
    expect(html).not.toContain('<script>alert(1)');
    expect(html).not.toContain('<b>Zaandam');
  });

  it('numbers the chapters; the gemeenten chapter only for a region', () => {
    const h1 = (doc: string) => [...doc.matchAll(/<h1>(\d+\. [^<]+)<\/h1>/g)].map((m) => m[1]);
    expect(h1(html)).toEqual([
      '1. Kernpunten',
      '2. Signalen per fenomeen',
      '3. Ontwikkeling over 8 perioden',
      '4. Kenmerken van de signalen',
      '5. Trendnotities',
      '6. Verantwoording',
    ]);
    const regio = renderHtml(buildReportModel(reportInput(regioScope())), templates, charts(ALLE));
    expect(h1(regio)).toContain('5. Gemeenten in de regio');
    expect(h1(regio)).toContain('7. Verantwoording');
    expect(regio).toContain('<th scope="row">Landsmeer</th>');
  });

  it('gives every chart its text alternative', () => {
    for (const name of ['fenomenen', 'ontwikkeling', 'ernst', 'type', 'bron', 'betrouwbaarheid']) {
      expect(html).toContain(`alt="grafiek ${name}"`);
    }
  });

  it('puts the marking and "pagina X van Y" in the page header and footer', () => {
    const { kop, voet } = renderHeaderFooter(gemeente, templates);
    for (const part of [kop, voet]) {
      expect(part).toContain('Departementaal Vertrouwelijk');
      expect(part).toContain('TLP:AMBER');
      expect(part).toContain('color: #FFC000');
    }
    expect(voet).toContain('pagina <span class="pageNumber"></span> van <span class="totalPages"></span>');
  });
});

describe('template overrides (configuration key templates)', () => {
  const model = buildReportModel(reportInput(zaanstadScope()));

  it('lets a workspace replace a partial and the CSS', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cter-templates-'));
    await mkdir(join(dir, 'partials'));
    await writeFile(
      join(dir, 'partials', 'kernpunten.hbs'),
      '<section><h1>Eigen kernpunten</h1>{{#each kernpunten}}<p>{{this}}</p>{{/each}}</section>',
    );
    await writeFile(join(dir, 'rapport.css'), 'body { color: rebeccapurple; }');
    const html = renderHtml(model, await loadTemplates(dir), charts(ALLE));
    expect(html).toContain('<h1>Eigen kernpunten</h1><p>In het 3e kwartaal 2025 zijn in Zaanstad 47 signalen');
    expect(html).toContain('body { color: rebeccapurple; }');
    // Chapter numbers follow what is rendered: the override's kernpunten carry no number, so fenomenen is the first.
    expect(html).toContain('1. Signalen per fenomeen');
  });

  it('names the broken file of an override', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cter-templates-'));
    await mkdir(join(dir, 'partials'));
    const kapot = join(dir, 'partials', 'omslag.hbs');
    await writeFile(kapot, '<header>{{#if gebied}}</header>');
    await expect(loadTemplates(dir)).rejects.toThrow(FileError);
    await expect(loadTemplates(dir)).rejects.toThrow(`${kapot}: ongeldige template`);
  });

  it('blames the partial, in Dutch, for an unknown helper or partial used inside it (not the layout)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cter-templates-'));
    await mkdir(join(dir, 'partials'));
    const kernpunten = join(dir, 'partials', 'kernpunten.hbs');
    await writeFile(kernpunten, '<section>{{kapotteHelper gebied.naam}}</section>');
    const templates = await loadTemplates(dir);
    const fout = (() => {
      try {
        renderHtml(model, templates, charts(ALLE));
      } catch (err) {
        return err as Error;
      }
      return undefined;
    })();
    expect(fout).toBeInstanceOf(FileError);
    expect(fout!.message).toBe(
      `${kernpunten}: template faalt: onbekende helper 'kapotteHelper' (geen helper van cter en geen waarde met die naam)`,
    );
    await writeFile(kernpunten, '<section>{{> bestaatNiet}}</section>');
    const metPartial = await loadTemplates(dir);
    expect(() => renderHtml(model, metPartial, charts(ALLE))).toThrow(
      `${kernpunten}: template faalt: onbekende partial 'bestaatNiet' (geen bestand partials/bestaatNiet.hbs)`,
    );
  });

  it('rejects a templates folder that does not exist', async () => {
    await expect(loadTemplates('/bestaat/niet')).rejects.toThrow("de map met templates (configuratie 'templates') bestaat niet");
  });
});

describe('charts', () => {
  it('renders PNGs at print resolution (at least twice the CSS size)', async () => {
    const model = buildReportModel(reportInput(zaanstadScope()));
    const spec = chartSpecs(model).fenomenen!;
    const renderer = await ChartRenderer.create();
    const { src, alt } = await renderer.render(spec);
    const png = Buffer.from(src.replace('data:image/png;base64,', ''), 'base64');
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(PIXEL_RATIO).toBeGreaterThanOrEqual(2);
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([spec.width * PIXEL_RATIO, spec.height * PIXEL_RATIO]);
    expect(alt).toContain('signalen per fenomeen in 3e kwartaal 2025');
  });

  it("encodes losslessly: every chart's pixels are those of chartjs-node-canvas's own PNG (libpng's defaults)", async () => {
    const { ChartJSNodeCanvas } = await import('chartjs-node-canvas');
    /** chartjs-node-canvas's own rendering, and a PNG decoder from the same canvas library. */
    class Reference extends ChartJSNodeCanvas {
      pixels(png: Buffer): Buffer {
        const image = new this._image();
        image.src = png;
        const context = this._createCanvas(image.width, image.height).getContext('2d');
        context.drawImage(image, 0, 0);
        return Buffer.from(context.getImageData(0, 0, image.width, image.height).data);
      }
    }
    const renderer = await ChartRenderer.create();
    const fromUri = (src: string) => Buffer.from(src.replace('data:image/png;base64,', ''), 'base64');
    // A region's report has every chart. Chart.js changes the configuration it draws: each side draws its own copy.
    const model = buildReportModel(reportInput(regioScope()));
    const copies = chartSpecs(model);
    const references = new Map<string, Reference>();
    for (const [name, spec] of Object.entries(chartSpecs(model))) {
      const size = `${spec.width}x${spec.height}`;
      if (!references.has(size)) references.set(size, new Reference({ width: spec.width, height: spec.height, chartCallback: themeChartJs }));
      const reference = references.get(size)!;
      const expected = await reference.renderToBuffer(copies[name as keyof typeof copies]!.config);
      const { src } = await renderer.render(spec);
      expect(reference.pixels(fromUri(src)).equals(reference.pixels(expected)), name).toBe(true);
    }
  });
});

describe('preparing a report ahead', () => {
  it('draws its charts before the classification is measured; writing it then draws none again', async () => {
    const { ChartJSNodeCanvas } = await import('chartjs-node-canvas');
    const teken = vi.spyOn(ChartJSNodeCanvas.prototype as unknown as { renderChart(c: unknown): unknown }, 'renderChart');
    try {
      const writer = (await createReportWriter({ formaat: 'html' })) as HtmlWriter;
      const input = reportInput(regioScope());
      const zonder = buildReportModel({ ...input, classificatieMeting: undefined });
      const meting = { gelabeld: 240, vouwen: 5, nauwkeurigheid: 0.875, onthouding: 0.125 };
      const model = buildReportModel({ ...input, classificatieMeting: meting });
      // A region name no other test draws: its gemeenten chart is not in the process's chart cache yet.
      const naam = `Testregio ${process.pid} ${Date.now()}`;
      zonder.gebied.naam = model.gebied.naam = naam;
      await writer.prepare(zonder);
      const vooraf = teken.mock.calls.length;
      expect(vooraf).toBeGreaterThan(0);
      const html = await writer.html(model);
      expect(teken.mock.calls.length).toBe(vooraf);
      expect(html).toContain(naam);
      expect(model.verantwoording.classificatieMeting).toContain('87,5%');
      expect(html).toContain(model.verantwoording.classificatieMeting);
    } finally {
      teken.mockRestore();
    }
  });
});

describe('file names', () => {
  it('says what the file is', () => {
    const model = buildReportModel(reportInput(regioScope()));
    expect(reportFileName(model, 'pdf')).toBe('lokaal-beeld_zaanstreek-waterland_2025-Q3.pdf');
    expect(rejectsPathFor('/uit/lokaal-beeld_zaanstad_2025-Q3.pdf')).toBe('/uit/lokaal-beeld_zaanstad_2025-Q3_afgewezen.csv');
  });
});

describe('findBrowser', () => {
  const exists = (paths: string[]) => (p: string) => paths.includes(p);

  it('prefers the configuration, then CTER_BROWSER, then PUPPETEER_EXECUTABLE_PATH, then standard places', () => {
    const all = ['/cfg/chrome', '/env/chrome', '/pup/chrome', '/usr/bin/chromium'];
    const env = { CTER_BROWSER: '/env/chrome', PUPPETEER_EXECUTABLE_PATH: '/pup/chrome' };
    const search = { platform: 'linux' as const, isExecutable: exists(all) };
    expect(findBrowser({ ...search, configured: '/cfg/chrome', env })).toBe('/cfg/chrome');
    expect(findBrowser({ ...search, env })).toBe('/env/chrome');
    expect(findBrowser({ ...search, env: { PUPPETEER_EXECUTABLE_PATH: '/pup/chrome' } })).toBe('/pup/chrome');
    expect(findBrowser({ ...search, env: {} })).toBe('/usr/bin/chromium');
  });

  it('knows the standard places on Windows and macOS', () => {
    const win = 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe';
    const env = { 'PROGRAMFILES(X86)': 'C:\\Program Files (x86)' };
    expect(findBrowser({ platform: 'win32', env, isExecutable: (p) => p.replace(/\//g, '\\') === win })).toContain('msedge.exe');
    const mac = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
    expect(findBrowser({ platform: 'darwin', env: {}, isExecutable: exists([mac]) })).toBe(mac);
  });

  it('explains in Dutch how to install or configure a browser (exit code 2)', () => {
    const none = { platform: 'linux' as const, env: {}, isExecutable: () => false };
    expect(() => findBrowser(none)).toThrow(CterError);
    expect(() => findBrowser(none)).toThrow(/geen browser gevonden.*apt-get install chromium.*CTER_BROWSER/);
    const fout = (() => {
      try {
        findBrowser({ ...none, configured: '/opt/weg/chrome' });
      } catch (err) {
        return err as CterError;
      }
    })();
    expect(fout?.exitCode).toBe(2);
    expect(fout?.message).toContain("de browser '/opt/weg/chrome' uit de configuratiesleutel 'browser' bestaat niet");
  });
});
