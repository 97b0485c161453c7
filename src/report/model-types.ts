// The report's data model: everything the template shows, already formatted in Dutch, next to the raw values.
// Plain JSON (what `cter beeld --formaat json` writes); documented in docs/rapport-json.md. Bump SCHEMA when a field
// changes meaning or disappears.

import type { Richting, ScopeCijfers } from '../aggregate/result-types.js';
import type { LoadedConfig } from '../config/cter-config.js';
import type { Reference } from '../reference/index.js';
import type { FenomeenNames } from '../present/labels.js';
import type { DuidingBestand } from './duiding.js';
import type { BestandVerantwoording, Fenomeen, GeclassificeerdSignaal, Herkomst, Schaal, Trendnotitie } from '../domain.js';
import type { GemeenteOmzetting } from '../ingest/fields.js';

export const SCHEMA = 'cter-lokaal-beeld/1';

/** A count as shown. For a public report a small count is hidden: `waarde` is then null and `tekst` "<5" or "x". */
export interface Aantal {
  waarde: number | null;
  tekst: string;
  /** Why the count is hidden: below the threshold, or to protect another hidden count. */
  onderdrukt?: 'primair' | 'secundair';
}

/** A derived number (share, rate): null when it would reveal a hidden count or has no meaning (division by zero). */
export interface Getal {
  waarde: number | null;
  tekst: string;
}

/** A change between two periods as shown: the exact test's verdict with its p-value. */
export interface VeranderingWeergave {
  /** `afgeschermd` when one of the two counts is hidden. */
  richting: Richting | 'afgeschermd';
  significant: boolean;
  p: number | null;
  verschil: number | null;
  procent: number | null;
  /** Why there is no test ("niet te toetsen"): both counts zero, or a period the inputs do not (fully) cover. */
  reden: string | null;
  /** For prose: "significante stijging (+52%, p = 0,03)". */
  tekst: string;
  /** For tables: "▲ +16 · p = 0,03" or "+3 · n.s.". */
  kort: string;
}

export interface PeriodeVerwijzing {
  code: string;
  label: string;
  /** Column heading: "K3 2025", "jul 2025", "2025". */
  kort: string;
}

export interface VerdelingRij {
  code: string;
  naam: string;
  aantal: Aantal;
  aandeel: Getal;
}

/** A one-way breakdown of the period's signals (per type, bron, ernst, ...), adding up to `totaal`. */
export interface Verdeling {
  titel: string;
  rijen: VerdelingRij[];
  totaal: Aantal;
}

interface FenomeenRij {
  code: Fenomeen;
  naam: string;
  huidig: Aantal;
  aandeel: Getal;
  vorigePeriode: Aantal;
  vorigJaar: Aantal;
  veranderingVorigePeriode: VeranderingWeergave;
  veranderingVorigJaar: VeranderingWeergave;
}

export interface Kerncijfer {
  label: string;
  tekst: string;
  toelichting: string;
}

interface NotitieWeergave {
  datum: string;
  datumTekst: string;
  titel: string;
  /** The analyst's text, unchanged; the template escapes it. */
  notitie: string;
  /** The text split on blank lines, for paragraphs. */
  alineas: string[];
  fenomeen: string | null;
  gemeente: string | null;
}

export interface NotitieGroep {
  schaal: Schaal | 'zonder';
  titel: string;
  notities: NotitieWeergave[];
}

interface GemeenteRij {
  code: string;
  naam: string;
  inwoners: number;
  inwonersTekst: string;
  huidig: Aantal;
  vorigePeriode: Aantal;
  verandering: VeranderingWeergave;
  per10000: Getal;
  /** Per fenomeen (order of `fenomeenKolommen`) in the period. */
  fenomenen: Aantal[];
}

export interface GemeentenSectie {
  rijen: GemeenteRij[];
  /** Column headings of the gemeente x fenomeen table. */
  fenomeenKolommen: { code: Fenomeen; naam: string; kort: string }[];
  totaal: {
    huidig: Aantal;
    vorigePeriode: Aantal;
    verandering: VeranderingWeergave;
    per10000: Getal;
    fenomenen: Aantal[];
  };
}

