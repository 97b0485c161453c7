// The rejects file: every rejected record with its file, line, reason and original fields, so the analyst can fix
// the rows in Excel. Semicolon-separated, UTF-8 with BOM (Excel then reads the accents right), CRLF, written atomically.
import { rm } from 'node:fs/promises';
import type { AfgewezenRecord } from '../domain.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { toCsv } from '../util/csv.js';

const FIXED = ['bestand', 'regel', 'reden'];

function rejectsCsv(afgewezen: readonly AfgewezenRecord[]): string {
  // Original columns in the order they first appear; files with other headers add theirs after.
  const columns = new Set<string>();
  for (const record of afgewezen) for (const name of Object.keys(record.velden)) columns.add(name);
  // An original column named like one of ours keeps its data under a marked name.
  const header = [...FIXED, ...[...columns].map((c) => (FIXED.includes(c) ? `${c} (origineel)` : c))];
  const rows = afgewezen.map((r) => [r.bestand, r.regel, r.reden, ...[...columns].map((c) => r.velden[c] ?? '')]);
  return toCsv([header, ...rows], { excel: true });
}

export async function writeRejects(path: string, afgewezen: readonly AfgewezenRecord[]): Promise<void> {
  await writeFileAtomic(path, rejectsCsv(afgewezen));
}

/**
 * The rejected rows of this run at `path`, or no file: a rejects file of an earlier run is removed, so a folder never
 * shows rows this run did not reject. Returns the path written, if any.
 */
export async function writeRejectsOrRemove(path: string, afgewezen: readonly AfgewezenRecord[]): Promise<string | undefined> {
  if (afgewezen.length === 0) {
    await rm(path, { force: true });
    return undefined;
  }
  await writeRejects(path, afgewezen);
  return path;
}
