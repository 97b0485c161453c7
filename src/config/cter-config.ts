// The effective configuration: defaults <- cter.config.json (nearest in the working folder or a parent) <- options.
// Every key is documented in the README; unknown keys and wrong types are rejected with a Dutch error naming the key.

export interface EigenRegio {
  naam: string;
  /** Gemeente names or CBS codes. */
  gemeenten: string[];
}

export interface CterConfig {
  /** Default scope: a region name (veiligheidsregio, zorg- en veiligheidsregio, politie-eenheid or eigen regio). */
  regio?: string;
  /** Default gemeente, for `beeld` without --gemeente/--regio on a script. */
  gemeente?: string;
  /** Signal exports: files or folders (a folder means every .csv in it), relative to the config file. */
  signalen: string[];
  /** Trend-note files or folders. */
  notities: string[];
  /** Output folder. */
  uitvoer: string;
  /** Rubricering on every page, e.g. "Departementaal Vertrouwelijk", "Intern", "Openbaar". */
  rubricering: string;
  /** TLP 2.0 label: CLEAR, GREEN, AMBER, AMBER+STRICT, RED. */
  tlp: 'CLEAR' | 'GREEN' | 'AMBER' | 'AMBER+STRICT' | 'RED';
  /** Small-count threshold: counts below it are suppressed in reports with rubricering "Openbaar". */
  drempel: number;
  /** Further regions defined by the analyst. */
  regios: EigenRegio[];
  /** Newer inhabitant counts, by gemeente name or CBS code. */
  inwoners: Record<string, number>;
  /** Extra woonplaatsen (CSV: woonplaats,cbs_code[,bron]) added to the built-in list. */
  woonplaatsen?: string;
  /** Taxonomy file (JSON) replacing or extending the built-in one; see taxonomieModus. */
  taxonomie?: string;
  taxonomieModus: 'uitbreiden' | 'vervangen';
  /** Folder with template overrides (any file of templates/ may be overridden). */
  templates?: string;
  /** Path to Chrome/Chromium/Edge; otherwise CTER_BROWSER or auto-detection. */
  browser?: string;
  /** Parallel pages in batch; default from the CPU count. */
  parallel?: number;
  /** Organisation shown on the cover, e.g. "Gemeente Zaanstad". */
  organisatie?: string;
  /** Author of the reports (cover), e.g. "J. de Vries, analist CTER". */
  auteur?: string;
  /** Contact for questions about the report (cover), e.g. an e-mail address or phone number. */
  contact?: string;
  /** Distribution list (cover), e.g. "Burgemeester; driehoek; OOV-adviseur". */
  verspreiding?: string;
  /** Folder with the analyst's duiding files (duiding_<gebied>_<periode>.md), relative to the config file. */
  duiding: string;
  /** A report without a duiding file: say so in one line ('melden') or leave it out ('weglaten'). */
  duidingOntbreekt: 'melden' | 'weglaten';
  /** Name recorded with review decisions; default the OS user. */
  analist?: string;
  /** Secret for pseudonymising person keys (HMAC). Without it a random key per run is used. */
  sleutel?: string;
  /** File where review decisions are stored, relative to the config file. */
  beoordelingen: string;
}

export type ConfigKey = keyof CterConfig;

/** Where a value came from, for `cter config`. */
export type ConfigSource = 'standaard' | 'optie' | 'omgeving' | string; // string: the config file path

export interface LoadedConfig {
  values: CterConfig;
  sources: Record<ConfigKey, ConfigSource>;
  /** Absolute path of the config file, if one was found. */
  file?: string;
  /** Folder relative paths resolve against: the config file's folder, else the working folder. */
  baseDir: string;
}
