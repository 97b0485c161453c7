// Loading the taxonomy: the built-in data/taxonomie.json, extended ('uitbreiden') or replaced ('vervangen') by the
// analyst's own file from the configuration key `taxonomie`. Every problem names the file and the JSON path.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseJson } from '../config/json-syntax.js';
import { FENOMENEN, type Fenomeen } from '../domain.js';
import { CterError, FileError } from '../util/errors.js';
import { BUILT_IN_TAXONOMY } from '../util/package.js';
import { compileRules, type CompiledRules } from './rules.js';
import {
  readTaxonomie,
  termKey,
  type FenomeenInput,
  type Probleem,
  type TaxonomyInput,
} from './taxonomy-schema.js';
import type {
  ErnstGroep,
  FenomeenDefinitie,
  TaxonomySource,
  TaxonomyDefinition,
  TermRegel,
} from './taxonomy-types.js';
import { foldText } from './text.js';


type TaxonomyMode = 'uitbreiden' | 'vervangen';

/** The effective taxonomy: its definition, the files it came from, and the compiled rules. */
export interface Taxonomy {
  definitie: TaxonomyDefinition;
  bronnen: TaxonomySource[];
  regels: CompiledRules;
  /** Normalised label or synonym -> fenomeen. */
  labels: Map<string, Fenomeen>;
}

export interface LoadTaxonomyOptions {
  /** The analyst's taxonomy file (configuration key `taxonomie`), relative to baseDir. */
  taxonomie?: string;
  taxonomieModus?: TaxonomyMode;
  baseDir: string;
}

class TaxonomyProblems extends CterError {
  constructor(problemen: (Probleem & { bestand: string })[]) {
    const shown = problemen.slice(0, 25).map((p) => `${p.bestand}: ${p.pad}: ${p.melding}`);
    if (problemen.length > shown.length) shown.push(`... en nog ${problemen.length - shown.length} problemen`);
    super(`taxonomie ongeldig:\n${shown.join('\n')}`);
  }
}

async function readJson(file: string): Promise<{ raw: unknown; sha256: string }> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new FileError(file, code === 'ENOENT' ? 'taxonomiebestand niet gevonden' : `kan het bestand niet lezen (${code})`);
  }
  const raw = parseJson(bytes.toString('utf8').replace(/^\uFEFF/, ''), file);
  return { raw, sha256: createHash('sha256').update(bytes).digest('hex') };
}

async function readFile_(file: string, volledig: boolean): Promise<{ invoer: TaxonomyInput; sha256: string }> {
  const { raw, sha256 } = await readJson(file);
  const { invoer, problemen } = readTaxonomie(raw, file, volledig);
  if (problemen.length > 0) throw new TaxonomyProblems(problemen.map((p) => ({ ...p, bestand: file })));
  return { invoer, sha256 };
}

/** A full taxonomy as read: every fenomeen exactly once, with label and omschrijving. */
function complete(invoer: TaxonomyInput, bestand: string): TaxonomyDefinition {
  const problemen: Probleem[] = [];
  const fenomenen: FenomeenDefinitie[] = [];
  for (const code of FENOMENEN) {
    const entries = invoer.fenomenen.filter((f) => f.code === code);
    if (entries.length === 0) problemen.push({ pad: 'fenomenen', melding: `fenomeen '${code}' ontbreekt` });
    if (entries.length > 1) {
      problemen.push({ pad: entries[1]!.plaats.pad, melding: `fenomeen '${code}' staat er meer dan eens in` });
    }
    const f = entries[0];
    if (f?.label !== undefined && f.omschrijving !== undefined) {
      fenomenen.push({ ...f, label: f.label, omschrijving: f.omschrijving });
    }
  }
  const { minimumScore, minimumVerschil, scheidingswoorden } = invoer.instellingen;
  if (problemen.length > 0 || !invoer.versie || !invoer.ernst.laagReden || !minimumScore || !minimumVerschil) {
    // Missing fields were already reported by readTaxonomie; only the fenomeen problems are new here.
    throw new TaxonomyProblems(problemen.map((p) => ({ ...p, bestand })));
  }
  return {
    versie: invoer.versie,
    ...(invoer.omschrijving ? { omschrijving: invoer.omschrijving } : {}),
    instellingen: { minimumScore, minimumVerschil, scheidingswoorden: scheidingswoorden ?? [] },
    contextlijsten: invoer.contextlijsten,
    negatieveContext: invoer.negatieveContext,
    fenomenen,
    ernst: { ...invoer.ernst, laagReden: invoer.ernst.laagReden },
  };
}

