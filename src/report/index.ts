// The lokaal beeld: report model, rendering (Handlebars, Chart.js) and PDF (puppeteer-core with an installed browser).
// Heavy modules (canvas, puppeteer, pdf-lib) load lazily inside the classes that need them.

export { buildReportModel, isOpenbaar } from './model.js';
export { herkomstTelling, reportBasis, type BasisOpties } from './basis.js';
export type { ReportInput, ReportModel } from './types.js';
export { loadTemplates, renderHtml, renderHeaderFooter, type Templates } from './render.js';
export { ChartRenderer, chartSpecs, type ReportCharts } from './charts.js';
export { findBrowser } from './browser.js';
export { pdfOptions, PdfRenderer, RenderError, RenderTimeoutError, setPdfMetadata, type PdfDocument, type PdfResult } from './pdf.js';
export { FORMATEN, type Formaat } from './formaten.js';
export {
  pdfMetadata,
  rejectsPathFor,
  reportFileName,
  createReportWriter,
  type ReportWriter,
  writeReportRejects,
  type WrittenReport,
} from './writer.js';
export { duidingBestandsnaam, duidingConcept, duidingVan, leesDuidingen, parseDuiding, renderDuiding, type DuidingBestand } from './duiding.js';
export { suppress, determinedCells, type CellSystem, type Relation } from './suppression.js';
