// Validation of a taxonomy file's JSON. Every problem names the JSON path of the bad entry, in Dutch, so an analyst
// can find it: "fenomenen[2].termen[5].gewicht: verwacht een getal, gevonden de tekst \"drie\"".
// A full taxonomy needs every field; an extension ('uitbreiden') may leave out what it does not change.
import { FENOMENEN, type Fenomeen } from '../domain.js';
import { parsePattern } from './text.js';
import type {
  Bereik,
  ErnstGroep,
  FenomeenDefinitie,
  Instellingen,
  NegatieveContext,
  Plaats,
  TermRegel,
} from './taxonomy-types.js';

export interface Probleem {
  pad: string;
  melding: string;
}

/** A fenomeen entry as read; label and omschrijving may be absent in an extension. */
export type FenomeenInput = Omit<FenomeenDefinitie, 'label' | 'omschrijving'> &
  Partial<Pick<FenomeenDefinitie, 'label' | 'omschrijving'>>;

/** A taxonomy file as read: complete when it validated as a full taxonomy. */
export interface TaxonomyInput {
  versie?: string;
  omschrijving?: string;
  instellingen: Partial<Instellingen>;
  contextlijsten: Record<string, string[]>;
  negatieveContext: NegatieveContext[];
  fenomenen: FenomeenInput[];
  ernst: { hoog: ErnstGroep[]; midden: ErnstGroep[]; laagReden?: string; negatief: NegatieveContext[] };
}

/** When a value must be present: always, only in a full taxonomy, or never. */
type Need = 'altijd' | 'volledig' | 'optioneel';

const CONTEXT_NAME = /^[a-z0-9-]+$/;

const BEREIKEN: readonly Bereik[] = ['zin', 'vervolg', 'tekst'];

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'een lijst';
  if (typeof value === 'string') return `de tekst ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value)}`;
  if (typeof value === 'object') return 'een object';
  return `${typeof value === 'number' ? 'het getal' : 'de waarde'} ${String(value)}`;
}

/** Reads one file's JSON, collecting problems instead of stopping at the first. */
class Reader {
  readonly problemen: Probleem[] = [];
  constructor(
    readonly bestand: string,
    readonly volledig: boolean,
  ) {}

  fail(pad: string, melding: string): undefined {
    this.problemen.push({ pad: pad || '(hoofdniveau)', melding });
    return undefined;
  }

  plaats(pad: string): Plaats {
    return { bestand: this.bestand, pad };
  }

