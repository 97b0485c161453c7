// `cter batch`: every report of a region in one run, with one browser; the index of what was made.
export { runBatch, type BatchOptions, type BatchResultaat } from './run.js';
export { batchDoelen, type BatchDoel, type BatchKeuze } from './targets.js';
export { runPool, type JobOutcome, type JobStatus, type PoolOptions } from './pool.js';
export {
  formatSeconden,
  overzichtMarkdown,
  OVERZICHT_SCHEMA,
  samenvattingTabel,
  writeOverzicht,
  type Overzicht,
  type RapportRegel,
} from './overzicht.js';
export { balkVoortgang, logVoortgang, type Voortgang } from './progress.js';
