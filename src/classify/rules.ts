// The rules engine: from a signal's text to a fenomeen (or onbekend), an ernst, and Dutch reasons naming the terms.
// Scoring: each matched term adds its weight once per fenomeen; negative context in scope multiplies it by its factor;
// of overlapping matches within a fenomeen the longest wins, so a neutral phrase ("innerlijke jihad") silences the
// shorter term inside it. The winner needs a minimum score and a clear lead; otherwise the outcome is onbekend.
import { FENOMENEN, type Ernst, type Fenomeen } from '../domain.js';
import { Matcher, type Match } from './matcher.js';
import type { Instellingen, NegatieveContext, TaxonomyDefinition, TermRegel } from './taxonomy-types.js';
import { tokenize, type Tokens } from './text.js';
import { decimalComma } from '../present/getal.js';

/** Target of a negative context: every fenomeen and ernst, one fenomeen (its index), or ernst only. */
const ALLES = -1;
const ERNST = FENOMENEN.length;

type Payload =
  | { kind: 'term'; fenomeen: number; regel: TermRegel; alleenMet: number[]; nietMet: number[]; volgorde: number }
  | { kind: 'neutraal'; fenomeen: number; term: string; uit?: true }
  | { kind: 'negatief'; doel: number; regel: NegatieveContext }
  | { kind: 'ernst'; niveau: 'hoog' | 'midden'; reden: string; term: string }
  | { kind: 'context'; id: number }
  | { kind: 'scheiding' };

/** What the rules say about one text. Immutable; may be shared between signals with the same text. */
export interface RegelUitkomst {
  fenomeen: Fenomeen;
  /** True when the rules are conclusive (herkomst 'regel'); false gives fenomeen 'onbekend' (herkomst 'geen'). */
  zeker: boolean;
  /** The winner's score when conclusive (a weak hit may be vetoed by the text model), else 0. */
  score: number;
  reden: string;
  ernst: Ernst;
  ernstReden: string;
  /** Not conclusive, but the rules lean to this fenomeen (the highest score, above 0, below the minimum or the margin). */
  voorkeur?: Fenomeen;
  /**
   * The description judges the whole signal harmless (a negative context over the whole text for every fenomeen, such
   * as 'geen dreiging'): the term as the taxonomy writes it. Then the text model proposes nothing either.
   */
  onschuldig?: string;
  /** Fenomenen the text model may not propose for this text: their modelAlleenMet words are missing. */
  modelGesloten?: readonly Fenomeen[];
}

/** A fenomeen the model may propose only with one of these context ids in the text (modelAlleenMet). */
interface ModelPoort {
  fenomeen: Fenomeen;
  /** The context ids, as a set: a text has a few context words, a gate may list many. */
  context: ReadonlySet<number>;
}

export interface CompiledRules {
  matcher: Matcher<Payload>;
  instellingen: Instellingen;
  leeg: RegelUitkomst;
  nietsGevonden: RegelUitkomst;
  modelPoorten: ModelPoort[];
  /** nietsGevonden without any context word: every gated fenomeen closed to the model (shared, not rebuilt per text). */
  nietsGevondenGesloten: RegelUitkomst;
}

