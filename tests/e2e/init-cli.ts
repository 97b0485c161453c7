// Helpers for the end-to-end tests of `cter init` and `cter config`: run the real CLI (bin/cter, which runs dist/),
// either with pipes (no terminal) or inside a real pseudo-terminal (util-linux `script`) driven by keystrokes.
import { execFile, spawn } from 'node:child_process';
import { resolve } from 'node:path';

export const CTER = resolve(import.meta.dirname, '../../bin/cter');

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs cter without a terminal (stdin, stdout and stderr are pipes). */
export function cter(args: string[], options: { cwd: string; env?: Record<string, string> }): Promise<Run> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [CTER, ...args],
      { cwd: options.cwd, env: { ...process.env, NO_COLOR: '1', CTER_CONFIG: '', ...options.env } },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
        done({ code, stdout, stderr });
      },
    );
  });
}

/** UI text the prompt library or Handlebars would show in English (or a value leaking as null); never on screen. */
export const ENGELSE_UI = [/navigate/, /\bselect\b/, /No results/, /You must/, /Missing helper/, /\(disabled\)/, /\bnull\b/, /\bPress\b/];

/** The English UI strings found on a screen (none, for a Dutch CLI). */
export function engelseTekst(screen: string): string[] {
  return ENGELSE_UI.filter((re) => re.test(screen)).map(String);
}

export const KEY = { enter: '\r', up: '\u001b[A', down: '\u001b[B', ctrlC: '\u0003' } as const;

/** A step of a terminal session: once `waitFor` has appeared on the screen, type `keys`. */
export type Step = [waitFor: string, keys: string];

const quote = (arg: string) => `'${arg.replace(/'/g, `'\\''`)}'`;

/**
 * Runs cter in a pseudo-terminal and answers its prompts. Resolves with the exit code, everything the terminal
 * showed, and the steps whose text never appeared.
 */
export function cterInTerminal(args: string[], cwd: string, steps: Step[]): Promise<{ code: number; screen: string; pending: Step[] }> {
  const command = [process.execPath, CTER, ...args].map(quote).join(' ');
  const child = spawn('script', ['-qfec', command, '/dev/null'], {
    cwd,
    // A person at a terminal: CI=true (as CI runners set it) would make cter refuse to ask.
    env: { ...process.env, NO_COLOR: '1', TERM: 'xterm', CTER_CONFIG: '', CI: '' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const pending = [...steps];
  let screen = '';
  let unread = '';
  child.stdout.on('data', (chunk: Buffer) => {
    screen += chunk.toString();
    unread += chunk.toString();
    while (pending.length > 0 && unread.includes(pending[0]![0])) {
      const [, keys] = pending.shift()!;
      unread = '';
      // Let the prompt finish rendering before the keys arrive.
      setTimeout(() => child.stdin.write(keys), 30);
    }
  });
  return new Promise((done) => {
    child.on('close', (code) => done({ code: code ?? 1, screen, pending }));
  });
}
