// Writes a report model as PDF, HTML or JSON: one writer per format behind one interface (`ReportWriter`), chosen
// once by `createReportWriter`. Templates, the chart renderer and the browser are prepared once and reused, so a batch
// of reports pays for them only once. A writer tries a report once: retrying is the batch's (src/batch/run.ts).

import { rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { writeRejectsOrRemove } from '../ingest/rejects.js';
import type { AfgewezenRecord } from '../domain.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { browserSource, findBrowser } from './browser.js';
import { ChartRenderer } from './charts.js';
import type { Formaat } from './formaten.js';
import { PdfRenderer, type PdfDocument, type PdfMetadata, type RenderOptions } from './pdf.js';
import { loadTemplates, renderHeaderFooter, renderHtml, type Templates } from './render.js';
import type { ReportModel } from './model-types.js';

export interface ReportWriterOptions<F extends Formaat = Formaat> {
  formaat: F;
  /** Workspace folder overriding files of templates/ (config key `templates`). */
  templates?: string;
  /** Browser from the configuration (`browser`); otherwise CTER_BROWSER or auto-detection. */
  browser?: string;
  /** Where `browser` came from (LoadedConfig.sources.browser), for a precise error message. */
  browserBron?: string;
  /** Pages rendering at the same time (PDF). */
  parallel?: number;
  /** See PdfRendererOptions.handleSignals. */
  handleSignals?: boolean;
}

export interface WrittenReport {
  path: string;
  bytes: number;
  /** PDF only. */
  pages?: number;
}

/** "lokaal-beeld_zaanstad_2025-Q3.pdf". */
export function reportFileName(model: ReportModel, formaat: Formaat): string {
  return `lokaal-beeld_${model.gebied.slug}_${model.periode.code}.${formaat}`;
}

/** The rejects file beside a report: "lokaal-beeld_zaanstad_2025-Q3_afgewezen.csv". */
export function rejectsPathFor(reportPath: string): string {
  return reportPath.replace(/\.[^./\\]+$/, '') + '_afgewezen.csv';
}

/**
 * Writes the rejected input rows of a report into the workspace's private folder (never beside the report: they hold
 * descriptions and person keys), or removes a stale rejects file of an earlier run when nothing was rejected. A
 * rejects file that an earlier version of cter left beside the report is removed. Returns the path written, if any.
 */
export async function writeReportRejects(
  reportPath: string,
  afgewezen: readonly AfgewezenRecord[],
  priveDir: string,
): Promise<string | undefined> {
  const naast = rejectsPathFor(reportPath);
  const path = join(priveDir, basename(naast));
  if (path !== naast) await rm(naast, { force: true });
  return writeRejectsOrRemove(path, afgewezen);
}

function pdfMetadata(model: ReportModel): PdfMetadata {
  return {
    title: model.documenttitel,
    subject: `Lokaal beeld contraterrorisme, extremisme en radicalisering (CTER), ${model.gebied.aanduiding}, ${model.periode.label}`,
    author: model.organisatie ?? 'cter',
    keywords: ['CTER', 'lokaal beeld', model.gebied.naam, model.periode.code, model.markering.rubricering, model.markering.tlpLabel],
    producer: `cter ${model.versie}`,
    language: 'nl',
    created: new Date(model.gegenereerd.iso),
  };
}

/** What every format's writer does; `write` puts the report into `uitDir` under its standard name. */
export interface ReportWriter {
  /** The format this writer writes (the report's file extension). */
  readonly formaat: Formaat;
  /** Prepares what is slow to start (PDF: launches the browser), e.g. before a batch starts its clock. */
  start(): Promise<void>;
  write(model: ReportModel, uitDir: string, options?: RenderOptions): Promise<WrittenReport>;
  /**
   * Does ahead what writing `model` will need and what does not depend on the classification measurement (PDF, HTML:
   * its charts, drawn into the chart renderer's cache, and the templates compiled), e.g. while that is measured.
   */
  prepare(model: ReportModel): Promise<void>;
  close(): Promise<void>;
}

/** The report model itself, as JSON (`docs/rapport-json.md`). */
class JsonWriter implements ReportWriter {
  readonly formaat = 'json';

  async start(): Promise<void> {}

  async write(model: ReportModel, uitDir: string): Promise<WrittenReport> {
    const path = join(uitDir, reportFileName(model, this.formaat));
    const data = `${JSON.stringify(model, null, 2)}\n`;
    await writeFileAtomic(path, data);
    return { path, bytes: Buffer.byteLength(data) };
  }

  async prepare(): Promise<void> {}

  async close(): Promise<void> {}
}

/** One self-contained HTML document (charts embedded). */
export class HtmlWriter implements ReportWriter {
  readonly formaat = 'html';
  /** Created on first use, once, also when reports are written in parallel. */
  private charts: Promise<ChartRenderer> | undefined;

  constructor(readonly templates: Templates) {}

  async start(): Promise<void> {}

  /** Loads the chart renderer ahead of the first report (e.g. while the inputs are read). */
  chartRenderer(): Promise<ChartRenderer> {
    this.charts ??= ChartRenderer.create();
    return this.charts;
  }

  async html(model: ReportModel): Promise<string> {
    const charts = await this.chartRenderer();
    return renderHtml(model, this.templates, await charts.renderReport(model));
  }

  /** The document made and let go: its charts stay in the chart renderer's cache, the templates compiled. */
  async prepare(model: ReportModel): Promise<void> {
    await this.html(model);
  }

  async write(model: ReportModel, uitDir: string): Promise<WrittenReport> {
    const path = join(uitDir, reportFileName(model, this.formaat));
    const data = await this.html(model);
    await writeFileAtomic(path, data);
    return { path, bytes: Buffer.byteLength(data) };
  }

  async close(): Promise<void> {}
}

/**
 * The HTML document printed by one browser (a pool of pages), with header, footer and metadata. Documents are made
 * one at a time in the order asked (model, charts and HTML share one thread): with several reports under way, the
 * first is then ready for the browser after one report's work instead of after all of theirs, and the next is made
 * while it prints.
 */
export class PdfWriter implements ReportWriter {
  readonly formaat = 'pdf';
  /** The document being made; the next waits for it. */
  private making: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly document: HtmlWriter,
    private readonly renderer: PdfRenderer,
  ) {}

  /** Launches the browser and loads the chart renderer meanwhile. */
  async start(): Promise<void> {
    await Promise.all([this.renderer.start(), this.document.chartRenderer()]);
  }

  private inTurn<T>(work: () => Promise<T>): Promise<T> {
    const turn = this.making.then(work);
    this.making = turn.catch(() => undefined);
    return turn;
  }

  async pdfDocument(model: ReportModel): Promise<PdfDocument> {
    const { kop, voet } = renderHeaderFooter(model, this.document.templates);
    return { html: await this.document.html(model), headerTemplate: kop, footerTemplate: voet, metadata: pdfMetadata(model) };
  }

  /** As HtmlWriter.prepare, the header and footer too, in turn with the documents being made. */
  async prepare(model: ReportModel): Promise<void> {
    await this.inTurn(() => this.pdfDocument(model));
  }

  async write(model: ReportModel, uitDir: string, options: RenderOptions = {}): Promise<WrittenReport> {
    const path = join(uitDir, reportFileName(model, this.formaat));
    const result = await this.renderer.render(await this.inTurn(() => this.pdfDocument(model)), path, options);
    return { path, bytes: result.bytes, pages: result.pages };
  }

  async close(): Promise<void> {
    await this.renderer.close();
  }
}

/**
 * The writer of a format. Loads the templates and, for PDF, finds the browser first: configuration errors surface
 * before any work.
 */
export async function createReportWriter(options: ReportWriterOptions<'pdf'>): Promise<PdfWriter>;
export async function createReportWriter(options: ReportWriterOptions): Promise<ReportWriter>;
export async function createReportWriter(options: ReportWriterOptions): Promise<ReportWriter> {
  switch (options.formaat) {
    case 'json':
      return new JsonWriter();
    case 'html':
      return new HtmlWriter(await loadTemplates(options.templates));
    case 'pdf': {
      const executablePath = findBrowser({ configured: options.browser, configuredSource: browserSource(options.browserBron) });
      const renderer = new PdfRenderer({ executablePath, parallel: options.parallel, handleSignals: options.handleSignals });
      return new PdfWriter(new HtmlWriter(await loadTemplates(options.templates)), renderer);
    }
  }
}
