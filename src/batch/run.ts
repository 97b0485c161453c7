// `cter batch`: every report of a region (or of all configured regions) in one run. The inputs are read and
// classified once and indexed once; each report then aggregates its area, builds its model and is written by one
// ReportWriter: one browser with a pool of pages, templates and chart renderer prepared once. A report that fails is
// tried once more, then recorded as failed while the others go on. Nothing is written half: reports and the index go
// through temp file + rename.
import { createHash } from 'node:crypto';
import { readdir, readFile, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { LoadedConfig } from '../config/cter-config.js';
import { priveMap } from '../config/index.js';
import { ensureWritableDir } from '../util/atomic-write.js';
import { CterError, EXIT, IoFout, isIoError } from '../util/errors.js';
import { OutputGuard, outputGuardVoor, UitvoerIsInvoer } from '../config/output-guard.js';
import { rapportPad, shownPath } from '../util/paths.js';
import { OVERZICHT_SCHEMA, telling, writeOverzicht, type Overzicht, type RapportRegel } from './overzicht.js';
import { runPool, type JobOutcome } from './pool.js';
import { batchDoelen, type BatchDoel, type BatchKeuze } from './targets.js';
import type { Voortgang } from './progress.js';
import { writeRejectsOrRemove } from '../ingest/rejects.js';
import { slug } from '../reference/normalise.js';
import { buildReportModel } from '../report/build-model.js';
import { createReportWriter, reportFileName, type ReportWriter } from '../report/writer.js';
import { reportBasis } from '../report/basis.js';
import { MetingOpAchtergrond } from '../report/meting.js';
import type { Formaat } from '../report/formaten.js';
import type { ReportInput, ReportModel } from '../report/model-types.js';
import { prepareScopeRun, type Log, type ScopeRun } from '../scope/run.js';

export interface BatchOptions {
  keuze: BatchKeuze;
  /** "2025-Q3"; default the latest complete quarter in the inputs. */
  periode?: string;
  /** Configuration with the command's options applied (signalen, notities, uitvoer, parallel). */
  config: LoadedConfig;
  formaat: Formaat;
  /** Reports made at the same time. */
  parallel: number;
  /** Aborting stops new reports; the ones being made are finished (or fail when the browser is closed). */
  signal?: AbortSignal;
  /** Messages for people (stderr). */
  log: Log;
  /** Progress display for `totaal` reports. */
  voortgang: (totaal: number) => Voortgang;
  /** Called once the browser runs, with a function that closes it now (a second Ctrl-C). */
  onBrowser?: (stopNow: () => Promise<void>) => void;
}

export interface BatchResultaat {
  overzicht: Overzicht;
  /** The output folder and what was written into it besides the reports. */
  bestanden: { map: string; json: string; md: string; afgewezen?: string };
  /** Rejected input rows (reported, and in bestanden.afgewezen). */
  afgewezen: number;
}

interface Gemaakt {
  bestand: string;
  bytes: number;
  paginas: number | null;
  sha256: string;
}

/** The SHA-256 of a written file, as overzicht.json lists it. */
export async function fileSha256(path: string): Promise<string> {
  return createHash('sha256')
    .update(await readFile(path))
    .digest('hex');
}

/**
 * Regions that share their name with a gemeente in the same batch (gemeente and veiligheidsregio Utrecht): their
 * file name ("lokaal-beeld_<slug>_...") gets "regio-" in front so neither report overwrites the other.
 */
export function botsendeRegios(doelen: readonly BatchDoel[]): Set<string> {
  const gemeenten = new Set(doelen.filter((d) => d.soort === 'gemeente').map((d) => slug(d.naam)));
  return new Set(doelen.filter((d) => d.soort === 'regio' && gemeenten.has(slug(d.naam))).map((d) => d.code));
}

function uitkomst(rapporten: readonly RapportRegel[], signal?: AbortSignal): Overzicht['uitkomst'] {
  if (signal?.aborted) return 'afgebroken';
  return rapporten.some((r) => r.status === 'mislukt') ? 'onvolledig' : 'volledig';
}

/** Removes temp files this process left in the output folder (only after an interrupted write). */
async function removeOwnTemps(uitDir: string): Promise<void> {
  const eigen = new RegExp(`^\\..+\\.${process.pid}\\.[0-9a-f]+\\.tmp$`);
  const namen = await readdir(uitDir).catch(() => [] as string[]);
  await Promise.all(namen.filter((n) => eigen.test(n)).map((n) => rm(join(uitDir, n), { force: true })));
}

/**
 * The writer for many reports: templates loaded and (PDF) the browser found now, so configuration errors come before
 * reading; Ctrl-C is the caller's (the pool stops starting reports, then the browser closes). The browser launches at
 * once, in its own process, while the caller reads and classifies: the caller's start() awaits that same launch and
 * reports its failure there, after any read error.
 */
export async function poolWriter(config: LoadedConfig, formaat: Formaat, parallel: number): Promise<ReportWriter> {
  const writer = await createReportWriter({
    formaat,
    templates: config.values.templates,
    browser: config.values.browser,
    parallel,
    browserBron: config.sources.browser,
    handleSignals: false,
  });
  writer.start().catch(() => undefined);
  return writer;
}

export interface MakeReportsOptions {
  run: ScopeRun<unknown>;
  doelen: readonly BatchDoel[];
  /** Started (PDF: the browser runs). */
  writer: ReportWriter;
  basis: Omit<ReportInput, 'cijfers'>;
  uitDir: string;
  parallel: number;
  signal?: AbortSignal;
  voortgang: Voortgang;
  /** Refuses a report path that is one of the run's inputs (the check every writing command makes). */
  guard?: OutputGuard;
  /** Sees each report's model before it is written (e.g. to count what a public report left out). */
  onModel?: (model: ReportModel) => void;
}

/**
 * Every report of the list through one writer, `parallel` at a time; a report that fails is tried once more, then
 * recorded as failed while the others go on. Returns one row per report, in the list's order.
 */
export async function makeReports(options: MakeReportsOptions): Promise<RapportRegel[]> {
  const { run, doelen, writer, basis, uitDir, voortgang } = options;
  const botsend = botsendeRegios(doelen);
  const maak = async (doel: BatchDoel): Promise<Gemaakt> => {
    const model = buildReportModel({ ...basis, cijfers: run.cijfers(doel.scope) });
    options.onModel?.(model);
    if (botsend.has(doel.code)) model.gebied.slug = `regio-${model.gebied.slug}`;
    await options.guard?.check(join(uitDir, reportFileName(model, writer.formaat)), '--uit');
    const w = await writer.write(model, uitDir, { signal: options.signal });
    return { bestand: basename(w.path), bytes: w.bytes, paginas: w.pages ?? null, sha256: await fileSha256(w.path) };
  };
  const regel = (doel: BatchDoel, o: JobOutcome<Gemaakt>): RapportRegel => ({
    gebied: doel.naam,
    soort: doel.soort,
    code: doel.code,
    bestand: o.result?.bestand ?? null,
    sha256: o.result?.sha256 ?? null,
    paginas: o.result?.paginas ?? null,
    bytes: o.result?.bytes ?? null,
    seconden: Math.round(o.ms) / 1000,
    pogingen: o.pogingen,
    status: o.status,
    ...(o.status !== 'gelukt' && o.fout ? { fout: o.fout } : {}),
  });
  // PDF: the next report's model, charts and HTML are made while Chromium prints, so a browser never waits for its
  // next document: twice as many reports in progress as pages print (the PDF writer prints `parallel` at a time).
  const inBehandeling = writer.formaat === 'pdf' ? options.parallel * 2 : options.parallel;
  let uitkomsten: JobOutcome<Gemaakt>[];
  try {
    uitkomsten = await runPool(doelen, maak, {
      parallel: inBehandeling,
      attempts: 2,
      signal: options.signal,
      onStart: (doel, poging) => voortgang.begonnen(doel.naam, poging),
      onRetry: (doel, fout) => voortgang.opnieuw(doel.naam, fout),
      onDone: (doel, o) => voortgang.klaar(regel(doel, o)),
      // A usage or I/O error (no rights, disk full, an output that is an input) would fail every report alike.
      fatal: (err) => err instanceof IoFout || err instanceof UitvoerIsInvoer || isIoError(err),
    });
  } finally {
    voortgang.stop();
  }
  await removeOwnTemps(uitDir);
  return doelen.map((d, i) => regel(d, uitkomsten[i]!));
}

export async function runBatch(options: BatchOptions): Promise<BatchResultaat> {
  const { config, formaat, log } = options;
  const begin = performance.now();
  // Everything that does not need the data is checked before reading it: period syntax, areas, templates, browser.
  const plan = await prepareScopeRun({
    config,
    periode: options.periode,
    gebied: (ref) => batchDoelen(ref, options.keuze, config.values),
  });
  const doelen = plan.gebied;
  const writer = await poolWriter(config, formaat, options.parallel);
  // The classification measurement every report states runs on a worker thread, which loads the taxonomy and the
  // base model while this thread reads the inputs.
  const meting = new MetingOpAchtergrond(config);
  const uitDir = config.values.uitvoer;
  try {
    // Said once, before minutes of work: an output folder that takes no file, or an output that is an input.
    await ensureWritableDir(uitDir);
    const guard = await outputGuardVoor(config);
    for (const naam of ['overzicht.md', 'overzicht.json']) await guard.check(join(uitDir, naam), '--uit');
    log.info('invoer lezen en classificeren...');
    const run = await plan.read({ log });
    if (options.signal?.aborted) throw new CterError('afgebroken voordat er rapporten zijn gemaakt.', EXIT.INTERRUPTED);
    const { periode } = run;
    const gemeten = meting.meet(run.invoer);
    const zonderMeting = reportBasis(run.invoer, config, { meten: false });
    const vooruit = formaat === 'json' ? [] : doelen.slice(0, options.parallel * 2);
    await prepareWhileMeasuring(gemeten, vooruit, (doel) =>
      writer.prepare(buildReportModel({ ...zonderMeting, cijfers: run.cijfers(doel.scope) })),
    );
    const classificatieMeting = await gemeten;
    const basis = { ...zonderMeting, ...(classificatieMeting ? { classificatieMeting } : {}) };

    await writer.start();
    // Ctrl-C while reading stops at once (puppeteer takes the browser down with the process); from here it stops cleanly.
    options.onBrowser?.(() => writer.close());
    const tegelijk = `${formaat}, ${options.parallel} tegelijk`;
    log.info(`${doelen.length} rapporten over ${periode.label} (${tegelijk}) naar ${shownPath(uitDir)}`);
    let notitiesWeggelaten = 0;
    const rapporten = await makeReports({
      run,
      doelen,
      writer,
      basis,
      uitDir,
      parallel: options.parallel,
      signal: options.signal,
      voortgang: options.voortgang(doelen.length),
      guard,
      onModel: (model) => {
        notitiesWeggelaten = Math.max(notitiesWeggelaten, model.notities.weggelaten);
      },
    });
    if (notitiesWeggelaten > 0) {
      // Said once for the run; each report's verantwoording gives its own number.
      log.info(
        `openbare rapporten: tot ${notitiesWeggelaten} trendnotitie(s) per rapport weggelaten die niet als openbaar zijn ` +
          "gemarkeerd (kolom 'openbaar' = ja); de verantwoording van elk rapport noemt het aantal.",
      );
    }
    // Rejected rows hold descriptions and person keys: the private folder, never the report folder.
    await rm(join(uitDir, `afgewezen_${periode.code}.csv`), { force: true });
    const afgewezenPad = await writeRejectsOrRemove(join(priveMap(config), `afgewezen_${periode.code}.csv`), run.afgewezen);
    const overzicht: Overzicht = {
      schema: OVERZICHT_SCHEMA,
      versie: basis.versie,
      gemaakt: basis.gegenereerd.toISOString(),
      uitkomst: uitkomst(rapporten, options.signal),
      keuze: options.keuze,
      periode: { code: periode.code, label: periode.label },
      formaat,
      instellingen: {
        rubricering: config.values.rubricering,
        tlp: config.values.tlp,
        drempel: config.values.drempel,
        parallel: options.parallel,
        templates: config.values.templates === undefined ? null : rapportPad(config.values.templates, config.baseDir),
      },
      invoer: basis.invoer,
      totaal: {
        rapporten: rapporten.length,
        ...telling(rapporten),
        seconden: Math.round(performance.now() - begin) / 1000,
      },
      rapporten,
    };
    const paden = await writeOverzicht(uitDir, overzicht);
    return { overzicht, bestanden: { map: uitDir, ...paden, afgewezen: afgewezenPad }, afgewezen: run.afgewezen.length };
  } finally {
    meting.stop();
    await writer.close();
  }
}

/**
 * While the classification is measured (on a worker thread), this thread prepares the first reports (their charts
 * and the compiled templates do not depend on the measurement), one after the other until the measurement is done: the
 * first PDF then starts as soon as it is. A failure here is left to the report itself (it is tried and recorded there).
 */
async function prepareWhileMeasuring<T>(gemeten: Promise<unknown>, eerste: readonly T[], prepare: (doel: T) => Promise<void>): Promise<void> {
  let klaar = false;
  const done = () => {
    klaar = true;
  };
  gemeten.then(done, done);
  for (const doel of eerste) {
    // The measurement in this thread (no worker) has finished here already.
    await Promise.resolve();
    if (klaar) return;
    await prepare(doel).catch(() => undefined);
  }
}
