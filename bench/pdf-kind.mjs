// Child process of the benchmark (scripts/bench.mjs): the peers of `cter batch` on the same documents.
//   node bench/pdf-kind.mjs <regio> <uitmap>
// First renders every report of the region from the sample data to its finished HTML document (not timed), then:
//   floor  one browser, Chromium's page.pdf of each document one after the other (launch included);
//   naive  a new browser per document (launch, page, page.pdf, close), one after the other.
// Prints one JSON line on stdout with the times.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const DIST = new URL('../dist/', import.meta.url);
const SAMPLES = fileURLToPath(new URL('../data-samples/', import.meta.url));
const load = (path) => import(new URL(path, DIST).href);

const [regio, uitmap] = process.argv.slice(2);
if (!regio || !uitmap) {
  process.stderr.write('gebruik: node bench/pdf-kind.mjs <regio> <uitmap>\n');
  process.exit(2);
}

/** The finished documents of every report of the region, as `cter batch` would print them. */
async function documents() {
  const { loadConfig } = await load('config/index.js');
  const { loadReference } = await load('reference/index.js');
  const { runPipeline } = await load('pipeline.js');
  const agg = { ...(await load('aggregate/aggregate.js')), ...(await load('aggregate/periode.js')) };
  const report = { ...(await load('report/basis.js')), ...(await load('report/build-model.js')), ...(await load('report/writer.js')), ...(await load('report/browser.js')) };
  const { batchDoelen } = await load('batch/targets.js');
  const config = await loadConfig({ cwd: SAMPLES });
  const ref = loadReference(config.values);
  const invoer = await runPipeline({ signalen: config.values.signalen, notities: config.values.notities, config, ref });
  const index = agg.indexSignals(invoer.signalen, 'kwartaal');
  const { periode } = agg.latestCompleteQuarter(index.bereik);
  const basis = report.reportBasis(invoer, config);
  const writer = await report.createReportWriter({ formaat: 'pdf' });
  const docs = [];
  for (const doel of batchDoelen(ref, { regio }, config.values)) {
    const model = report.buildReportModel({ ...basis, cijfers: agg.aggregateScope({ signalen: index, ref, scope: doel.scope, periode }) });
    docs.push({ naam: report.reportFileName(model, 'pdf'), doc: await writer.pdfDocument(model) });
  }
  await writer.close();
  return { docs, browser: report.findBrowser({ configured: config.values.browser }) };
}

const { docs, browser } = await documents();
const { default: puppeteer } = await import('puppeteer-core');
const { pdfOptions } = await load('report/pdf.js');
const root = typeof process.getuid === 'function' && process.getuid() === 0;
const launch = () =>
  puppeteer.launch({ executablePath: browser, headless: true, pipe: true, args: ['--disable-gpu', ...(root ? ['--no-sandbox'] : [])] });

/** What every PDF engine has to do: load the document and print it (with cter's print options), then save it. */
async function print(page, { naam, doc }, map) {
  await page.setContent(doc.html, { waitUntil: 'load' });
  await writeFile(join(map, naam), await page.pdf(pdfOptions(doc)));
}

async function floor() {
  const map = join(uitmap, 'vloer');
  await mkdir(map, { recursive: true });
  const start = performance.now();
  const b = await launch();
  const page = await b.newPage();
  await page.setJavaScriptEnabled(false);
  const gestart = performance.now();
  for (const d of docs) await print(page, d, map);
  await b.close();
  return { ms: performance.now() - start, startMs: gestart - start };
}

async function naive() {
  const map = join(uitmap, 'naief');
  await mkdir(map, { recursive: true });
  const start = performance.now();
  for (const d of docs) {
    const b = await launch();
    const page = await b.newPage();
    await page.setJavaScriptEnabled(false);
    await print(page, d, map);
    await b.close();
  }
  return { ms: performance.now() - start };
}

const vloer = await floor();
const naief = await naive();
process.stdout.write(`${JSON.stringify({ documenten: docs.length, vloer, naief })}\n`);
