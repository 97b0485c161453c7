// Writes a report model as PDF, HTML or JSON. Templates, the chart renderer and the browser are prepared once and
// reused, so a batch of reports pays for them only once.

import { rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { writeRejectsOrRemove } from '../ingest/rejects.js';
import type { AfgewezenRecord } from '../model.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { browserSource, findBrowser } from './browser.js';
import { ChartRenderer } from './charts.js';
import type { Formaat } from './formaten.js';
import { PdfRenderer, type PdfDocument, type PdfMetadata } from './pdf.js';
import { loadTemplates, renderHeaderFooter, renderHtml, type Templates } from './render.js';
import type { ReportModel } from './types.js';

export interface ReportWriterOptions {
  formaat: Formaat;
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

export function pdfMetadata(model: ReportModel): PdfMetadata {
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

export class ReportWriter {
  /** Created on first use, once, also when reports are written in parallel. */
  private charts: Promise<ChartRenderer> | undefined;
  private pdf: PdfRenderer | undefined;

  private constructor(
    private readonly options: ReportWriterOptions,
    private readonly templates: Templates | undefined,
  ) {}

  /** Loads the templates and, for PDF, finds the browser first: configuration errors surface before any work. */
  static async create(options: ReportWriterOptions): Promise<ReportWriter> {
    if (options.formaat === 'json') return new ReportWriter(options, undefined);
    const templates = await loadTemplates(options.templates);
    const writer = new ReportWriter(options, templates);
    if (options.formaat === 'pdf') {
      writer.pdf = new PdfRenderer({
        executablePath: findBrowser({ configured: options.browser, configuredSource: browserSource(options.browserBron) }),
        parallel: options.parallel,
        handleSignals: options.handleSignals,
      });
    }
    return writer;
  }

  /** The format this writer writes (the report's file extension). */
  get formaat(): Formaat {
    return this.options.formaat;
  }

  /** Launches the browser now (PDF), e.g. before a batch starts its clock. */
  async start(): Promise<void> {
    await this.pdf?.start();
  }

  /** The self-contained HTML document of a model (charts embedded). */
  async html(model: ReportModel): Promise<string> {
    if (!this.templates) throw new Error('report writer: no templates for JSON output');
    this.charts ??= ChartRenderer.create();
    const charts = await this.charts;
    return renderHtml(model, this.templates, await charts.renderReport(model));
  }

  async pdfDocument(model: ReportModel): Promise<PdfDocument> {
    const { kop, voet } = renderHeaderFooter(model, this.templates!);
    return { html: await this.html(model), headerTemplate: kop, footerTemplate: voet, metadata: pdfMetadata(model) };
  }

  /** Writes the report into `uitDir` under its standard name; returns what was written. */
  async write(model: ReportModel, uitDir: string, { timeoutMs }: { timeoutMs?: number } = {}): Promise<WrittenReport> {
    const path = join(uitDir, reportFileName(model, this.options.formaat));
    switch (this.options.formaat) {
      case 'json': {
        const data = `${JSON.stringify(model, null, 2)}\n`;
        await writeFileAtomic(path, data);
        return { path, bytes: Buffer.byteLength(data) };
      }
      case 'html': {
        const data = await this.html(model);
        await writeFileAtomic(path, data);
        return { path, bytes: Buffer.byteLength(data) };
      }
      case 'pdf': {
        const result = await this.pdf!.render(await this.pdfDocument(model), path, { timeoutMs });
        return { path, bytes: result.bytes, pages: result.pages };
      }
    }
  }

  async close(): Promise<void> {
    await this.pdf?.close();
  }
}