export interface KaartKlasse {
  /** Lower bound (inclusive) of the rate per 10,000; `tot` the upper bound (exclusive), null for the last class. */
  van: number;
  tot: number | null;
  /** "2,0 tot 4,0", "4,0 of meer". */
  tekst: string;
  kleur: string;
}

export interface KaartGemeente {
  code: string;
  naam: string;
  /** Choropleth: the period's count and rate (suppressed as in the tables); null on a locator map. */
  aantal: Aantal | null;
  per10000: Getal | null;
  /** Index into `klassen`; null when the rate is hidden (hatched) and on a locator map. */
  klasse: number | null;
  /** Locator map: the report's own gemeente. */
  focus: boolean;
  /** The rate rests on fewer than KLEIN_AANTAL signals: shown, but uncertain (marked, never a kernpunt). */
  klein: boolean;
  /** Accessible name and value: "Zaanstad: 2,7 per 10.000 inwoners (42 signalen)". */
  label: string;
}

/** The map: a choropleth of a region's gemeenten, or the locator map of a gemeente within its region. */
export interface Kaart {
  soort: 'regio' | 'ligging';
  titel: string;
  gemeenten: KaartGemeente[];
  klassen: KaartKlasse[];
  /** Some gemeenten are hatched because their count is suppressed. */
  afgeschermd: boolean;
  /** "Bron: CBS, PDOK (...)". */
  bron: string;
}

/** "Basis op orde": signals per bron in the area against its region, and possible blind spots as questions. */
export interface NetwerkSectie {
  /** The region compared with (a gemeente's veiligheidsregio, a region's configured larger region), or null. */
  vergelijking: { code: string; naam: string; aanduiding: string; inwoners: number; inwonersTekst: string } | null;
  /** The four quarters the blind spots look at: "K4 2024 tot en met K3 2025". */
  venster: string;
  rijen: { bron: string; naam: string; aantal: Aantal; per10000: Getal; vergelijkingPer10000: Getal | null }[];
  /** Bronnen the region received signals from in the window while the area got none, as questions for the network. */
  vragen: string[];
}

/** The analyst's duiding en advies (chapter 2), or the one line that says there is none. */
interface DuidingWeergave {
  /** The rendered Markdown (escaped: raw HTML off, links as text); null when there is no file. */
  html: string | null;
  /** File name in the duiding folder. */
  bestand: string;
  /** Without a file: the line shown where the chapter would be. */
  melding: string | null;
}

export interface BestandRij extends BestandVerantwoording {
  /** The four counts in Dutch notation. */
  tekst: { regels: string; geaccepteerd: string; afgewezen: string; dubbel: string };
}

export interface ConfiguratieRegel {
  sleutel: string;
  /** What the setting is, for a reader: "Drempel voor kleine aantallen". */
  naam: string;
  waarde: string;
  bron: string;
}

