// `cter ... | head`: the reader closes stdout before cter has written. That is the reader's choice, not an error: the
// real process stops quietly with the exit code it would have had, without a stack trace (commander writes help
// text itself, so this also covers output that does not pass through util/io's out()).
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CTER, testEnv } from './init-cli.js';

const ROOT = resolve(import.meta.dirname, '../..');

/** bin/cter with the reading end of its stdout closed at once, before the process has started up. */
function zonderLezer(args: string[]): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [CTER, ...args], { cwd: ROOT, env: { ...process.env, ...testEnv() }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.destroy();
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((done) => child.on('close', (code) => done({ code, stderr })));
}

describe('stdout closed by its reader', { concurrent: true }, () => {
  it.each(['kwartaal --help', '--help'])('help text (cter %s): exit code 0, nothing on stderr', async (line) => {
    const run = await zonderLezer(line.split(' '));
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });

  it('data (trends --formaat json): exit code 0, only the usual messages', async () => {
    const run = await zonderLezer(['trends', '--regio', 'VR11', '--periode', '2025', '--signalen', 'tests/fixtures/trends/signalen.csv', '--formaat', 'json', '--stil']);
    expect(run.stderr).not.toMatch(/EPIPE|Error|at /);
    expect(run.code).toBe(0);
  });
});
