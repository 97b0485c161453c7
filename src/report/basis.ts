// What every report of one run shares: the trend notes, the input accounting, the classification summary, the
// configuration, the version and the generation time. `cter beeld` builds one report from it, `cter batch` many.

import type { LoadedConfig } from '../config/cter-config.js';
import { HERKOMSTEN, type BestandVerantwoording, type GeclassificeerdSignaal, type Herkomst } from '../domain.js';
import type { PipelineResultaat } from '../pipeline.js';
import { evaluateClassifier } from '../classify/evaluatie.js';
import { loadReference } from '../reference/index.js';
import { cterVersie } from '../util/package.js';
import { rapportPad } from '../util/paths.js';
import { fenomeenNames } from '../present/labels.js';
import { leesDuidingen } from './duiding.js';
import type { ClassificatieMeting, ReportInput } from './model-types.js';
import { trainingsvoorbeelden } from '../classify/classify.js';
import type { TrainingExample } from '../classify/tekstmodel.js';

/** The classification summary of all ingested signals: how many got their fenomeen in which way. */
function herkomstTelling(signalen: readonly GeclassificeerdSignaal[]): Record<Herkomst, number> {
  const counts = Object.fromEntries(HERKOMSTEN.map((h) => [h, 0])) as Record<Herkomst, number>;
  for (const s of signalen) counts[s.herkomst]++;
  return counts;
}

export interface BasisOpties {
  /** How input file paths appear in the verantwoording; default relative to the configuration's folder (rapportPad). */
  pad?: (bestand: string) => string;
  gegenereerd?: Date;
  versie?: string;
}

/** At most this many labelled signals are cross-validated for the verantwoording (an even spread over the inputs). */
const MEETLIMIET = 3000;
const MEETVOUWEN = 5;

/**
 * The accuracy of the classification the report used (rules, then the text model), by 5-fold cross-validation on the
 * signals the analyst labelled: would the rules and the model have given the analyst's fenomeen?
 */
function classificatieMeting(
  invoer: Pick<PipelineResultaat, 'signalen' | 'taxonomy' | 'tekstmodel'>,
): ClassificatieMeting | undefined {
  const { voorbeelden } = trainingsvoorbeelden(invoer.signalen);
  if (voorbeelden.length < MEETVOUWEN) return undefined;
  const stap = Math.ceil(voorbeelden.length / MEETLIMIET);
  const steekproef: TrainingExample[] = voorbeelden.filter((_, i) => i % stap === 0);
  const basis = invoer.tekstmodel.basisBestand;
  const e = evaluateClassifier(steekproef, invoer.taxonomy, basis, MEETVOUWEN, { analist: steekproef.length, handmatig: 0 });
  const beide = e.metingen.find((m) => m.methode === 'beide')!;
  return { gelabeld: steekproef.length, vouwen: e.vouwen, nauwkeurigheid: beide.nauwkeurigheid, onthouding: beide.onthouding };
}

/** The inputs of buildReportModel except the figures, from one pipeline run. */
export function reportBasis(
  invoer: Pick<PipelineResultaat, 'signalen' | 'notities' | 'ingest'> &
    Partial<Pick<PipelineResultaat, 'taxonomy' | 'tekstmodel'>>,
  config: LoadedConfig,
  opties: BasisOpties = {},
): Omit<ReportInput, 'cijfers'> {
  const pad = opties.pad ?? ((b: string) => rapportPad(b, config.baseDir));
  const toon = (b: BestandVerantwoording) => ({ ...b, bestand: pad(b.bestand) });
  return {
    notities: invoer.notities,
    signalen: invoer.signalen,
    ...(invoer.taxonomy
      ? { fenomeenNames: fenomeenNames(invoer.taxonomy.definitie.fenomenen) }
      : {}),
    invoer: {
      signalen: invoer.ingest.signalen.bestanden.map(toon),
      notities: invoer.ingest.notities.bestanden.map(toon),
      omzettingen: invoer.ingest.signalen.omzettingen,
    },
    classificatie: herkomstTelling(invoer.signalen),
    ...meting(invoer),
    config,
    ref: loadReference(config.values),
    duidingen: leesDuidingen(config.values.duiding ?? 'duiding'),
    versie: opties.versie ?? cterVersie(),
    gegenereerd: opties.gegenereerd ?? new Date(),
  };
}

function meting(
  invoer: Pick<PipelineResultaat, 'signalen'> & Partial<Pick<PipelineResultaat, 'taxonomy' | 'tekstmodel'>>,
): { classificatieMeting?: ClassificatieMeting } {
  const { taxonomy, tekstmodel } = invoer;
  if (!taxonomy || !tekstmodel) return {};
  const m = classificatieMeting({ signalen: invoer.signalen, taxonomy, tekstmodel });
  return m ? { classificatieMeting: m } : {};
}
