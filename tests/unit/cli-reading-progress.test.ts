// The reading-progress line of trends, beeld, classificeer and valideer: live on a terminal, nothing in a pipe.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { metLeesvoortgang } from '../../src/cli/reading-progress.js';

const CLEAR = '\r\u001b[K';
let written: string[];

/** stderr as a terminal of `columns` wide (undefined: not a terminal). */
function terminal(columns: number | undefined): void {
  Object.defineProperty(process.stderr, 'isTTY', { value: columns !== undefined, configurable: true });
  Object.defineProperty(process.stderr, 'columns', { value: columns, configurable: true });
}

beforeEach(() => {
  written = [];
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    written.push(String(chunk));
    return true;
  });
  vi.stubEnv('NO_COLOR', '1');
  vi.stubEnv('TERM', 'xterm');
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  Reflect.deleteProperty(process.stderr, 'isTTY');
  Reflect.deleteProperty(process.stderr, 'columns');
});

describe('metLeesvoortgang', () => {
  it('shows nothing without a terminal; messages are printed as they are', async () => {
    terminal(undefined);
    const result = await metLeesvoortgang(async ({ onProgress, log }) => {
      expect(onProgress).toBeUndefined();
      log.info('signalen: 3 geaccepteerd');
      return 42;
    });
    expect(result).toBe(42);
    expect(written).toEqual(['signalen: 3 geaccepteerd\n']);
  });

  it('overwrites one line on a terminal, clears it before a message and when reading ends', async () => {
    terminal(80);
    await metLeesvoortgang(async ({ onProgress, log }) => {
      onProgress!('a.csv', 10_000);
      onProgress!('a.csv', 20_000);
      log.warn('a.csv:7: onbekende bron');
      log.info('signalen: 20000 geaccepteerd');
      onProgress!('b.csv', 10_000);
    });
    expect(written).toEqual([
      `${CLEAR}lezen: a.csv: 10.000 regels`,
      `${CLEAR}lezen: a.csv: 20.000 regels`,
      CLEAR,
      'waarschuwing: a.csv:7: onbekende bron\n',
      'signalen: 20000 geaccepteerd\n',
      `${CLEAR}lezen: b.csv: 10.000 regels`,
      CLEAR,
    ]);
  });

  it('clears the line when reading fails, before the error is printed', async () => {
    terminal(80);
    const failing = metLeesvoortgang(async ({ onProgress }) => {
      onProgress!('a.csv', 10_000);
      throw new Error('kapot');
    });
    await expect(failing).rejects.toThrow('kapot');
    expect(written.at(-1)).toBe(CLEAR);
  });

  it('dims the line only without NO_COLOR, and cuts it to the width of the terminal', async () => {
    terminal(24);
    vi.stubEnv('NO_COLOR', undefined);
    await metLeesvoortgang(async ({ onProgress }) => onProgress!('exports/politie-2025.csv', 10_000));
    expect(written[0]).toBe(`${CLEAR}\u001b[2mlezen: exports/politie…\u001b[0m`);
  });

  it('shows no live line on a terminal that cannot erase one (TERM=dumb)', async () => {
    terminal(80);
    vi.stubEnv('TERM', 'dumb');
    await metLeesvoortgang(async ({ onProgress }) => expect(onProgress).toBeUndefined());
    expect(written).toEqual([]);
  });
});
