// Every count the report shows, as one system of cells and additive relations, and its display after suppression.
// The same figure in two tables (a fenomeen's count in the fenomeen table, the series and the gemeente x fenomeen
// table) is one cell, so suppression holds across linked tables.

import type { GebiedCijfers, ScopeCijfers, Verandering } from '../aggregate/result-types.js';
import { FENOMENEN, type Fenomeen } from '../domain.js';
import { formatDifference, formatInteger, formatP, formatPercentChange } from '../present/format.js';
import { suppress, type CellSystem, type Relation, type SuppressionKind } from './suppression.js';
import type { Aantal, Getal, VeranderingWeergave } from './model-types.js';

export type VerdelingSoort = 'type' | 'bron' | 'ernst' | 'betrouwbaarheid' | 'herkomst';

/** Cell keys. Periods by code, so "the previous quarter" in the series and in the change column are the same cell. */
export const cell = {
  totaal: (periode: string) => `n@${periode}`,
  fenomeen: (f: Fenomeen, periode: string) => `f:${f}@${periode}`,
  verdeling: (soort: VerdelingSoort, code: string) => `${soort}:${code}`,
  gemeente: (gm: string, periode: string) => `gm:${gm}@${periode}`,
  gemeenteFenomeen: (gm: string, f: Fenomeen, periode: string) => `gm:${gm}:f:${f}@${periode}`,
  personen: 'personen',
  afwijkingen: 'afwijkingen',
} as const;

class SystemBuilder {
  readonly cells = new Map<string, number>();
  private readonly relations = new Map<string, Relation>();

  set(key: string, value: number): string {
    this.cells.set(key, value);
    return key;
  }

  relate(total: string, parts: string[]): void {
    this.relations.set(`${total}=${parts.join('+')}`, { total, parts });
  }

  build(): CellSystem {
    return { cells: this.cells, relations: [...this.relations.values()] };
  }
}

/** Counts per fenomeen in one period, related to the period's total. */
function addPeriod(b: SystemBuilder, periode: string, totaal: number, perFenomeen: (f: Fenomeen) => number): void {
  const total = b.set(cell.totaal(periode), totaal);
  b.relate(
    total,
    FENOMENEN.map((f) => b.set(cell.fenomeen(f, periode), perFenomeen(f))),
  );
}

function addGemeenten(b: SystemBuilder, c: ScopeCijfers, gemeenten: GebiedCijfers[]): void {
  const periods: [string, (g: GebiedCijfers) => number][] = [
    [c.periode.code, (g) => g.signalen],
    [c.vorigePeriode.code, (g) => g.signalenVorigePeriode],
    [c.vorigJaar.code, (g) => g.signalenVorigJaar],
  ];
  for (const [periode, count] of periods) {
    b.relate(
      cell.totaal(periode),
      gemeenten.map((g) => b.set(cell.gemeente(g.code, periode), count(g))),
    );
  }
  for (const g of gemeenten) {
    b.relate(
      cell.gemeente(g.code, c.periode.code),
      FENOMENEN.map((f) => b.set(cell.gemeenteFenomeen(g.code, f, c.periode.code), g.fenomenen[f])),
    );
  }
  for (const f of FENOMENEN) {
    b.relate(
      cell.fenomeen(f, c.periode.code),
      gemeenten.map((g) => cell.gemeenteFenomeen(g.code, f, c.periode.code)),
    );
  }
}