export function compileRules(definitie: TaxonomyDefinition): CompiledRules {
  const matcher = new Matcher<Payload>();
  const contextIds = new Map<string, number>();
  const contextId = (pattern: string): number => {
    let id = contextIds.get(pattern);
    if (id === undefined) {
      contextIds.set(pattern, (id = contextIds.size));
      matcher.add(pattern, false, { kind: 'context', id });
    }
    return id;
  };
  // "@geweld" stands for every pattern in that context list.
  const contextIdsOf = (refs: string[] | undefined): number[] =>
    (refs ?? []).flatMap((ref) =>
      ref.startsWith('@') ? (definitie.contextlijsten[ref.slice(1)] ?? []).map(contextId) : [contextId(ref)],
    );
  const addNegative = (regel: NegatieveContext, doel: number) =>
    matcher.add(regel.term, regel.hoofdlettergevoelig ?? false, { kind: 'negatief', doel, regel });

  let volgorde = 0;
  const modelPoorten: ModelPoort[] = [];
  for (const def of definitie.fenomenen) {
    const fenomeen = FENOMENEN.indexOf(def.code);
    for (const regel of def.termen) {
      if (regel.gewicht <= 0) {
        // Weight 0 switches a term off: it claims its words like a neutral word, so a lighter term with the same
        // stem ("rel" for a switched-off "rellen") does not count them either.
        matcher.add(regel.term, regel.hoofdlettergevoelig ?? false, { kind: 'neutraal', fenomeen, term: regel.term, uit: true });
        continue;
      }
      const alleenMet = contextIdsOf(regel.alleenMet);
      const nietMet = contextIdsOf(regel.nietMet);
      matcher.add(regel.term, regel.hoofdlettergevoelig ?? false, {
        kind: 'term',
        fenomeen,
        regel,
        alleenMet,
        nietMet,
        volgorde: volgorde++,
      });
    }
    for (const { term } of def.neutraal) matcher.add(term, false, { kind: 'neutraal', fenomeen, term });
    for (const regel of def.negatief) addNegative(regel, fenomeen);
    if (def.modelAlleenMet.length > 0) modelPoorten.push({ fenomeen: def.code, context: new Set(contextIdsOf(def.modelAlleenMet.map((e) => e.term))) });
  }
  for (const regel of definitie.negatieveContext) addNegative(regel, ALLES);
  for (const regel of definitie.ernst.negatief) addNegative(regel, ERNST);
  for (const niveau of ['hoog', 'midden'] as const) {
    for (const groep of definitie.ernst[niveau]) {
      for (const { term } of groep.termen) matcher.add(term, false, { kind: 'ernst', niveau, reden: groep.reden, term });
    }
  }
  for (const woord of definitie.instellingen.scheidingswoorden) matcher.add(woord, false, { kind: 'scheiding' });

  const laagReden = definitie.ernst.laagReden;
  const onbekend = (reden: string): RegelUitkomst => ({
    fenomeen: 'onbekend',
    zeker: false,
    score: 0,
    reden,
    ernst: 'laag',
    ernstReden: `laag: ${laagReden}`,
  });
  const nietsGevonden = onbekend('geen termen uit de taxonomie gevonden');
  const alleGesloten = modelPoorten.map((p) => p.fenomeen);
  return {
    matcher,
    instellingen: definitie.instellingen,
    leeg: onbekend('geen omschrijving: niets om te classificeren'),
    nietsGevonden,
    modelPoorten,
    nietsGevondenGesloten: alleGesloten.length > 0 ? { ...nietsGevonden, modelGesloten: alleGesloten } : nietsGevonden,
  };
}

interface Scope {
  from: number;
  to: number;
  factor: number;
  doel: number;
  term: string;
  /** A verdict on the whole signal ('geen ideologie'): it weighs on the fenomenen, not on the ernst of what happened. */
  heleTekst?: true;
}

/** A term that counted (possibly lowered or cancelled by negative context) for one fenomeen. */
interface Gevonden {
  regel: TermRegel;
  factor: number;
  door?: string;
  volgorde: number;
}

/** Numbers as a Dutch reader writes them: 1,5 rather than 1.5. */
export function getal(n: number): string {
  return decimalComma(Math.round(n * 100) / 100);
}

const quoted = (term: string) => `'${term}'`;

function beschrijfTerm(g: Gevonden): string {
  const weight = getal(g.regel.gewicht);
  if (g.factor >= 1) return `${quoted(g.regel.term)} (${weight})`;
  return `${quoted(g.regel.term)} (${weight} × ${getal(g.factor)} door ${quoted(g.door ?? '')})`;
}

function score(list: Gevonden[] | undefined): number {
  let total = 0;
  for (const g of list ?? []) total += g.regel.gewicht * g.factor;
  return Math.round(total * 100) / 100;
}

