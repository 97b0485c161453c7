// Helpers for the end-to-end tests: run the CLI either in this test process (`cter`: the program of src/cli/cter.ts on
// the sources, with its own working folder, environment and captured stdout/stderr; fast, for most assertions) or
// inside a real pseudo-terminal (util-linux `script`) driven by keystrokes. The real bin/cter process (dist/) is run by
// tests/e2e/afsluitcodes.test.ts for every command.
import { AsyncLocalStorage } from 'node:async_hooks';
import { execFile, spawn } from 'node:child_process';
import { resolve } from 'node:path';

export const CTER = resolve(import.meta.dirname, '../../bin/cter');

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CterOptions {
  cwd: string;
  env?: Record<string, string>;
}

/** The environment of every cter run in the tests: no colours, no configuration from the caller's environment. */
export const testEnv = (env: Record<string, string> = {}): Record<string, string> => ({ NO_COLOR: '1', CTER_CONFIG: '', ...env });

/**
 * Runs the real bin/cter process (dist/) without a terminal, with the test environment, behind `wrapper` when given
 * (a command that runs the rest of its arguments: setpriv, unshare). The exit code is the one the shell sees.
 */
export function cterProces(args: string[], cwd: string, wrapper: string[] = []): Promise<Run> {
  const [command, ...pre] = [...wrapper, process.execPath];
  return new Promise((done) =>
    execFile(command!, [...pre, CTER, ...args], { cwd, env: { ...process.env, ...testEnv() } }, (err, stdout, stderr) =>
      done({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr }),
    ),
  );
}

/** Where the writes of the in-process run in progress go (AsyncLocalStorage follows its promises and timers). */
const capture = new AsyncLocalStorage<{ stdout: string; stderr: string }>();
let streamsPatched = false;

/** process.stdout/stderr.write, sent to the capture of the run they belong to; anything else writes as before. */
function patchStreams(): void {
  if (streamsPatched) return;
  streamsPatched = true;
  for (const naam of ['stdout', 'stderr'] as const) {
    const stream = process[naam];
    const original = stream.write.bind(stream) as (...args: unknown[]) => boolean;
    stream.write = ((chunk: string | Uint8Array, encoding?: unknown, callback?: unknown) => {
      const run = capture.getStore();
      if (!run) return original(chunk, encoding, callback);
      run[naam] += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString();
      const done = typeof encoding === 'function' ? encoding : callback;
      if (typeof done === 'function') process.nextTick(done as () => void);
      return true;
    }) as typeof stream.write;
  }
}

/** In-process runs share the process's working folder, environment and exit code: one at a time. */
let queue: Promise<unknown> = Promise.resolve();

/**
 * Runs cter in this test process, as bin/cter would without a terminal: the same program (src/cli/cter.ts), in `cwd`,
 * with the test environment (testEnv), stdout and stderr captured, no TTY. Runs one at a time.
 */
export function cter(args: string[], options: CterOptions): Promise<Run> {
  const run = queue.then(() => cterInProces(args, options));
  queue = run.catch(() => undefined);
  return run;
}

async function cterInProces(args: string[], options: CterOptions): Promise<Run> {
  const { runCter } = await import('../../src/cli/cter.js');
  patchStreams();
  const env = testEnv(options.env);
  const savedEnv = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  const savedCwd = process.cwd();
  const ttys = [process.stdin, process.stdout, process.stderr] as { isTTY?: boolean }[];
  const savedTty = ttys.map((s) => s.isTTY);
  Object.assign(process.env, env);
  for (const s of ttys) s.isTTY = false;
  process.chdir(options.cwd);
  process.exitCode = undefined;
  const out = { stdout: '', stderr: '' };
  try {
    const code = await capture.run(out, () => runCter(args));
    return { code, ...out };
  } finally {
    process.exitCode = undefined;
    process.chdir(savedCwd);
    ttys.forEach((s, i) => (s.isTTY = savedTty[i]));
    for (const [k, v] of Object.entries(savedEnv)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

/** UI text the prompt library or Handlebars would show in English (or a value leaking as null); never on screen. */
const ENGELSE_UI = [/navigate/, /\bselect\b/, /No results/, /You must/, /Missing helper/, /\(disabled\)/, /\bnull\b/, /\bPress\b/];

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
