// End-to-end: `cter batch` on the sample data (Zaanstreek-Waterland, 8 PDF reports) stopped with Ctrl-C, as the real
// bin/cter process with its own browsers: it finishes the running reports, starts no others, closes its browsers and
// writes the index. The process runs in a network namespace without any network (`unshare -n`, where the machine
// allows it): the reports it finishes prove that Chromium launches and prints without network (issue 9: it makes no
// network request of its own; that none reaches a proxy is checked in tests/browser/voorbeeld.test.ts). A file of its
// own beside tests/browser/in-proces.test.ts (a whole run, in-process), so the two run on both workers side by side.
// No timing assertions.
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { CTER } from '../e2e/init-cli.js';
import { readOverzicht, sha256, temps } from '../e2e/uitvoer.js';
import { SAMPLES } from '../voorbeelddata.js';

const REGIO = 'Zaanstreek-Waterland';

/** The Chromium browser processes (not their helpers) that cter process `pid` launched: one per profile folder. */
async function browsersOf(pid: number): Promise<number> {
  const { stdout } = await promisify(execFile)('ps', ['-eo', 'args=']);
  return stdout.split('\n').filter((l) => l.includes(`--user-data-dir=${tmpdir()}/cter-chromium-${pid}-`) && !l.includes('--type=')).length;
}

async function kanUnshare(): Promise<boolean> {
  return promisify(execFile)('unshare', ['-n', 'true']).then(
    () => true,
    () => false,
  );
}

describe('cter batch stopped with Ctrl-C, the real process without network', () => {
  let uit: string;
  let zonderNetwerk: boolean;
  let code: number | null;
  let stderr = '';
  let browsers: Promise<number> | undefined;
  let pid: number;
  beforeAll(async () => {
    uit = join(await mkdtemp(join(tmpdir(), 'cter-batch-int-')), 'rapporten');
    zonderNetwerk = await kanUnshare();
    // unshare replaces itself with the command (no --fork): the child's pid is cter's, as its profile folders name it.
    const args = [CTER, 'batch', '--regio', REGIO, '--uit', uit, '--parallel', '2'];
    const options = { cwd: SAMPLES, env: { ...process.env, NO_COLOR: '1', CTER_CONFIG: '' } };
    const child = zonderNetwerk ? spawn('unshare', ['-n', process.execPath, ...args], options) : spawn(process.execPath, args, options);
    pid = child.pid!;
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      // Interrupt once the first report is done, after counting the browsers printing.
      if (stderr.includes('[1/8]') && !browsers) browsers = browsersOf(pid).finally(() => child.kill('SIGINT'));
    });
    code = await new Promise<number | null>((done) => child.on('close', done));
  }, 180_000);

  it('prints reports in a network namespace without any network (unshare -n)', async (ctx) => {
    if (!zonderNetwerk) ctx.skip();
    expect(stderr).not.toContain('interne fout');
    const gelukt = (await readOverzicht(uit)).rapporten.filter((r) => r.status === 'gelukt');
    expect(gelukt.length).toBeGreaterThanOrEqual(1);
    for (const r of gelukt) expect((await readFile(join(uit, r.bestand!))).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('prints on up to one browser per core but one; finishes the running reports, starts no others, closes the browsers and writes the index', async () => {
    // Two reports at a time print in up to two browsers: one per processor core but one (one on two cores or fewer).
    expect(await browsers).toBe(Math.min(2, Math.max(1, availableParallelism() - 1)));
    expect(await browsersOf(pid)).toBe(0);
    expect(code).toBe(130);
    expect(stderr).toContain('afbreken: er beginnen geen nieuwe rapporten');
    const overzicht = await readOverzicht(uit);
    expect(overzicht.uitkomst).toBe('afgebroken');
    const gelukt = overzicht.rapporten.filter((r) => r.status === 'gelukt');
    expect(gelukt.length).toBeGreaterThanOrEqual(1);
    expect(gelukt.length).toBeLessThan(8);
    expect(overzicht.rapporten.filter((r) => r.status === 'afgebroken').length).toBe(8 - gelukt.length);
    for (const r of gelukt) expect(r.sha256).toBe(await sha256(join(uit, r.bestand!)));
    const pdfs = (await readdir(uit)).filter((n) => n.endsWith('.pdf'));
    expect(pdfs.sort()).toEqual(gelukt.map((r) => r.bestand).sort());
    expect(await temps(uit)).toEqual([]);
    expect(stderr).toMatch(/afgebroken: \d van 8 rapporten gemaakt/);
  });
});
