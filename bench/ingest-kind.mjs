// Child process of the benchmark (scripts/bench.mjs), one measurement per process so peak memory is its own:
//   node bench/ingest-kind.mjs csv-parse <file>   a bare csv-parse stream of the export (the peer)
//   node bench/ingest-kind.mjs csv-parse-bewaard <file>
//                                                 the same, keeping every record in an array, as any pass that reports
//                                                 on its records must: what holding them costs on this machine (context
//                                                 for the ratio, not a target)
//   node bench/ingest-kind.mjs cter <file>        cter's ingest + classify (rules and text model) + aggregate of every area of the
//                                                 Noord-Holland police unit (36 scopes), as `cter batch` does; ingest and
//                                                 classification overlap (a second thread classifies while the file is
//                                                 read, and the index counts each signal as it is classified), so they
//                                                 are timed as one stage; `aggregeren` is the 36 scopes
// Prints one JSON line on stdout: records, milliseconds (after imports), peak RSS, and for cter the time per stage.
import { createReadStream } from 'node:fs';
import { resolve } from 'node:path';

const DIST = new URL('../dist/', import.meta.url);
const [mode, file] = process.argv.slice(2);
const peakMb = () => process.resourceUsage().maxRSS / 1024;

async function bareCsvParse(path, bewaren = false) {
  const { parse } = await import('csv-parse');
  const start = performance.now();
  const bewaard = [];
  let records = 0;
  // The export's dialect, as detected by cter: BOM, a `sep=;` first line, `;`, a header row.
  const parser = createReadStream(path).pipe(parse({ bom: true, delimiter: ';', from_line: 2, columns: true }));
  for await (const record of parser) {
    records++;
    if (bewaren) bewaard.push(record);
  }
  return { records, ms: performance.now() - start, ...(bewaren && { bewaard: bewaard.length }) };
}

async function cterPipeline(path) {
  const { loadReference } = await import(new URL('reference/index.js', DIST).href);
  const { ingestAndClassify } = await import(new URL('pipeline.js', DIST).href);
  const { loadTaxonomy } = await import(new URL('classify/taxonomy.js', DIST).href);
  const agg = { ...(await import(new URL('aggregate/aggregate.js', DIST).href)), ...(await import(new URL('aggregate/periode.js', DIST).href)) };
  const { batchDoelen } = await import(new URL('batch/targets.js', DIST).href);

  const start = performance.now();
  const ref = loadReference();
  const bron = { taxonomieModus: 'uitbreiden', baseDir: process.cwd() };
  const taxonomy = await loadTaxonomy(bron);
  const t0 = performance.now();
  // As the commands do (src/pipeline.ts): the text model trained on the labelled inputs, and rules + model, in one
  // step (the labelled signals are classified while the model trains on them), beside the reading; and counted into
  // the quarterly index as the classifications arrive (src/scope/run.ts asks for it with `indexeer`).
  const { ingest, index } = await ingestAndClassify([resolve(path)], ref, { sleutel: 'bench' }, taxonomy, bron, undefined, false, 'kwartaal');
  const t2 = performance.now();
  const { periode } = agg.latestCompleteQuarter(index.bereik);
  const doelen = batchDoelen(ref, { regio: 'Politie-eenheid Noord-Holland' }, { regios: [] });
  let totaal = 0;
  for (const doel of doelen) totaal += agg.aggregateScope({ signalen: index, ref, scope: doel.scope, periode }).gebied.signalen;
  const t3 = performance.now();
  return {
    records: ingest.totaal.regels,
    geaccepteerd: ingest.totaal.geaccepteerd,
    afgewezen: ingest.totaal.afgewezen,
    gebieden: doelen.length,
    signalenInPeriode: totaal,
    ms: t3 - start,
    stappen: { voorbereiden: t0 - start, 'ingest+tekstmodel+classificeren': t2 - t0, aggregeren: t3 - t2 },
  };
}

const run = { 'csv-parse': bareCsvParse, 'csv-parse-bewaard': (path) => bareCsvParse(path, true), cter: cterPipeline }[mode];
if (!run || !file) {
  process.stderr.write('gebruik: node bench/ingest-kind.mjs (csv-parse|csv-parse-bewaard|cter) <bestand>\n');
  process.exit(2);
}
const result = await run(file);
process.stdout.write(`${JSON.stringify({ ...result, piekMb: peakMb() })}\n`);
