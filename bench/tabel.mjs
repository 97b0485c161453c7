// The benchmark's results as a Markdown table: printed by `npm run bench` and kept in README.md between
// `<!-- benchmark:begin -->` and `<!-- benchmark:end -->` (a test checks that README and bench/resultaten.json agree).

const nl = (n, digits = 0) => n.toLocaleString('nl-NL', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const seconden = (ms) => `${nl(ms / 1000, 2)} s`;
const perSeconde = (n) => `${nl(n)}/s`;
const keer = (r) => `${nl(r, 2)}×`;
const wel = (ok) => (ok ? 'ja' : '**nee**');

/** The targets (issue 13; batch against naive and start-up from issue 5): one place for the table and the results. */
export const DOELEN = {
  /** Throughput of ingest + classify + aggregate against bare csv-parse, from this many signals on. */
  inlezen: 0.6,
  inlezenVanaf: 100_000,
  /** Peak RSS of `cter trends --formaat json` over 1,000,000 signals, Node's default heap. */
  trendsPiekMb: 600,
  batchTegenVloer: 1.0,
  naiefTegenBatch: 4,
  opstart: 3,
  /** The whole suite, `bash scripts/test.sh`, on this 2-core machine. */
  suiteSeconden: 75,
};

const belasting = (b) =>
  b ? `; belasting ${b.begin.map((l) => nl(l, 2)).join(' / ')} bij het begin, ${b.eind.map((l) => nl(l, 2)).join(' / ')} aan het eind` : '';

/** One row per measurement and one per target; every figure comes from the results object. */
export function resultTable(r) {
  const m = r.machine;
  const lines = [
    `Laatste run: ${r.datum.slice(0, 10)}, ${m.cpu} (${m.kernen} kernen), ${nl(m.geheugenGb, 1)} GB geheugen, Node ${m.node}, ` +
      `${m.browser}${belasting(m.belasting)}.`,
    '',
    '| meting | cter | peer | verhouding | doel | gehaald |',
    '| --- | ---: | ---: | ---: | --- | --- |',
  ];
  for (const i of r.inlezen) {
    lines.push(
      `| inlezen + classificeren + tellen, ${nl(i.signalen)} signalen (doorvoer) | ${perSeconde(i.cter.perSeconde)} ` +
        `(${seconden(i.cter.ms)}) | csv-parse: ${perSeconde(i.csvParse.perSeconde)} (${seconden(i.csvParse.ms)}) | ` +
        `${keer(i.verhouding)} | ${i.signalen >= DOELEN.inlezenVanaf ? `≥ ${nl(DOELEN.inlezen, 1)}× | ${wel(i.verhouding >= DOELEN.inlezen)}` : '– | –'} |`,
    );
    if (i.csvParseBewaard) {
      // What holding the records costs even csv-parse: context for the ratio above, no target.
      lines.push(
        `| dezelfde run tegen csv-parse die zijn records bewaart, ${nl(i.signalen)} signalen | ${seconden(i.cter.ms)} | ` +
          `csv-parse, records bewaard: ${perSeconde(i.csvParseBewaard.perSeconde)} (${seconden(i.csvParseBewaard.ms)}) | ` +
          `${keer(i.tegenBewaard)} | – | – |`,
      );
    }
    lines.push(
      `| piekgeheugen, ${nl(i.signalen)} signalen | ${nl(i.cter.piekMb)} MB | csv-parse: ${nl(i.csvParse.piekMb)} MB | ` +
        `${keer(i.cter.piekMb / i.csvParse.piekMb)} | – | – |`,
    );
  }
  if (r.trends) {
    const t = r.trends;
    const doel = t.signalen >= 1_000_000;
    lines.push(
      `| piekgeheugen \`cter trends --formaat json\`, ${nl(t.signalen)} signalen (standaard heap) | ${nl(t.piekMb)} MB ` +
        `(${seconden(t.ms)}) | – | – | ${doel ? `≤ ${nl(DOELEN.trendsPiekMb)} MB | ${wel(t.piekMb <= DOELEN.trendsPiekMb)}` : '– | –'} |`,
    );
  }
  if (r.batch) {
    const b = r.batch;
    lines.push(
      `| batch ${b.regio} (${b.rapporten} rapporten, ${b.parallel} tegelijk) tegen de vloer | ${seconden(b.batchMs)} | ` +
        `page.pdf na elkaar, één browser: ${seconden(b.vloerMs)} | ${keer(b.batchTegenVloer)} | ≤ ${nl(DOELEN.batchTegenVloer, 1)}× | ` +
        `${wel(b.batchTegenVloer <= DOELEN.batchTegenVloer)} |`,
      `| batch tegen de naïeve aanpak | ${seconden(b.batchMs)} | een browser per rapport: ${seconden(b.naiefMs)} | ` +
        `${keer(b.naiefTegenBatch)} sneller | ≥ ${DOELEN.naiefTegenBatch}× | ${wel(b.naiefTegenBatch >= DOELEN.naiefTegenBatch)} |`,
    );
  }
  if (r.opstart) {
    const o = r.opstart;
    lines.push(
      `| opstarten: \`cter --help\` (mediaan van ${o.herhalingen}) | ${nl(o.cterMs)} ms | \`node -e ""\`: ${nl(o.nodeMs)} ms | ` +
        `${keer(o.verhouding)} | ≤ ${DOELEN.opstart}× | ${wel(o.verhouding <= DOELEN.opstart)} |`,
    );
  }
  if (r.suite) {
    const t = r.suite;
    lines.push(
      `| hele testsuite \`bash scripts/test.sh\` (${nl(t.tests)} tests, ${nl(t.mislukt)} mislukt) | ${seconden(t.ms)} | – | – | ` +
        `≤ ${DOELEN.suiteSeconden} s | ${wel(t.ms <= DOELEN.suiteSeconden * 1000 && t.mislukt === 0)} |`,
    );
  }
  if (r.profiel) {
    // The five functions with the most self time: where the next step should start.
    const p = r.profiel;
    const top = p.zelf.slice(0, 5).map((z) => `${z.naam.replace(/:\d+ /, ' ')} ${nl(z.aandeel, 1)}%`);
    lines.push('', `Waar de tijd heen gaat (profiel van cter, ${nl(p.signalen)} signalen, ${seconden(p.totaalMs)}): ${top.join('; ')}.`);
  }
  return `${lines.join('\n')}\n`;
}

/** Replaces the marked section of a README text; the text is returned unchanged when the markers are missing. */
export function withTable(readme, table) {
  return readme.replace(
    /(<!-- benchmark:begin[^>]*-->\n)[\s\S]*?(<!-- benchmark:end -->)/,
    (_, begin, end) => `${begin}${table}${end}`,
  );
}
