// The shared front half of the commands that need classified signals (trends, beeld, batch):
// input paths -> files -> ingest (signals and trend notes) -> classify. I/O lives here, at the edge; the stages stay
// pure. Commands import this lazily, inside their action.
import { resolveInputs } from './config/index.js';
import { ingestNotities, ingestSignalen } from './ingest/index.js';
import type { GeclassificeerdSignaal, Melding, Signaal, TelSignaal, Trendnotitie } from './domain.js';
import type { Reference } from './reference/index.js';
import { loadBeoordelingen } from './classify/beoordelingen.js';
import { UsageError } from './util/errors.js';
import { shownPath } from './util/paths.js';
import { loadModelFile, modelBuilder, modelSettings, neutralFeatures, type ModelFile } from './classify/tekstmodel.js';
import { classifyAndTrainForCounting, classifyAndTrainInPlace, forCounting, inPlace, type Beoordelingen } from './classify/classify.js';
import { ParallelClassificatie, parallelBeschikbaar, PARALLEL_VANAF_BYTES, type Uitkomst } from './classify/parallel.js';
import { labelResolver, loadTaxonomy, type LoadTaxonomyOptions, type Taxonomy } from './classify/taxonomy.js';
import type { LoadedConfig } from './config/cter-config.js';
import { omzettingRegel } from './ingest/fields.js';
import { totaleGrootte, type IngestOpties, type IngestUitkomst } from './ingest/ingest.js';
import { decimalComma } from './present/getal.js';
import { indexSignals, SignaalIndexBouwer, type SignaalIndex } from './aggregate/aggregate.js';
import type { PeriodeSoort } from './aggregate/result-types.js';
import { laadVerdelingVooraf } from './aggregate/stats.js';


export interface PipelineOptions {
  /** Signal exports: files or folders (a folder means its .csv files); relative paths against the config's folder. */
  signalen: readonly string[];
  /** Trend-note files or folders; may be empty. */
  notities: readonly string[];
  config: LoadedConfig;
  ref: Reference;
  /** Review decisions (herkomst `handmatig`); default: the workspace's decisions file (configuration `beoordelingen`). */
  beoordelingen?: Beoordelingen;
  /** Progress while reading: file and lines read so far. */
  onProgress?: (bestand: string, regels: number) => void;
  /**
   * The run only counts (cter trends): keep of each signal only what counting needs (`telSignalen`); `signalen` and
   * `ingest.signalen.records` stay empty. A million signals then fit in Node's default heap with room to spare.
   */
  alleenTellen?: boolean;
  /** Count the classified signals into an index of this period kind as they come (PipelineResultaat.index). */
  indexeer?: PeriodeSoort;
}

export interface PipelineResultaat {
  /** The classified signals (empty with `alleenTellen`). */
  signalen: GeclassificeerdSignaal[];
  /** What counting needs of each classified signal: the signals themselves, or with `alleenTellen` only that. */
  telSignalen: readonly TelSignaal[];
  notities: Trendnotitie[];
  ingest: { signalen: IngestUitkomst<Signaal>; notities: IngestUitkomst<Trendnotitie> };
  taxonomy: Taxonomy;
  /** The text model used where the rules abstain, and the labels it was trained on. */
  tekstmodel: TekstmodelInfo;
  /** The review decisions the classification used (for the review queue). */
  beoordelingen: Beoordelingen;
  /** With `indexeer`: the classified signals counted by area and period (as indexSignals). */
  index?: SignaalIndex;
}

interface TekstmodelInfo {
  /** The shipped base model as read (data/tekstmodel.json); every model of a run has its settings. */
  basisBestand: ModelFile;
  /** Labelled descriptions in the shipped base model. */
  basis: number;
  /** Labels from the inputs: the analyst's (analist) and review decisions (handmatig). */
  analist: number;
  handmatig: number;
}

/**
 * Classifies the ingested signals in place (they become the classified signals), with the shipped base model extended
 * with the labelled signals of the inputs (deterministic: input order); each description is tokenised once.
 * @public used by bench/ingest-kind.mjs (through dist/).
 */
export async function classifyWithTextModel(
  signalen: readonly Signaal[],
  taxonomy: Taxonomy,
  beoordelingen?: Beoordelingen,
): Promise<{ signalen: GeclassificeerdSignaal[]; tekstmodel: TekstmodelInfo }> {
  const { basis, builder } = await baseModel(taxonomy);
  const { signalen: geclassificeerd, analist, handmatig } = classifyAndTrainInPlace(signalen, taxonomy, beoordelingen, builder);
  return { signalen: geclassificeerd, tekstmodel: tekstmodelInfo(basis, analist, handmatig) };
}

