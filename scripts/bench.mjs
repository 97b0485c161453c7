#!/usr/bin/env node
// `npm run bench`: cter against its peers and limits, side by side on the same data, on this machine.
//   1. ingest + classify + aggregate of generated exports (scripts/gen-signalen.mjs, seed 42) of 10,000, 100,000 and
//      1,000,000 signals against a bare csv-parse parse of the same file: throughput, ratio, peak memory; the peak
//      memory of `cter trends --formaat json` over the largest export; a CPU profile of the largest cter run, whose
//      summary (top functions and files) goes into bench/resultaten.json;
//   2. `cter batch` of the Noord-Holland police unit against Chromium's page.pdf of the same finished documents in one
//      browser (the floor) and against a new browser per report (the naive approach);
//   3. start-up: `cter --help` against `node -e ""`;
//   4. the whole test suite, `bash scripts/test.sh`, as CI runs it (on this set-up tree: its build step is a no-op).
// Every measurement runs in its own child process (peak memory is that process's maxRSS). Prints a table on stdout,
// writes bench/resultaten.json and the table into README.md (between the benchmark markers).
//
//   npm run bench [-- --snel] [-- --alleen inlezen,batch,opstart,suite] [-- --profiel]
//   --snel     10,000 and 100,000 signals only, fewer repetitions (trying things out; README and results untouched)
//   --profiel  with --snel: profile the largest cter run too (a full run always does)
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { summarise, summaryText } from '../bench/profiel.mjs';
import { DOELEN, resultTable, withTable } from '../bench/tabel.mjs';
import { generateSignalen } from './gen-signalen.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CTER = join(ROOT, 'bin/cter');
const SAMPLES = join(ROOT, 'data-samples');
const REGIO = 'Politie-eenheid Noord-Holland';
const SEED = 42;

const args = process.argv.slice(2);
const snel = args.includes('--snel');
const profiel = !snel || args.includes('--profiel');
const DELEN = ['inlezen', 'batch', 'opstart', 'suite'];
const alleen = args.includes('--alleen') ? args[args.indexOf('--alleen') + 1].split(',') : DELEN;
const log = (text) => process.stderr.write(`${text}\n`);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};
const round = (n, digits = 2) => Number(n.toFixed(digits));

/** Runs a child to completion; resolves with its stdout and the wall time, rejects when it fails. */
function run(command, argv, options = {}) {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(command, argv, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => {
      const ms = performance.now() - start;
      if (code === 0) resolve({ stdout, stderr, ms });
      else reject(new Error(`${command} ${argv.join(' ')} stopte met code ${code}:\n${stderr.slice(-2000)}`));
    });
  });
}

const child = async (argv, nodeArgs = []) =>
  JSON.parse((await run(process.execPath, [...nodeArgs, join(ROOT, 'bench/ingest-kind.mjs'), ...argv])).stdout);

