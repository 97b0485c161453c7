import { CterError, EXIT, ioFout, type ExitCode } from '../util/errors.js';
import { error } from './io.js';

/**
 * Wraps a command action: user errors become a Dutch message and an exit code, never a stack trace.
 * Unexpected errors are reported as internal errors; the stack only with CTER_DEBUG=1.
 */
export function action<A extends unknown[]>(fn: (...args: A) => Promise<ExitCode | void>) {
  return async (...args: A): Promise<void> => {
    try {
      const code = await fn(...args);
      process.exitCode = code ?? EXIT.OK;
    } catch (err) {
      process.exitCode = reportError(err);
    }
  };
}

export function reportError(thrown: unknown): ExitCode {
  // A file-system fault (EACCES, EISDIR, ENOTDIR, ENOSPC, ...) is the user's to fix: a Dutch message and exit 2.
  const err = ioFout(thrown);
  if (err instanceof CterError) {
    error(err.message);
    return err.exitCode;
  }
  if (err instanceof Error && err.name === 'ExitPromptError') {
    error('afgebroken door de gebruiker.');
    return EXIT.USAGE;
  }
  const message = err instanceof Error ? err.message : String(err);
  error(`interne fout: ${message}`);
  if (process.env.CTER_DEBUG && err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`);
  else process.stderr.write('Zet CTER_DEBUG=1 voor technische details, en meld dit aan de beheerder van cter.\n');
  return EXIT.PARTIAL;
}
