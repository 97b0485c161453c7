// The workspace's review decisions (`beoordelingen.json`): what the analyst decided in `cter review`, for which
// content (hash), by whom and when, and what cter suggested at the time. Written atomically after every decision;
// validated strictly on load, because a silently ignored decision would change reports without anyone noticing.
import { readFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { parseJson } from '../config/json-syntax.js';
import { ERNST_NIVEAUS, FENOMENEN, HERKOMSTEN, type Ernst, type Fenomeen, type Herkomst } from '../domain.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { CterError, FileError } from '../util/errors.js';
import type { Beoordeling } from './classify.js';

const BEOORDELINGEN_VERSIE = 1;

/** What cter said about the signal when the analyst decided. */
interface Suggestie {
  fenomeen: Fenomeen;
  herkomst: Herkomst;
  reden: string;
  ernst: Ernst;
}

/** One stored decision: the classify contract (`Beoordeling`) plus the signal id and the suggestion it replaced. */
export interface OpgeslagenBeoordeling extends Beoordeling {
  id: string;
  suggestie?: Suggestie;
}

/** Decisions by signal id; usable directly as `classifySignals(..., beoordelingen)`. */
export type BeoordelingenMap = Map<string, OpgeslagenBeoordeling>;

/** The file's shape (documented in the README under `cter review`). */
export interface BeoordelingenBestand {
  versie: typeof BEOORDELINGEN_VERSIE;
  toelichting: string;
  beoordelingen: OpgeslagenBeoordeling[];
}

const TOELICHTING =
  "Beoordelingen uit 'cter review'. Een beoordeling geldt alleen zolang de inhoud van het signaal gelijk is aan " +
  "'hash' (SHA-256); is het signaal gewijzigd, dan komt het terug in de wachtrij. Bevat geen omschrijvingen, wel " +
  "signaal-id's en beoordelingen: bewaar het even zorgvuldig als de exports.";

const HASH = /^[0-9a-f]{64}$/;
const ENTRY_KEYS = new Set(['id', 'hash', 'fenomeen', 'ernst', 'wie', 'wanneer', 'suggestie']);
const SUGGESTIE_KEYS = new Set(['fenomeen', 'herkomst', 'reden', 'ernst']);

/** The name recorded with a decision: the configured `analist`, else the OS user. */
export function reviewer(analist?: string): string {
  if (analist?.trim()) return analist.trim();
  try {
    return userInfo().username;
  } catch {
    // No passwd entry (some containers): the environment is the next best witness.
    return process.env.USER ?? process.env.USERNAME ?? 'onbekend';
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isOneOf = <T extends string>(list: readonly T[], v: unknown): v is T => list.includes(v as T);
const isoTimestamp = (v: unknown): v is string =>
  typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(v) && !Number.isNaN(Date.parse(v));

function unknownKeys(entry: Record<string, unknown>, allowed: Set<string>): string[] {
  return Object.keys(entry).filter((k) => !allowed.has(k));
}

function readSuggestie(raw: unknown, problem: (m: string) => void): Suggestie | undefined {
  if (!isRecord(raw)) return problem("'suggestie' moet een object zijn"), undefined;
  for (const k of unknownKeys(raw, SUGGESTIE_KEYS)) problem(`onbekend veld 'suggestie.${k}'`);
  const { fenomeen, herkomst, reden, ernst } = raw;
  if (!isOneOf(FENOMENEN, fenomeen)) problem(`'suggestie.fenomeen' is geen bekend fenomeen: ${JSON.stringify(fenomeen)}`);
  if (!isOneOf(HERKOMSTEN, herkomst)) problem(`'suggestie.herkomst' is ongeldig: ${JSON.stringify(herkomst)}`);
  if (typeof reden !== 'string') problem("'suggestie.reden' moet tekst zijn");
  if (!isOneOf(ERNST_NIVEAUS, ernst)) problem(`'suggestie.ernst' is ongeldig: ${JSON.stringify(ernst)}`);
  return { fenomeen, herkomst, reden, ernst } as Suggestie;
}

/** Checks one entry; every problem is reported, not just the first. */
function readEntry(raw: unknown, problem: (m: string) => void): OpgeslagenBeoordeling | undefined {
  if (!isRecord(raw)) return problem('moet een object zijn'), undefined;
  for (const k of unknownKeys(raw, ENTRY_KEYS)) problem(`onbekend veld '${k}'`);
  const { id, hash, fenomeen, ernst, wie, wanneer } = raw;
  if (typeof id !== 'string' || id.trim() === '') problem("'id' ontbreekt of is leeg");
  if (typeof hash !== 'string' || !HASH.test(hash)) problem("'hash' moet een SHA-256 in hexadecimalen zijn (64 tekens)");
  if (!isOneOf(FENOMENEN, fenomeen)) {
    problem(`'fenomeen' ${JSON.stringify(fenomeen)} is onbekend; kies uit ${FENOMENEN.join(', ')}`);
  }
  if (ernst !== undefined && !isOneOf(ERNST_NIVEAUS, ernst)) {
    problem(`'ernst' ${JSON.stringify(ernst)} is onbekend; kies uit ${ERNST_NIVEAUS.join(', ')}`);
  }
  if (typeof wie !== 'string' || wie.trim() === '') problem("'wie' ontbreekt of is leeg");
  if (!isoTimestamp(wanneer)) problem(`'wanneer' moet een ISO-tijdstip zijn (bijv. 2025-10-01T09:30:00.000Z)`);
  const suggestie = raw.suggestie === undefined ? undefined : readSuggestie(raw.suggestie, problem);
  return {
    id: id as string,
    hash: hash as string,
    fenomeen: fenomeen as Fenomeen,
    ...(ernst !== undefined ? { ernst: ernst as Ernst } : {}),
    wie: wie as string,
    wanneer: wanneer as string,
    ...(suggestie ? { suggestie } : {}),
  };
}

/** Validates a parsed decisions file. Problems name the entry by index and id. */
export function parseBeoordelingen(raw: unknown, file: string): BeoordelingenMap {
  const fail = (lines: string[]): never => {
    const shown = lines.slice(0, 25);
    if (lines.length > shown.length) shown.push(`... en nog ${lines.length - shown.length} problemen`);
    throw new CterError(`beoordelingen ongeldig (${file}):\n${shown.map((l) => `  ${l}`).join('\n')}`);
  };
  if (!isRecord(raw)) return fail(["het bestand moet een object zijn met 'versie' en 'beoordelingen'"]);
  if (raw.versie !== BEOORDELINGEN_VERSIE) {
    const nieuwer = typeof raw.versie === 'number' && raw.versie > BEOORDELINGEN_VERSIE;
    return fail([
      nieuwer
        ? `'versie' ${raw.versie} is gemaakt met een nieuwere versie van cter; deze versie kent versie ${BEOORDELINGEN_VERSIE}`
        : `'versie' moet ${BEOORDELINGEN_VERSIE} zijn, niet ${JSON.stringify(raw.versie)}`,
    ]);
  }
  const extra = unknownKeys(raw, new Set(['versie', 'toelichting', 'beoordelingen', '$schema']));
  if (!Array.isArray(raw.beoordelingen)) return fail(["'beoordelingen' moet een lijst zijn"]);
  const problems = extra.map((k) => `onbekend veld '${k}'`);
  const map: BeoordelingenMap = new Map();
  const index = new Map<string, number>();
  raw.beoordelingen.forEach((entry: unknown, i: number) => {
    const id = isRecord(entry) && typeof entry.id === 'string' ? entry.id : undefined;
    const problem = (m: string) => problems.push(`beoordelingen[${i}]${id === undefined ? '' : ` (id '${id}')`}: ${m}`);
    const before = problems.length;
    const beoordeling = readEntry(entry, problem);
    const earlier = id === undefined ? undefined : index.get(id);
    if (earlier !== undefined) problem(`dit id staat ook in beoordelingen[${earlier}]; laat er één staan`);
    else if (id !== undefined) index.set(id, i);
    if (beoordeling && problems.length === before) map.set(beoordeling.id, beoordeling);
  });
  if (problems.length > 0) fail(problems);
  return map;
}

/** Loads the decisions file; a file that does not exist yet means no decisions. */
export async function loadBeoordelingen(file: string): Promise<BeoordelingenMap> {
  let text: string;
  try {
    text = (await readFile(file, 'utf8')).replace(/^\uFEFF/, '');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return new Map();
    throw new FileError(file, code === 'EISDIR' ? 'is een map, geen bestand' : `kan het bestand niet lezen (${code ?? String(err)})`);
  }
  return parseBeoordelingen(parseJson(text, file), file);
}

/** The file's content: entries sorted by id, so the file diffs well between sessions. */
export function beoordelingenJson(map: ReadonlyMap<string, OpgeslagenBeoordeling>): string {
  const bestand: BeoordelingenBestand = {
    versie: BEOORDELINGEN_VERSIE,
    toelichting: TOELICHTING,
    beoordelingen: [...map.values()]
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map(({ id, hash, fenomeen, ernst, wie, wanneer, suggestie }) => ({
        id,
        hash,
        fenomeen,
        ...(ernst ? { ernst } : {}),
        wie,
        wanneer,
        ...(suggestie ? { suggestie } : {}),
      })),
  };
  return `${JSON.stringify(bestand, null, 2)}\n`;
}

/** Writes all decisions at once (temp file + rename): a crash or Ctrl-C leaves the previous or the new file. */
export async function saveBeoordelingen(file: string, map: ReadonlyMap<string, OpgeslagenBeoordeling>): Promise<void> {
  await writeFileAtomic(file, beoordelingenJson(map));
}

/**
 * Records decisions in the file as it is on disk now, not as it was read at the start: another session or an import
 * in the same workspace may have added decisions since. Returns the decisions after the write.
 */
export async function addBeoordelingen(file: string, nieuw: readonly OpgeslagenBeoordeling[]): Promise<BeoordelingenMap> {
  const map = await loadBeoordelingen(file);
  for (const b of nieuw) map.set(b.id, b);
  await saveBeoordelingen(file, map);
  return map;
}
