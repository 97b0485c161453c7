// End-to-end: `cter batch` on the sample data (Zaanstreek-Waterland, 8 PDF reports) stopped with Ctrl-C, as the real
// bin/cter process with its own browsers: it finishes the running reports, starts no others, closes its browsers and
// writes the index. A file of its own beside tests/browser/batch.test.ts (the whole run), so the two long halves run
// on both workers side by side. No timing assertions.
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, readdir } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { CTER } from '../e2e/init-cli.js';
import { readOverzicht, REGIO, SAMPLES, sha256, temps } from './batch-gedeeld.js';

/** The Chromium browser processes (not their helpers) that cter process `pid` launched: one per profile folder. */
async function browsersOf(pid: number): Promise<number> {
  const { stdout } = await promisify(execFile)('ps', ['-eo', 'args=']);
  return stdout.split('\n').filter((l) => l.includes(`--user-data-dir=${tmpdir()}/cter-chromium-${pid}-`) && !l.includes('--type=')).length;
}

describe('cter batch stopped with Ctrl-C', () => {
  it('prints on up to one browser per core but one; finishes the running reports, starts no others, closes the browsers and writes the index', async () => {
    const uit = join(await mkdtemp(join(tmpdir(), 'cter-batch-int-')), 'rapporten');
    const child = spawn(process.execPath, [CTER, 'batch', '--regio', REGIO, '--uit', uit, '--parallel', '2'], {
      cwd: SAMPLES,
      env: { ...process.env, NO_COLOR: '1', CTER_CONFIG: '' },
    });
    let stderr = '';
    let browsers: Promise<number> | undefined;
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      // Interrupt once the first report is done, after counting the browsers printing.
      if (stderr.includes('[1/8]') && !browsers) browsers = browsersOf(child.pid!).finally(() => child.kill('SIGINT'));
    });
    const code = await new Promise<number | null>((done) => child.on('close', done));
    // Two reports at a time print in up to two browsers: one per processor core but one (one on two cores or fewer).
    expect(await browsers).toBe(Math.min(2, Math.max(1, availableParallelism() - 1)));
    expect(await browsersOf(child.pid!)).toBe(0);
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
