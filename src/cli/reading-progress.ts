// The reading-progress line on stderr while exports are read (trends, beeld, classificeer, valideer). On a terminal
// it is one live line, overwritten as lines are read and cleared before any message and when reading ends. Without a
// terminal (a pipe, a cron job's log) it shows nothing: the commands report the counts once reading is done.
import { shownPath } from '../util/paths.js';
import { colour, info, isStil, warn } from '../util/io.js';

type Print = (tekst: string) => void;

export interface Leesvoortgang {
  /** For the pipeline's or ingest stage's `onProgress`; undefined without a terminal. */
  onProgress?: (bestand: string, regels: number) => void;
  /** info and warn (src/util/io.ts) that first clear the line, for messages printed while reading. */
  log: { info: Print; warn: Print };
}

const CLEAR_LINE = '\r\u001b[K';

/** Whether stderr can show a line that is overwritten: a terminal that understands erasing a line. */
function liveLine(): boolean {
  return Boolean(process.stderr.isTTY) && process.env.TERM !== 'dumb' && !isStil();
}

/** Cut to the terminal's width: a wrapped line could not be cleared. */
function fit(tekst: string, columns: number | undefined): string {
  return columns && tekst.length >= columns ? `${tekst.slice(0, columns - 2)}…` : tekst;
}

/** Runs `work` (reading the inputs) with the progress line, which is gone when work ends, also after an error. */
export async function metLeesvoortgang<T>(work: (voortgang: Leesvoortgang) => Promise<T>): Promise<T> {
  let open = false;
  const clear = () => {
    if (open) process.stderr.write(CLEAR_LINE);
    open = false;
  };
  const clearing = (print: Print): Print => (tekst) => {
    clear();
    print(tekst);
  };
  const onProgress = liveLine()
    ? (bestand: string, regels: number) => {
        const tekst = fit(`lezen: ${shownPath(bestand)}: ${regels.toLocaleString('nl-NL')} regels`, process.stderr.columns);
        process.stderr.write(`${CLEAR_LINE}${colour.dim(tekst)}`);
        open = true;
      }
    : undefined;
  try {
    return await work({ onProgress, log: { info: clearing(info), warn: clearing(warn) } });
  } finally {
    clear();
  }
}
