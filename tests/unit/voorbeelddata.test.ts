// The sample data in data-samples/ is generated (scripts/gen-samples.mjs): the committed files must be exactly what the
// generator makes, and the deliberate errors listed in verwacht.json must sit on the lines it says.
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadVerwacht, ROOT, SAMPLES, type Verwacht } from '../voorbeelddata.js';

let verwacht: Verwacht;
beforeAll(async () => {
  verwacht = await loadVerwacht();
});

/** The file's lines as an editor shows them (CRLF, LF and CR all end a line). Values checked here are ASCII. */
async function lines(file: string): Promise<string[]> {
  return (await readFile(join(SAMPLES, file), 'latin1')).split(/\r\n|\n|\r/);
}

describe('data-samples', () => {
  it('is exactly what scripts/gen-samples.mjs generates (run it after changing the generator)', async () => {
    const out = await mkdtemp(join(tmpdir(), 'cter-samples-'));
    await promisify(execFile)(process.execPath, [join(ROOT, 'scripts/gen-samples.mjs'), out]);
    const generated = (await readdir(out)).sort();
    // Other files may appear here (review decisions of someone trying cter out), but no export the generator did not make.
    const csv = (names: string[]) => names.filter((n) => n.endsWith('.csv'));
    expect(csv(await readdir(SAMPLES)).sort()).toEqual(csv(generated));
    for (const name of generated) {
      const [fresh, committed] = await Promise.all([readFile(join(out, name)), readFile(join(SAMPLES, name))]);
      expect(fresh.equals(committed), `${name} differs from the generator's output`).toBe(true);
    }
  });

  it('has every planted error and warning on the line verwacht.json names', async () => {
    const planted = [...verwacht.fouten, ...verwacht.waarschuwingen];
    expect(planted.length).toBeGreaterThanOrEqual(10);
    for (const p of planted) {
      const line = (await lines(p.bestand))[p.regel - 1] ?? '';
      if (p.waarde !== '') expect(line, `${p.bestand}:${p.regel}`).toContain(p.waarde);
      if (p.id !== '') expect(line, `${p.bestand}:${p.regel}`).toContain(p.id);
      else expect(line, `${p.bestand}:${p.regel} starts with an empty id`).toMatch(/^[;,]/);
    }
  });

  it('counts every record once: regels per file is the number of records in it', async () => {
    const total = Object.values(verwacht.bestanden).reduce((n, f) => n + f.regels, 0);
    expect(total).toBeGreaterThanOrEqual(2000);
    expect(total).toBeLessThanOrEqual(4000);
    for (const [file, telling] of Object.entries(verwacht.bestanden)) {
      const ids = (await lines(file)).filter((l) => /^(PNH|ZVH|ONL)-\d{4}-\d+[;,]/.test(l)).length;
      const withoutId = verwacht.fouten.filter((f) => f.bestand === file && f.id === '').length;
      expect(ids + withoutId, file).toBe(telling.regels);
    }
  });
});