  /** An object with only the given keys (null: any); keys starting with '_' are comments, "$schema" is allowed. */
  object(value: unknown, pad: string, keys: readonly string[] | null): Record<string, unknown> | undefined {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return this.fail(pad, `verwacht een object, gevonden ${describe(value)}`);
    }
    for (const key of Object.keys(value)) {
      if (keys && !keys.includes(key) && !key.startsWith('_') && key !== '$schema') {
        this.fail(join(pad, key), `onbekende sleutel '${key}' (toegestaan: ${keys.join(', ')})`);
      }
    }
    return value as Record<string, unknown>;
  }

  /** Is the value there? Reports it missing when `need` says it must be. */
  present(value: unknown, pad: string, need: Need = 'volledig'): boolean {
    if (value !== undefined) return true;
    if (need === 'altijd' || (need === 'volledig' && this.volledig)) this.fail(pad, 'ontbreekt');
    return false;
  }

  text(value: unknown, pad: string, need: Need = 'volledig'): string | undefined {
    if (!this.present(value, pad, need)) return undefined;
    if (typeof value !== 'string' || value.trim() === '') {
      return this.fail(pad, `verwacht een niet-lege tekst, gevonden ${describe(value)}`);
    }
    return value.trim();
  }

  number(value: unknown, pad: string, min: number, max: number, need: Need = 'volledig'): number | undefined {
    if (!this.present(value, pad, need)) return undefined;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
      return this.fail(pad, `verwacht een getal van ${min} tot en met ${max}, gevonden ${describe(value)}`);
    }
    return value;
  }

  boolean(value: unknown, pad: string): boolean | undefined {
    if (value === undefined) return undefined;
    if (typeof value !== 'boolean') return this.fail(pad, `verwacht true of false, gevonden ${describe(value)}`);
    return value;
  }

  list<T>(value: unknown, pad: string, item: (v: unknown, p: string) => T | undefined, need: Need = 'volledig'): T[] {
    if (!this.present(value, pad, need)) return [];
    if (!Array.isArray(value)) {
      this.fail(pad, `verwacht een lijst, gevonden ${describe(value)}`);
      return [];
    }
    const out: T[] = [];
    value.forEach((v, i) => {
      const parsed = item(v, `${pad}[${i}]`);
      if (parsed !== undefined) out.push(parsed);
    });
    return out;
  }

  /** A usable pattern ("kalifaat", "soeverein*", "IS-vlag"). */
  pattern(value: unknown, pad: string): string | undefined {
    const term = this.text(value, pad, 'altijd');
    if (term === undefined) return undefined;
    const parsed = parsePattern(term);
    return typeof parsed === 'string' ? this.fail(pad, `term '${term}': ${parsed}`) : term;
  }

  patterns(value: unknown, pad: string): string[] {
    return this.list(value, pad, (v, p) => this.pattern(v, p), 'optioneel');
  }

  /** Patterns or references to a context list ("@geweld"); whether the list exists is checked after merging. */
  contexts(value: unknown, pad: string): string[] {
    return this.list(
      value,
      pad,
      (v, p) => {
        if (typeof v !== 'string' || !v.startsWith('@')) return this.pattern(v, p);
        return CONTEXT_NAME.test(v.slice(1)) ? v : this.fail(p, `ongeldige lijstnaam '${v}' (verwacht '@' en kleine letters, cijfers of '-')`);
      },
      'optioneel',
    );
  }
}

function join(pad: string, key: string): string {
  return pad ? `${pad}.${key}` : key;
}

/** Identity of a term within a fenomeen: the same words ("IS-vlag" = "IS vlag"), with case only when it matters. */
export function termKey(t: { term: string; hoofdlettergevoelig?: boolean }): string {
  const words = parsePattern(t.term);
  if (typeof words === 'string') return t.term;
  const key = words.map((w) => (w.head ? '*' : '') + (t.hoofdlettergevoelig ? w.original : w.lower) + (w.prefix ? '*' : '')).join(' ');
  return `${t.hoofdlettergevoelig ? 'A' : 'a'}:${key}`;
}

function readTerm(r: Reader, value: unknown, pad: string): TermRegel | undefined {
  const o = r.object(value, pad, ['term', 'gewicht', 'hoofdlettergevoelig', 'alleenMet', 'nietMet']);
  if (!o) return undefined;
  const term = r.pattern(o.term, join(pad, 'term'));
  const gewicht = r.number(o.gewicht, join(pad, 'gewicht'), 0, 100, 'altijd');
  const hoofdlettergevoelig = r.boolean(o.hoofdlettergevoelig, join(pad, 'hoofdlettergevoelig'));
  const alleenMet = r.contexts(o.alleenMet, join(pad, 'alleenMet'));
  const nietMet = r.contexts(o.nietMet, join(pad, 'nietMet'));
  if (term === undefined || gewicht === undefined) return undefined;
  return {
    term,
    gewicht,
    ...(hoofdlettergevoelig ? { hoofdlettergevoelig } : {}),
    ...(alleenMet.length ? { alleenMet } : {}),
    ...(nietMet.length ? { nietMet } : {}),
    plaats: r.plaats(pad),
  };
}

