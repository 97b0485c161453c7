// Shared data types that flow between the pipeline stages:
// ingest -> normalise/validate -> classify -> aggregate -> render.
// Every stage takes and returns plain, serialisable data so stages stay pure and testable.

/** Canonical fenomeen codes, following the NCTV Dreigingsbeeld Terrorisme Nederland plus the local categories. */
export const FENOMENEN = [
  'jihadisme',
  'rechts-extremisme',
  'links-extremisme',
  'anti-institutioneel-extremisme',
  'polarisatie',
  'activisme',
  'overig',
  'onbekend',
] as const;
export type Fenomeen = (typeof FENOMENEN)[number];

export const ERNST_NIVEAUS = ['laag', 'midden', 'hoog'] as const;
export type Ernst = (typeof ERNST_NIVEAUS)[number];

/** How a signal got its fenomeen. */
export const HERKOMSTEN = ['analist', 'regel', 'model', 'handmatig', 'geen'] as const;
export type Herkomst = (typeof HERKOMSTEN)[number];

export const SCHALEN = ['lokaal', 'regionaal', 'landelijk', 'internationaal', 'online'] as const;
export type Schaal = (typeof SCHALEN)[number];

/** Where a record came from: the file and the line on which the record starts (1-based, as an editor numbers it). */
export interface Origin {
  bestand: string;
  regel: number;
}

/** A graded reliability: Admiralty code (source A-F, information 1-6) or Europol 4x4 (source A/B/C/X, information 1-4). */
export interface Betrouwbaarheid {
  schema: 'admiralty' | '4x4';
  bron: string;
  informatie: string;
  /** Normalised code, e.g. "B2" or "X4". */
  code: string;
}

/** A validated, normalised signal as it leaves the ingest stage. */
export interface Signaal {
  id: string;
  /** ISO date yyyy-mm-dd (local date as registered). */
  datum: string;
  /** HH:mm or HH:mm:ss when the export had a time. */
  tijd?: string;
  /** CBS code of the (current) gemeente, e.g. GM0479. */
  gemeente: string;
  /** The export's gemeente cell as written, when it named a woonplaats or an abolished gemeente ("Zaandam"). */
  gemeenteInExport?: string;
  bron?: string;
  betrouwbaarheid?: Betrouwbaarheid;
  type?: string;
  /** Fenomeen as labelled by the analyst in the export (normalised), if any. */
  fenomeenLabel?: Fenomeen;
  /** Free text; never shown in reports unless explicitly asked for. */
  omschrijving?: string;
  /** Pseudonymised person key (keyed hash of the export's persoon_id), never the raw key. */
  persoon?: string;
  origin: Origin;
}

/** A signal after the classification pass. */
export interface GeclassificeerdSignaal extends Signaal {
  fenomeen: Fenomeen;
  herkomst: Herkomst;
  /** Why this fenomeen: analyst label, the rule terms and score, the text model's words and probability, the review
   * decision, or why nothing was conclusive. */
  reden: string;
  ernst: Ernst;
  ernstReden: string;
  /** True when the rules point to another fenomeen than the analyst's label: needs review. */
  afwijking: boolean;
  /** What the rules alone would say (also when the analyst label wins). */
  regelSuggestie?: { fenomeen: Fenomeen; reden: string };
}

/**
 * What counting needs of a classified signal: `cter trends` keeps only this of each signal (no description, reasons,
 * id or origin), so a million signals fit in Node's default heap. A GeclassificeerdSignaal is one.
 */
export type TelSignaal = Pick<
  GeclassificeerdSignaal,
  'datum' | 'gemeente' | 'type' | 'bron' | 'betrouwbaarheid' | 'persoon' | 'fenomeen' | 'herkomst' | 'ernst' | 'afwijking'
>;

/** A trend note written by an analyst. */
export interface Trendnotitie {
  datum: string;
  titel: string;
  notitie: string;
  fenomeen?: Fenomeen;
  schaal?: Schaal;
  /** CBS code of the gemeente the note is about. */
  gemeente?: string;
  /**
   * Code of the region the note is about (column `regio`). A note with neither gemeente nor regio is landelijk,
   * internationaal or online (shown everywhere), or else belongs to the configured region only.
   */
  regio?: string;
  auteur?: string;
  /**
   * Marked for public reports (column `openbaar` = ja). Unmarked notes never appear in a report whose rubricering is
   * Openbaar or whose TLP is CLEAR.
   */
  openbaar?: true;
  origin: Origin;
}

/** A problem with one record or field, as reported to the analyst. */
export interface Melding {
  bestand: string;
  regel: number;
  kolom?: string;
  waarde?: string;
  reden: string;
}

/** Per-file accounting: regels = geaccepteerd + afgewezen + dubbel. */
export interface BestandVerantwoording {
  bestand: string;
  sha256: string;
  codering: string;
  scheidingsteken: string;
  regels: number;
  geaccepteerd: number;
  afgewezen: number;
  dubbel: number;
}

export interface Telling {
  regels: number;
  geaccepteerd: number;
  afgewezen: number;
  dubbel: number;
}

/** A rejected record, with its original fields, for the rejects CSV. */
export interface AfgewezenRecord {
  bestand: string;
  regel: number;
  reden: string;
  /** Original header -> original value. */
  velden: Record<string, string>;
}

export interface IngestResultaat<T> {
  soort: 'signalen' | 'notities';
  records: T[];
  bestanden: BestandVerantwoording[];
  totaal: Telling;
  fouten: Melding[];
  waarschuwingen: Melding[];
  afgewezen: AfgewezenRecord[];
}

/** Reference data: one gemeente of the current CBS indeling. */
export interface Gemeente {
  code: string;
  naam: string;
  andereNamen: string[];
  veiligheidsregio: string;
  inwoners: number;
}

export type RegioSoort = 'veiligheidsregio' | 'zorg- en veiligheidsregio' | 'politie-eenheid' | 'eigen regio';

export interface Regio {
  /** Stable code: VR11 for a veiligheidsregio, a slug for other regions. */
  code: string;
  naam: string;
  soort: RegioSoort;
  /** CBS codes of the member gemeenten. */
  gemeenten: string[];
}
