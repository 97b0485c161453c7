// Maps an export's header to the canonical columns. Header text is compared ignoring case, diacritics, spaces,
// underscores, hyphens and other punctuation ("Datum_Melding" = "datum melding"), against the alias table in
// data/kolommen.json.
import { FileError } from '../util/errors.js';
import { ingestTables, type Soort } from './tables.js';
import { normaliseName } from '../reference/normalise.js';

export interface KolomIndeling {
  /** Canonical column -> field index. */
  index: Map<string, number>;
  /** The header as the analyst wrote it (trimmed), per field index; empty names become "kolom N". */
  namen: string[];
  /** Columns that are not recognised, or repeat a recognised one: ignored, with a notice. */
  genegeerd: { index: number; naam: string; reden: string }[];
}

export function canonicalColumn(soort: Soort, header: string): string | undefined {
  return ingestTables().kolomNamen[soort].get(normaliseName(header));
}

/** Display names for the fields; unnamed or repeated headers get a name the analyst can find back. */
function fieldNames(header: string[]): string[] {
  const seen = new Set<string>();
  return header.map((raw, i) => {
    let naam = raw.trim() || `kolom ${i + 1}`;
    if (seen.has(naam)) naam = `${naam} (kolom ${i + 1})`;
    seen.add(naam);
    return naam;
  });
}

export function mapHeader(file: string, soort: Soort, header: string[]): KolomIndeling {
  const namen = fieldNames(header);
  const index = new Map<string, number>();
  const genegeerd: KolomIndeling['genegeerd'] = [];
  header.forEach((raw, i) => {
    if (raw.trim() === '') return; // trailing empty columns of Excel exports
    const canonical = canonicalColumn(soort, raw);
    if (canonical === undefined) {
      genegeerd.push({ index: i, naam: namen[i]!, reden: `onbekende kolom '${namen[i]}' wordt genegeerd` });
    } else if (index.has(canonical)) {
      const first = namen[index.get(canonical)!]!;
      genegeerd.push({
        index: i,
        naam: namen[i]!,
        reden: `kolom '${namen[i]}' betekent hetzelfde als '${first}' (${canonical}); alleen '${first}' wordt gelezen`,
      });
    } else {
      index.set(canonical, i);
    }
  });
  const missing = ingestTables()
    .kolommen[soort].filter((spec) => spec.verplicht && !index.has(spec.naam))
    .map((spec) => spec.naam);
  if (missing.length > 0) {
    const found = header.filter((h) => h.trim() !== '').map((h) => `'${h.trim()}'`);
    throw new FileError(
      file,
      `${missing.length > 1 ? 'verplichte kolommen' : 'verplichte kolom'} ${missing.map((m) => `'${m}'`).join(', ')} ` +
        `${missing.length > 1 ? 'ontbreken' : 'ontbreekt'} voor ${soort}. ` +
        `Gevonden kolommen: ${found.length > 0 ? found.join(', ') : '(geen)'}. ` +
        `Zie data/kolommen.json voor de namen die cter herkent.`,
    );
  }
  return { index, namen, genegeerd };
}

/** Signalen or notities, judged by which set of required columns the header has. */
export function soortFromHeader(header: string[]): Soort | undefined {
  const has = (soort: Soort) => {
    const present = new Set(header.map((h) => canonicalColumn(soort, h)));
    return ingestTables().kolommen[soort].every((spec) => !spec.verplicht || present.has(spec.naam));
  };
  if (has('signalen')) return 'signalen';
  if (has('notities')) return 'notities';
  return undefined;
}
