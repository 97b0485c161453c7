// A run over a scope: resolve the area and period, read and classify once, aggregate, warn about coverage. Used by
// trends, beeld, batch and kwartaal alike, so each command only parses its options and calls this.
export { deelregios, gemeenteScope, regioScope, scopeUitOptiesOfConfig, type GekozenScope, type ScopeOpties } from './resolve.js';
export { choosePeriode, prepareScopeRun, type Leesomgeving, type Lezer, type Log, type ReadOptions, type ScopeRun, type ScopeRunPlan } from './run.js';
export { scopeTrends } from './trends.js';
