// Child process of the benchmark (scripts/bench.mjs): `cter trends --formaat json` over one export, run in this
// process so that its peak memory (maxRSS) is cter's own, with Node's default heap limit.
//   node bench/trends-kind.mjs <file> <regio>
// cter's JSON goes to stdout (the benchmark discards it); when the process exits, one JSON line with the wall time,
// exit code and peak RSS is written to file descriptor 3, which the benchmark opens as a pipe.
import { writeSync } from 'node:fs';
import { resolve } from 'node:path';

const [file, regio] = process.argv.slice(2);
if (!file || !regio) {
  process.stderr.write('gebruik: node bench/trends-kind.mjs <bestand> <regio>\n');
  process.exit(2);
}
const start = performance.now();
process.on('exit', (code) => {
  const result = { ms: performance.now() - start, afsluitcode: code, piekMb: process.resourceUsage().maxRSS / 1024 };
  writeSync(3, `${JSON.stringify(result)}\n`);
});
process.argv = [process.argv[0], 'cter', 'trends', '--formaat', 'json', '--regio', regio, '--signalen', resolve(file), '--stil'];
await import(new URL('../dist/cli/main.js', import.meta.url).href);
