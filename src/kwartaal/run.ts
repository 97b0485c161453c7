// `cter kwartaal`: the whole quarter of a region in one run. The inputs are read and classified once (src/scope);
// then, into <uitvoer>/<periode>/: the trends of every area of the scope (trends.json/.md/.csv), samenvatting.md for
// the projectgroep, the lokaal beeld of every area as PDF (batch's pool and one browser), and overzicht.json/.md with
// every file's SHA-256. Trends and summary come first, so an interrupted run still leaves them.
import { join } from 'node:path';
import type { LoadedConfig } from '../config/cter-config.js';
import { slug } from '../reference/normalise.js';
import { reviewQueue } from '../review/queue.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { CterError, EXIT, UsageError } from '../util/errors.js';
import { cterVersie } from '../util/package.js';
import { ensureWritableDir } from '../util/atomic-write.js';
import { outputGuardVoor } from '../config/output-guard.js';
import { rapportPad, shownPath } from '../util/paths.js';
import { rapportBestand, writeKwartaalOverzicht, KWARTAAL_OVERZICHT_SCHEMA, type KwartaalBestand, type KwartaalOverzicht } from './overzicht.js';
import { samenvattingMarkdown } from './samenvatting.js';
import { trendsCsv } from '../aggregate/trends-csv.js';
import { trendsMarkdown } from '../aggregate/trends-md.js';
import type { Scope } from '../aggregate/aggregate.js';
import { doelenVanScope, type BatchDoel } from '../batch/targets.js';
import { fileSha256, makeReports, poolWriter } from '../batch/run.js';
import type { Voortgang } from '../batch/progress.js';
import { buildReportModel } from '../report/build-model.js';
import { duidingVan } from '../report/duiding.js';
import { reportBasis } from '../report/basis.js';
import type { Formaat } from '../report/formaten.js';
import { prepareScopeRun, type Lezer, type Log } from '../scope/run.js';
import { scopeTrends } from '../scope/trends.js';
import { scopeUitOptiesOfConfig, type GekozenScope } from '../scope/resolve.js';

export interface KwartaalOptions {
  /** Configuration with the command's options applied (signalen, notities, uitvoer). */
  config: LoadedConfig;
  /** --regio; default the configuration's `regio` (or else its `gemeente`). */
  regio?: string;
  /** "2025-Q3"; default the latest complete quarter in the inputs. */
  periode?: string;
  /** The reports' format (default PDF); trends, summary and index do not depend on it. */
  formaat?: Formaat;
  /** Reports made at the same time. */
  parallel: number;
  signal?: AbortSignal;
  log: Log;
  /** Wraps the reading (a progress line on a TTY). */
  lezer?: Lezer;
  voortgang: (totaal: number) => Voortgang;
  /** Called once the browser runs, with a function that closes it now (a second Ctrl-C). */
  onBrowser?: (stopNow: () => Promise<void>) => void;
}

export interface KwartaalResultaat {
  overzicht: KwartaalOverzicht;
  /** The quarter's folder, and the index files in it. */
  map: string;
  json: string;
  md: string;
  /** Rejected input rows (reported on stderr; with --streng they make the run partly done). */
  afgewezen: number;
}

interface KwartaalGebied extends GekozenScope {
  doelen: BatchDoel[];
}

function kwartaalGebied(ref: Parameters<typeof doelenVanScope>[0], options: KwartaalOptions): KwartaalGebied {
  const gekozen = scopeUitOptiesOfConfig(ref, { regio: options.regio }, options.config.values);
  if (!gekozen) {
    throw new UsageError("geen regio: geef --regio <naam>, of zet 'regio' in cter.config.json.");
  }
  return { ...gekozen, doelen: doelenVanScope(ref, gekozen.scope) };
}

/** The CBS codes of a scope's gemeenten. */
const gemeentenVan = (scope: Scope): Set<string> =>
  new Set(scope.soort === 'regio' ? scope.regio.gemeenten : [scope.code]);

