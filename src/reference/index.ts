// Reference data: the current gemeenten (CBS 2025), veiligheidsregio's, the Noord-Holland regions, abolished
// gemeenten, and what the configuration adds (own regions, newer inhabitant counts).
import type { CterConfig } from '../config/types.js';
import type { Gemeente, Regio } from '../model.js';
import { CterError, UsageError } from '../util/errors.js';
import { GemeenteMatcher, type GemeenteMatch } from './gemeente-matcher.js';
import { slug } from './normalise.js';
import { RegioMatcher, type RegioMatch } from './regio-matcher.js';
import { readReferenceTables, type ReferenceTables } from './tables.js';

export type { GemeenteMatch } from './gemeente-matcher.js';
export type { RegioMatch } from './regio-matcher.js';
export { normaliseName, slug } from './normalise.js';

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
}

type ReferenceConfig = Partial<Pick<CterConfig, 'regios' | 'inwoners'>>;

/** Dutch list order: 's-Gravenhage under G, 's-Hertogenbosch under H. */
export function compareGemeenteNamen(a: string, b: string): number {
  const key = (naam: string) => naam.replace(/^'[st][- ]/i, '');
  return key(a).localeCompare(key(b), 'nl');
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

/** The gemeente a user named, or a usage error saying where it was named (`waar`: an option or config key). */
export function gemeenteOfFout(ref: Reference, text: string, waar: string): Gemeente {
  const match = ref.resolveGemeente(text);
  if (!match.ok) throw new UsageError(`${waar}: ${withSuggestions(match.reden, match.suggesties)}`);
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

export function loadReference(config: ReferenceConfig = {}): Reference {
  const tables = readReferenceTables();
  const gemeenten = baseGemeenten(tables);
  const matcher = new GemeenteMatcher(gemeenten, tables.opgeheven);
  applyInwoners(matcher, config.inwoners ?? {});
  const regioMatcher = new RegioMatcher([...builtInRegios(tables, gemeenten), ...eigenRegios(matcher, config.regios)]);
  return {
    gemeenten,
    gemeente: (code) => matcher.gemeente(code),
    resolveGemeente: (text) => matcher.resolve(text),
    regios: regioMatcher.regios,
    resolveRegio: (text) => regioMatcher.resolve(text),
    regiosVan: (code) => regioMatcher.regiosVan(code),
  };
}
