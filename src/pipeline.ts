// The shared front half of the commands that need classified signals (trends, beeld, batch):
// input paths -> files -> ingest (signals and trend notes) -> classify. I/O lives here, at the edge; the stages stay
// pure. Commands import this lazily, inside their action.
import {
  bouwModel,
  classifySignals,
  labelResolver,
  laadModelbestand,
  loadTaxonomy,
  neutraleKenmerken,
  trainingsvoorbeelden,
  type Beoordelingen,
  type Taxonomy,
  type ModelBestand,
  type Tekstmodel,
} from './classify/index.js';
import { resolveInputs, type LoadedConfig } from './config/index.js';
import { ingestNotities, ingestSignalen, omzettingRegel, type IngestUitkomst } from './ingest/index.js';
import type { GeclassificeerdSignaal, Melding, Signaal, Trendnotitie } from './model.js';
import type { Reference } from './reference/index.js';
import { loadBeoordelingen } from './review/store.js';
import { UsageError } from './util/errors.js';
import { shownPath } from './util/paths.js';

export { shownPath };

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
}

export interface PipelineResultaat {
  signalen: GeclassificeerdSignaal[];
  notities: Trendnotitie[];
  ingest: { signalen: IngestUitkomst<Signaal>; notities: IngestUitkomst<Trendnotitie> };
  taxonomy: Taxonomy;
  /** The text model used where the rules abstain, and the labels it was trained on. */
  tekstmodel: TekstmodelInfo;
  /** The review decisions the classification used (for the review queue). */
  beoordelingen: Beoordelingen;
}

export interface TekstmodelInfo {
  model: Tekstmodel;
  /** The shipped base model as read (data/tekstmodel.json). */
  basisBestand: ModelBestand;
  /** Labelled descriptions in the shipped base model. */
  basis: number;
  /** Labels from the inputs: the analyst's (analist) and review decisions (handmatig). */
  analist: number;
  handmatig: number;
}

/** The shipped base model extended with the labelled signals of the inputs (deterministic: input order). */
export async function trainTekstmodel(
  signalen: readonly Signaal[],
  taxonomy: Taxonomy,
  beoordelingen?: Beoordelingen,
): Promise<TekstmodelInfo> {
  const basis = await laadModelbestand();
  const { voorbeelden, analist, handmatig } = trainingsvoorbeelden(signalen, beoordelingen);
  const model = bouwModel(basis, voorbeelden, undefined, neutraleKenmerken(taxonomy));
  return { model, basisBestand: basis, basis: basis.documenten.reduce((a, b) => a + b, 0), analist, handmatig };
}

/** One line for stderr: on how many labels the text model was trained. */
export function tekstmodelMelding(t: TekstmodelInfo): string {
  const drempel = String(t.model.drempel).replace('.', ',');
  return (
    `tekstmodel: getraind op ${t.basis + t.analist + t.handmatig} gelabelde omschrijvingen (basismodel ${t.basis}, ` +
    `labels van de analist ${t.analist}, beoordelingen ${t.handmatig}); stelt een fenomeen voor vanaf kans ${drempel}.`
  );
}

/** The configuration's taxonomy: the built-in one, extended or replaced by the file in `taxonomie`. */
export function taxonomyFromConfig(config: LoadedConfig): Promise<Taxonomy> {
  const { taxonomie, taxonomieModus } = config.values;
  return loadTaxonomy({ taxonomie, taxonomieModus, baseDir: config.baseDir });
}

/** Ingests both kinds of input and classifies the signals. No signal files at all is a usage error. */
export async function runPipeline(options: PipelineOptions): Promise<PipelineResultaat> {
  const { config, ref, onProgress } = options;
  const signaalBestanden = await resolveInputs([...options.signalen], config.baseDir);
  if (signaalBestanden.length === 0) {
    throw new UsageError(
      "geen signaalbestanden: geef ze op met --signalen <bestand...> of zet 'signalen' in cter.config.json.",
    );
  }
  const notitieBestanden = await resolveInputs([...options.notities], config.baseDir);
  // The taxonomy first: a broken taxonomy file should fail before minutes of reading.
  const taxonomy = await taxonomyFromConfig(config);
  const beoordelingen = options.beoordelingen ?? (await loadBeoordelingen(config.values.beoordelingen));
  // The export's fenomeen labels are read with the same taxonomy that classifies: one list of synonyms.
  const opts = { sleutel: config.values.sleutel, onProgress, fenomeenVoorLabel: labelResolver(taxonomy) };
  const signalen = await ingestSignalen(signaalBestanden, ref, opts);
  const notities = await ingestNotities(notitieBestanden, ref, opts);
  const tekstmodel = await trainTekstmodel(signalen.records, taxonomy, beoordelingen);
  return {
    signalen: classifySignals(signalen.records, taxonomy, beoordelingen, tekstmodel.model),
    tekstmodel,
    notities: notities.records,
    ingest: { signalen, notities },
    taxonomy,
    beoordelingen,
  };
}

function meldingTekst(m: Melding): string {
  const waar = `${shownPath(m.bestand)}:${m.regel}${m.kolom ? ` (kolom ${m.kolom})` : ''}`;
  return `${waar}: ${m.reden}`;
}

/**
 * Dutch lines for stderr about what the ingest did: counts per kind, the first rejections and warnings, and
 * abolished gemeenten mapped to their successor. `max` limits the listed messages per kind.
 */
export function ingestMeldingen(
  ingest: PipelineResultaat['ingest'],
  max = 5,
): { info: string[]; waarschuwingen: string[] } {
  const info: string[] = [];
  const waarschuwingen: string[] = [];
  for (const [naam, r] of [
    ['signalen', ingest.signalen],
    ['trendnotities', ingest.notities],
  ] as const) {
    if (r.bestanden.length === 0) continue;
    const t = r.totaal;
    const bestanden = r.bestanden.length === 1 ? '1 bestand' : `${r.bestanden.length} bestanden`;
    info.push(`${naam}: ${t.geaccepteerd} geaccepteerd, ${t.afgewezen} afgewezen, ${t.dubbel} dubbel (${bestanden}).`);
    for (const o of r.omzettingen) info.push(`${naam}: ${omzettingRegel(o)}.`);
    for (const m of r.fouten.slice(0, max)) waarschuwingen.push(`afgewezen: ${meldingTekst(m)}`);
    if (r.fouten.length > max) {
      const rest = r.fouten.length - max;
      waarschuwingen.push(`... en nog ${rest} fouten in afgewezen ${naam}; 'cter valideer' toont ze allemaal.`);
    }
    for (const m of r.waarschuwingen.slice(0, max)) waarschuwingen.push(meldingTekst(m));
    if (r.waarschuwingen.length > max) {
      waarschuwingen.push(`... en nog ${r.waarschuwingen.length - max} waarschuwingen bij de ${naam}.`);
    }
  }
  return { info, waarschuwingen };
}

/** runPipeline, then the ingest summary for people: counts and abolished gemeenten as info, problems as warnings. */
export async function runPipelineGemeld(
  options: PipelineOptions,
  log: { info(text: string): void; warn(text: string): void },
): Promise<PipelineResultaat> {
  const invoer = await runPipeline(options);
  const meldingen = ingestMeldingen(invoer.ingest);
  meldingen.info.forEach((t) => log.info(t));
  log.info(tekstmodelMelding(invoer.tekstmodel));
  meldingen.waarschuwingen.forEach((t) => log.warn(t));
  return invoer;
}
