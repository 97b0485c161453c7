// Reference data: the current gemeenten (CBS 2025), veiligheidsregio's, the Noord-Holland regions, abolished
// gemeenten, and what the configuration adds (own regions, newer inhabitant counts).
import { readFileSync } from 'node:fs';
import type { Gemeente, Regio } from '../domain.js';
import { CterError, FileError, UsageError } from '../util/errors.js';
import { GemeenteMatcher, type GemeenteMatch } from './gemeente-matcher.js';
import { slug } from './normalise.js';
import { RegioMatcher, type RegioMatch } from './regio-matcher.js';
import {
  parseTable,
  readReferenceTables,
  WOONPLAATS_KOLOMMEN,
  woonplaatsRow,
  type ReferenceTables,
  type WoonplaatsRow,
} from './tables.js';

export interface Reference {
  /** The 342 current gemeenten, sorted by naam; inhabitants as overridden by the configuration. */
  gemeenten: Gemeente[];
  /** By CBS code, e.g. "GM0479". */
  gemeente(code: string): Gemeente | undefined;
  resolveGemeente(text: string): GemeenteMatch;
  /** The 25 veiligheidsregio's, the regions built from them, and the configuration's own regions. */
  regios: Regio[];
  resolveRegio(text: string): RegioMatch;
  /** Every region a gemeente belongs to. */
  regiosVan(gemeenteCode: string): Regio[];
  /** The known woonplaatsen of a gemeente (built-in list plus the configuration's `woonplaatsen`). */
  woonplaatsenVan(gemeenteCode: string): string[];
}

/** The configuration keys the reference data reads (a `CterConfig` fits; reference data knows nothing else of it). */
interface ReferenceConfig {
  regio?: string;
  gemeente?: string;
  /** The analyst's own regions: a name and gemeente names or CBS codes. */
  regios?: { naam: string; gemeenten: string[] }[];
  inwoners?: Record<string, number>;
  /** A CSV of extra woonplaatsen. */
  woonplaatsen?: string;
}

/**
 * Dutch collation, made once: localeCompare(b, 'nl') compares as a new Intl.Collator('nl') does, and making that
 * collator on every comparison was most of the cost of loading the reference data.
 */
const NL = new Intl.Collator('nl');

