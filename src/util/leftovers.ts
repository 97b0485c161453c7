// Leftovers of a cter process that was killed: `.<name>.<pid>.<hex>.tmp` files beside outputs and
// `cter-chromium-<pid>-*` browser profiles in the temp folder. Several cter processes legitimately run at once (batch
// in one terminal, beeld in another; tests in parallel), so age says nothing: a leftover is removed only when the pid
// in its name is no longer alive and the file belongs to the same user.
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** `.rapport.pdf.1234.a1b2c3d4.tmp` -> 1234 (the pid written by tempPathFor). */
export const TEMP_BESTAND = /^\..+\.(\d+)\.[0-9a-f]+\.tmp$/;
/** `cter-chromium-1234-AbC123` -> 1234. */
export const CHROMIUM_PROFIEL = /^cter-chromium-(\d+)-[A-Za-z0-9]+$/;

/** Whether a process with this pid runs (of any user: EPERM means it runs, but is not ours). */
export function procesLeeft(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the entries of `dir` whose name matches `pattern` (group 1: the owner's pid) when that owner is no longer
 * alive and the entry belongs to this user. Never throws: cleaning up is a courtesy, not the job. Returns the names
 * removed.
 */
export async function ruimOp(dir: string, pattern: RegExp, leeft: (pid: number) => boolean = procesLeeft): Promise<string[]> {
  const namen = await readdir(dir).catch(() => [] as string[]);
  const uid = process.getuid?.();
  const weg: string[] = [];
  for (const naam of namen) {
    const pid = Number(pattern.exec(naam)?.[1]);
    if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid || leeft(pid)) continue;
    const info = await stat(join(dir, naam)).catch(() => undefined);
    if (!info || (uid !== undefined && info.uid !== uid)) continue;
    await rm(join(dir, naam), { recursive: true, force: true }).catch(() => undefined);
    weg.push(naam);
  }
  return weg;
}
