// What every report of one run shares: the trend notes, the input accounting, the classification summary, the
// configuration, the version and the generation time. `cter beeld` builds one report from it, `cter batch` many.

import type { LoadedConfig } from '../config/types.js';
import { HERKOMSTEN, type BestandVerantwoording, type GeclassificeerdSignaal, type Herkomst } from '../model.js';
import type { PipelineResultaat } from '../pipeline.js';
import { cterVersie } from '../util/package.js';
import type { ReportInput } from './model.js';

/** The classification summary of all ingested signals: how many got their fenomeen in which way. */
export function herkomstTelling(signalen: readonly GeclassificeerdSignaal[]): Record<Herkomst, number> {
  const counts = Object.fromEntries(HERKOMSTEN.map((h) => [h, 0])) as Record<Herkomst, number>;
  for (const s of signalen) counts[s.herkomst]++;
  return counts;
}

export interface BasisOpties {
  /** How input file paths appear in the verantwoording (e.g. relative to the working folder). */
  pad?: (bestand: string) => string;
  gegenereerd?: Date;
  versie?: string;
}

/** The inputs of buildReportModel except the figures, from one pipeline run. */
export function reportBasis(
  invoer: Pick<PipelineResultaat, 'signalen' | 'notities' | 'ingest'>,
  config: LoadedConfig,
  opties: BasisOpties = {},
): Omit<ReportInput, 'cijfers'> {
  const pad = opties.pad ?? ((b: string) => b);
  const toon = (b: BestandVerantwoording) => ({ ...b, bestand: pad(b.bestand) });
  return {
    notities: invoer.notities,
    invoer: { signalen: invoer.ingest.signalen.bestanden.map(toon), notities: invoer.ingest.notities.bestanden.map(toon) },
    classificatie: herkomstTelling(invoer.signalen),
    config,
    versie: opties.versie ?? cterVersie(),
    gegenereerd: opties.gegenereerd ?? new Date(),
  };
}