function machine(browser) {
  let versie = 'browser onbekend';
  try {
    versie = execFileSync(browser, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    // The table then says the browser version is unknown.
  }
  return {
    cpu: cpus()[0]?.model.trim() ?? 'onbekend',
    kernen: availableParallelism(),
    geheugenGb: round(totalmem() / 1024 ** 3, 1),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    browser: versie,
  };
}

async function exportOf(n, werkmap) {
  const path = join(werkmap, `signalen-${n}-seed${SEED}.csv`);
  if (!existsSync(path)) {
    log(`export van ${n.toLocaleString('nl-NL')} signalen maken...`);
    await generateSignalen(path, { regels: n, seed: SEED });
  }
  return path;
}

/** `cter trends --formaat json` over an export in a child of its own (bench/trends-kind.mjs): wall time and peak RSS. */
function trendsPiek(file) {
  return new Promise((resolve, reject) => {
    const kind = spawn(process.execPath, [join(ROOT, 'bench/trends-kind.mjs'), file, REGIO], {
      cwd: SAMPLES,
      stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let result = '';
    kind.stderr.on('data', (d) => (stderr += d));
    kind.stdio[3].on('data', (d) => (result += d));
    kind.on('close', (code) => {
      if (code !== 0) return reject(new Error(`cter trends stopte met code ${code}:\n${stderr.slice(-2000)}`));
      const { ms, piekMb } = JSON.parse(result);
      resolve({ signalen: null, ms: round(ms, 0), piekMb: round(piekMb, 0) });
    });
  });
}

/**
 * Part 1: ingest + classify + aggregate against bare csv-parse, in pairs run one right after the other; median time,
 * highest peak, and as the ratio the median of the pairs' ratios: the machine is shared, and a busy minute slows both
 * runs of a pair, where it would tilt a ratio of medians taken minutes apart. Between the two, csv-parse keeping its
 * records (what holding a run's records costs on this machine): context for the ratio, no target.
 */
async function inlezen(werkmap) {
  const plan = snel ? [[10_000, 3], [100_000, 1]] : [[10_000, 5], [100_000, 5], [1_000_000, 3]];
  const results = [];
  for (const [n, herhalingen] of plan) {
    const file = await exportOf(n, werkmap);
    const runs = { csvParse: [], csvParseBewaard: [], cter: [] };
    for (let i = 0; i < herhalingen; i++) {
      runs.csvParse.push(await child(['csv-parse', file]));
      runs.csvParseBewaard.push(await child(['csv-parse-bewaard', file]));
      runs.cter.push(await child(['cter', file]));
    }
    const summary = (list) => {
      const ms = median(list.map((r) => r.ms));
      return { ms: round(ms, 0), perSeconde: round(n / (ms / 1000), 0), piekMb: round(Math.max(...list.map((r) => r.piekMb)), 0) };
    };
    const csvParse = summary(runs.csvParse);
    const laatste = runs.cter.at(-1);
    const stappen = Object.fromEntries(Object.entries(laatste.stappen).map(([stap, ms]) => [stap, round(ms, 0)]));
    const cter = { ...summary(runs.cter), stappen, geaccepteerd: laatste.geaccepteerd };
    const paren = runs.cter.map((r, i) => runs.csvParse[i].ms / r.ms);
    const csvParseBewaard = summary(runs.csvParseBewaard);
    const tegenBewaard = round(median(runs.cter.map((r, i) => runs.csvParseBewaard[i].ms / r.ms)));
    const rij = {
      signalen: n,
      herhalingen,
      csvParse,
      csvParseBewaard,
      cter,
      verhouding: round(median(paren)),
      paren: paren.map((v) => round(v)),
      tegenBewaard,
    };
    log(
      `inlezen ${n}: cter ${cter.ms} ms, csv-parse ${csvParse.ms} ms, verhouding ${rij.verhouding} (paren ${rij.paren.join(', ')}), ` +
        `piek ${cter.piekMb} MB; csv-parse die bewaart ${csvParseBewaard.ms} ms (verhouding ${tegenBewaard})`,
    );
    results.push(rij);
  }
  const [grootste] = plan.at(-1);
  log(`cter trends --formaat json over ${grootste.toLocaleString('nl-NL')} signalen (piekgeheugen)...`);
  const trends = { ...(await trendsPiek(await exportOf(grootste, werkmap))), signalen: grootste };
  log(`trends ${grootste}: ${trends.ms} ms, piek ${trends.piekMb} MB`);
  let samenvatting;
  if (profiel) {
    const dir = await mkdtemp(join(tmpdir(), 'cter-profiel-'));
    await child(['cter', await exportOf(grootste, werkmap)], ['--cpu-prof', `--cpu-prof-dir=${dir}`]);
    const [file] = await readdir(dir);
    samenvatting = { signalen: grootste, ...summarise(JSON.parse(await readFile(join(dir, file), 'utf8')), 20) };
    log(summaryText(samenvatting));
    await writeFile(join(ROOT, 'bench/profiel.json'), `${JSON.stringify(samenvatting, null, 2)}\n`);
    await rm(dir, { recursive: true, force: true });
  }
  return { inlezen: results, trends, profiel: samenvatting };
}

/** The profile's top entries for bench/resultaten.json: enough to see where the time goes, short enough to read. */
function topStappen(samenvatting, n = 10) {
  return samenvatting && { ...samenvatting, zelf: samenvatting.zelf.slice(0, n), bestanden: samenvatting.bestanden.slice(0, n) };
}

/** Part 2: `cter batch` of the police unit, the page.pdf floor and the naive approach. */
async function batch(werkmap) {
  const uit = join(werkmap, 'batch');
  await rm(uit, { recursive: true, force: true });
  log(`cter batch --regio '${REGIO}'...`);
  const b = await run(process.execPath, [CTER, 'batch', '--regio', REGIO, '--uit', uit], {
    cwd: SAMPLES,
    env: { ...process.env, NO_COLOR: '1' },
  });
  const overzicht = JSON.parse(await readFile(join(uit, 'overzicht.json'), 'utf8'));
  if (overzicht.uitkomst !== 'volledig') throw new Error(`cter batch maakte niet alle rapporten:\n${b.stderr}`);
  log('vloer (page.pdf, één browser) en naïef (een browser per rapport)...');
  const peers = JSON.parse((await run(process.execPath, [join(ROOT, 'bench/pdf-kind.mjs'), REGIO, werkmap])).stdout);
  if (peers.documenten !== overzicht.totaal.rapporten) throw new Error('de peers maakten een ander aantal documenten');
  return {
    regio: REGIO,
    rapporten: overzicht.totaal.rapporten,
    paginas: overzicht.rapporten.reduce((n, r) => n + r.paginas, 0),
    parallel: overzicht.instellingen.parallel,
    batchMs: round(b.ms, 0),
    vloerMs: round(peers.vloer.ms, 0),
    vloerBrowserStartMs: round(peers.vloer.startMs, 0),
    naiefMs: round(peers.naief.ms, 0),
    batchTegenVloer: round(b.ms / peers.vloer.ms),
    naiefTegenBatch: round(peers.naief.ms / b.ms),
  };
}

/** Part 3: start-up, alternating so both see the same machine; the median of each. */
function opstart() {
  const herhalingen = snel ? 7 : 21;
  const time = (argv) => {
    const start = performance.now();
    const r = spawnSync(process.execPath, argv, { stdio: 'ignore' });
    if (r.status !== 0) throw new Error(`node ${argv.join(' ')} stopte met code ${r.status}`);
    return performance.now() - start;
  };
  const cter = [];
  const node = [];
  time([CTER, '--help']); // warm the file cache
  for (let i = 0; i < herhalingen; i++) {
    cter.push(time([CTER, '--help']));
    node.push(time(['-e', '']));
  }
  const result = { herhalingen, cterMs: round(median(cter), 0), nodeMs: round(median(node), 0) };
  return { ...result, verhouding: round(median(cter) / median(node)) };
}

/** Part 4: the whole test suite as CI runs it, once: its wall time and how many tests passed. */
async function suite() {
  log('bash scripts/test.sh...');
  const r = await run('bash', [join(ROOT, 'scripts/test.sh')], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } });
  // scripts/test.sh ends with a line "Tests: N passed, M failed"; run() already failed on a non-zero exit.
  const m = /Tests: (\d+) passed, (\d+) failed/.exec(r.stdout + r.stderr);
  if (!m) throw new Error(`bash scripts/test.sh meldde geen aantal tests:\n${(r.stdout + r.stderr).slice(-2000)}`);
  return { ms: round(r.ms, 0), tests: Number(m[1]), mislukt: Number(m[2]) };
}

/** The targets (issue 13; batch against naive and start-up from issue 5), each with the measured figure. */
function doelen(r) {
  const miljoen = r.trends?.signalen === 1_000_000 ? r.trends : undefined;
  const list = [
    ...r.inlezen
      .filter((i) => i.signalen >= DOELEN.inlezenVanaf)
      .map((i) => ({
        doel: `inlezen+classificeren+tellen ${i.signalen}: doorvoer >= ${DOELEN.inlezen}x csv-parse`,
        waarde: i.verhouding,
        gehaald: i.verhouding >= DOELEN.inlezen,
      })),
    miljoen && {
      doel: `cter trends --formaat json, 1.000.000 signalen: piekgeheugen <= ${DOELEN.trendsPiekMb} MB`,
      waarde: miljoen.piekMb,
      gehaald: miljoen.piekMb <= DOELEN.trendsPiekMb,
    },
    r.batch && {
      doel: `batch <= ${DOELEN.batchTegenVloer}x de page.pdf-vloer`,
      waarde: r.batch.batchTegenVloer,
      gehaald: r.batch.batchTegenVloer <= DOELEN.batchTegenVloer,
    },
    r.batch && {
      doel: `batch >= ${DOELEN.naiefTegenBatch}x sneller dan naief`,
      waarde: r.batch.naiefTegenBatch,
      gehaald: r.batch.naiefTegenBatch >= DOELEN.naiefTegenBatch,
    },
    r.opstart && {
      doel: `cter --help <= ${DOELEN.opstart}x node -e ""`,
      waarde: r.opstart.verhouding,
      gehaald: r.opstart.verhouding <= DOELEN.opstart,
    },
    r.suite && {
      doel: `bash scripts/test.sh <= ${DOELEN.suiteSeconden} s`,
      waarde: round(r.suite.ms / 1000, 1),
      gehaald: r.suite.ms <= DOELEN.suiteSeconden * 1000 && r.suite.mislukt === 0,
    },
  ];
  return list.filter(Boolean);
}

/** Temp file + rename: an interrupted bench never leaves half a README. */
async function writeAtomic(path, text) {
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, text);
  await rename(tmp, path);
}

