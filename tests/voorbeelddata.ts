// The facts about the shipped sample data that the tests check, as scripts/gen-samples.mjs writes them to
// data-samples/verwacht.json (see data-samples/README.md).
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..');
export const SAMPLES = join(ROOT, 'data-samples');

/**
 * A new workspace that reads the sample data where it is: the sample workspace's configuration with its exports and
 * trend notes as absolute paths, and `instellingen` on top (an own region, an output folder, templates). What a run
 * writes stays in the new folder, data-samples/ is left as it is.
 */
export async function voorbeeldWerkmap(instellingen: Record<string, unknown> = {}): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'cter-voorbeeld-werkmap-'));
  const config = JSON.parse(await readFile(join(SAMPLES, 'cter.config.json'), 'utf8')) as Record<string, unknown>;
  for (const key of ['signalen', 'notities']) config[key] = (config[key] as string[]).map((f) => join(SAMPLES, f));
  await writeFile(join(dir, 'cter.config.json'), JSON.stringify({ ...config, ...instellingen }));
  return dir;
}

/** A deliberate error or warning: where it is and what the value is. */
export interface Geplant {
  bestand: string;
  /** Line on which the record starts, as an editor numbers lines. */
  regel: number;
  /** Canonical column. */
  kolom: string;
  /** The column's header as the file writes it. */
  kopregel: string;
  waarde: string;
  /** The record's id ('' when the deliberate error is the missing id). */
  id: string;
  reden: string;
}

export interface Verwacht {
  /** Per signal export: records, and how many are rejected and duplicates. */
  bestanden: Record<string, { regels: number; afgewezen: number; dubbel: number }>;
  notities: { bestand: string; regels: number };
  fouten: Geplant[];
  waarschuwingen: Geplant[];
  /** Woonplaatsen in the gemeente column: accepted and counted in their gemeente. */
  woonplaatsen: Geplant[];
  dubbel: {
    bestand: string;
    identiek: string[];
    gewijzigd: { id: string; eerder: { bestand: string; regel: number }; later: { bestand: string; regel: number } };
  };
  afwijkingen: { id: string; label: string; tekstWijstOp: string }[];
  lijktOp: { id: string; niet: string }[];
  vaag: string[];
  twijfel: string[];
  ernstHoog: string[];
  /** Accepted Zaanstad signals per quarter, all exports together. */
  zaanstadPerKwartaal: Record<string, number>;
  /** Designed trends: each a significant rise of the fenomeen against the previous period. */
  trends: { gemeente: string; periode: string; fenomeen: string; wat: string }[];
}

export async function loadVerwacht(): Promise<Verwacht> {
  return JSON.parse(await readFile(join(SAMPLES, 'verwacht.json'), 'utf8')) as Verwacht;
}