/** The matches of one text, sorted by what they do. */
interface Treffers {
  /** Terms and neutral words: they compete for tokens. */
  kandidaten: Match<Payload>[];
  negatief: Match<Payload>[];
  ernst: Match<Payload>[];
  context: Set<number> | undefined;
  scheiding: number[];
}

/** The matches of a text without any: shared (nothing changes an empty Treffers). */
const GEEN_TREFFERS: Treffers = { kandidaten: [], negatief: [], ernst: [], context: undefined, scheiding: [] };

function sortMatches(matches: Match<Payload>[]): Treffers {
  if (matches.length === 0) return GEEN_TREFFERS;
  const t: Treffers = { kandidaten: [], negatief: [], ernst: [], context: undefined, scheiding: [] };
  for (const m of matches) {
    const p = m.pattern.payload;
    switch (p.kind) {
      case 'term':
      case 'neutraal':
        t.kandidaten.push(m);
        break;
      case 'negatief':
        t.negatief.push(m);
        break;
      case 'ernst':
        t.ernst.push(m);
        break;
      case 'context':
        (t.context ??= new Set()).add(p.id);
        break;
      case 'scheiding':
        t.scheiding.push(m.start);
        break;
    }
  }
  return t;
}

/** Is one of these context ids in the text? */
function inContext(ids: readonly number[], context: Set<number> | undefined): boolean {
  if (context === undefined) return false;
  for (let i = 0; i < ids.length; i++) if (context.has(ids[i]!)) return true;
  return false;
}

/** The gated fenomenen whose modelAlleenMet words are all missing from the text; undefined when none. */
function closedToModel(rules: CompiledRules, context: Set<number> | undefined): readonly Fenomeen[] | undefined {
  // Without any context word every gate is closed: the list nietsGevondenGesloten shares.
  if (context === undefined) return rules.nietsGevondenGesloten.modelGesloten;
  let gesloten: Fenomeen[] | undefined;
  for (const p of rules.modelPoorten) {
    let open = false;
    for (const id of context) if (p.context.has(id)) open = true;
    if (!open) (gesloten ??= []).push(p.fenomeen);
  }
  return gesloten;
}

/** The first negative context over the whole text that holds for every fenomeen: a verdict on the whole signal. */
function harmlessVerdict(treffers: Treffers): string | undefined {
  for (const m of treffers.negatief) {
    const p = m.pattern.payload;
    if (p.kind === 'negatief' && p.doel === ALLES && p.regel.bereik === 'tekst') return p.regel.term;
  }
  return undefined;
}

/** Scopes of the negative context found in the text. */
function negativeScopes(tokens: Tokens, treffers: Treffers): Scope[] {
  const scopes: Scope[] = [];
  for (const m of treffers.negatief) {
    const p = m.pattern.payload;
    if (p.kind !== 'negatief') continue;
    const sentence = tokens.sentence[m.start]!;
    const sentenceEnd = tokens.sentenceStart[sentence + 1]!;
    if (p.regel.bereik === 'tekst') {
      // An assessment of the whole signal ("geen dreiging", "geen ideologie") often stands in another sentence.
      scopes.push({ from: 0, to: tokens.aantal, ...rest(p), heleTekst: true });
    } else if (p.regel.bereik === 'zin') {
      scopes.push({ from: tokens.sentenceStart[sentence]!, to: sentenceEnd, ...rest(p) });
    } else {
      // "geen aanwijzingen voor X, maar wel Y": the scope stops at the contrast word.
      const stop = treffers.scheiding.find((s) => s >= m.end && s < sentenceEnd);
      scopes.push({ from: m.start, to: stop ?? sentenceEnd, ...rest(p) });
    }
  }
  return scopes;
}

function rest(p: { doel: number; regel: NegatieveContext }) {
  return { factor: p.regel.factor, doel: p.doel, term: p.regel.term };
}

