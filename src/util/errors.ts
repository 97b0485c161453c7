// User errors carry a Dutch message and an exit code; the CLI prints them without a stack trace.

export const EXIT = {
  /** Done. */
  OK: 0,
  /** Done, but input was rejected or part of the work failed. */
  PARTIAL: 1,
  /** Wrong usage, or an unreadable file or configuration. */
  USAGE: 2,
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
