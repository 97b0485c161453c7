// The benchmark's results as a Markdown table: printed by `npm run bench` and kept in README.md between
// `<!-- benchmark:begin -->` and `<!-- benchmark:end -->` (a test checks that README and bench/resultaten.json agree).

const nl = (n, digits = 0) => n.toLocaleString('nl-NL', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const seconden = (ms) => `${nl(ms / 1000, 2)} s`;
const perSeconde = (n) => `${nl(n)}/s`;
const keer = (r) => `${nl(r, 2)}×`;
const wel = (ok) => (ok ? 'ja' : '**nee**');

/** One row per measurement and one per target; every figure comes from the results object. */
export function resultTable(r) {
  const m = r.machine;
  const lines = [
    `Laatste run: ${r.datum.slice(0, 10)}, ${m.cpu} (${m.kernen} kernen), ${nl(m.geheugenGb, 1)} GB geheugen, Node ${m.node}, ` +
      `${m.browser}.`,
    '',
    '| meting | cter | peer | verhouding | doel | gehaald |',
    '| --- | ---: | ---: | ---: | --- | --- |',
  ];
  for (const i of r.inlezen) {
    lines.push(
      `| inlezen + classificeren + tellen, ${nl(i.signalen)} signalen (doorvoer) | ${perSeconde(i.cter.perSeconde)} ` +
        `(${seconden(i.cter.ms)}) | csv-parse: ${perSeconde(i.csvParse.perSeconde)} (${seconden(i.csvParse.ms)}) | ` +
        `${keer(i.verhouding)} | ≥ 0,5× | ${wel(i.verhouding >= 0.5)} |`,
    );
    lines.push(
      `| piekgeheugen, ${nl(i.signalen)} signalen | ${nl(i.cter.piekMb)} MB | csv-parse: ${nl(i.csvParse.piekMb)} MB | ` +
        `${keer(i.cter.piekMb / i.csvParse.piekMb)} | ${i.signalen >= 1_000_000 ? '≤ 1.024 MB' : '–'} | ` +
        `${i.signalen >= 1_000_000 ? wel(i.cter.piekMb <= 1024) : '–'} |`,
    );
  }
  if (r.batch) {
    const b = r.batch;
    lines.push(
      `| batch ${b.regio} (${b.rapporten} rapporten, ${b.parallel} tegelijk) tegen de vloer | ${seconden(b.batchMs)} | ` +
        `page.pdf na elkaar, één browser: ${seconden(b.vloerMs)} | ${keer(b.batchTegenVloer)} | ≤ 1,3× | ${wel(b.batchTegenVloer <= 1.3)} |`,
      `| batch tegen de naïeve aanpak | ${seconden(b.batchMs)} | een browser per rapport: ${seconden(b.naiefMs)} | ` +
        `${keer(b.naiefTegenBatch)} sneller | ≥ 4× | ${wel(b.naiefTegenBatch >= 4)} |`,
    );
  }
  if (r.opstart) {
    const o = r.opstart;
    lines.push(
      `| opstarten: \`cter --help\` (mediaan van ${o.herhalingen}) | ${nl(o.cterMs)} ms | \`node -e ""\`: ${nl(o.nodeMs)} ms | ` +
        `${keer(o.verhouding)} | ≤ 3× | ${wel(o.verhouding <= 3)} |`,
    );
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