/** The term of the scope that gave factorFor's last factor (undefined: none, the factor is 1); no object per call. */
let factorDoor: string | undefined;

/** The lowest factor of the scopes that overlap the span and apply to `doel`; its term in factorDoor. */
function factorFor(scopes: Scope[], start: number, end: number, doel: number): number {
  let factor = 1;
  let door: string | undefined;
  for (const s of scopes) {
    if (s.heleTekst && doel === ERNST) continue;
    if ((s.doel === ALLES || s.doel === doel) && s.from < end && start < s.to && s.factor < factor) {
      factor = s.factor;
      door = s.term;
    }
  }
  factorDoor = door;
  return factor;
}

function overlaps(spans: number[], start: number, end: number): boolean {
  for (let i = 0; i < spans.length; i += 2) if (spans[i]! < end && start < spans[i + 1]!) return true;
  return false;
}

/** Longest match first; on equal length neutral first, then the heavier term. */
function byPrecedence(a: Match<Payload>, b: Match<Payload>): number {
  const length = b.end - b.start - (a.end - a.start);
  if (length !== 0) return length;
  const pa = a.pattern.payload;
  const pb = b.pattern.payload;
  if (rank(pa) !== rank(pb)) return rank(pa) - rank(pb);
  return weight(pb) - weight(pa) || a.start - b.start;
}

const rank = (p: Payload) => (p.kind === 'neutraal' ? 0 : 1);
const weight = (p: Payload) => (p.kind === 'term' ? p.regel.gewicht : 0);

interface Termen {
  gevonden: (Gevonden[] | undefined)[];
  neutraal: string[];
  /** Terms that did not count: their alleenMet context is missing, or a nietMet context is present. */
  zonderContext: string[];
  tegenContext: string[];
}

function addOnce(list: string[], item: string): void {
  if (!list.includes(item)) list.push(item);
}

/** The terms that count per fenomeen, after overlap, required context and negative context. */
function collectTerms(treffers: Treffers, scopes: Scope[]): Termen {
  const { kandidaten, context } = treffers;
  if (kandidaten.length > 1) kandidaten.sort(byPrecedence);
  const claimed: (number[] | undefined)[] = [];
  const result: Termen = { gevonden: [], neutraal: [], zonderContext: [], tegenContext: [] };
  for (const m of kandidaten) {
    const p = m.pattern.payload;
    if (p.kind !== 'term' && p.kind !== 'neutraal') continue;
    const spans = (claimed[p.fenomeen] ??= []);
    if (overlaps(spans, m.start, m.end)) continue;
    spans.push(m.start, m.end);
    if (p.kind === 'neutraal') {
      if (!p.uit) addOnce(result.neutraal, p.term);
      continue;
    }
    if (p.alleenMet.length > 0 && !inContext(p.alleenMet, context)) {
      addOnce(result.zonderContext, p.regel.term);
      continue;
    }
    if (inContext(p.nietMet, context)) {
      addOnce(result.tegenContext, p.regel.term);
      continue;
    }
    const factor = factorFor(scopes, m.start, m.end, p.fenomeen);
    const door = factorDoor;
    const list = (result.gevonden[p.fenomeen] ??= []);
    let earlier: Gevonden | undefined;
    for (const g of list) if (g.regel === p.regel) earlier = earlier ?? g;
    if (!earlier) list.push({ regel: p.regel, factor, door, volgorde: m.start });
    else if (factor > earlier.factor) {
      earlier.factor = factor;
      earlier.door = door;
    }
  }
  return result;
}

/** Of two ernst terms on the same words, the one written as in the text ("wapens" rather than "wapen"). */
function literalFirst(tokens: Tokens, matches: Match<Payload>[]): Match<Payload>[] {
  const literal = (m: Match<Payload>) => (m.pattern.words[0]!.lower === tokens.lower[m.start] ? 0 : 1);
  return [...matches].sort((a, b) => a.start - b.start || a.end - b.end || literal(a) - literal(b));
}

