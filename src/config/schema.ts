// One description of every configuration key: used to validate cter.config.json, to document it (`cter init` writes
// a JSON Schema and a README beside the config, `cter config` shows it) and for the README.
import type { CterConfig, ConfigKey } from './cter-config.js';

export const TLP_LABELS = ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'] as const;
const TAXONOMIE_MODI = ['uitbreiden', 'vervangen'] as const;
const DUIDING_ONTBREEKT = ['melden', 'weglaten'] as const;

type KeySoort =
  | { soort: 'tekst' }
  | { soort: 'pad'; /** 'programma': a bare name ("chromium") is looked up on PATH, so it is not resolved. */ wat: 'bestand' | 'map' | 'programma' }
  | { soort: 'paden' }
  | { soort: 'geheel'; min: number; max?: number }
  | { soort: 'keuze'; waarden: readonly string[] }
  | { soort: 'regios' }
  | { soort: 'inwoners' };

export type KeyDoc = KeySoort & {
  key: ConfigKey;
  /** Dutch, for users. */
  omschrijving: string;
  voorbeeld?: unknown;
  /** Environment variable that sets the key (between the file and the command-line options). */
  omgeving?: string;
};

export const DEFAULTS: CterConfig = {
  signalen: [],
  notities: [],
  uitvoer: 'uitvoer',
  rubricering: 'Departementaal Vertrouwelijk',
  tlp: 'AMBER',
  drempel: 5,
  regios: [],
  inwoners: {},
  taxonomieModus: 'uitbreiden',
  beoordelingen: 'beoordelingen.json',
  duiding: 'duiding',
  duidingOntbreekt: 'melden',
};