function mergeTerms(base: TermRegel[], extra: TermRegel[]): TermRegel[] {
  const merged = new Map(base.map((t) => [termKey(t), t]));
  // An extension's term replaces the built-in one with the same words: that is how a weight changes (0: off).
  for (const t of extra) merged.set(termKey(t), t);
  return [...merged.values()];
}

function mergeGroups(base: ErnstGroep[], extra: ErnstGroep[]): ErnstGroep[] {
  const merged = base.map((g) => ({ ...g, termen: [...g.termen] }));
  for (const g of extra) {
    const same = merged.find((m) => foldText(m.reden) === foldText(g.reden));
    if (same) same.termen.push(...g.termen);
    else merged.push(g);
  }
  return merged;
}

function mergeContextLists(base: Record<string, string[]>, extra: Record<string, string[]>): Record<string, string[]> {
  const merged = { ...base };
  for (const [name, patterns] of Object.entries(extra)) merged[name] = [...new Set([...(base[name] ?? []), ...patterns])];
  return merged;
}

function mergeFenomeen(base: FenomeenDefinitie, extra: FenomeenInput): FenomeenDefinitie {
  return {
    ...base,
    label: extra.label ?? base.label,
    // A renamed label without its own short form shows in full rather than under the old short form.
    kort: extra.kort ?? (extra.label === undefined ? base.kort : undefined),
    omschrijving: extra.omschrijving ?? base.omschrijving,
    synoniemen: [...base.synoniemen, ...extra.synoniemen],
    termen: mergeTerms(base.termen, extra.termen),
    neutraal: [...base.neutraal, ...extra.neutraal],
    negatief: [...base.negatief, ...extra.negatief],
    modelAlleenMet: [...base.modelAlleenMet, ...extra.modelAlleenMet.filter((e) => !base.modelAlleenMet.some((b) => b.term === e.term))],
  };
}

/** The built-in taxonomy with an analyst's extension applied. */
function extendTaxonomy(base: TaxonomyDefinition, extra: TaxonomyInput): TaxonomyDefinition {
  return {
    versie: extra.versie ? `${base.versie} + ${extra.versie}` : base.versie,
    ...(base.omschrijving ? { omschrijving: base.omschrijving } : {}),
    instellingen: {
      ...base.instellingen,
      ...extra.instellingen,
      scheidingswoorden: [...base.instellingen.scheidingswoorden, ...(extra.instellingen.scheidingswoorden ?? [])],
    },
    contextlijsten: mergeContextLists(base.contextlijsten, extra.contextlijsten),
    negatieveContext: [...base.negatieveContext, ...extra.negatieveContext],
    fenomenen: base.fenomenen.map((f) =>
      extra.fenomenen.filter((e) => e.code === f.code).reduce<FenomeenDefinitie>(mergeFenomeen, f),
    ),
    ernst: {
      hoog: mergeGroups(base.ernst.hoog, extra.ernst.hoog),
      midden: mergeGroups(base.ernst.midden, extra.ernst.midden),
      laagReden: extra.ernst.laagReden ?? base.ernst.laagReden,
      negatief: [...base.ernst.negatief, ...extra.ernst.negatief],
    },
  };
}

/** How analysts' labels are compared: case, diacritics, spaces and hyphens do not matter. */
export function normaliseLabel(text: string): string {
  return foldText(text).replace(/[^\p{L}\p{N}]/gu, '');
}

