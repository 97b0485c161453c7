// What the browser tests of `cter batch` and `cter kwartaal` share (tests/browser/in-proces/batch.ts: one run of an
// own region and its PDFs; batch-afbreken.test.ts: Ctrl-C in the 8-report run of a zorg- en veiligheidsregio;
// in-proces/kwartaal.ts): how an index and an output folder are read.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Overzicht } from '../../src/batch/overzicht.js';

export const REGIO = 'Zaanstreek-Waterland';

export const sha256 = async (path: string) => createHash('sha256').update(await readFile(path)).digest('hex');
export const readOverzicht = async (dir: string) => JSON.parse(await readFile(join(dir, 'overzicht.json'), 'utf8')) as Overzicht;
/** Half-written files (atomic writes' temp files) left in `dir`. */
export const temps = async (dir: string) => (await readdir(dir)).filter((n) => n.endsWith('.tmp'));