export const CONFIG_KEYS: readonly KeyDoc[] = [
  {
    key: 'regio',
    soort: 'tekst',
    omschrijving:
      "Standaardgebied: een veiligheidsregio, zorg- en veiligheidsregio, politie-eenheid of eigen regio (naam of code, bijv. 'Zaanstreek-Waterland' of 'VR11'); 'cter gebieden' toont ze alle.",
    voorbeeld: 'Zaanstreek-Waterland',
  },
  {
    key: 'gemeente',
    soort: 'tekst',
    omschrijving: "Standaardgemeente (naam of CBS-code), als geen --gemeente of --regio wordt gegeven.",
    voorbeeld: 'Zaanstad',
  },
  {
    key: 'signalen',
    soort: 'paden',
    omschrijving:
      'Signaalexports: bestanden of mappen (een map betekent: alle .csv-bestanden erin), relatief aan de map van dit configuratiebestand.',
    voorbeeld: ['data/signalen'],
  },
  {
    key: 'notities',
    soort: 'paden',
    omschrijving: 'Bestanden of mappen met trendnotities (CSV), relatief aan de map van dit configuratiebestand.',
    voorbeeld: ['data/notities'],
  },
  { key: 'uitvoer', soort: 'pad', wat: 'map', omschrijving: 'Map voor rapporten en andere uitvoer.', voorbeeld: 'uitvoer' },
  {
    key: 'rubricering',
    soort: 'tekst',
    omschrijving:
      "Rubricering op elke pagina, bijv. 'Departementaal Vertrouwelijk', 'Intern' of 'Openbaar'. Bij 'Openbaar' worden kleine aantallen onderdrukt (zie drempel).",
    voorbeeld: 'Departementaal Vertrouwelijk',
  },
  {
    key: 'tlp',
    soort: 'keuze',
    waarden: TLP_LABELS,
    omschrijving: 'TLP 2.0-label op elke pagina: CLEAR, GREEN, AMBER, AMBER+STRICT of RED.',
    voorbeeld: 'AMBER',
  },
  {
    key: 'drempel',
    soort: 'geheel',
    min: 1,
    max: 1000,
    omschrijving: "Drempel voor kleine aantallen: aantallen eronder worden in rapporten met rubricering 'Openbaar' onderdrukt.",
    voorbeeld: 5,
  },
  {
    key: 'regios',
    soort: 'regios',
    omschrijving: "Eigen regio's: elk met een naam en de gemeenten (namen of CBS-codes) die erbij horen.",
    voorbeeld: [{ naam: 'Zaanstreek', gemeenten: ['Zaanstad', 'Oostzaan', 'Wormerland'] }],
  },
  {
    key: 'inwoners',
    soort: 'inwoners',
    omschrijving: 'Nieuwere inwonertallen per gemeente (naam of CBS-code), in plaats van de meegeleverde (CBS, 2022).',
    voorbeeld: { Zaanstad: 158000 },
  },
  {
    key: 'woonplaatsen',
    soort: 'pad',
    wat: 'bestand',
    omschrijving:
      "Eigen lijst van woonplaatsen (CSV met de kolommen woonplaats,cbs_code en eventueel bron) naast de meegeleverde van de politie-eenheid Noord-Holland; een woonplaats in de export telt dan bij haar gemeente.",
    voorbeeld: 'woonplaatsen.csv',
  },
  {
    key: 'taxonomie',
    soort: 'pad',
    wat: 'bestand',
    omschrijving: 'Eigen taxonomie (JSON) die de ingebouwde uitbreidt of vervangt; zie taxonomieModus.',
    voorbeeld: 'taxonomie.json',
  },
  {
    key: 'taxonomieModus',
    soort: 'keuze',
    waarden: TAXONOMIE_MODI,
    omschrijving: "'uitbreiden': de eigen taxonomie vult de ingebouwde aan; 'vervangen': alleen de eigen taxonomie telt.",
    voorbeeld: 'uitbreiden',
  },
  {
    key: 'templates',
    soort: 'pad',
    wat: 'map',
    omschrijving: 'Map met eigen versies van sjablonen (elk bestand uit templates/ kan worden vervangen).',
    voorbeeld: 'templates',
  },
  {
    key: 'browser',
    soort: 'pad',
    wat: 'programma',
    omgeving: 'CTER_BROWSER',
    omschrijving: 'Pad naar Chrome, Chromium of Edge voor de PDF; zonder instelling wordt een browser automatisch gezocht.',
    voorbeeld: '/usr/bin/chromium',
  },
  {
    key: 'parallel',
    soort: 'geheel',
    min: 1,
    max: 64,
    omschrijving: 'Aantal rapporten dat batch tegelijk maakt; standaard afhankelijk van het aantal processorkernen.',
    voorbeeld: 4,
  },
  {
    key: 'organisatie',
    soort: 'tekst',
    omschrijving: "Organisatie op het voorblad, bijv. 'Gemeente Zaanstad'.",
    voorbeeld: 'Gemeente Zaanstad',
  },
  {
    key: 'auteur',
    soort: 'tekst',
    omschrijving: 'Auteur van de rapporten, op het voorblad.',
    voorbeeld: 'J. de Vries, analist CTER',
  },
  {
    key: 'contact',
    soort: 'tekst',
    omschrijving: 'Contact voor vragen over het rapport (e-mailadres of telefoonnummer), op het voorblad.',
    voorbeeld: 'cter@zaanstad.nl',
  },
  {
    key: 'verspreiding',
    soort: 'tekst',
    omschrijving: 'Verspreidingslijst op het voorblad: wie het rapport ontvangt.',
    voorbeeld: 'Burgemeester; driehoek; OOV-adviseur',
  },
  {
    key: 'duiding',
    soort: 'pad',
    wat: 'map',
    omschrijving:
      'Map met de duiding en het advies van de analist per gebied en periode (duiding_<gebied>_<periode>.md, zie cter duiding), relatief aan de map van dit configuratiebestand.',
    voorbeeld: 'duiding',
  },
  {
    key: 'duidingOntbreekt',
    soort: 'keuze',
    waarden: DUIDING_ONTBREEKT,
    omschrijving:
      "Een rapport zonder duidingsbestand: 'melden' zegt dat in één regel op de plaats van het hoofdstuk, 'weglaten' laat het hoofdstuk stil weg.",
  },
  {
    key: 'analist',
    soort: 'tekst',
    omschrijving: 'Naam die bij beoordelingen wordt vastgelegd; standaard de gebruikersnaam van het systeem.',
    voorbeeld: 'J. de Vries',
  },
  {
    key: 'sleutel',
    soort: 'tekst',
    omgeving: 'CTER_SLEUTEL',
    omschrijving:
      'Geheime sleutel om persoonssleutels te pseudonimiseren (HMAC), zodat ze tussen runs vergelijkbaar blijven. Zonder sleutel wordt per run een willekeurige gebruikt. Zet hem liever in de omgevingsvariabele dan in dit bestand.',
  },
  {
    key: 'beoordelingen',
    soort: 'pad',
    wat: 'bestand',
    omschrijving: 'Bestand waarin beoordelingen uit cter review worden bewaard, relatief aan de map van dit configuratiebestand.',
    voorbeeld: 'beoordelingen.json',
  },
];