/** The shipped base model, ready to be extended with the inputs' labels. */
async function baseModel(taxonomy: Taxonomy): Promise<{ basis: ModelFile; builder: ReturnType<typeof modelBuilder> }> {
  const basis = await loadModelFile();
  return { basis, builder: modelBuilder(basis, undefined, neutralFeatures(taxonomy)) };
}

function tekstmodelInfo(basis: ModelFile, analist: number, handmatig: number): TekstmodelInfo {
  return { basisBestand: basis, basis: basis.documenten.reduce((a, b) => a + b, 0), analist, handmatig };
}

/**
 * As classifyWithTextModel, keeping only what counting needs of each signal; the ingested records are handed over
 * (the array is emptied as the pass goes), so the full records are collected during the pass.
 */
async function classifyForCounting(
  ingest: IngestUitkomst<Signaal>,
  taxonomy: Taxonomy,
  beoordelingen: Beoordelingen,
): Promise<{ telSignalen: TelSignaal[]; tekstmodel: TekstmodelInfo }> {
  const records: (Signaal | undefined)[] = ingest.records;
  ingest.records = [];
  const { basis, builder } = await baseModel(taxonomy);
  const { signalen, analist, handmatig } = classifyAndTrainForCounting(records, taxonomy, beoordelingen, builder);
  return { telSignalen: signalen, tekstmodel: tekstmodelInfo(basis, analist, handmatig) };
}

/** The signals ingested and classified: the classified signals, or with `alleenTellen` what counting needs of them. */
interface GeclassificeerdeSignalen {
  ingest: IngestUitkomst<Signaal>;
  signalen: GeclassificeerdSignaal[];
  telSignalen: TelSignaal[];
  tekstmodel: TekstmodelInfo;
  /** With `indexeer`: telSignalen counted by area and period (indexSignals). */
  index?: SignaalIndex;
}

/**
 * Ingests the signal exports and classifies them (classifyWithTextModel; with `alleenTellen` as classifyForCounting).
 * A large input is classified on a second thread while the files are read (src/classify/parallel.ts), with the same
 * result; a small one, or one the worker cannot follow, in this thread after reading.
 * @public used by bench/ingest-kind.mjs (through dist/).
 */
export async function ingestAndClassify(
  bestanden: string[],
  ref: Reference,
  opts: IngestOpties,
  taxonomy: Taxonomy,
  taxonomieBron: LoadTaxonomyOptions,
  beoordelingen: Beoordelingen | undefined,
  alleenTellen = false,
  indexeer?: PeriodeSoort,
): Promise<GeclassificeerdeSignalen> {
  // Counted after classifying, where the signals were not counted as they came.
  const geteld = (r: GeclassificeerdeSignalen): GeclassificeerdeSignalen =>
    indexeer && !r.index ? { ...r, index: indexSignals(r.telSignalen, indexeer) } : r;
  if (!parallelBeschikbaar() || (await totaleGrootte(bestanden)) < PARALLEL_VANAF_BYTES) {
    return geteld(await inEenDraad(await ingestSignalen(bestanden, ref, opts), taxonomy, beoordelingen, alleenTellen));
  }
  // Each signal is counted as its classification arrives, while the text model still decides the others.
  const index = indexeer ? new SignaalIndexBouwer(indexeer) : undefined;
  const parallel = new ParallelClassificatie(taxonomieBron, taxonomy, beoordelingen);
  let ingest: IngestUitkomst<Signaal>;
  let telSignalen: TelSignaal[] = [];
  let training: Uitkomst | undefined;
  const basis = loadModelFile();
  try {
    // Only counting: the ingest keeps stand-ins without descriptions (the worker has them), a fraction of the memory.
    ingest = await ingestSignalen(bestanden, ref, opts, {
      onKept: (signaal) => parallel.feed(signaal),
      slank: alleenTellen,
      wacht: () => parallel.wacht(),
      // The worker builds the model while this thread finishes reading's bookkeeping. With full records this thread
      // has the descriptions, and helps with the model's work.
      gelezen: (vervangen) => parallel.einde(vervangen, !alleenTellen),
    });
    const records: (Signaal | undefined)[] = ingest.records;
    // A counted run aggregates next and tests changes: the statistics load while this thread waits for the worker.
    if (indexeer) setImmediate(laadVerdelingVooraf);
    if (alleenTellen) telSignalen = new Array(records.length);
    // Each classification as it arrives, while the worker still asks the model about the rest. Only counting (as
    // classifyForCounting): a stand-in is let go as its counting part is made; otherwise in place, as
    // classifyWithTextModel: ingest.records then names the classified signals.
    training = await parallel.finish(
      ingest.vervangen,
      alleenTellen
        ? (j, c) => {
            const telSignaal = (telSignalen[j] = forCounting(records[j]!, c));
            records[j] = undefined;
            index?.voegToe(telSignaal);
          }
        : (j, c) => {
            // Not inside index?.(): without an index, optional chaining would skip the classification itself.
            const signaal = inPlace(records[j]!, c);
            index?.voegToe(signaal);
          },
      alleenTellen ? undefined : (j) => records[j]!,
    );
  } finally {
    parallel.beeindig();
  }
  if (!training) {
    // One thread after all; stand-ins lack what classification reads, so the files are then read again in full.
    return geteld(await inEenDraad(alleenTellen ? await ingestSignalen(bestanden, ref, opts) : ingest, taxonomy, beoordelingen, alleenTellen));
  }
  const tekstmodel = tekstmodelInfo(await basis, training.analist, training.handmatig);
  if (alleenTellen) {
    ingest.records = [];
    return { ingest, signalen: [], telSignalen, tekstmodel, index: index?.klaar(telSignalen) };
  }
  const signalen = ingest.records as GeclassificeerdSignaal[];
  return { ingest, signalen, telSignalen: signalen, tekstmodel, index: index?.klaar(signalen) };
}

