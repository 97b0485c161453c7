// User errors carry a Dutch message and an exit code; the CLI prints them without a stack trace.

// One contract for every command (README "Afsluitcodes"; tests/e2e/afsluitcodes.test.ts checks it):
export const EXIT = {
  /** Done; rejected input rows are reported, not fatal (with --streng they make it PARTIAL). */
  OK: 0,
  /** Partly done: a report failed, `valideer` found rejected rows, an import was refused, or --streng and rejects. */
  PARTIAL: 1,
  /** Wrong usage, or an unreadable file or configuration. */
  USAGE: 2,
  /** Interrupted (Ctrl-C): 128 + SIGINT, as a shell reports a process stopped by Ctrl-C. */
  INTERRUPTED: 130,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export class CterError extends Error {
  readonly exitCode: ExitCode;
  constructor(message: string, exitCode: ExitCode = EXIT.USAGE) {
    super(message);
    this.name = 'CterError';
    this.exitCode = exitCode;
  }
}

/** Wrong usage of a command or option. */
export class UsageError extends CterError {
  constructor(message: string) {
    super(message, EXIT.USAGE);
    this.name = 'UsageError';
  }
}

/** A file that cannot be read or parsed at all. */
export class FileError extends CterError {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`, EXIT.USAGE);
    this.name = 'FileError';
  }
}