export interface ReportModel {
  schema: typeof SCHEMA;
  /** "Lokaal beeld CTER Zaanstad, 3e kwartaal 2025": document title and PDF metadata. */
  documenttitel: string;
  gebied: {
    soort: 'gemeente' | 'regio';
    code: string;
    naam: string;
    /** "gemeente Zaanstad" / "regio Zaanstreek-Waterland", for prose. */
    aanduiding: string;
    inwoners: number;
    inwonersTekst: string;
    aantalGemeenten: number;
    /** File-name part: "zaanstad". */
    slug: string;
  };
  periode: PeriodeVerwijzing & {
    start: string;
    eind: string;
    /** "1 juli 2025 tot en met 30 september 2025". */
    bereik: string;
    vorige: PeriodeVerwijzing;
    vorigJaar: PeriodeVerwijzing;
    /** False for a year report, whose previous period is the previous year: one comparison, not the same one twice. */
    vorigJaarApart: boolean;
  };
  markering: {
    rubricering: string;
    tlp: string;
    /** "TLP:AMBER". */
    tlpLabel: string;
    /** TLP 2.0 text colour on black. */
    tlpKleur: string;
    tlpUitleg: string;
    /** True when small counts are suppressed (rubricering "Openbaar" or TLP:CLEAR). */
    openbaar: boolean;
    /** "Intern · TLP:AMBER": the marking as one line. */
    regel: string;
  };
  organisatie: string | null;
  /** Cover: author, contact and distribution list from the configuration (null or empty when not set). */
  auteur: string | null;
  contact: string | null;
  verspreiding: string[];
  versie: string;
  /** `datum`: the report date in Dutch ("29 november 2025"); `tekst` with the time. */
  gegenereerd: { iso: string; tekst: string; datum: string };
  kernpunten: string[];
  kerncijfers: Kerncijfer[];
  totaal: {
    huidig: Aantal;
    vorigePeriode: Aantal;
    vorigJaar: Aantal;
    per10000: Getal;
    personen: Aantal | null;
    afwijkingen: Aantal;
    veranderingVorigePeriode: VeranderingWeergave;
    veranderingVorigJaar: VeranderingWeergave;
  };
  fenomenen: { rijen: FenomeenRij[]; totaal: Aantal };
  ontwikkeling: {
    /** `gedekt` false: the inputs do not reach this period; its counts show "·" (no data) instead of 0. */
    perioden: (PeriodeVerwijzing & { gedekt: boolean })[];
    rijen: { code: Fenomeen; naam: string; waarden: Aantal[] }[];
    totaal: Aantal[];
    /** False when some period of the series lies outside the inputs. */
    volledig: boolean;
  };
  verdelingen: { type: Verdeling; bron: Verdeling; ernst: Verdeling; betrouwbaarheid: Verdeling };
  /** `weggelaten`: notes of the period and scope a public report left out (not marked `openbaar`). */
  notities: { aantal: number; weggelaten: number; groepen: NotitieGroep[] };
  gemeenten: GemeentenSectie | null;
  kaart: Kaart | null;
  /** Null when the inputs (all signals) were not given to the model builder. */
  netwerk: NetwerkSectie | null;
  /** Null: left out (a public report and the file lacks `openbaar: ja`, or configured not to mention a missing one). */
  duiding: DuidingWeergave | null;
  /** Source line for inhabitant figures: "Inwoners: CBS, 1 januari 2022." */
  bronInwoners: string;
  verantwoording: {
    bestanden: { signalen: BestandRij[]; notities: BestandRij[] };
    /** One line per woonplaats or abolished gemeente in the signal exports: "Zaandam geteld als Zaanstad: 14×". */
    omzettingen: string[];
    herkomst: Verdeling;
    /** Share per herkomst over all ingested signals (not only this area and period). */
    herkomstInvoer: VerdelingRij[];
    toets: { naam: string; alpha: number; uitleg: string };
    /** How well the rules and the text model classify, measured on the analyst's labels; one Dutch sentence. */
    classificatieMeting: string;
    privacy: { drempel: number; onderdrukt: { primair: number; secundair: number }; regels: string[] };
    configuratie: ConfiguratieRegel[];
  };
}

export interface ReportInput {
  cijfers: ScopeCijfers;
  /** All trend notes read; the model keeps those of the period and the scope. */
  notities: Trendnotitie[];
  /** Ingest accounting per input file. */
  invoer: {
    signalen: BestandVerantwoording[];
    notities: BestandVerantwoording[];
    /** Woonplaatsen and abolished gemeenten in the signal exports, and the gemeente each was counted as. */
    omzettingen?: GemeenteOmzetting[];
  };
  /** Signals per herkomst over all ingested signals (the classification summary). */
  classificatie: Record<Herkomst, number>;
  /** The classification (rules and text model) measured by cross-validation on the labelled signals of the inputs. */
  classificatieMeting?: ClassificatieMeting;
  config: LoadedConfig;
  /** Fenomeen names from the taxonomy's labels (a renamed label shows everywhere); the built-in taxonomy's otherwise. */
  fenomeenNames?: FenomeenNames;
  /** All classified signals of the run (for the signaleringsnetwerk section: bronnen over the last four quarters). */
  signalen?: readonly GeclassificeerdSignaal[];
  /** The analyst's duiding files by file name (reportBasis reads the configured folder). */
  duidingen?: ReadonlyMap<string, DuidingBestand>;
  /** Reference data (gemeenten, regions); loaded from the configuration when absent. */
  ref?: Reference;
  versie: string;
  gegenereerd: Date;
}

export interface ClassificatieMeting {
  /** Labelled signals measured on (a deterministic sample when there are many). */
  gelabeld: number;
  vouwen: number;
  nauwkeurigheid: number;
  onthouding: number;
}