async function main() {
  if (!existsSync(join(ROOT, 'dist/cli/main.js'))) {
    log('dist/ ontbreekt: draai eerst npm run build.');
    process.exit(2);
  }
  const { findBrowser } = await import(join(ROOT, 'dist/report/browser.js'));
  const werkmap = join(tmpdir(), 'cter-bench');
  await mkdir(werkmap, { recursive: true });
  const resultaten = { datum: new Date().toISOString(), machine: machine(findBrowser()), inlezen: [] };
  // The machine is shared: its load (1, 5 and 15 minute averages) at the start and the end says how quiet it was.
  const belastingBegin = loadavg().map((l) => round(l));
  if (alleen.includes('inlezen')) {
    const deel = await inlezen(werkmap);
    resultaten.inlezen = deel.inlezen;
    resultaten.trends = deel.trends;
    if (deel.profiel) resultaten.profiel = topStappen(deel.profiel);
  }
  if (alleen.includes('batch')) resultaten.batch = await batch(werkmap);
  if (alleen.includes('opstart')) resultaten.opstart = opstart();
  if (alleen.includes('suite')) resultaten.suite = await suite();
  resultaten.machine.belasting = { begin: belastingBegin, eind: loadavg().map((l) => round(l)) };
  const table = resultTable(resultaten);
  process.stdout.write(table);
  if (snel || DELEN.some((deel) => !alleen.includes(deel))) {
    log('(--snel of --alleen: bench/resultaten.json en README.md blijven ongewijzigd)');
    return;
  }
  resultaten.doelen = doelen(resultaten);
  await writeAtomic(join(ROOT, 'bench/resultaten.json'), `${JSON.stringify(resultaten, null, 2)}\n`);
  const readmePath = join(ROOT, 'README.md');
  await writeAtomic(readmePath, withTable(await readFile(readmePath, 'utf8'), table));
  log('geschreven: bench/resultaten.json en de tabel in README.md');
}

await main();
