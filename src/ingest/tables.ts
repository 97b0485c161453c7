// The ingest stage's data files: column aliases (data/kolommen.json) and known values (data/waarden.json). Fenomeen
// labels are not here: the taxonomy knows them (ingest options, `fenomeenVoorLabel`).
// Located relative to this module so they are found from dist/ and from src/. The files are ours: a conflict in
// them (one spelling meaning two things) is a packaging bug and fails loudly.
import { readFileSync } from 'node:fs';
import { SCHALEN, type Schaal } from '../domain.js';
import { normaliseName } from '../reference/normalise.js';

const DATA_DIR = new URL('../../data/', import.meta.url);

export type Soort = 'signalen' | 'notities';

interface KolomSpec {
  /** Canonical column name. */
  naam: string;
  verplicht: boolean;
  aliassen: string[];
}

/** A lookup from a normalised spelling to its canonical form. */
export type Synoniemen<T extends string = string> = ReadonlyMap<string, T>;

export interface IngestTables {
  kolommen: Record<Soort, KolomSpec[]>;
  /** Normalised header spelling -> canonical column, per soort. */
  kolomNamen: Record<Soort, Synoniemen>;
  bron: Synoniemen;
  type: Synoniemen;
  schaal: Synoniemen<Schaal>;
}

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(new URL(file, DATA_DIR), 'utf8'));
}

/** Canonical form and every alias, normalised, to the canonical form; the canonical set may be restricted. */
function synonymMap<T extends string>(
  file: string,
  groups: Record<string, string[]>,
  allowed?: readonly T[],
): Map<string, T> {
  const map = new Map<string, T>();
  for (const [canonical, aliases] of Object.entries(groups)) {
    if (allowed && !allowed.includes(canonical as T)) throw new Error(`${file}: unknown canonical value '${canonical}'`);
    for (const spelling of [canonical, ...aliases]) {
      const key = normaliseName(spelling);
      const existing = map.get(key);
      if (existing !== undefined && existing !== canonical) {
        throw new Error(`${file}: '${spelling}' means both '${existing}' and '${canonical}'`);
      }
      map.set(key, canonical as T);
    }
  }
  return map;
}

function kolomSpecs(raw: Record<string, { verplicht: boolean; aliassen: string[] }>): KolomSpec[] {
  return Object.entries(raw).map(([naam, spec]) => ({ naam, verplicht: spec.verplicht, aliassen: spec.aliassen }));
}

function kolomNamen(soort: Soort, specs: KolomSpec[]): Synoniemen {
  return synonymMap(`kolommen.json (${soort})`, Object.fromEntries(specs.map((s) => [s.naam, s.aliassen])));
}

let cached: IngestTables | undefined;

export function ingestTables(): IngestTables {
  if (cached) return cached;
  const kolommen = readJson('kolommen.json') as Record<Soort, Record<string, { verplicht: boolean; aliassen: string[] }>>;
  const waarden = readJson('waarden.json') as {
    bron: Record<string, string[]>;
    type: Record<string, string[]>;
    schaal: Record<string, string[]>;
  };
  const signalen = kolomSpecs(kolommen.signalen);
  const notities = kolomSpecs(kolommen.notities);
  cached = {
    kolommen: { signalen, notities },
    kolomNamen: { signalen: kolomNamen('signalen', signalen), notities: kolomNamen('notities', notities) },
    bron: synonymMap('waarden.json bron', waarden.bron),
    type: synonymMap('waarden.json type', waarden.type),
    schaal: synonymMap('waarden.json schaal', waarden.schaal, SCHALEN),
  };
  return cached;
}
