// Ctrl-C, the same for every command: exit code 130 (EXIT.INTERRUPTED) with one Dutch line, never a stack trace and
// never a half-written file (outputs go through temp file + rename). A command that can stop more gently (batch:
// finish the running reports, write the index) takes over the first Ctrl-C with `onInterrupt`; commands that hold
// something to close (a browser) register it with `bijAfbreken`, so it is closed before the process ends.
import { EXIT } from '../util/errors.js';
import { stderrIsTty } from '../util/io.js';

type Handler = () => void;
type Cleanup = () => Promise<unknown> | unknown;

const handlers: Handler[] = [];
const cleanups = new Set<Cleanup>();
let installed = false;
let stopping = false;

/** How long cleanups may take before the process ends anyway. */
const CLEANUP_MS = 5_000;

export const AFGEBROKEN = 'afgebroken door de gebruiker (Ctrl-C).';

/** Ends the process as interrupted: runs the registered cleanups (bounded in time), then exits with 130. */
export async function stopInterrupted(message = AFGEBROKEN): Promise<never> {
  if (stopping) process.exit(EXIT.INTERRUPTED);
  stopping = true;
  // A live progress line (reading, batch bar) would otherwise swallow the message.
  process.stderr.write(`${stderrIsTty() ? '\r\u001b[K' : ''}${message}\n`);
  const timer = new Promise((done) => setTimeout(done, CLEANUP_MS).unref());
  await Promise.race([Promise.allSettled([...cleanups].map(async (c) => c())), timer]);
  process.exit(EXIT.INTERRUPTED);
}

/** Installs the one SIGINT listener of the process (main.ts). */
export function installInterrupt(): void {
  if (installed) return;
  installed = true;
  process.on('SIGINT', () => {
    const handler = handlers.at(-1);
    if (handler && !stopping) handler();
    else void stopInterrupted();
  });
}

/** Takes over Ctrl-C until the returned function is called. */
export function onInterrupt(handler: Handler): () => void {
  handlers.push(handler);
  return () => {
    const i = handlers.lastIndexOf(handler);
    if (i >= 0) handlers.splice(i, 1);
  };
}

/** Runs `cleanup` when the process is interrupted, until the returned function is called. */
export function bijAfbreken(cleanup: Cleanup): () => void {
  cleanups.add(cleanup);
  return () => cleanups.delete(cleanup);
}