async function inEenDraad(
  ingest: IngestUitkomst<Signaal>,
  taxonomy: Taxonomy,
  beoordelingen: Beoordelingen | undefined,
  alleenTellen: boolean,
): Promise<GeclassificeerdeSignalen> {
  if (alleenTellen) {
    const { telSignalen, tekstmodel } = await classifyForCounting(ingest, taxonomy, beoordelingen ?? new Map());
    return { ingest, signalen: [], telSignalen, tekstmodel };
  }
  const { signalen, tekstmodel } = await classifyWithTextModel(ingest.records, taxonomy, beoordelingen);
  return { ingest, signalen, telSignalen: signalen, tekstmodel };
}

/** One line for stderr: on how many labels the text model was trained. */
function tekstmodelMelding(t: TekstmodelInfo): string {
  const { drempel, drempelMetSteun } = modelSettings(t.basisBestand);
  const metSteun = drempelMetSteun < drempel ? ` (${decimalComma(drempelMetSteun)} als de regels zwak hetzelfde fenomeen aanwijzen)` : '';
  return (
    `tekstmodel: getraind op ${t.basis + t.analist + t.handmatig} gelabelde omschrijvingen (basismodel ${t.basis}, ` +
    `labels van de analist ${t.analist}, beoordelingen ${t.handmatig}); stelt een fenomeen voor vanaf kans ` +
    `${decimalComma(drempel)}${metSteun}.`
  );
}

/** The configuration's taxonomy: the built-in one, extended or replaced by the file in `taxonomie`. */
export function taxonomyFromConfig(config: LoadedConfig): Promise<Taxonomy> {
  return loadTaxonomy(taxonomieBron(config));
}

/** Where the configuration's taxonomy comes from (a worker thread loads the same). */
export function taxonomieBron(config: LoadedConfig): LoadTaxonomyOptions {
  const { taxonomie, taxonomieModus } = config.values;
  return { taxonomie, taxonomieModus, baseDir: config.baseDir };
}

/**
 * The signal files behind `paths` (files or folders). None is a usage error that says what to do: give or configure
 * exports, or (a configured folder that is still empty, as right after `cter init`) put exports in that folder.
 */
export async function signaalBestanden(paths: readonly string[], baseDir: string, optie = '--signalen <bestand...>'): Promise<string[]> {
  if (paths.length === 0) {
    throw new UsageError(`geen signaalbestanden: geef ze op met ${optie} of zet 'signalen' in cter.config.json.`);
  }
  const files = await resolveInputs([...paths], baseDir);
  if (files.length === 0) {
    const waar = paths.map((p) => shownPath(p)).join(', ');
    throw new UsageError(`geen exports in ${waar}: zet de CSV-exports daar neer, of geef ze op met ${optie}.`);
  }
  return files;
}

/**
 * Ingests both kinds of input and classifies the signals. No signal files at all is a usage error.
 * @public used by bench/pdf-kind.mjs (through dist/).
 */
export async function runPipeline(options: PipelineOptions): Promise<PipelineResultaat> {
  const { config, ref, onProgress } = options;
  const bestanden = await signaalBestanden(options.signalen, config.baseDir);
  const notitieBestanden = await resolveInputs([...options.notities], config.baseDir);
  // The taxonomy first: a broken taxonomy file should fail before minutes of reading.
  const taxonomy = await taxonomyFromConfig(config);
  const beoordelingen = options.beoordelingen ?? (await loadBeoordelingen(config.values.beoordelingen));
  // The export's fenomeen labels are read with the same taxonomy that classifies: one list of synonyms.
  const opts = { sleutel: config.values.sleutel, onProgress, fenomeenVoorLabel: labelResolver(taxonomy) };
  // In place unless only counting: the ingested records become the classified signals (ingest.signalen.records
  // names the same objects).
  const { ingest: signalen, ...geclassificeerd } = await ingestAndClassify(
    bestanden,
    ref,
    opts,
    taxonomy,
    taxonomieBron(config),
    beoordelingen,
    options.alleenTellen,
    options.indexeer,
  );
  const notities = await ingestNotities(notitieBestanden, ref, opts);
  return { ...geclassificeerd, notities: notities.records, ingest: { signalen, notities }, taxonomy, beoordelingen };
}

