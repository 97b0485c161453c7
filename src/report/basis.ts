// What every report of one run shares: the trend notes, the input accounting, the classification summary, the
// configuration, the version and the generation time. `cter beeld` builds one report from it, `cter batch` many.

import type { LoadedConfig } from '../config/cter-config.js';
import { HERKOMSTEN, type BestandVerantwoording, type GeclassificeerdSignaal, type Herkomst } from '../domain.js';
import type { PipelineResultaat } from '../pipeline.js';
import { loadReference } from '../reference/index.js';
import { cterVersie } from '../util/package.js';
import { rapportPad } from '../util/paths.js';
import { fenomeenNames } from '../present/labels.js';
import { leesDuidingen } from './duiding.js';
import type { ClassificatieMeting, ReportInput } from './model-types.js';
import { meetClassificatie, meetvoorbeelden } from './meting.js';

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
  /**
   * Measure the classification here (the default); false leaves classificatieMeting out, for a caller that measures
   * elsewhere (batch: on a worker thread, src/report/meting.ts) and adds it.
   */
  meten?: boolean;
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
    ...(opties.meten === false ? {} : meting(invoer)),
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
  const m = meetClassificatie(meetvoorbeelden(invoer.signalen), taxonomy, tekstmodel.basisBestand);
  return m ? { classificatieMeting: m } : {};
}