/** The cells and relations of everything a report on this scope shows. */
export function figureSystem(c: ScopeCijfers): CellSystem {
  const b = new SystemBuilder();
  const g = c.gebied;
  for (const punt of g.reeks) addPeriod(b, punt.periode, punt.signalen, (f) => punt.fenomenen[f]);
  addPeriod(b, c.vorigePeriode.code, g.signalenVorigePeriode, (f) => g.fenomeenVerandering[f].vorigePeriode.vergelijking);
  addPeriod(b, c.vorigJaar.code, g.signalenVorigJaar, (f) => g.fenomeenVerandering[f].vorigJaar.vergelijking);
  addPeriod(b, c.periode.code, g.signalen, (f) => g.fenomenen[f]);
  const breakdowns: [VerdelingSoort, Record<string, number>][] = [
    ['type', g.types],
    ['bron', g.bronnen],
    ['ernst', g.ernst],
    ['betrouwbaarheid', g.betrouwbaarheid],
    ['herkomst', g.herkomst],
  ];
  for (const [soort, counts] of breakdowns) {
    b.relate(
      cell.totaal(c.periode.code),
      Object.entries(counts).map(([code, n]) => b.set(cell.verdeling(soort, code), n)),
    );
  }
  if (g.personen !== null) b.set(cell.personen, g.personen);
  b.set(cell.afwijkingen, g.afwijkingen);
  if (g.soort === 'regio' && c.gemeenten.length > 0) addGemeenten(b, c, c.gemeenten);
  return b.build();
}

const SUPPRESSION_NAME: Record<SuppressionKind, 'primair' | 'secundair'> = {
  primary: 'primair',
  secondary: 'secundair',
};

/** Hidden derived values (shares, rates, changes) show this mark. */
export const HIDDEN_MARK = 'x';

/** A period the inputs do not cover: no data, which is not the same as zero signals. */
export const GEEN_GEGEVENS = '·';

/** The report's counts after suppression: what may be shown, and how. */
export class Figures {
  readonly hidden: ReadonlyMap<string, SuppressionKind>;

  constructor(
    private readonly system: CellSystem,
    readonly drempel: number,
    readonly openbaar: boolean,
  ) {
    this.hidden = openbaar ? suppress(system, drempel) : new Map();
  }

  count(kind: SuppressionKind): number {
    return [...this.hidden.values()].filter((k) => k === kind).length;
  }

  value(key: string): number {
    const v = this.system.cells.get(key);
    if (v === undefined) throw new Error(`report: no figure ${key}`);
    return v;
  }

  isHidden(...keys: string[]): boolean {
    return keys.some((k) => this.hidden.has(k));
  }

  aantal(key: string): Aantal {
    const kind = this.hidden.get(key);
    if (kind === 'primary') return { waarde: null, tekst: `<${this.drempel}`, onderdrukt: 'primair' };
    if (kind === 'secondary') return { waarde: null, tekst: HIDDEN_MARK, onderdrukt: SUPPRESSION_NAME[kind] };
    return { waarde: this.value(key), tekst: formatInteger(this.value(key)) };
  }

  /** A number derived from counts: hidden when any of them is. */
  derived(keys: string[], value: number | null, format: (n: number) => string): Getal {
    if (this.isHidden(...keys)) return { waarde: null, tekst: HIDDEN_MARK };
    return value === null ? { waarde: null, tekst: '–' } : { waarde: value, tekst: format(value) };
  }

  /** A change between the cells `now` and `then`, as judged by the aggregate stage's exact test. */
  verandering(v: Verandering, now: string, then: string): VeranderingWeergave {
    if (this.isHidden(now, then)) {
      const tekst = 'afgeschermd (klein aantal)';
      return { richting: 'afgeschermd', significant: false, p: null, verschil: null, procent: null, reden: null, tekst, kort: HIDDEN_MARK };
    }
    const base = { richting: v.richting, p: v.p, verschil: v.verschil, procent: v.procent, reden: v.reden ?? null };
    const amount = v.procent === null ? formatDifference(v.verschil) : formatPercentChange(v.procent);
    switch (v.richting) {
      case 'stijging':
      case 'daling': {
        const p = formatP(v.p ?? 0);
        const arrow = v.richting === 'stijging' ? '▲' : '▼';
        return { ...base, significant: true, tekst: `significante ${v.richting} (${amount}, ${p})`, kort: `${arrow} ${formatDifference(v.verschil)} · ${p}` };
      }
      case 'geen significante verandering': {
        const p = v.p === null ? '' : `, ${formatP(v.p)}`;
        return { ...base, significant: false, tekst: `geen significante verandering (${amount}${p})`, kort: `${formatDifference(v.verschil)} · n.s.` };
      }
      default:
        return { ...base, significant: false, tekst: v.reden ? `niet te toetsen: ${v.reden}` : 'niet te toetsen', kort: '–' };
    }
  }
}
