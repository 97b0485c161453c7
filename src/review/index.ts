// Review decisions (herkomst `handmatig`): the stored decisions, the queue of signals that need an analyst, and its
// CSV export/import. `runReview` (./command.js) is the CLI's entry point and is imported lazily by src/cli/review.ts.
export {
  addBeoordelingen,
  BEOORDELINGEN_VERSIE,
  beoordelingenJson,
  loadBeoordelingen,
  parseBeoordelingen,
  reviewer,
  saveBeoordelingen,
} from '../classify/beoordelingen.js';
export type { BeoordelingenBestand, BeoordelingenMap, OpgeslagenBeoordeling, Suggestie } from '../classify/beoordelingen.js';
export {
  geldigeBeoordeling,
  maakBeoordeling,
  regelSuggestie,
  reviewQueue,
  wachtredenTekst,
  WACHTREDEN_TEKST,
  WACHTREDENEN,
} from './queue.js';
export type { Wachtreden, WachtrijItem } from './queue.js';
export { queueStatus, statusTekst } from './status.js';
export type { WachtrijGroep, WachtrijStatus } from './status.js';
export { EXPORT_KOLOMMEN, importFoutTekst, kolomLetter, queueCsv, readImport } from './csv.js';
export type { ImportBeslissing, ImportUitkomst } from './csv.js';
