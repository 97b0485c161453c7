// Charts for the report: Chart.js rendered server-side (chartjs-node-canvas) to PNG at print resolution and embedded
// as data: URIs. The configurations are pure functions of the model; rendering needs canvas, which is loaded lazily.
// Hidden (suppressed) counts are missing from the charts; their mark is drawn where the bar would start.

import type { Chart, ChartConfiguration, Plugin } from 'chart.js';
import type { ChartJSNodeCanvas } from 'chartjs-node-canvas';
import { reportTheme } from './theme.js';
import type { Aantal, Getal, ReportModel, Verdeling } from './model-types.js';

/**
 * Print resolution: the PNGs are drawn at twice their CSS size (a full-width chart then prints at about 215 dpi).
 * More costs time twice over: encoding here and re-encoding in Chromium's PDF writer.
 */
export const PIXEL_RATIO = 2;

export type ChartName = 'fenomenen' | 'ontwikkeling' | 'ernst' | 'type' | 'bron' | 'betrouwbaarheid' | 'gemeenten';

export interface ChartSpec {
  /** CSS pixels; the PNG is PIXEL_RATIO times larger. */
  width: number;
  height: number;
  config: ChartConfiguration;
  /** Text alternative for the tagged PDF. */
  alt: string;
}

export interface RenderedChart {
  src: string;
  alt: string;
}

export type ReportCharts = Partial<Record<ChartName, RenderedChart>>;

/** A dataset may carry the texts to print at its bars ("12", "<5", "x"). */
type WithTexts = { tekst?: string[] };

/** Prints each bar's text at its end (or at the axis when the value is hidden). */
const valueLabels: Plugin = {
  id: 'cterWaarden',
  afterDatasetsDraw(chart) {
    const { ctx } = chart;
    const horizontal = (chart.options as { indexAxis?: string }).indexAxis === 'y';
    const valueScale = horizontal ? chart.scales.x : chart.scales.y;
    if (!valueScale) return;
    ctx.save();
    ctx.font = `${reportTheme().waardeLettergrootte}px ${reportTheme().lettertype}`;
    ctx.fillStyle = reportTheme().tekst;
    chart.data.datasets.forEach((dataset, i) => {
      const texts = (dataset as WithTexts).tekst;
      const meta = chart.getDatasetMeta(i);
      if (!texts || meta.hidden) return;
      meta.data.forEach((bar, j) => {
        const text = texts[j];
        const value = dataset.data[j];
        if (!text) return;
        const end = typeof value === 'number' ? (horizontal ? bar.x : bar.y) : valueScale.getPixelForValue(0);
        const across = horizontal ? bar.y : bar.x;
        if (!Number.isFinite(end) || !Number.isFinite(across)) return;
        ctx.textAlign = horizontal ? 'left' : 'center';
        ctx.textBaseline = horizontal ? 'middle' : 'bottom';
        if (horizontal) ctx.fillText(text, end + 4, across);
        else ctx.fillText(text, across, end - 3);
      });
    });
    ctx.restore();
  },
};

const raw = (a: Aantal | Getal): number | null => a.waarde;

function axis(title?: string) {
  return {
    beginAtZero: true,
    grid: { color: reportTheme().raster },
    border: { display: false },
    ticks: { color: reportTheme().tekst, precision: 0 },
    title: title ? { display: true, text: title, color: reportTheme().tekst } : { display: false },
  };
}

const categoryAxis = () => ({ grid: { display: false }, ticks: { color: reportTheme().tekst, autoSkip: false } });

/** Room at the bar ends for the printed values. */
const endPadding = (horizontal: boolean) => ({ padding: horizontal ? { right: 28 } : { top: 16 } });

function barChart(
  labels: string[],
  datasets: { label: string; data: (number | null)[]; tekst: string[]; color: string }[],
  options: { horizontal: boolean; legend: boolean; valueTitle?: string },
): ChartConfiguration {
  const { horizontal, legend, valueTitle } = options;
  return {
    type: 'bar',
    data: {
      labels,
      datasets: datasets.map((d) => ({
        label: d.label,
        data: d.data,
        tekst: d.tekst,
        backgroundColor: d.color,
        borderWidth: 0,
        barPercentage: 0.85,
        categoryPercentage: 0.8,
      })),
    },
    options: {
      indexAxis: horizontal ? 'y' : 'x',
      devicePixelRatio: PIXEL_RATIO,
      layout: endPadding(horizontal),
      plugins: {
        legend: { display: legend, position: 'bottom', labels: { color: reportTheme().tekst, boxWidth: 12, boxHeight: 12 } },
        title: { display: false },
      },
      scales: horizontal
        ? { x: axis(valueTitle), y: categoryAxis() }
        : { x: categoryAxis(), y: axis(valueTitle) },
    },
    plugins: [valueLabels],
  } as ChartConfiguration;
}

