import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { FileError, ioFout } from './errors.js';
import { TEMP_BESTAND, ruimOp } from './leftovers.js';
import { shownPath } from './paths.js';

/** A temp path beside the target, so the final rename stays on one file system. */
export function tempPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

/** Writes a file completely or not at all: write to a temp file, fsync, then rename over the target. */
export async function writeFileAtomic(target: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(target), { recursive: true }).catch((err: NodeJS.ErrnoException) => {
    // mkdir says EEXIST when a file stands where a folder of the path should be.
    throw ioFout(err.code === 'EEXIST' ? Object.assign(err, { code: 'ENOTDIR' }) : err);
  });
  const tmp = tempPathFor(target);
  try {
    const handle = await open(tmp, 'w');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, target);
  } catch (err) {
    await rm(tmp, { force: true }).catch(() => undefined);
    // Errors name the file the analyst asked for, not the temp file beside it.
    throw ioFout(err, target);
  }
}

/**
 * Makes the output folder and proves it takes a file (writes and removes a temp file), so a folder without rights,
 * a file where the folder should be, or a full disk is said once, before any work, with the folder's name.
 */
export async function ensureWritableDir(dir: string): Promise<void> {
  const probe = tempPathFor(join(dir, 'schrijftoets'));
  const bestaand = await stat(dir).catch(() => undefined);
  if (bestaand && !bestaand.isDirectory()) {
    throw new FileError(shownPath(dir), 'dit is een bestand, geen map: geef een map voor de uitvoer (ENOTDIR).');
  }
  try {
    await mkdir(dir, { recursive: true }).catch((err: NodeJS.ErrnoException) => {
      throw err.code === 'EEXIST' ? Object.assign(err, { code: 'ENOTDIR' }) : err;
    });
    const handle = await open(probe, 'wx');
    await handle.close();
    // Temp files of cter processes that were killed while writing here (never those of a live one).
    await ruimOp(dir, TEMP_BESTAND);
  } catch (err) {
    throw ioFout(err, dir);
  } finally {
    await rm(probe, { force: true }).catch(() => undefined);
  }
}
