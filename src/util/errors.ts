// User errors carry a Dutch message and an exit code; the CLI prints them without a stack trace.
import { shownPath } from './paths.js';

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

/** Options every command has (`algemeneOpties`): --stil, and --streng where a command reads exports. */
export interface AlgemeneOptieWaarden {
  stil?: boolean;
  streng?: boolean;
}

/** The exit code of a job that is done: rejected rows are reported, not fatal, unless --streng. */
export function klaar(afgewezen: number, opties: AlgemeneOptieWaarden): ExitCode {
  return afgewezen > 0 && opties.streng ? EXIT.PARTIAL : EXIT.OK;
}

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

/** A file-system fault (no rights, a folder where a file should be, a full disk): the user's to fix, exit 2. */
export class IoFout extends FileError {
  constructor(
    file: string,
    message: string,
    readonly code: string,
  ) {
    super(file, message);
    this.name = 'IoFout';
  }
}

/** What a Node I/O error code means for the analyst, and what to do about it. */
const IO_MELDINGEN: Record<string, string> = {
  EACCES: 'geen toegang (rechten): kies een map waarin u mag schrijven, of vraag de beheerder om de rechten',
  EPERM: 'geen toestemming van het systeem: kies een andere plek, of vraag de beheerder om de rechten',
  EROFS: 'dit staat op een alleen-lezen schijf: kies een map op een schijf waarop u mag schrijven',
  EISDIR: 'dit is een map, geen bestand: geef een bestandsnaam',
  ENOTDIR: 'een deel van dit pad is een bestand, geen map: kies een map (of een niet-bestaande naam)',
  ENOENT: 'bestaat niet: controleer het pad',
  EEXIST: 'bestaat al en kan niet worden vervangen: kies een andere naam',
  ENOTEMPTY: 'de map is niet leeg: kies een andere naam',
  ENOSPC: 'de schijf is vol: maak ruimte vrij of kies een andere schijf',
  EDQUOT: 'uw schijfquotum is op: maak ruimte vrij of kies een andere schijf',
  ENAMETOOLONG: 'de naam is te lang: kies een kortere naam of map',
  ELOOP: 'het pad verwijst in een kring naar zichzelf (symbolische koppelingen): kies een ander pad',
  EBUSY: 'is in gebruik door een ander programma: sluit het (bijvoorbeeld in Excel) en probeer opnieuw',
  ETXTBSY: 'is in gebruik door een ander programma: sluit het en probeer opnieuw',
  EMFILE: 'te veel open bestanden: sluit andere programma’s en probeer opnieuw',
  ENFILE: 'te veel open bestanden op dit systeem: probeer het later opnieuw',
  EIO: 'lees- of schrijffout van de schijf: controleer de schijf en probeer opnieuw',
  EXDEV: 'kan niet tussen schijven verplaatsen: kies een map op dezelfde schijf',
  EFBIG: 'het bestand wordt te groot voor deze schijf: kies een andere schijf',
};

/** A Node file-system error (it has an errno code such as EACCES). */
export function isIoError(err: unknown): err is NodeJS.ErrnoException & { code: string } {
  const code = err instanceof Error ? (err as NodeJS.ErrnoException).code : undefined;
  return typeof code === 'string' && code in IO_MELDINGEN;
}

/**
 * The one mapping from a Node I/O error to what the analyst reads: a Dutch message that names the path and says
 * what to do, exit code 2. `path` (as shown to people) overrides the error's own path, e.g. the target of an atomic
 * write instead of its temp file. Anything that is not an I/O error is returned unchanged.
 */
export function ioFout(err: unknown, path?: string): unknown {
  if (err instanceof CterError || !isIoError(err)) return err;
  const pad = path ?? err.path ?? (err as { dest?: string }).dest;
  const uitleg = IO_MELDINGEN[err.code]!;
  const fout = new IoFout(pad === undefined ? '(onbekend pad)' : shownPath(pad), `${uitleg} (${err.code}).`, err.code);
  (fout as { cause?: unknown }).cause = err;
  return fout;
}