function fenomenenChart(m: ReportModel): ChartSpec {
  const rijen = m.fenomenen.rijen;
  const series = [
    { label: m.periode.vorigJaar.kort, pick: (r: (typeof rijen)[number]) => r.vorigJaar, color: reportTheme().vergelijking.vorigJaar },
    { label: m.periode.vorige.kort, pick: (r: (typeof rijen)[number]) => r.vorigePeriode, color: reportTheme().vergelijking.vorigePeriode },
    { label: m.periode.kort, pick: (r: (typeof rijen)[number]) => r.huidig, color: reportTheme().vergelijking.huidig },
  ].slice(m.periode.vorigJaarApart ? 0 : 1);
  const vergelijking = m.periode.vorigJaarApart ? `${m.periode.vorige.label} en ${m.periode.vorigJaar.label}` : m.periode.vorige.label;
  return {
    width: 720,
    height: 420,
    config: barChart(
      rijen.map((r) => r.naam),
      series.map((s) => ({
        label: s.label,
        data: rijen.map((r) => raw(s.pick(r))),
        tekst: rijen.map((r) => s.pick(r).tekst),
        color: s.color,
      })),
      { horizontal: true, legend: true },
    ),
    alt: `Staafdiagram: signalen per fenomeen in ${m.periode.label}, met ${vergelijking} ter vergelijking. De aantallen staan in de tabel eronder.`,
  };
}

function ontwikkelingChart(m: ReportModel): ChartSpec {
  const o = m.ontwikkeling;
  const config = {
    type: 'bar',
    data: {
      labels: o.perioden.map((p) => p.kort),
      datasets: o.rijen.map((r) => ({
        label: r.naam,
        data: r.waarden.map(raw),
        backgroundColor: reportTheme().fenomeen[r.code],
        borderColor: reportTheme().staafRand,
        borderWidth: 0.75,
        barPercentage: 0.7,
      })),
    },
    options: {
      devicePixelRatio: PIXEL_RATIO,
      plugins: {
        legend: { position: 'right', labels: { color: reportTheme().tekst, boxWidth: 12, boxHeight: 12 } },
      },
      scales: {
        x: { ...categoryAxis(), stacked: true },
        y: { ...axis('Signalen'), stacked: true },
      },
    },
  } as ChartConfiguration;
  return {
    width: 720,
    height: 330,
    config,
    alt: `Gestapeld staafdiagram: signalen per periode van ${o.perioden[0]?.label ?? ''} tot en met ${m.periode.label}, per fenomeen. De aantallen staan in de tabel eronder.`,
  };
}

type Rij = Verdeling['rijen'][number];

/** Axis labels are short; the table beside the chart has the names in full. */
const shortName = (r: Rij): string => (r.naam.length > 24 ? `${r.naam.slice(0, 23)}…` : r.naam);
const reliabilityLetter = (r: Rij): string =>
  r.code === 'onbekend' ? 'Niet gewaardeerd' : r.code.startsWith('4x4') ? `${r.code.replace('4x4', '4x4: bron')}` : `Admiralty: bron ${r.code}`;

function verdelingChart(v: Verdeling, m: ReportModel, label: (r: Rij) => string = shortName): ChartSpec {
  const rijen = v.rijen.slice(0, 10);
  return {
    width: 340,
    height: Math.max(110, 40 + rijen.length * 24),
    config: barChart(
      rijen.map(label),
      [{ label: v.titel, data: rijen.map((r) => raw(r.aantal)), tekst: rijen.map((r) => r.aantal.tekst), color: reportTheme().staaf }],
      { horizontal: true, legend: false },
    ),
    alt: `Staafdiagram: signalen naar ${v.titel.toLowerCase()} in ${m.periode.label}. De aantallen staan in de tabel ernaast.`,
  };
}