function readNegative(r: Reader, value: unknown, pad: string): NegatieveContext | undefined {
  const o = r.object(value, pad, ['term', 'bereik', 'factor', 'hoofdlettergevoelig']);
  if (!o) return undefined;
  const term = r.pattern(o.term, join(pad, 'term'));
  let bereik: Bereik | undefined;
  if (r.present(o.bereik, join(pad, 'bereik'), 'altijd')) {
    if (BEREIKEN.includes(o.bereik as Bereik)) bereik = o.bereik as Bereik;
    else r.fail(join(pad, 'bereik'), `verwacht 'zin', 'vervolg' of 'tekst', gevonden ${describe(o.bereik)}`);
  }
  // A factor of 1 or more would not be negative context at all.
  const factor = r.number(o.factor, join(pad, 'factor'), 0, 0.99, 'altijd');
  const hoofdlettergevoelig = r.boolean(o.hoofdlettergevoelig, join(pad, 'hoofdlettergevoelig'));
  if (term === undefined || bereik === undefined || factor === undefined) return undefined;
  return { term, bereik, factor, ...(hoofdlettergevoelig ? { hoofdlettergevoelig } : {}), plaats: r.plaats(pad) };
}

function readNeutral(r: Reader, value: unknown, pad: string): { term: string; plaats: Plaats } | undefined {
  const term = r.pattern(value, pad);
  return term === undefined ? undefined : { term, plaats: r.plaats(pad) };
}

function readFenomeen(r: Reader, value: unknown, pad: string): FenomeenInput | undefined {
  const o = r.object(value, pad, ['code', 'label', 'kort', 'omschrijving', 'synoniemen', 'termen', 'neutraal', 'negatief', 'modelAlleenMet']);
  if (!o) return undefined;
  let code: Fenomeen | undefined;
  if (r.present(o.code, join(pad, 'code'), 'altijd')) {
    if (FENOMENEN.includes(o.code as Fenomeen)) code = o.code as Fenomeen;
    else r.fail(join(pad, 'code'), `onbekend fenomeen ${describe(o.code)} (bekend: ${FENOMENEN.join(', ')})`);
  }
  const label = r.text(o.label, join(pad, 'label'));
  const kort = r.text(o.kort, join(pad, 'kort'), 'optioneel');
  const omschrijving = r.text(o.omschrijving, join(pad, 'omschrijving'));
  const synoniemen = r.list(
    o.synoniemen,
    join(pad, 'synoniemen'),
    (v, p) => {
      const naam = r.text(v, p, 'altijd');
      return naam === undefined ? undefined : { naam, plaats: r.plaats(p) };
    },
    'optioneel',
  );
  const termen = r.list(o.termen, join(pad, 'termen'), (v, p) => readTerm(r, v, p), 'optioneel');
  const seen = new Set<string>();
  for (const t of termen) {
    if (seen.has(termKey(t))) r.fail(t.plaats.pad, `term '${t.term}' staat al eerder in dit fenomeen`);
    seen.add(termKey(t));
  }
  const neutraal = r.list(o.neutraal, join(pad, 'neutraal'), (v, p) => readNeutral(r, v, p), 'optioneel');
  const negatief = r.list(o.negatief, join(pad, 'negatief'), (v, p) => readNegative(r, v, p), 'optioneel');
  // Each entry keeps its place: whether a list exists is known only after merging, and the error names this file.
  const modelAlleenMet = r
    .contexts(o.modelAlleenMet, join(pad, 'modelAlleenMet'))
    .map((term, i) => ({ term, plaats: r.plaats(`${join(pad, 'modelAlleenMet')}[${i}]`) }));
  if (code === undefined) return undefined;
  return {
    code,
    label,
    ...(kort === undefined ? {} : { kort }),
    omschrijving,
    synoniemen,
    termen,
    neutraal,
    negatief,
    modelAlleenMet,
    plaats: r.plaats(pad),
  };
}

function readErnstGroep(r: Reader, value: unknown, pad: string): ErnstGroep | undefined {
  const o = r.object(value, pad, ['reden', 'termen']);
  if (!o) return undefined;
  const reden = r.text(o.reden, join(pad, 'reden'), 'altijd');
  const termen = r.list(o.termen, join(pad, 'termen'), (v, p) => readNeutral(r, v, p), 'altijd');
  return reden === undefined ? undefined : { reden, termen };
}

