import type { Command } from 'commander';
import { CterError, EXIT, ioFout, type AlgemeneOptieWaarden, type ExitCode } from '../util/errors.js';
import { AFGEBROKEN } from './interrupt.js';
import { error, info, setStil } from '../util/io.js';

/**
 * The options of the exit-code contract: `--streng` (rejected input rows exit 1) on the commands that read exports,
 * `-q, --stil` (only errors on stderr) on every command.
 */
export function algemeneOpties(command: Command, { streng = true }: { streng?: boolean } = {}): Command {
  if (streng) command.option('--streng', 'afgewezen invoerregels geven afsluitcode 1 (voor scripts die niets mogen missen)');
  return command.option('-q, --stil', 'alleen fouten op stderr: geen voortgang, tellingen of waarschuwingen');
}

/**
 * Wraps a command action: user errors become a Dutch message and an exit code, never a stack trace.
 * Unexpected errors are reported as internal errors; the stack only with CTER_DEBUG=1.
 */
export function action<A extends unknown[]>(fn: (...args: A) => Promise<ExitCode | void>) {
  return async (...args: A): Promise<void> => {
    // Commander passes the command itself last; its options say whether to be quiet.
    const command = args.at(-1) as Command | undefined;
    // Set either way: the program may run more than once in one process (runCter in-process).
    setStil(typeof command?.opts === 'function' && command.opts<AlgemeneOptieWaarden>().stil === true);
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
  // Ctrl-C inside a prompt (raw mode turns it into a key, not a signal).
  if (err instanceof Error && err.name === 'ExitPromptError') {
    info(AFGEBROKEN);
    return EXIT.INTERRUPTED;
  }
  const message = err instanceof Error ? err.message : String(err);
  error(`interne fout: ${message}`);
  if (process.env.CTER_DEBUG && err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`);
  else process.stderr.write('Zet CTER_DEBUG=1 voor technische details, en meld dit aan de beheerder van cter.\n');
  return EXIT.PARTIAL;
}

/**
 * The exit codes in every command's help, in the words of README "Afsluitcodes"; `deels` says what "partly done"
 * means for this command (undefined: the command reads no exports and is never partly done).
 */
export function afsluitcodesHulp(deels?: string): string {
  const kop = 'Afsluitcode (dezelfde afspraak voor elke opdracht; README, "Afsluitcodes"):';
  const fout = '2 verkeerd gebruik, een fout in de configuratie of een bestand of map die niet te lezen of te schrijven is;';
  if (deels === undefined) return [`${kop} 0 klaar;`, fout, '130 afgebroken met Ctrl-C.'].join('\n');
  return [
    `${kop} 0 klaar, ook als er invoerregels zijn afgewezen`,
    `(die worden gemeld; met --streng geven ze 1); 1 deels klaar: ${deels};`,
    fout,
    '130 afgebroken met Ctrl-C.',
  ].join('\n');
}
