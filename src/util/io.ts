// stdout is data, stderr is people. Colour only on a TTY and never with NO_COLOR.

export function stderrIsTty(): boolean {
  return Boolean(process.stderr.isTTY);
}

export function interactive(): boolean {
  return Boolean(process.stdin.isTTY && process.stdout.isTTY) && process.env.CI !== 'true';
}

function useColour(): boolean {
  return stderrIsTty() && !('NO_COLOR' in process.env) && process.env.TERM !== 'dumb';
}

const paint = (code: string) => (text: string) => (useColour() ? `\u001b[${code}m${text}\u001b[0m` : text);
export const colour = { red: paint('31'), yellow: paint('33'), green: paint('32'), dim: paint('2'), bold: paint('1') };

let stil = false;

/** -q/--stil: from now on only errors reach stderr (no counts, warnings or progress). */
export function setStil(value: boolean): void {
  stil = value;
}

export function isStil(): boolean {
  return stil;
}

/** A message for people (stderr). */
export function info(message: string): void {
  if (!stil) process.stderr.write(`${message}\n`);
}

export function warn(message: string): void {
  if (!stil) process.stderr.write(`${colour.yellow('waarschuwing:')} ${message}\n`);
}

export function error(message: string): void {
  process.stderr.write(`${colour.red('fout:')} ${message}\n`);
}

let closedPipeHandled = false;

/**
 * `cter ... | head` closes stdout early: that is the reader's choice, not an error; stop quietly. Installed at start-up
 * (help and usage text are written by commander, not by out()) and again by out() for in-process runs.
 */
export function exitQuietlyOnClosedPipe(): void {
  if (closedPipeHandled) return;
  closedPipeHandled = true;
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
    process.exit(process.exitCode ?? 0);
  });
}

/** Data (stdout). Resolves once the data is flushed, so the process can exit safely afterwards. */
export function out(data: string): Promise<void> {
  exitQuietlyOnClosedPipe();
  return new Promise((resolve, reject) => {
    process.stdout.write(data, (err) => (err ? reject(err) : resolve()));
  });
}