export async function runKwartaal(options: KwartaalOptions): Promise<KwartaalResultaat> {
  const { config, log } = options;
  // Period syntax, region, templates and browser are checked before minutes of reading.
  const plan = await prepareScopeRun({ config, periode: options.periode, gebied: (ref) => kwartaalGebied(ref, options) });
  const { scope, naam, doelen } = plan.gebied;
  const formaat = options.formaat ?? 'pdf';
  const writer = await poolWriter(config, formaat, options.parallel);
  try {
    const run = await plan.read({ log, lezer: options.lezer });
    if (options.signal?.aborted) throw new CterError('afgebroken voordat er iets is geschreven.', EXIT.PARTIAL);
    const { periode } = run;
    const map = join(config.values.uitvoer, periode.code);
    // The same rules as beeld and batch: the folder takes files (said once), no output replaces an input, and the
    // reports show no absolute path.
    await ensureWritableDir(map);
    const guard = await outputGuardVoor(config);
    const basis = reportBasis(run.invoer, config);

    const trends = scopeTrends(run, scope, { alle: true });
    const inScope = gemeentenVan(scope);
    const wachtend = reviewQueue(run.invoer.signalen, run.invoer.beoordelingen).filter((w) => inScope.has(w.signaal.gemeente));
    const samenvatting = samenvattingMarkdown({
      trends,
      fenomeenNames: basis.fenomeenNames,
      kernpunten: buildReportModel({ ...basis, cijfers: run.cijfers(scope) }).kernpunten,
      wachtrij: {
        totaal: wachtend.length,
        inPeriode: wachtend.filter((w) => w.signaal.datum >= periode.start && w.signaal.datum <= periode.eind).length,
      },
      zonderDuiding: trends.gebieden.filter((g) => !duidingVan(basis.duidingen, slug(g.naam), periode.code)).map((g) => g.naam),
    });
    const teksten: [bestand: string, wat: string, data: string][] = [
      ['trends.json', 'trends (JSON)', `${JSON.stringify(trends, null, 2)}\n`],
      ['trends.md', 'trends (Markdown)', trendsMarkdown(trends, basis.fenomeenNames)],
      ['trends.csv', 'trends (CSV)', trendsCsv(trends)],
      ['samenvatting.md', 'samenvatting voor de projectgroep', samenvatting],
    ];
    const bestanden: KwartaalBestand[] = [];
    for (const [bestand, wat, data] of teksten) {
      const pad = join(map, bestand);
      await writeFileAtomic(pad, data);
      bestanden.push({
        bestand,
        wat,
        gebied: null,
        sha256: await fileSha256(pad),
        bytes: Buffer.byteLength(data),
        paginas: null,
        status: 'gelukt',
      });
    }
    log.info(`${naam}, ${periode.label}: trends van ${trends.gebieden.length} gebieden en samenvatting in ${shownPath(map)}`);

    await writer.start();
    options.onBrowser?.(() => writer.close());
    log.info(`${doelen.length} rapporten (${formaat}, ${options.parallel} tegelijk)...`);
    const rapporten = await makeReports({
      run,
      doelen,
      writer,
      basis,
      uitDir: map,
      parallel: options.parallel,
      signal: options.signal,
      voortgang: options.voortgang(doelen.length),
      guard,
    });
    bestanden.push(...rapporten.map(rapportBestand));

    const overzicht: KwartaalOverzicht = {
      schema: KWARTAAL_OVERZICHT_SCHEMA,
      versie: cterVersie(),
      periode: { code: periode.code, label: periode.label },
      scope: { soort: scope.soort, code: scope.soort === 'regio' ? scope.regio.code : scope.code, naam },
      uitkomst: options.signal?.aborted ? 'afgebroken' : rapporten.some((r) => r.status !== 'gelukt') ? 'onvolledig' : 'volledig',
      instellingen: {
        rubricering: config.values.rubricering,
        tlp: config.values.tlp,
        drempel: config.values.drempel,
        templates: config.values.templates === undefined ? null : rapportPad(config.values.templates, config.baseDir),
      },
      invoer: basis.invoer,
      bestanden,
    };
    const paden = await writeKwartaalOverzicht(map, overzicht);
    return { overzicht, map, ...paden, afgewezen: run.afgewezen.length };
  } finally {
    await writer.close();
  }
}
