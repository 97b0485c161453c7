// Runs independent jobs with a fixed number at a time. A job that fails is tried once more (cter's one retry policy:
// nothing below it, e.g. the PDF renderer, tries again on its own); if that fails too it is
// recorded as failed and the others go on. After an abort no job starts, and jobs that fail while stopping are
// recorded as interrupted rather than tried again.

export type JobStatus = 'gelukt' | 'mislukt' | 'afgebroken';

export interface JobOutcome<R> {
  status: JobStatus;
  result?: R;
  /** Why the last attempt failed (Dutch message). */
  fout?: string;
  /** Attempts made (0 when the job never started). */
  pogingen: number;
  /** Wall time of all attempts together. */
  ms: number;
}

export interface PoolOptions<T, R> {
  parallel: number;
  /** Attempts per job; 2 means: once more after a failure. */
  attempts: number;
  signal?: AbortSignal;
  onStart?: (job: T, poging: number) => void;
  /** An attempt failed and the job will be tried again. */
  onRetry?: (job: T, fout: string) => void;
  onDone?: (job: T, outcome: JobOutcome<R>) => void;
  /**
   * An error that no retry can help and that every other job would meet too (a full disk, an output folder without
   * rights): the pool starts nothing more, and runPool rejects with it once, after the running jobs ended.
   */
  fatal?: (err: unknown) => boolean;
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Outcomes in the order of `jobs`. */
export async function runPool<T, R>(
  jobs: readonly T[],
  work: (job: T, poging: number) => Promise<R>,
  options: PoolOptions<T, R>,
): Promise<JobOutcome<R>[]> {
  const outcomes: JobOutcome<R>[] = jobs.map(() => ({ status: 'afgebroken', pogingen: 0, ms: 0 }));
  let next = 0;
  let fatal: { err: unknown } | undefined;
  const aborted = () => options.signal?.aborted === true || fatal !== undefined;

  async function runJob(i: number): Promise<void> {
    const job = jobs[i]!;
    const outcome = outcomes[i]!;
    const start = performance.now();
    while (outcome.pogingen < options.attempts && !aborted()) {
      outcome.pogingen++;
      options.onStart?.(job, outcome.pogingen);
      try {
        outcome.result = await work(job, outcome.pogingen);
        outcome.status = 'gelukt';
        outcome.fout = undefined;
        break;
      } catch (err) {
        const isFatal = options.fatal?.(err) === true;
        if (isFatal && fatal === undefined) fatal = { err };
        // A fatal error is said once, by runPool's caller, not again in this job's line.
        outcome.fout = isFatal ? undefined : errorMessage(err);
        outcome.status = aborted() ? 'afgebroken' : 'mislukt';
        if (outcome.status === 'mislukt' && outcome.pogingen < options.attempts) options.onRetry?.(job, outcome.fout ?? errorMessage(err));
      }
    }
    outcome.ms = performance.now() - start;
    options.onDone?.(job, outcome);
  }

  async function worker(): Promise<void> {
    while (next < jobs.length && !aborted()) await runJob(next++);
  }

  const workers = Math.max(1, Math.min(options.parallel, jobs.length));
  await Promise.all(Array.from({ length: workers }, worker));
  if (fatal !== undefined) throw fatal.err;
  return outcomes;
}
