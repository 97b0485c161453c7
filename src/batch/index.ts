// `cter batch`: every report of a region in one run, with one browser; the index of what was made.
export { fileSha256, makeReports, poolWriter, runBatch, type BatchOptions, type BatchResultaat, type MakeReportsOptions } from './run.js';
export { batchDoelen, doelenVanScope, type BatchDoel, type BatchKeuze } from './targets.js';
export { runPool, type JobOutcome, type JobStatus, type PoolOptions } from './pool.js';
export {
  formatGrootte,
  formatSeconden,
  invoerMarkdown,
  rij,
  statusTekst,
  overzichtMarkdown,
  OVERZICHT_SCHEMA,
  samenvattingTabel,
  writeIndexFiles,
  writeOverzicht,
  type Overzicht,
  type RapportRegel,
} from './overzicht.js';
export { balkVoortgang, logVoortgang, type Voortgang } from './progress.js';
