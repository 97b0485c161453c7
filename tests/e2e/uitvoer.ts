// How the end-to-end and browser tests read what a run wrote: a file's SHA-256 (as an index states it), a batch's
// index (overzicht.json), and the half-written files left in a folder.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Overzicht } from '../../src/batch/overzicht.js';

export const sha256 = async (path: string) => createHash('sha256').update(await readFile(path)).digest('hex');
export const readOverzicht = async (dir: string) => JSON.parse(await readFile(join(dir, 'overzicht.json'), 'utf8')) as Overzicht;
/** Half-written files (atomic writes' temp files) left in `dir`. */
export const temps = async (dir: string) => (await readdir(dir)).filter((n) => n.endsWith('.tmp'));
