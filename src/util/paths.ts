// Paths in messages for people.
import { isAbsolute, relative } from 'node:path';

/** A path as people want to read it: relative to the working folder when it lies below it. */
export function shownPath(file: string, cwd = process.cwd()): string {
  const rel = relative(cwd, file);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
}
