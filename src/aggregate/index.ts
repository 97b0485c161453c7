// The aggregation pass: areas x periods, series, exact tests; and the `cter trends` summary built on it.
export { aggregateScope, dekking, indexSignals, REEKS_LENGTE } from './aggregate.js';
export type { AggregateOptions, GemeenteOpzoeker, Scope, SignaalIndex } from './aggregate.js';
export {
  laatstePerioden,
  latestCompleteQuarter,
  parsePeriode,
  periodeVanDatum,
  verschuif,
  vorigJaar,
  vorigePeriode,
} from './periode.js';
export { ALPHA, poissonToets, TOETS, verandering } from './stats.js';
export { notitiePlaatsing, notitiesVoorScope, trendSummary, TRENDS_SCHEMA, type NotitiePlaatsing } from './trends.js';
export type { TrendGebied, TrendNotitie, TrendSamenvatting, TrendSummaryOptions } from './trends.js';
export { trendsCsv } from './trends-csv.js';
export { significanteVeranderingen, trendsMarkdown, veranderingTekst } from './trends-md.js';
export type * from './types.js';
