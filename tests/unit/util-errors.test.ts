// The one mapping from Node I/O errors to Dutch messages (issue 9): path named, what to do, exit 2.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportError } from '../../src/cli/action.js';
import { writeFileAtomic } from '../../src/util/atomic-write.js';
import { CterError, EXIT, FileError, IoFout, ioFout, isIoError } from '../../src/util/errors.js';

const errno = (code: string, path?: string) => Object.assign(new Error(`${code}: x`), { code, path });

describe('ioFout', () => {
  it.each(['EACCES', 'EPERM', 'EROFS', 'EISDIR', 'ENOTDIR', 'ENOENT', 'ENOSPC', 'EBUSY', 'EMFILE'])('maps %s to a Dutch FileError, exit 2', (code) => {
    const fout = ioFout(errno(code, '/ergens/rapport.pdf'));
    expect(fout).toBeInstanceOf(FileError);
    expect(fout).toBeInstanceOf(IoFout);
    expect((fout as CterError).exitCode).toBe(EXIT.USAGE);
    expect((fout as CterError).message).toMatch(new RegExp(`^/ergens/rapport\\.pdf: .+ \\(${code}\\)\\.$`));
  });

  it('names the path given instead of the error own, and leaves other errors alone', () => {
    expect((ioFout(errno('EACCES', '/x/.r.pdf.1.ab.tmp'), '/x/r.pdf') as Error).message).toMatch(/^\/x\/r\.pdf: geen toegang/);
    const plain = new Error('iets anders');
    expect(ioFout(plain)).toBe(plain);
    expect(isIoError(errno('ERR_SOMETHING'))).toBe(false);
  });

  it('the CLI wrapper reports an unhandled I/O error as a user error with exit 2, not an internal one', () => {
    const lines: string[] = [];
    const write = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((chunk: string) => lines.push(chunk) > 0) as typeof process.stderr.write;
    try {
      expect(reportError(errno('ENOSPC', '/vol/uitvoer/a.json'))).toBe(EXIT.USAGE);
    } finally {
      process.stderr.write = write;
    }
    expect(lines.join('')).toContain('/vol/uitvoer/a.json: de schijf is vol');
    expect(lines.join('')).not.toContain('interne fout');
  });

  it('writeFileAtomic names the target, not its temp file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cter-io-'));
    await writeFile(join(dir, 'bestand'), 'x');
    await expect(writeFileAtomic(join(dir, 'bestand', 'a.csv'), 'y')).rejects.toThrow(/bestand: een deel van dit pad is een bestand/);
    expect(await readFile(join(dir, 'bestand'), 'utf8')).toBe('x');
  });
});
