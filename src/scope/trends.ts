// The trend summary of one area of a run: the figures, the period's trend notes and the inputs' accounting, with
// paths as people read them and the settings and version that made it. trends and kwartaal write it.
import type { Scope } from '../aggregate/aggregate.js';
import type { BestandVerantwoording } from '../domain.js';
import { cterVersie } from '../util/package.js';
import { shownPath } from '../util/paths.js';
import { deelregios } from './resolve.js';
import type { ScopeRun } from './run.js';
import { notitiePlaatsing, trendSummary, type TrendSamenvatting } from '../aggregate/trends.js';

const toon = (bestanden: readonly BestandVerantwoording[]) => bestanden.map((b) => ({ ...b, bestand: shownPath(b.bestand) }));

/** `alle`: every area of a region's scope, the regions inside it included (`cter trends --alle`, `cter kwartaal`). */
export function scopeTrends(run: ScopeRun<unknown>, scope: Scope, { alle = false }: { alle?: boolean } = {}): TrendSamenvatting {
  const { invoer, config } = run;
  const delen = alle && scope.soort === 'regio' ? deelregios(scope.regio, run.ref) : [];
  return trendSummary({
    cijfers: run.cijfers(scope),
    deelregios: delen.map((regio) => run.cijfers({ soort: 'regio', regio }).gebied),
    notities: invoer.notities,
    ref: run.ref,
    plaatsing: notitiePlaatsing(run.ref, config.values.regio),
    invoer: {
      signalen: toon(invoer.ingest.signalen.bestanden),
      notities: invoer.ingest.notities.bestanden.length > 0 ? toon(invoer.ingest.notities.bestanden) : undefined,
    },
    rubricering: config.values.rubricering,
    tlp: config.values.tlp,
    versie: cterVersie(),
  });
}
