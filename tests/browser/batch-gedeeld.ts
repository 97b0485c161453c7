// What the two files on `cter batch` with the browser share (tests/browser/batch.test.ts: one run and its PDFs;
// tests/browser/batch-afbreken.test.ts: Ctrl-C): the sample region and how its index and output folder are read.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Overzicht } from '../../src/batch/overzicht.js';

export const SAMPLES = resolve(import.meta.dirname, '../../data-samples');
export const REGIO = 'Zaanstreek-Waterland';
export const GEMEENTEN = ['Edam-Volendam', 'Landsmeer', 'Oostzaan', 'Purmerend', 'Waterland', 'Wormerland', 'Zaanstad'];

export const sha256 = async (path: string) => createHash('sha256').update(await readFile(path)).digest('hex');
export const readOverzicht = async (dir: string) => JSON.parse(await readFile(join(dir, 'overzicht.json'), 'utf8')) as Overzicht;
/** Half-written files (atomic writes' temp files) left in `dir`. */
export const temps = async (dir: string) => (await readdir(dir)).filter((n) => n.endsWith('.tmp'));