function gemeentenChart(m: ReportModel): ChartSpec | null {
  const g = m.gemeenten;
  if (!g) return null;
  const rijen = [...g.rijen].sort(
    (a, b) => (b.per10000.waarde ?? -1) - (a.per10000.waarde ?? -1) || a.naam.localeCompare(b.naam, 'nl'),
  );
  const labels = [...rijen.map((r) => r.naam), `${m.gebied.naam} (regio)`];
  const values = [...rijen.map((r) => raw(r.per10000)), raw(g.totaal.per10000)];
  const texts = [...rijen.map((r) => r.per10000.tekst), g.totaal.per10000.tekst];
  const config = barChart(labels, [{ label: 'Per 10.000 inwoners', data: values, tekst: texts, color: reportTheme().staaf }], {
    horizontal: true,
    legend: false,
    valueTitle: 'Signalen per 10.000 inwoners',
  });
  // The region's own bar in another colour, so it reads as the reference line.
  const dataset = config.data.datasets[0]!;
  dataset.backgroundColor = labels.map((_, i) => (i === labels.length - 1 ? reportTheme().nadruk : reportTheme().staaf));
  return {
    width: 720,
    // Many gemeenten (a police unit has 32) get slimmer bars; the chart may then fill most of a page.
    height: Math.max(160, 50 + labels.length * (labels.length > 16 ? 17 : 22)),
    config,
    alt: `Staafdiagram: signalen per 10.000 inwoners per gemeente in ${m.periode.label}, met de regio als geheel ter vergelijking. De cijfers staan in de tabel eronder.`,
  };
}

/** The chart specifications of a report: pure, so they can be tested without a canvas. */
export function chartSpecs(m: ReportModel): Partial<Record<ChartName, ChartSpec>> {
  const specs: Partial<Record<ChartName, ChartSpec>> = {
    fenomenen: fenomenenChart(m),
    ontwikkeling: ontwikkelingChart(m),
    ernst: verdelingChart(m.verdelingen.ernst, m),
    type: verdelingChart(m.verdelingen.type, m),
    bron: verdelingChart(m.verdelingen.bron, m),
    betrouwbaarheid: verdelingChart(m.verdelingen.betrouwbaarheid, m, reliabilityLetter),
  };
  const gemeenten = gemeentenChart(m);
  if (gemeenten) specs.gemeenten = gemeenten;
  return specs;
}

/**
 * The PNG encoding of a chart: zlib level 4, every row unfiltered. A chart is mostly runs of one colour, which deflate
 * compresses well as they are; libpng's default (level 6, each row's filter chosen among all five) took about three
 * times the CPU time on a police unit's 220 charts (19 against 5.5 ms a chart) for files a tenth larger, and that
 * time is taken from the browser printing the previous report. Not faster still: level 3 (3 ms) makes files a third
 * larger, and Chromium then printed the same 36 reports 5% slower (parsing and decoding the larger data: URIs) where
 * at level 4 it prints them as fast as with the default. PNG is lossless: the pixels, and so the page, are the same.
 */
const PNG = { compressionLevel: 4, filter: 'PNG_FILTER_NONE' } as const;

/** What renderPng uses of chartjs-node-canvas and of the node-canvas canvas it draws on. */
interface Tekenaar {
  /** The library's own drawing step, the first line of its renderToBuffer; private in its typings only. */
  renderChart(configuration: ChartConfiguration): { canvas: unknown; destroy(): void };
}
interface PngDoek {
  constructor: Record<typeof PNG.filter, number>;
  toBuffer(done: (err: Error | null, png: Buffer) => void, type: 'image/png', config: { compressionLevel: number; filters: number }): void;
}

/**
 * A chart drawn as chartjs-node-canvas's renderToBuffer draws it, encoded as PNG with cter's settings (the library
 * encodes with libpng's defaults only), on the thread pool.
 */
function renderPng(canvas: ChartJSNodeCanvas, configuration: ChartConfiguration): Promise<Buffer> {
  const chart = (canvas as unknown as Tekenaar).renderChart(configuration);
  const doek = chart.canvas as PngDoek;
  return new Promise<Buffer>((resolve, reject) => {
    doek.toBuffer(
      (err, png) => {
        chart.destroy();
        if (err) reject(err);
        else resolve(png);
      },
      'image/png',
      { compressionLevel: PNG.compressionLevel, filters: doek.constructor[PNG.filter] },
    );
  });
}

