// The taxonomy as written in data/taxonomie.json (and in an analyst's own file), after validation.
import type { Fenomeen } from '../domain.js';

/** Where an entry came from, for error messages: "bestand: json.pad". */
export interface Plaats {
  bestand: string;
  pad: string;
}

/** A term or phrase that counts towards a fenomeen. */
export interface TermRegel {
  /** Words, each optionally ending in '*' (word prefix): "kalifaat", "soevereine burger*", "IS-vlag". */
  term: string;
  /** Points added to the fenomeen's score; 0 switches a built-in term off. */
  gewicht: number;
  /** Compare with case (abbreviations whose lower-case form is a common word: "IS" versus "is"). */
  hoofdlettergevoelig?: boolean;
  /** Counts only when one of these patterns also occurs in the text ("shahid" only with violence); "@naam" refers
   * to a list in `contextlijsten`. */
  alleenMet?: string[];
  /** Does not count when one of these patterns occurs in the text ("soeverein*" not with "Oekraine"). */
  nietMet?: string[];
  plaats: Plaats;
}

export type Bereik = 'zin' | 'vervolg' | 'tekst';

/** A phrase that cancels (factor 0) or lowers (0 < factor < 1) the matches in its scope. */
export interface NegatieveContext {
  term: string;
  /** 'zin': the whole sentence; 'vervolg': from the phrase to the end of the sentence or the next contrast word. */
  bereik: Bereik;
  factor: number;
  hoofdlettergevoelig?: boolean;
  plaats: Plaats;
}

export interface FenomeenDefinitie {
  code: Fenomeen;
  label: string;
  /** A short label for narrow table columns ("Rechts-extr."); the label itself when absent. */
  kort?: string;
  omschrijving: string;
  /** Labels analysts write for this fenomeen ("extreemrechts", "RE"). */
  synoniemen: { naam: string; plaats: Plaats }[];
  termen: TermRegel[];
  /** Words that explicitly carry no weight for this fenomeen (religious practice for jihadisme). */
  neutraal: { term: string; plaats: Plaats }[];
  negatief: NegatieveContext[];
  /**
   * The text model may propose this fenomeen only when one of these terms (or '@lists') is in the description:
   * polarisatie is tension between groups, so a fight between friends is no polarisatie. Empty: no condition.
   */
  modelAlleenMet: { term: string; plaats: Plaats }[];
  plaats: Plaats;
}

export interface ErnstGroep {
  /** Shown in ernstReden: "wapens", "doodsbedreiging". */
  reden: string;
  termen: { term: string; plaats: Plaats }[];
}

interface ErnstDefinitie {
  hoog: ErnstGroep[];
  midden: ErnstGroep[];
  /** Reason given when nothing points to midden or hoog. */
  laagReden: string;
  /** Negative context for ernst only ("geen wapens aangetroffen"). */
  negatief: NegatieveContext[];
}

export interface Instellingen {
  /** The winner needs at least this score ... */
  minimumScore: number;
  /** ... and at least this lead over the runner-up; otherwise onbekend. */
  minimumVerschil: number;
  /** Words that end a 'vervolg' scope: "geen aanwijzingen voor X, maar wel Y". */
  scheidingswoorden: string[];
}

export interface TaxonomyDefinition {
  versie: string;
  omschrijving?: string;
  instellingen: Instellingen;
  /** Named pattern lists for alleenMet/nietMet ("@geweld"), so a context is defined once. */
  contextlijsten: Record<string, string[]>;
  /** Applies to every fenomeen and to ernst. */
  negatieveContext: NegatieveContext[];
  fenomenen: FenomeenDefinitie[];
  ernst: ErnstDefinitie;
}

/** A taxonomy file used to build the effective taxonomy. */
export interface TaxonomySource {
  pad: string;
  sha256: string;
  rol: 'ingebouwd' | 'uitbreiding' | 'vervanging';
}
