// What the browser tests of `cter batch` and `cter kwartaal` share (tests/browser/in-proces/batch.ts: one run of an
// own region and its PDFs; batch-afbreken.test.ts: Ctrl-C in the 8-report run of a zorg- en veiligheidsregio;
// in-proces/kwartaal.ts): the sample data, a workspace with an own region, and how an index and an output folder are
// read.
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Overzicht } from '../../src/batch/overzicht.js';

export const SAMPLES = resolve(import.meta.dirname, '../../data-samples');
export const REGIO = 'Zaanstreek-Waterland';

export const sha256 = async (path: string) => createHash('sha256').update(await readFile(path)).digest('hex');
export const readOverzicht = async (dir: string) => JSON.parse(await readFile(join(dir, 'overzicht.json'), 'utf8')) as Overzicht;
/** Half-written files (atomic writes' temp files) left in `dir`. */
export const temps = async (dir: string) => (await readdir(dir)).filter((n) => n.endsWith('.tmp'));

/**
 * A new workspace with the sample workspace's configuration, its exports where they are, and an own region of
 * `gemeenten` named `regio`: a run over it prints a PDF for the region and one per gemeente, and nothing else.
 */
export async function werkmapMetEigenRegio(regio: string, gemeenten: string[]): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'cter-eigen-regio-'));
  const config = JSON.parse(await readFile(join(SAMPLES, 'cter.config.json'), 'utf8')) as Record<string, unknown>;
  for (const key of ['signalen', 'notities']) config[key] = (config[key] as string[]).map((f) => join(SAMPLES, f));
  config.regios = [{ naam: regio, gemeenten }];
  await writeFile(join(dir, 'cter.config.json'), JSON.stringify(config));
  return dir;
}