/** The report's font and text colour as Chart.js's defaults (a canvas's own Chart.js, once). */
export function themeChartJs(ChartJS: typeof Chart): void {
  ChartJS.defaults.font.family = reportTheme().lettertype;
  ChartJS.defaults.font.size = reportTheme().lettergrootte;
  ChartJS.defaults.color = reportTheme().tekst;
}

/**
 * The canvas of each canvas size, for the whole process: every report (a batch renders dozens; a process may run
 * several commands) draws with the same theme.
 */
const CANVASES = new Map<string, ChartJSNodeCanvas>();

/** The fields of a chartjs-node-canvas canvas that fix its size (private in its typings only; renderChart reads them). */
interface Maat {
  _width: number;
  _height: number;
}

/**
 * A canvas of another size that draws with `canvas`'s Chart.js. Every new ChartJSNodeCanvas loads and themes Chart.js
 * afresh (about 60 ms of CPU time; a report has up to seven chart sizes, and that time delayed the first PDF of a
 * batch); the drawing step (renderChart) only takes the size from the instance, so sharing one Chart.js gives the
 * same pixels.
 */
function sameChartJs(canvas: ChartJSNodeCanvas, width: number, height: number): ChartJSNodeCanvas {
  const maat: Maat = { _width: width, _height: height };
  return Object.assign(Object.create(canvas) as ChartJSNodeCanvas, maat);
}

/**
 * The PNG of each chart drawn in this process, by its specification: drawing is a pure function of the size and the
 * configuration (the theme is the process's), so a report made again (the same area and period in another command
 * of the same process) draws nothing twice. Bounded: a batch's charts differ from report to report.
 */
const GETEKEND = new Map<string, Promise<string>>();
const GETEKEND_MAX = 64;

/** Renders charts to PNG data: URIs. */
export class ChartRenderer {
  private readonly canvases = CANVASES;

  private constructor(private readonly Canvas: typeof ChartJSNodeCanvas) {}

  static async create(): Promise<ChartRenderer> {
    const { ChartJSNodeCanvas } = await import('chartjs-node-canvas');
    return new ChartRenderer(ChartJSNodeCanvas);
  }

  private canvas(width: number, height: number): ChartJSNodeCanvas {
    const key = `${width}x${height}`;
    let canvas = this.canvases.get(key);
    if (!canvas) {
      const eerste = this.canvases.values().next().value;
      canvas = eerste
        ? sameChartJs(eerste, width, height)
        : new this.Canvas({
            width,
            height,
            // Transparent, not white: PDF viewers colour-manage embedded images, and a white chart background then
            // shows as a faint grey box on the white page.
            chartCallback: themeChartJs,
          });
      this.canvases.set(key, canvas);
    }
    return canvas;
  }

  async render(spec: ChartSpec): Promise<RenderedChart> {
    // Chart.js changes the configuration it draws: the key is taken first. Its one function, the value-label plugin,
    // is the same in every chart.
    const key = `${spec.width}x${spec.height} ${JSON.stringify(spec.config)}`;
    let src = GETEKEND.get(key);
    if (src === undefined) {
      const png = renderPng(this.canvas(spec.width, spec.height), spec.config);
      src = png.then((bytes) => `data:image/png;base64,${bytes.toString('base64')}`);
      if (GETEKEND.size >= GETEKEND_MAX) GETEKEND.delete(GETEKEND.keys().next().value!);
      GETEKEND.set(key, src);
      src.catch(() => GETEKEND.delete(key));
    }
    return { src: await src, alt: spec.alt };
  }

  /**
   * All charts of a report. Drawing is synchronous (up to about 25 ms a chart); the PNG encoding runs on the thread
   * pool, concurrently. Between two charts the event loop runs, so a batch's browser gets its answers (the next
   * step of a print) while the next report's charts are drawn, not after all of them.
   */
  async renderReport(m: ReportModel): Promise<ReportCharts> {
    const entries = Object.entries(chartSpecs(m)) as [ChartName, ChartSpec][];
    const bezig: Promise<RenderedChart>[] = [];
    for (const [, spec] of entries) {
      const chart = this.render(spec);
      // Awaited below, after the other charts: a failure must not count as unhandled meanwhile.
      chart.catch(() => undefined);
      bezig.push(chart);
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    const rendered = await Promise.all(bezig);
    return Object.fromEntries(entries.map(([name], i) => [name, rendered[i]!]));
  }
}