/** Editors (VS Code and others) use "$schema" to show these descriptions and check values while typing. */
export const SCHEMA_KEY = '$schema';

export const KNOWN_KEYS: readonly string[] = [...CONFIG_KEYS.map((k) => k.key), SCHEMA_KEY];

function typeSchema(doc: KeyDoc): Record<string, unknown> {
  switch (doc.soort) {
    case 'tekst':
    case 'pad':
      return { type: 'string', minLength: 1 };
    case 'paden':
      return { oneOf: [{ type: 'string', minLength: 1 }, { type: 'array', items: { type: 'string', minLength: 1 } }] };
    case 'geheel':
      return { type: 'integer', minimum: doc.min, ...(doc.max !== undefined ? { maximum: doc.max } : {}) };
    case 'keuze':
      return { enum: [...doc.waarden] };
    case 'regios':
      return {
        type: 'array',
        items: {
          type: 'object',
          required: ['naam', 'gemeenten'],
          additionalProperties: false,
          properties: {
            naam: { type: 'string', minLength: 1 },
            gemeenten: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
          },
        },
      };
    case 'inwoners':
      return { type: 'object', additionalProperties: { type: 'integer', minimum: 1 } };
  }
}

/** A Markdown table of every key, its default and meaning (for README-werkmap.md and the project README). */
export function configKeysMarkdown(): string {
  const shown = (value: unknown) => (value === undefined ? '(geen)' : `\`${JSON.stringify(value)}\``);
  const rows = CONFIG_KEYS.map(
    (k) => `| \`${k.key}\` | ${shown(DEFAULTS[k.key])} | ${k.omschrijving}${k.omgeving ? ` Ook via ${k.omgeving}.` : ''} |`,
  );
  return ['| sleutel | standaard | betekenis |', '| --- | --- | --- |', ...rows, ''].join('\n');
}

/** A JSON Schema (draft 2020-12) of cter.config.json, generated from CONFIG_KEYS. */
export function jsonSchema(): Record<string, unknown> {
  const properties: Record<string, unknown> = { [SCHEMA_KEY]: { type: 'string' } };
  for (const doc of CONFIG_KEYS) {
    const standaard = DEFAULTS[doc.key];
    properties[doc.key] = {
      description: doc.omschrijving + (doc.omgeving ? ` (omgevingsvariabele ${doc.omgeving})` : ''),
      ...typeSchema(doc),
      ...(standaard !== undefined ? { default: standaard } : {}),
      ...(doc.voorbeeld !== undefined ? { examples: [doc.voorbeeld] } : {}),
    };
  }
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'cter.config.json',
    description: 'Configuratie van een cter-werkmap (lokaal beeld CTER).',
    type: 'object',
    additionalProperties: false,
    properties,
  };
}
