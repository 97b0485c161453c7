// Paths in messages for people.
import { basename, isAbsolute, relative, sep } from 'node:path';

/** A path as people want to read it: relative to the working folder when it lies below it. */
export function shownPath(file: string, cwd = process.cwd()): string {
  const rel = relative(cwd, file);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
}

/**
 * A path as a report may show it: relative to the configuration's folder (forward slashes) when it lies below it,
 * else the file name alone. A report never shows an absolute local path.
 */
export function rapportPad(file: string, baseDir: string): string {
  if (!isAbsolute(file)) return file.split(sep).join('/');
  const rel = relative(baseDir, file);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split(sep).join('/') : basename(file);
}
