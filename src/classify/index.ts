// The classification stage: taxonomy (data file) -> rules engine -> fenomeen, herkomst, reden, ernst per signal.
export { classifySignal, classifySignals, classifySignalsInPlace, signalContentHash, trainingsvoorbeelden } from './classify.js';
export { bouwModel, kenmerken, laadModelbestand, neutraleKenmerken, Tekstmodel, INGEBOUWD_MODEL } from './tekstmodel.js';
export type { ModelBestand, ModelVoorstel, Voorbeeld } from './tekstmodel.js';
export type { Beoordeling, Beoordelingen } from './classify.js';
export {
  compileTaxonomy,
  fenomeenLabel,
  fenomeenVoorLabel,
  ingebouwdeTaxonomie,
  labelResolver,
  loadTaxonomy,
  normaliseLabel,
} from './taxonomy.js';
export type { LoadTaxonomyOptions, Taxonomy, TaxonomieModus } from './taxonomy.js';
export { INGEBOUWDE_TAXONOMIE } from '../util/package.js';
export type { TaxonomieBron, TaxonomieDefinitie } from './taxonomy-types.js';