/** Checks across entries (and across files, after merging); problems name the entry's own file. */
function crossCheck(definitie: TaxonomyDefinition): (Probleem & { bestand: string })[] {
  const problemen: (Probleem & { bestand: string })[] = [];
  const labels = new Map<string, Fenomeen>();
  for (const f of definitie.fenomenen) {
    const weighted = f.termen.filter((t) => t.gewicht > 0);
    if (f.code === 'onbekend' && weighted.length > 0) {
      problemen.push({
        ...weighted[0]!.plaats,
        melding: "'onbekend' is de uitkomst zonder conclusie en kan geen termen met gewicht hebben",
      });
    }
    const names = [{ naam: f.code, plaats: f.plaats }, { naam: f.label, plaats: f.plaats }, ...f.synoniemen];
    for (const { naam, plaats } of names) {
      const key = normaliseLabel(naam);
      const other = labels.get(key);
      if (other !== undefined && other !== f.code) {
        problemen.push({ ...plaats, melding: `'${naam}' is ook een label of synoniem van '${other}'` });
      }
      labels.set(key, f.code);
    }
    for (const t of f.termen) {
      for (const ref of [...(t.alleenMet ?? []), ...(t.nietMet ?? [])]) {
        if (ref.startsWith('@') && !Object.hasOwn(definitie.contextlijsten, ref.slice(1))) {
          problemen.push({ ...t.plaats, melding: `term '${t.term}': contextlijst '${ref}' bestaat niet` });
        }
      }
    }
    for (const { term: ref, plaats } of f.modelAlleenMet) {
      if (ref.startsWith('@') && !Object.hasOwn(definitie.contextlijsten, ref.slice(1))) {
        problemen.push({ ...plaats, melding: `contextlijst '${ref}' bestaat niet` });
      }
    }
    const weightedKeys = new Map(weighted.map((t) => [termKey(t), t]));
    for (const n of f.neutraal) {
      const term = weightedKeys.get(termKey({ term: n.term }));
      if (term) {
        problemen.push({ ...n.plaats, melding: `'${n.term}' is neutraal maar ook een term met gewicht (${term.plaats.pad})` });
      }
    }
  }
  return problemen;
}

function labelMap(definitie: TaxonomyDefinition): Map<string, Fenomeen> {
  const labels = new Map<string, Fenomeen>();
  for (const f of definitie.fenomenen) {
    for (const name of [f.code, f.label, ...f.synoniemen.map((s) => s.naam)]) labels.set(normaliseLabel(name), f.code);
  }
  return labels;
}

/** Compiles a validated definition into a usable taxonomy (the expensive part is done once, here). */
function compileTaxonomy(definitie: TaxonomyDefinition, bronnen: TaxonomySource[] = []): Taxonomy {
  const problemen = crossCheck(definitie);
  if (problemen.length > 0) throw new TaxonomyProblems(problemen);
  return { definitie, bronnen, regels: compileRules(definitie), labels: labelMap(definitie) };
}

/** Reads a complete taxonomy file (the built-in one, or an analyst's replacement). */
async function readFullTaxonomy(file: string): Promise<{ definitie: TaxonomyDefinition; sha256: string }> {
  const { invoer, sha256 } = await readFile_(file, true);
  return { definitie: complete(invoer, file), sha256 };
}

export async function loadTaxonomy(options: LoadTaxonomyOptions): Promise<Taxonomy> {
  const own = options.taxonomie ? resolve(options.baseDir, options.taxonomie) : undefined;
  if (own && options.taxonomieModus === 'vervangen') {
    const { definitie, sha256 } = await readFullTaxonomy(own);
    return compileTaxonomy(definitie, [{ pad: own, sha256, rol: 'vervanging' }]);
  }
  const builtIn = await readFullTaxonomy(BUILT_IN_TAXONOMY);
  const bronnen: TaxonomySource[] = [{ pad: BUILT_IN_TAXONOMY, sha256: builtIn.sha256, rol: 'ingebouwd' }];
  if (!own) return compileTaxonomy(builtIn.definitie, bronnen);
  const extension = await readFile_(own, false);
  bronnen.push({ pad: own, sha256: extension.sha256, rol: 'uitbreiding' });
  return compileTaxonomy(extendTaxonomy(builtIn.definitie, extension.invoer), bronnen);
}

/** The fenomeen an analyst's label stands for ("Extreem-rechts", "RE", "klimaatactivisme"), if the taxonomy knows it. */
export function fenomeenVoorLabel(taxonomy: Taxonomy, label: string): Fenomeen | undefined {
  return taxonomy.labels.get(normaliseLabel(label));
}

/** `fenomeenVoorLabel` bound to one taxonomy: how the ingest stage reads the export's fenomeen labels. */
export function labelResolver(taxonomy: Taxonomy): (label: string) => Fenomeen | undefined {
  return (label) => fenomeenVoorLabel(taxonomy, label);
}

let builtIn: Promise<Taxonomy> | undefined;

/** The built-in taxonomy alone, loaded once per process. */
export function builtInTaxonomy(): Promise<Taxonomy> {
  // The base folder only resolves an analyst's own file, and there is none here.
  return (builtIn ??= loadTaxonomy({ baseDir: process.cwd() }));
}

/** The Dutch label of a fenomeen ("Rechts-extremisme"). */
export function fenomeenLabel(taxonomy: Taxonomy, code: Fenomeen): string {
  return taxonomy.definitie.fenomenen.find((f) => f.code === code)?.label ?? code;
}
