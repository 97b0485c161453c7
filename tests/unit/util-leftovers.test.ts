// Leftovers of killed cter processes (issue 9): removed only when the pid in the name is dead and the file is ours;
// a live sibling's profile and temp files stay, whatever their age.
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempPathFor } from '../../src/util/atomic-write.js';
import { CHROMIUM_PROFIEL, procesLeeft, ruimOp, TEMP_BESTAND } from '../../src/util/leftovers.js';

let levend: ReturnType<typeof spawn>;
let dood: number;
beforeAll(async () => {
  levend = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
  const kort = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
  dood = kort.pid!;
  await new Promise((done) => kort.on('exit', done));
});
afterAll(() => {
  levend.kill();
});

describe('ruimOp', () => {
  it('knows a live and a dead process', () => {
    expect(procesLeeft(levend.pid!)).toBe(true);
    expect(procesLeeft(dood)).toBe(false);
  });

  it('removes the temp files and profiles of a dead owner, keeps those of a live one and its own, however old', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cter-leftovers-'));
    const oud = new Date('2020-01-01');
    const namen = {
      doodTemp: `.rapport.pdf.${dood}.a1b2c3d4.tmp`,
      levendTemp: `.rapport.pdf.${levend.pid}.a1b2c3d4.tmp`,
      eigenTemp: tempPathFor(join(dir, 'x.csv')).slice(dir.length + 1),
      doodProfiel: `cter-chromium-${dood}-AbC123`,
      levendProfiel: `cter-chromium-${levend.pid}-AbC123`,
      anders: 'lokaal-beeld_zaanstad_2025-Q3.pdf',
    };
    for (const [soort, naam] of Object.entries(namen)) {
      const pad = join(dir, naam);
      if (soort.endsWith('Profiel')) await mkdir(join(pad, 'Default'), { recursive: true });
      else await writeFile(pad, 'x');
      await utimes(pad, oud, oud);
    }
    expect(TEMP_BESTAND.test(namen.eigenTemp)).toBe(true);
    expect(await ruimOp(dir, TEMP_BESTAND)).toEqual([namen.doodTemp]);
    expect(await ruimOp(dir, CHROMIUM_PROFIEL)).toEqual([namen.doodProfiel]);
    expect((await readdir(dir)).sort()).toEqual([namen.anders, namen.eigenTemp, namen.levendProfiel, namen.levendTemp].sort());
  });
});