function meldingTekst(m: Melding): string {
  const waar = `${shownPath(m.bestand)}:${m.regel}${m.kolom ? ` (kolom ${m.kolom})` : ''}`;
  return `${waar}: ${m.reden}`;
}

/**
 * The kind of problem a message names, for counting: its reason without the quoted values and details, e.g.
 * "'31-02-2025' is geen geldige datum: februari 2025 heeft geen dag 31" -> "geen geldige datum".
 */
export function redenSoort(reden: string): string {
  const kern = reden
    .replace(/ in .+? regel \d+/, '')
    .replace(/'[^']*'/g, ' ')
    .split(/[:;.(]/)[0]!
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^is /, '');
  return kern || reden;
}

/** "3× onbekende gemeente, 1× geen geldige datum": counts per kind of problem, most frequent first. */
export function tellingPerReden(meldingen: readonly Melding[]): string {
  const tellingen = new Map<string, number>();
  for (const m of meldingen) tellingen.set(redenSoort(m.reden), (tellingen.get(redenSoort(m.reden)) ?? 0) + 1);
  return [...tellingen]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'nl'))
    .map(([soort, n]) => `${n}× ${soort}`)
    .join(', ');
}

/** A line for people, said as information or as a warning. */
interface Meldregel {
  niveau: 'info' | 'warn';
  tekst: string;
}

/** Where the complete list of rejected rows and warnings is, for the summary's last line. */
const VOLLEDIGE_LIJST = "'cter valideer' (met --afgewezen <pad> als CSV)";

/**
 * Dutch lines for stderr about what the ingest did, once per run and short: counts per kind of input, abolished
 * gemeenten mapped to their successor, and per kind of problem (rejected rows, warnings) the count per reason, the
 * first `max` lines and where the full list is.
 */
export function ingestMeldingen(ingest: PipelineResultaat['ingest'], max = 3, volledig = VOLLEDIGE_LIJST): Meldregel[] {
  const regels: Meldregel[] = [];
  const info = (tekst: string) => regels.push({ niveau: 'info', tekst });
  const warn = (tekst: string) => regels.push({ niveau: 'warn', tekst });
  let ingekort = false;
  const details = (meldingen: readonly Melding[], voorvoegsel: string) => {
    for (const m of meldingen.slice(0, max)) info(`  ${voorvoegsel}${meldingTekst(m)}`);
    if (meldingen.length > max) {
      info(`  ... en nog ${meldingen.length - max}.`);
      ingekort = true;
    }
  };
  for (const [naam, r] of [
    ['signalen', ingest.signalen],
    ['trendnotities', ingest.notities],
  ] as const) {
    if (r.bestanden.length === 0) continue;
    const t = r.totaal;
    const bestanden = r.bestanden.length === 1 ? '1 bestand' : `${r.bestanden.length} bestanden`;
    info(`${naam}: ${t.geaccepteerd} geaccepteerd, ${t.afgewezen} afgewezen, ${t.dubbel} dubbel (${bestanden}).`);
    for (const o of r.omzettingen) info(`${naam}: ${omzettingRegel(o)}.`);
    if (r.fouten.length > 0) {
      warn(`${r.fouten.length} ${naam === 'signalen' ? 'signaalregels' : 'notitieregels'} afgewezen: ${tellingPerReden(r.fouten)}.`);
      details(r.fouten, 'afgewezen: ');
    }
    if (r.waarschuwingen.length > 0) {
      warn(`${r.waarschuwingen.length} waarschuwingen bij de ${naam}: ${tellingPerReden(r.waarschuwingen)}.`);
      details(r.waarschuwingen, '');
    }
  }
  if (ingekort) info(`de volledige lijst: ${volledig}.`);
  return regels;
}

/** runPipeline, then the ingest summary for people (ingestMeldingen), once. */
export async function runPipelineGemeld(
  options: PipelineOptions,
  log: { info(text: string): void; warn(text: string): void },
): Promise<PipelineResultaat> {
  const invoer = await runPipeline(options);
  for (const regel of ingestMeldingen(invoer.ingest)) log[regel.niveau](regel.tekst);
  log.info(tekstmodelMelding(invoer.tekstmodel));
  return invoer;
}
