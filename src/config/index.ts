// The effective configuration: defaults <- cter.config.json <- environment <- command-line options, with the source
// of every value (for `cter config`). Paths in the file are relative to the file's folder; paths given as options
// are relative to the working folder.
import { readdir, readFile, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { CterError, FileError } from '../util/errors.js';
import { lineColumn, parseJson } from './json-syntax.js';
import { CONFIG_KEYS, DEFAULTS, type KeyDoc } from './schema.js';
import type { ConfigKey, ConfigSource, CterConfig, LoadedConfig } from './cter-config.js';
import { validateConfig, type ConfigProblem } from './validate.js';
export const CONFIG_FILE = 'cter.config.json';

/**
 * The workspace's private folder, beside the configuration file: whatever holds descriptions or person keys
 * (rejected rows) goes here, never into a report folder; the workspace's .gitignore keeps it out of version control.
 */
export const PRIVE_MAP = 'prive';

export function priveMap(config: Pick<LoadedConfig, 'baseDir'>): string {
  return join(config.baseDir, PRIVE_MAP);
}

export interface LoadConfigOptions {
  cwd?: string;
  /** Values from command-line options; undefined entries are ignored. */
  overrides?: Partial<CterConfig>;
  /** An explicit config file (e.g. --config); otherwise CTER_CONFIG, otherwise the nearest cter.config.json. */
  file?: string;
  env?: NodeJS.ProcessEnv;
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isFile(),
    () => false,
  );
}

/** The nearest cter.config.json in `cwd` or a parent folder. */
async function findConfigFile(cwd: string): Promise<string | undefined> {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    const candidate = join(dir, CONFIG_FILE);
    if (await exists(candidate)) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

/** `label` names where the values came from: the file, or per key (the option or environment variable). */
function fail(label: string | ((key: string) => string), problems: ConfigProblem[], text?: string): never {
  const lines = problems.map(({ key, melding }) => {
    if (typeof label === 'function') return `${label(key)}: ${melding}`;
    // Point at the key in the file when we can find it.
    const at = text && key ? text.search(new RegExp(`"${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"\\s*:`)) : -1;
    if (at < 0 || !text) return `${label}: ${melding}`;
    const { regel, kolom } = lineColumn(text, at);
    return `${label}:${regel}:${kolom}: ${melding}`;
  });
  throw new CterError(lines.join('\n'));
}

async function readConfigFile(file: string): Promise<Partial<CterConfig>> {
  let text: string;
  try {
    text = (await readFile(file, 'utf8')).replace(/^\uFEFF/, '');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new FileError(file, code === 'ENOENT' ? 'bestand niet gevonden' : `kan het bestand niet lezen (${code ?? String(err)})`);
  }
  const { values, problems } = validateConfig(parseJson(text, file));
  if (problems.length > 0) fail(file, problems, text);
  return values;
}

function fromEnvironment(env: NodeJS.ProcessEnv): Partial<CterConfig> {
  const raw: Record<string, string> = {};
  for (const doc of CONFIG_KEYS) {
    const value = doc.omgeving ? env[doc.omgeving] : undefined;
    if (value !== undefined && value !== '') raw[doc.key] = value;
  }
  const { values, problems } = validateConfig(raw);
  if (problems.length > 0) {
    fail((key) => `omgevingsvariabele ${CONFIG_KEYS.find((d) => d.key === key)?.omgeving ?? key}`, problems);
  }
  return values;
}

/** Command-line values arrive as text: "8" for a number key is meant as 8. */
function fromOptionStrings(overrides: Partial<CterConfig>): Record<string, unknown> {
  const values: Record<string, unknown> = { ...overrides };
  for (const doc of CONFIG_KEYS) {
    const value = values[doc.key];
    if (doc.soort === 'geheel' && typeof value === 'string' && /^\s*-?\d+\s*$/.test(value)) values[doc.key] = Number(value);
  }
  return values;
}

function resolvePath(doc: KeyDoc, value: unknown, baseDir: string): unknown {
  if (doc.soort === 'paden') return (value as string[]).map((p) => resolve(baseDir, p));
  if (doc.soort !== 'pad') return value;
  const path = value as string;
  // A bare program name is looked up on PATH later, not relative to a folder.
  if (doc.wat === 'programma' && !isAbsolute(path) && !/[\\/]/.test(path)) return path;
  return resolve(baseDir, path);
}

export async function loadConfig(options: LoadConfigOptions = {}): Promise<LoadedConfig> {
  const cwd = resolve(options.cwd ?? process.cwd());
  const env = options.env ?? process.env;
  const explicit = options.file ?? (env.CTER_CONFIG || undefined);
  const explicitFile = explicit ? resolve(cwd, explicit) : undefined;
  // An explicit file may also be a pipe (`--config <(...)`); only a missing path is "not found".
  if (explicitFile && !(await stat(explicitFile).catch(() => undefined))) {
    throw new FileError(explicitFile, 'configuratiebestand niet gevonden');
  }
  const file = explicitFile ?? (await findConfigFile(cwd));
  const baseDir = file ? dirname(file) : cwd;

  const fromOptions = validateConfig(fromOptionStrings(options.overrides ?? {}));
  if (fromOptions.problems.length > 0) fail((key) => `optie --${key}`, fromOptions.problems);
  const layers: { values: Partial<CterConfig>; source: ConfigSource; baseDir: string }[] = [
    { values: DEFAULTS, source: 'standaard', baseDir },
    ...(file ? [{ values: await readConfigFile(file), source: file, baseDir }] : []),
    { values: fromEnvironment(env), source: 'omgeving', baseDir: cwd },
    { values: fromOptions.values, source: 'optie', baseDir: cwd },
  ];

  const values: Record<string, unknown> = {};
  const sources = {} as Record<ConfigKey, ConfigSource>;
  for (const doc of CONFIG_KEYS) {
    sources[doc.key] = 'standaard';
    for (const layer of layers) {
      const value = layer.values[doc.key];
      if (value === undefined) continue;
      values[doc.key] = resolvePath(doc, structuredClone(value), layer.baseDir);
      sources[doc.key] = layer.source;
    }
  }
  return { values: values as unknown as CterConfig, sources, file, baseDir };
}

/** Input paths to files: a folder means its *.csv files (sorted); a missing path is an error. Duplicates are dropped. */
export async function resolveInputs(paths: string[], baseDir: string): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    const full = resolve(baseDir, path);
    const info = await stat(full).catch(() => undefined);
    if (!info) throw new FileError(full, 'bestand niet gevonden');
    if (info.isDirectory()) {
      const names = (await readdir(full, { withFileTypes: true }))
        .filter((e) => e.isFile() && e.name.toLowerCase().endsWith('.csv'))
        .map((e) => e.name)
        .sort((a, b) => a.localeCompare(b, 'nl'));
      files.push(...names.map((n) => join(full, n)));
    } else {
      files.push(full);
    }
  }
  return [...new Set(files)];
}
