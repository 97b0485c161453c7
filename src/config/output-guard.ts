// One guard for every command that writes a file: an output must never be one of the command's inputs, its
// configuration or its decisions file. Paths are compared as the file system sees them: real paths (symbolic links,
// `./` and `..` resolved) and device + inode (hard links). A CSV output inside a folder of inputs is refused too: the
// next run would read it as an export.
import { readdir, realpath, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import type { LoadedConfig } from './cter-config.js';
import { UsageError } from '../util/errors.js';
import { shownPath } from '../util/paths.js';

/** A file (or folder of inputs) that no output may replace, with what it is for the message. */
export interface Beschermd {
  pad: string;
  /** "invoerbestand", "configuratiebestand", "beoordelingenbestand", "taxonomie". */
  wat: string;
}

/** An output that would replace an input: a usage error, and one that every report of a batch would meet alike. */
export class UitvoerIsInvoer extends UsageError {
  constructor(message: string) {
    super(message);
    this.name = 'UitvoerIsInvoer';
  }
}

interface Identiteit {
  echt: string;
  dev?: number;
  ino?: number;
  map: boolean;
}

/** The real path and device+inode of a path; for a path that does not exist yet, its real folder plus its name. */
async function identiteit(path: string): Promise<Identiteit> {
  const full = resolve(path);
  const info = await stat(full).catch(() => undefined);
  if (info) {
    const echt = await realpath(full).catch(() => full);
    return { echt, dev: info.dev, ino: info.ino, map: info.isDirectory() };
  }
  // Not there (yet): the nearest existing folder above it decides where it would land.
  let dir = dirname(full);
  const rest = [basename(full)];
  for (;;) {
    const echt = await realpath(dir).catch(() => undefined);
    if (echt !== undefined) return { echt: join(echt, ...rest), map: false };
    if (dirname(dir) === dir) return { echt: full, map: false };
    rest.unshift(basename(dir));
    dir = dirname(dir);
  }
}

const binnen = (map: string, pad: string) => {
  const rel = relative(map, pad);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
};

export class OutputGuard {
  private constructor(private readonly beschermd: readonly (Beschermd & Identiteit)[]) {}

  static async create(beschermd: readonly Beschermd[]): Promise<OutputGuard> {
    const ids = await Promise.all(beschermd.map(async (b) => ({ ...b, ...(await identiteit(b.pad)) })));
    return new OutputGuard(ids);
  }

  /**
   * Refuses (UsageError, exit 2) an output that is a protected file, or a CSV inside a protected folder of inputs.
   * `optie` names where the path came from, e.g. "--afgewezen" or "rapport".
   */
  async check(output: string, optie: string): Promise<void> {
    const uit = await identiteit(output);
    for (const b of this.beschermd) {
      const zelfde = uit.echt === b.echt || (uit.ino !== undefined && uit.dev === b.dev && uit.ino === b.ino);
      if (zelfde && !b.map) {
        throw new UitvoerIsInvoer(
          `${optie} ${shownPath(output)}: dat is ook het ${b.wat} ${shownPath(b.pad)}; cter zou het overschrijven. ` +
            'Kies een andere naam of map voor de uitvoer.',
        );
      }
      if (b.map && (zelfde || (binnen(b.echt, uit.echt) && /\.csv$/i.test(uit.echt)))) {
        throw new UitvoerIsInvoer(
          `${optie} ${shownPath(output)}: dat ligt in de map met invoer ${shownPath(b.pad)}; cter zou het de volgende ` +
            'keer als export inlezen. Kies een andere map voor de uitvoer.',
        );
      }
    }
  }
}

/** Input paths (files or folders) as protected entries; the files of a folder each count as inputs too. */
async function invoer(paths: readonly string[], wat: string): Promise<Beschermd[]> {
  const lijst: Beschermd[] = [];
  for (const pad of paths) {
    const info = await stat(pad).catch(() => undefined);
    if (info?.isDirectory()) {
      lijst.push({ pad, wat: 'map met invoer' });
      const namen = await readdir(pad).catch(() => [] as string[]);
      lijst.push(...namen.map((n) => ({ pad: join(pad, n), wat })));
    } else {
      lijst.push({ pad, wat });
    }
  }
  return lijst;
}

/**
 * Everything a command reads that an output must not replace: the configuration's inputs (signalen, notities), the
 * configuration file, the decisions file and the taxonomy, plus a command's own inputs (e.g. valideer's files).
 */
export async function outputGuardVoor(config: LoadedConfig | undefined, eigenInvoer: readonly string[] = []): Promise<OutputGuard> {
  const v = config?.values;
  const lijst: Beschermd[] = [
    ...(await invoer(eigenInvoer, 'invoerbestand')),
    ...(await invoer(v?.signalen ?? [], 'invoerbestand')),
    ...(await invoer(v?.notities ?? [], 'invoerbestand (trendnotities)')),
    ...(config?.file ? [{ pad: config.file, wat: 'configuratiebestand' }] : []),
    ...(v?.beoordelingen ? [{ pad: v.beoordelingen, wat: 'beoordelingenbestand' }] : []),
    ...(v?.taxonomie ? [{ pad: v.taxonomie, wat: 'taxonomiebestand' }] : []),
  ];
  return OutputGuard.create(lijst);
}