function ernstVan(
  tokens: Tokens,
  matches: Match<Payload>[],
  scopes: Scope[],
  rules: CompiledRules,
): { ernst: Ernst; ernstReden: string } {
  if (matches.length === 0) return rules.nietsGevonden;
  if (matches.length > 1) matches = literalFirst(tokens, matches);
  // Made as needed: most texts have one ernst term, or none.
  let hoog: Map<string, string[]> | undefined;
  let midden: Map<string, string[]> | undefined;
  const genegeerd: string[] = [];
  // One word counts once per level, also when two listed forms share its stem ("mes" and "messen").
  let seen: Set<string> | undefined;
  for (const m of matches) {
    const p = m.pattern.payload;
    if (p.kind !== 'ernst') continue;
    if (matches.length > 1) {
      const span = `${p.niveau} ${m.start} ${m.end}`;
      if (seen?.has(span)) continue;
      (seen ??= new Set()).add(span);
    }
    // Ernst needs the words at face value: a news item about an attack is not an attack plan.
    const factor = factorFor(scopes, m.start, m.end, ERNST);
    if (factor < 1) {
      const entry = `${quoted(p.term)} (door ${quoted(factorDoor ?? '')})`;
      addOnce(genegeerd, entry);
      continue;
    }
    const groep = p.niveau === 'hoog' ? (hoog ??= new Map()) : (midden ??= new Map());
    const terms = groep.get(p.reden);
    if (terms) addOnce(terms, p.term);
    else groep.set(p.reden, [p.term]);
  }
  for (const [niveau, groep] of [['hoog', hoog], ['midden', midden]] as const) {
    if (groep === undefined) continue;
    const parts = [...groep].map(([reden, terms]) => `${reden} (${terms.map(quoted).join(', ')})`);
    return { ernst: niveau, ernstReden: `${niveau}: ${parts.join('; ')}` };
  }
  if (genegeerd.length === 0) return rules.nietsGevonden;
  return { ernst: 'laag', ernstReden: `${rules.nietsGevonden.ernstReden}; genegeerd: ${genegeerd.join(', ')}` };
}

function extras(t: Termen): string {
  if (t.neutraal.length === 0 && t.zonderContext.length === 0 && t.tegenContext.length === 0) return '';
  const parts: string[] = [];
  if (t.neutraal.length > 0) parts.push(`neutraal, telt niet mee: ${t.neutraal.map(quoted).join(', ')}`);
  if (t.zonderContext.length > 0) {
    parts.push(`niet meegeteld zonder de vereiste context: ${t.zonderContext.map(quoted).join(', ')}`);
  }
  if (t.tegenContext.length > 0) parts.push(`niet meegeteld in deze context: ${t.tegenContext.map(quoted).join(', ')}`);
  return parts.map((p) => `; ${p}`).join('');
}

const byScore = (a: Stand, b: Stand) => b.score - a.score || a.index - b.index;

interface Stand {
  fenomeen: Fenomeen;
  index: number;
  score: number;
  termen: Gevonden[];
}

const beschrijf = (s: Stand) => `${s.fenomeen} ${getal(s.score)} (${termenTekst(s.termen)})`;

/** The terms in text order, described. */
function termenTekst(termen: readonly Gevonden[]): string {
  if (termen.length === 1) return beschrijfTerm(termen[0]!);
  return [...termen].sort((a, b) => a.volgorde - b.volgorde).map(beschrijfTerm).join(', ');
}

/**
 * The fenomeen the text points to, with reasons; pure and deterministic. `tokens`: tokenize(text) when the caller has
 * it already (the text model reads the same tokens).
 */
