// `cter review`: reads the inputs and the stored decisions, builds the queue, and then reviews interactively, exports
// the queue, imports decisions, or reports the queue's size. I/O lives here; the queue, CSV and store logic is pure.
import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parsePeriode } from '../aggregate/periode.js';
import { info, out, warn, error } from '../util/io.js';
import { scopeUitOptiesOfConfig } from '../scope/resolve.js';
import { loadConfig, priveMap } from '../config/index.js';
import { readRecords, type RawRecord, type RecordSink } from '../ingest/read-records.js';
import type { GeclassificeerdSignaal } from '../domain.js';
import { runPipelineGemeld } from '../pipeline.js';
import { loadReference } from '../reference/index.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { EXIT, FileError, UsageError, type ExitCode, klaar, type AlgemeneOptieWaarden } from '../util/errors.js';
import { outputGuardVoor } from '../config/output-guard.js';
import { importFoutTekst, ingevuldeRegels, queueCsv, readImport } from './csv.js';
import { geldigeBeoordeling, maakBeoordeling, reviewQueue, wachtrijSelectie, type WachtrijFilter } from './queue.js';
import { queueStatus, statusTekst } from './status.js';
import { reviewSession } from './session.js';
import { addBeoordelingen, loadBeoordelingen, reviewer, type OpgeslagenBeoordeling } from '../classify/beoordelingen.js';
import type { LoadedConfig } from '../config/cter-config.js';
import { shownPath } from '../util/paths.js';

export interface ReviewOpties extends AlgemeneOptieWaarden {
  signalen?: string[];
  config?: string;
  gemeente?: string;
  regio?: string;
  periode?: string;
  /** A path, or true (the option without a value): the workspace's private folder. */
  exporteer?: string | true;
  importeer?: string;
  status?: boolean;
  json?: boolean;
  forceer?: boolean;
}

const ZONDER_TERMINAL =
  "'cter review' stelt zijn vragen op een terminal, en die is er niet. Zonder terminal:\n" +
  '  cter review --exporteer <bestand.csv>   de wachtrij als CSV, met een lege kolom fenomeen (en ernst)\n' +
  '  cter review --importeer <bestand.csv>   de ingevulde beslissingen teruglezen (alles of niets)\n' +
  '  cter review --status [--json]           hoeveel signalen er wachten, per gemeente en kwartaal';

function checkOpties(opties: ReviewOpties, terminal: boolean): void {
  const modes = [opties.exporteer !== undefined, opties.importeer !== undefined, opties.status === true].filter(Boolean);
  if (modes.length > 1) throw new UsageError('geef één van --exporteer, --importeer of --status, niet meer tegelijk.');
  if (opties.json && !opties.status) throw new UsageError('--json hoort bij --status.');
  if (opties.forceer && opties.exporteer === undefined) throw new UsageError('--forceer hoort bij --exporteer.');
  if (modes.length === 0 && !terminal) throw new UsageError(ZONDER_TERMINAL);
}

/** Fails before minutes of reading when the file to import is not there. */
async function checkImportFile(path: string): Promise<void> {
  const info = await stat(path).catch(() => undefined);
  if (!info) throw new FileError(shownPath(path), 'bestand bestaat niet.');
  if (!info.isFile()) throw new FileError(shownPath(path), 'is geen bestand.');
}

/** A new export must not silently replace an earlier one in which the analyst already filled in decisions. */
async function checkExportOverwrite(path: string, forceer: boolean): Promise<void> {
  if (forceer || !(await stat(path).catch(() => undefined))) return;
  const shown = shownPath(path);
  const ingevuld = ingevuldeRegels(shown, await readRecords(path, collect()));
  if (ingevuld > 0) {
    throw new UsageError(
      `--exporteer ${shown}: dit bestand bevat al ${ingevuld} ingevulde beslissing(en). Importeer het eerst ` +
        `(cter review --importeer ${shown}), kies een andere naam, of overschrijf het met --forceer.`,
    );
  }
}

/** The review file name in the private folder when --exporteer has no path. */
const STANDAARD_EXPORT = 'wachtrij.csv';

/**
 * Which signals to review: the area from --gemeente/--regio, else the workspace's region or gemeente (all signals
 * when none is configured), and the period from --periode; with a Dutch line saying so.
 */
function wachtrijFilter(opties: ReviewOpties, config: LoadedConfig, ref: ReturnType<typeof loadReference>): { filter: WachtrijFilter; uitleg?: string } {
  const gekozen = scopeUitOptiesOfConfig(ref, opties, config.values);
  const periode = opties.periode === undefined ? undefined : parsePeriode(opties.periode);
  const filter: WachtrijFilter = {
    ...(gekozen ? { gemeenten: new Set(gekozen.scope.soort === 'gemeente' ? [gekozen.scope.code] : gekozen.scope.regio.gemeenten) } : {}),
    ...(periode ? { periode: { start: periode.start, eind: periode.eind } } : {}),
  };
  const delen = [gekozen?.naam, periode?.label].filter(Boolean);
  return { filter, uitleg: delen.length > 0 ? delen.join(', ') : undefined };
}

async function loadInputs(config: LoadedConfig, opties: ReviewOpties) {
  const ref = loadReference(config.values);
  // Area and period are checked before minutes of reading.
  const { filter, uitleg } = wachtrijFilter(opties, config, ref);
  const file = config.values.beoordelingen;
  // Decisions first: a broken decisions file should fail before the exports are read.
  const beoordelingen = await loadBeoordelingen(file);
  const pipeline = await runPipelineGemeld({ signalen: config.values.signalen, notities: [], config, ref, beoordelingen }, { info, warn });
  const gemeenteNaam = (code: string) => ref.gemeente(code)?.naam ?? code;
  const queue = wachtrijSelectie(reviewQueue(pipeline.signalen, beoordelingen), filter);
  if (uitleg) info(`wachtrij van ${uitleg} (nieuwste eerst); andere gebieden met --gemeente of --regio.`);
  return { config, file, beoordelingen, pipeline, gemeenteNaam, queue };
}