/** Dutch list order: 's-Gravenhage under G, 's-Hertogenbosch under H. */
export function compareGemeenteNamen(a: string, b: string): number {
  const key = (naam: string) => naam.replace(/^'[st][- ]/i, '');
  return NL.compare(key(a), key(b));
}

function baseGemeenten(tables: ReferenceTables): Gemeente[] {
  return tables.gemeenten
    .map((g) => ({ ...g, andereNamen: [...g.andereNamen] }))
    .sort((a, b) => compareGemeenteNamen(a.naam, b.naam));
}

/** Applies `inwoners` from the configuration; keys are gemeente names or codes. */
function applyInwoners(matcher: GemeenteMatcher, inwoners: Record<string, number>): void {
  for (const [name, count] of Object.entries(inwoners)) {
    if (!Number.isInteger(count) || count <= 0) {
      throw new CterError(`configuratie 'inwoners': '${name}' heeft geen positief geheel aantal (${String(count)}).`);
    }
    const match = matcher.resolve(name);
    if (!match.ok) throw new CterError(`configuratie 'inwoners': ${withSuggestions(match.reden, match.suggesties)}`);
    if (match.via === 'woonplaats') {
      throw new CterError(
        `configuratie 'inwoners': '${name}' is een woonplaats in ${match.gemeente.naam}; geef het aantal voor de hele gemeente ${match.gemeente.naam}.`,
      );
    }
    if (match.via === 'opgeheven') {
      throw new CterError(
        `configuratie 'inwoners': '${name}' is opgeheven en valt nu onder ${match.gemeente.naam}; geef het aantal voor ${match.gemeente.naam}.`,
      );
    }
    match.gemeente.inwoners = count;
  }
}

/** A failed match as one Dutch sentence: the reason, and the suggestions unless the reason already names them. */
export function withSuggestions(reden: string, suggesties: string[]): string {
  // Look past the quoted input: "onbekende gemeente 'Zaanstadt'" does not name Zaanstad.
  const named = reden.replace(/'[^']*'/g, '');
  const nieuw = suggesties.filter((s) => !named.includes(s));
  return nieuw.length > 0 ? `${reden}. Bedoelt u: ${suggesties.join(', ')}?` : `${reden}.`;
}

/**
 * What a match that named a woonplaats or an abolished gemeente was counted as, for one summary line
 * ("Zaandam geteld als Zaanstad"); undefined when the text named the gemeente itself.
 */
function omzettingTekst(match: GemeenteMatch): string | undefined {
  if (!match.ok) return undefined;
  if (match.woonplaats) return `${match.woonplaats} geteld als ${match.gemeente.naam}`;
  if (match.opgeheven) return `${match.opgeheven.naam} (opgeheven) geteld als ${match.gemeente.naam}`;
  return undefined;
}

/**
 * The gemeente a user named, or a usage error saying where it was named (`waar`: an option or config key).
 * `meld` hears "Zaandam geteld als Zaanstad." when the name was a woonplaats or an abolished gemeente.
 */
export function gemeenteOfFout(ref: Reference, text: string, waar: string, meld?: (tekst: string) => void): Gemeente {
  const match = ref.resolveGemeente(text);
  if (!match.ok) throw new UsageError(`${waar}: ${withSuggestions(match.reden, match.suggesties)}`);
  const omzetting = omzettingTekst(match);
  if (omzetting && meld) meld(`${waar}: ${omzetting}.`);
  return match.gemeente;
}

/** The region a user named, or a usage error saying where it was named. */
export function regioOfFout(ref: Reference, text: string, waar: string): Regio {
  const match = ref.resolveRegio(text);
  if (!match.ok) throw new UsageError(`${waar}: ${withSuggestions(match.reden, match.suggesties)}`);
  return match.regio;
}

function builtInRegios(tables: ReferenceTables, gemeenten: Gemeente[]): Regio[] {
  const membersOf = (vr: string) => gemeenten.filter((g) => g.veiligheidsregio === vr).map((g) => g.code);
  const regios: Regio[] = tables.veiligheidsregios.map((vr) => ({
    code: vr.code,
    naam: vr.naam,
    soort: 'veiligheidsregio',
    gemeenten: membersOf(vr.code),
  }));
  for (const row of tables.regios) {
    const vr = regios.find((r) => r.code === row.code);
    if (vr) {
      // A veiligheidsregio that also serves as zorg- en veiligheidsregio: same gemeenten, other label.
      vr.soort = row.soort;
      vr.naam = row.naam;
    } else {
      regios.push({ code: row.code, naam: row.naam, soort: row.soort, gemeenten: row.leden.flatMap(membersOf) });
    }
  }
  return regios;
}

function eigenRegios(matcher: GemeenteMatcher, config: ReferenceConfig['regios'] = []): Regio[] {
  return config.map((eigen) => {
    if (!slug(eigen.naam)) throw new CterError(`een regio in de configuratie heeft geen naam.`);
    const codes = eigen.gemeenten.map((member) => {
      const match = matcher.resolve(member);
      if (!match.ok) {
        throw new CterError(`regio '${eigen.naam}' in de configuratie: ${withSuggestions(match.reden, match.suggesties)}`);
      }
      return match.gemeente.code;
    });
    return { code: slug(eigen.naam), naam: eigen.naam, soort: 'eigen regio', gemeenten: [...new Set(codes)] };
  });
}

/** The configuration's own woonplaatsen file, checked row by row against the current gemeenten. */
function eigenWoonplaatsen(pad: string, tables: ReferenceTables): WoonplaatsRow[] {
  let content: Buffer;
  try {
    content = readFileSync(pad);
  } catch (err) {
    throw new FileError(pad, `woonplaatsen (configuratie 'woonplaatsen') niet te lezen: ${(err as Error).message}`);
  }
  const fail = (message: string) => new FileError(pad, message);
  let rows: ReturnType<typeof parseTable<(typeof WOONPLAATS_KOLOMMEN)[number]>>;
  try {
    rows = parseTable(content, WOONPLAATS_KOLOMMEN, fail);
  } catch (err) {
    if (err instanceof FileError) throw err;
    throw fail(`geen geldige CSV: ${(err as Error).message}`);
  }
  const codes = new Set(tables.gemeenten.map((g) => g.code));
  return rows.map((r) => {
    const row = woonplaatsRow(r.row);
    if (!row.woonplaats) throw fail(`regel ${r.regel}: woonplaats ontbreekt`);
    if (!codes.has(row.code)) {
      throw fail(`regel ${r.regel}: '${row.code}' is geen CBS-code van een huidige gemeente (bijv. GM0479)`);
    }
    return row;
  });
}

/** The gemeenten of the workspace's region (or gemeente's veiligheidsregio), for suggestions; empty when not set. */
function werkgebied(config: ReferenceConfig, matcher: GemeenteMatcher, regioMatcher: RegioMatcher): string[] {
  if (config.regio) {
    const match = regioMatcher.resolve(config.regio);
    if (match.ok) return match.regio.gemeenten;
  }
  if (config.gemeente) {
    const match = matcher.resolve(config.gemeente);
    if (match.ok) return regioMatcher.regiosVan(match.gemeente.code).flatMap((r) => r.gemeenten);
  }
  return [];
}

export function loadReference(config: ReferenceConfig = {}): Reference {
  const tables = readReferenceTables();
  const gemeenten = baseGemeenten(tables);
  const woonplaatsen = config.woonplaatsen
    ? [...tables.woonplaatsen, ...eigenWoonplaatsen(config.woonplaatsen, tables)]
    : tables.woonplaatsen;
  const matcher = new GemeenteMatcher(gemeenten, tables.opgeheven, woonplaatsen);
  applyInwoners(matcher, config.inwoners ?? {});
  const regioMatcher = new RegioMatcher([...builtInRegios(tables, gemeenten), ...eigenRegios(matcher, config.regios)]);
  matcher.setVoorkeur(werkgebied(config, matcher, regioMatcher));
  return {
    gemeenten,
    gemeente: (code) => matcher.gemeente(code),
    resolveGemeente: (text) => matcher.resolve(text),
    regios: regioMatcher.regios,
    resolveRegio: (text) => regioMatcher.resolve(text),
    regiosVan: (code) => regioMatcher.regiosVan(code),
    woonplaatsenVan: (code) => matcher.woonplaatsen(code),
  };
}