export function evaluate(text: string | undefined, rules: CompiledRules, tokens?: Tokens): RegelUitkomst {
  if (text === undefined || text.trim() === '') return rules.leeg;
  tokens ??= tokenize(text);
  const treffers = sortMatches(rules.matcher.find(tokens));
  const onschuldig = harmlessVerdict(treffers);
  if (treffers.kandidaten.length === 0 && treffers.ernst.length === 0) {
    if (onschuldig === undefined && treffers.context === undefined) return rules.nietsGevondenGesloten;
    const modelGesloten = closedToModel(rules, treffers.context);
    const { fenomeen, zeker, score, reden, ernst, ernstReden } = rules.nietsGevonden;
    // Built field by field (no spreads: V8 copies those on a slow path), in the key order of the spread it replaces.
    const uitkomst: RegelUitkomst = { fenomeen, zeker, score, reden, ernst, ernstReden };
    if (onschuldig !== undefined) uitkomst.onschuldig = onschuldig;
    if (modelGesloten) uitkomst.modelGesloten = modelGesloten;
    return uitkomst;
  }

  const scopes = treffers.negatief.length > 0 ? negativeScopes(tokens, treffers) : [];
  const termen = collectTerms(treffers, scopes);
  const { ernst, ernstReden } = ernstVan(tokens, treffers.ernst, scopes, rules);
  const { minimumScore, minimumVerschil } = rules.instellingen;

  const standen: Stand[] = [];
  const { gevonden } = termen;
  for (let i = 0; i < gevonden.length; i++) {
    const list = gevonden[i];
    if (list) standen.push({ fenomeen: FENOMENEN[i]!, index: i, score: score(list), termen: list });
  }
  // Highest score first; equal scores in the fixed fenomeen order, so the outcome never depends on input order.
  if (standen.length > 1) standen.sort(byScore);
  const eerste: Stand | undefined = standen[0];
  const tweede: Stand | undefined = standen[1];
  const extra = extras(termen);
  // Where the model may not propose matters only where the rules abstain (the model is asked only then).
  const result = (zeker: boolean, fenomeen: Fenomeen, reden: string): RegelUitkomst => {
    const modelGesloten = zeker ? undefined : closedToModel(rules, treffers.context);
    const uitkomst: RegelUitkomst = { fenomeen, zeker, score: zeker ? eerste!.score : 0, reden: reden + extra, ernst, ernstReden };
    if (!zeker && eerste && eerste.score > 0) uitkomst.voorkeur = eerste.fenomeen;
    if (onschuldig !== undefined) uitkomst.onschuldig = onschuldig;
    if (modelGesloten) uitkomst.modelGesloten = modelGesloten;
    return uitkomst;
  };

  if (!eerste) {
    return result(false, 'onbekend', extra ? 'geen termen gevonden die meetellen' : 'geen termen uit de taxonomie gevonden');
  }
  if (eerste.score <= 0) {
    const alle = standen.flatMap((s) => s.termen).sort((a, b) => a.volgorde - b.volgorde);
    return result(false, 'onbekend', `geen geldende termen: ${alle.map(beschrijfTerm).join(', ')}`);
  }
  if (eerste.score < minimumScore) {
    return result(
      false,
      'onbekend',
      `te weinig aanwijzingen: hoogste score ${beschrijf(eerste)}, minimaal ${getal(minimumScore)} nodig`,
    );
  }
  const runnerUp = tweede?.score ?? 0;
  if (tweede && eerste.score === runnerUp) {
    return result(false, 'onbekend', `gelijke stand tussen ${beschrijf(eerste)} en ${beschrijf(tweede)}`);
  }
  if (tweede && eerste.score - runnerUp < minimumVerschil) {
    return result(
      false,
      'onbekend',
      `geen duidelijk verschil tussen ${beschrijf(eerste)} en ${beschrijf(tweede)}; minimaal ${getal(minimumVerschil)} verschil nodig`,
    );
  }
  const tegen = tweede && runnerUp > 0 ? `${getal(runnerUp)} (${tweede.fenomeen})` : '0';
  return result(true, eerste.fenomeen, `regel: termen ${termenTekst(eerste.termen)}; score ${getal(eerste.score)} tegen ${tegen}`);
}