function readInstellingen(r: Reader, value: unknown, pad: string): Partial<Instellingen> {
  if (!r.present(value, pad)) return {};
  const o = r.object(value, pad, ['minimumScore', 'minimumVerschil', 'scheidingswoorden']);
  if (!o) return {};
  const out: Partial<Instellingen> = {};
  const minimumScore = r.number(o.minimumScore, join(pad, 'minimumScore'), 0.01, 1000);
  const minimumVerschil = r.number(o.minimumVerschil, join(pad, 'minimumVerschil'), 0.01, 1000);
  if (minimumScore !== undefined) out.minimumScore = minimumScore;
  if (minimumVerschil !== undefined) out.minimumVerschil = minimumVerschil;
  if (o.scheidingswoorden !== undefined || r.volledig) {
    out.scheidingswoorden = r.patterns(o.scheidingswoorden, join(pad, 'scheidingswoorden'));
  }
  return out;
}

function readContextLists(r: Reader, value: unknown): Record<string, string[]> {
  const lists: Record<string, string[]> = {};
  if (value === undefined) return lists;
  const o = r.object(value, 'contextlijsten', null);
  if (!o) return lists;
  for (const [name, patterns] of Object.entries(o)) {
    if (name.startsWith('_') || name === '$schema') continue;
    const pad = `contextlijsten.${name}`;
    if (!CONTEXT_NAME.test(name)) r.fail(pad, `ongeldige lijstnaam '${name}' (kleine letters, cijfers en '-')`);
    else lists[name] = r.list(patterns, pad, (v, p) => r.pattern(v, p), 'altijd');
  }
  return lists;
}

/** Validates a taxonomy file's parsed JSON. `volledig`: a complete taxonomy (built-in or 'vervangen'). */
export function readTaxonomie(
  raw: unknown,
  bestand: string,
  volledig: boolean,
): { invoer: TaxonomyInput; problemen: Probleem[] } {
  const r = new Reader(bestand, volledig);
  const invoer: TaxonomyInput = {
    instellingen: {},
    contextlijsten: {},
    negatieveContext: [],
    fenomenen: [],
    ernst: { hoog: [], midden: [], negatief: [] },
  };
  const o = r.object(raw, '', [
    'versie',
    'omschrijving',
    'instellingen',
    'contextlijsten',
    'negatieveContext',
    'fenomenen',
    'ernst',
  ]);
  if (!o) return { invoer, problemen: r.problemen };
  invoer.versie = r.text(o.versie, 'versie');
  const omschrijving = r.text(o.omschrijving, 'omschrijving', 'optioneel');
  if (omschrijving !== undefined) invoer.omschrijving = omschrijving;
  invoer.instellingen = readInstellingen(r, o.instellingen, 'instellingen');
  invoer.contextlijsten = readContextLists(r, o.contextlijsten);
  invoer.negatieveContext = r.list(o.negatieveContext, 'negatieveContext', (v, p) => readNegative(r, v, p), 'optioneel');
  invoer.fenomenen = r.list(o.fenomenen, 'fenomenen', (v, p) => readFenomeen(r, v, p));
  if (r.present(o.ernst, 'ernst')) {
    const e = r.object(o.ernst, 'ernst', ['hoog', 'midden', 'laagReden', 'negatief']);
    if (e) {
      invoer.ernst = {
        hoog: r.list(e.hoog, 'ernst.hoog', (v, p) => readErnstGroep(r, v, p), 'optioneel'),
        midden: r.list(e.midden, 'ernst.midden', (v, p) => readErnstGroep(r, v, p), 'optioneel'),
        laagReden: r.text(e.laagReden, 'ernst.laagReden'),
        negatief: r.list(e.negatief, 'ernst.negatief', (v, p) => readNegative(r, v, p), 'optioneel'),
      };
    }
  }
  return { invoer, problemen: r.problemen };
}