type Inputs = Awaited<ReturnType<typeof loadInputs>>;

async function exporteer(path: string, inputs: Inputs): Promise<ExitCode> {
  await writeFileAtomic(path, queueCsv(inputs.queue, inputs.pipeline.taxonomy, inputs.gemeenteNaam));
  info(`${inputs.queue.length} signalen uit de wachtrij geschreven naar ${shownPath(path)}.`);
  warn('het bestand bevat de omschrijvingen (bijzondere persoonsgegevens): bewaar het bij de data en verwijder het na het importeren.');
  if (inputs.queue.length > 0) {
    info(`Vul de kolom 'fenomeen' (en zo nodig 'ernst') in, en lees het terug met: cter review --importeer ${shownPath(path)}`);
  }
  return EXIT.OK;
}

function collect(): RecordSink<RawRecord[]> {
  const records: RawRecord[] = [];
  return { record: (rec) => records.push(rec), finish: () => records };
}

async function importeer(path: string, inputs: Inputs): Promise<ExitCode> {
  const shown = shownPath(path);
  const records = await readRecords(path, collect());
  const signalen = new Map<string, GeclassificeerdSignaal>(inputs.pipeline.signalen.map((s) => [s.id, s]));
  const uitkomst = readImport(shown, records, signalen, inputs.pipeline.taxonomy);
  if (uitkomst.fouten.length > 0) {
    for (const m of uitkomst.fouten) error(importFoutTekst(m));
    info(
      `Niets vastgelegd: ${uitkomst.fouten.length} fout(en) in ${shown}. Verbeter ze en importeer opnieuw; ` +
        `${shownPath(inputs.file)} is niet gewijzigd.`,
    );
    return EXIT.PARTIAL;
  }
  const wie = reviewer(inputs.config.values.analist);
  const now = new Date();
  let nieuw = 0;
  let ongewijzigd = 0;
  const vastleggen: OpgeslagenBeoordeling[] = [];
  for (const b of uitkomst.beslissingen) {
    const bestaand = inputs.beoordelingen.get(b.signaal.id);
    // Re-importing the same file keeps the original who and when.
    if (bestaand && geldigeBeoordeling(b.signaal, inputs.beoordelingen) && bestaand.fenomeen === b.fenomeen && bestaand.ernst === b.ernst) {
      ongewijzigd++;
      continue;
    }
    if (!bestaand) nieuw++;
    vastleggen.push(maakBeoordeling(b.signaal, b, wie, now));
  }
  if (vastleggen.length > 0) await addBeoordelingen(inputs.file, vastleggen);
  const vervangen = vastleggen.length - nieuw;
  info(
    `${vastleggen.length} beoordelingen vastgelegd in ${shownPath(inputs.file)} (${nieuw} nieuw, ${vervangen} vervangen` +
      `${ongewijzigd > 0 ? `, ${ongewijzigd} al zo vastgelegd` : ''}); ${uitkomst.overgeslagen} regels zonder beslissing overgeslagen.`,
  );
  return EXIT.OK;
}

async function interactief(inputs: Inputs): Promise<ExitCode> {
  if (inputs.queue.length === 0) {
    info('De wachtrij is leeg: er zijn geen signalen te beoordelen.');
    return EXIT.OK;
  }
  info(`${inputs.queue.length} signalen in de wachtrij. Elke beslissing wordt meteen bewaard in ${shownPath(inputs.file)}.`);
  const uitkomst = await reviewSession(inputs.queue, {
    taxonomy: inputs.pipeline.taxonomy,
    gemeenteNaam: inputs.gemeenteNaam,
    bestand: inputs.file,
    wie: reviewer(inputs.config.values.analist),
  });
  info('');
  info(
    `${uitkomst.vastgelegd} vastgelegd, ${uitkomst.overgeslagen} overgeslagen` +
      `${uitkomst.resterend > 0 ? `, ${uitkomst.resterend} nog niet bekeken` : ''}.`,
  );
  return EXIT.OK;
}

export async function runReview(opties: ReviewOpties, terminal: boolean): Promise<ExitCode> {
  checkOpties(opties, terminal);
  const config = await loadConfig({ file: opties.config, overrides: opties.signalen ? { signalen: opties.signalen } : {} });
  const exportPath =
    opties.exporteer === undefined
      ? undefined
      : opties.exporteer === true
        ? join(priveMap(config), STANDAARD_EXPORT)
        : resolve(opties.exporteer);
  const importPath = opties.importeer === undefined ? undefined : resolve(opties.importeer);
  if (exportPath) await (await outputGuardVoor(config)).check(exportPath, '--exporteer');
  if (exportPath) await checkExportOverwrite(exportPath, opties.forceer === true);
  if (importPath) await checkImportFile(importPath);
  const inputs = await loadInputs(config, opties);
  const afgewezen = inputs.pipeline.ingest.signalen.totaal.afgewezen;
  if (importPath) {
    const code = await importeer(importPath, inputs);
    return code === EXIT.OK ? klaar(afgewezen, opties) : code;
  }
  if (exportPath) await exporteer(exportPath, inputs);
  else if (opties.status) {
    const status = queueStatus(inputs.queue, inputs.pipeline.signalen, inputs.beoordelingen, inputs.gemeenteNaam);
    await out(opties.json ? `${JSON.stringify(status, null, 2)}\n` : statusTekst(status, shownPath(inputs.file)));
  } else await interactief(inputs);
  return klaar(afgewezen, opties);
}
