// Dutch names of the canonical categories, as the report prints them.

import { readFileSync } from 'node:fs';
import type { Ernst, Fenomeen, Herkomst, Schaal } from '../domain.js';
import { BUILT_IN_TAXONOMY } from '../util/package.js';

/**
 * The fenomenen's names as the taxonomy labels them (data/taxonomie.json, or the analyst's own taxonomy): the only
 * list, so a renamed label shows everywhere. `kort` heads narrow table columns.
 */
export interface FenomeenNames {
  naam: Record<Fenomeen, string>;
  kort: Record<Fenomeen, string>;
}

interface FenomeenLabel {
  code: Fenomeen;
  label: string;
  kort?: string;
}

/** The names of a taxonomy's fenomenen; a label without a short form is cut to fit a column. */
export function fenomeenNames(fenomenen: readonly FenomeenLabel[]): FenomeenNames {
  const kort = (f: FenomeenLabel) => f.kort ?? (f.label.length <= 8 ? f.label : `${f.label.slice(0, 7)}.`);
  return {
    naam: Object.fromEntries(fenomenen.map((f) => [f.code, f.label])) as Record<Fenomeen, string>,
    kort: Object.fromEntries(fenomenen.map((f) => [f.code, kort(f)])) as Record<Fenomeen, string>,
  };
}

let ingebouwd: FenomeenNames | undefined;

/** The built-in taxonomy's names (read once from data/taxonomie.json), where no taxonomy was loaded. */
export function builtInFenomeenNames(): FenomeenNames {
  ingebouwd ??= fenomeenNames((JSON.parse(readFileSync(BUILT_IN_TAXONOMY, 'utf8')) as { fenomenen: FenomeenLabel[] }).fenomenen);
  return ingebouwd;
}

export const ERNST_NAAM: Record<Ernst, string> = { laag: 'Laag', midden: 'Midden', hoog: 'Hoog' };

export const HERKOMST_NAAM: Record<Herkomst, string> = {
  analist: 'Label van de analist',
  regel: 'Taxonomieregel',
  model: 'Tekstmodel',
  handmatig: 'Handmatige beoordeling',
  geen: 'Niet toegekend (onbekend)',
};

export const SCHAAL_TITEL: Record<Schaal | 'zonder', string> = {
  lokaal: 'Lokaal',
  regionaal: 'Regionaal',
  landelijk: 'Landelijk',
  internationaal: 'Internationaal',
  online: 'Online',
  zonder: 'Zonder schaal',
};

/** Reliability classes (source letter): Admiralty A-F and Europol 4x4 A/B/C/X share the letters A-C. */
export const BETROUWBAARHEID_NAAM: Record<string, string> = {
  A: 'A: (volledig) betrouwbaar',
  B: 'B: meestal betrouwbaar',
  C: 'C: redelijk / niet betrouwbaar',
  D: 'D: meestal onbetrouwbaar',
  E: 'E: onbetrouwbaar',
  F: 'F: niet te beoordelen',
  '4x4 A': '4x4 A: zonder twijfel betrouwbaar',
  '4x4 B': '4x4 B: meestal betrouwbaar gebleken',
  '4x4 C': '4x4 C: meestal onbetrouwbaar gebleken',
  '4x4 X': '4x4 X: niet te beoordelen',
  onbekend: 'Niet gewaardeerd',
};

export type TlpLabel = 'CLEAR' | 'GREEN' | 'AMBER' | 'AMBER+STRICT' | 'RED';

/** TLP 2.0 (FIRST): label colours, printed on a black background. */
export const TLP_KLEUR: Record<TlpLabel, string> = {
  CLEAR: '#FFFFFF',
  GREEN: '#33FF00',
  AMBER: '#FFC000',
  'AMBER+STRICT': '#FFC000',
  RED: '#FF2B2B',
};

export const TLP_UITLEG: Record<TlpLabel, string> = {
  CLEAR: 'Geen beperkingen aan verdere verspreiding.',
  GREEN: 'Verspreiding binnen de eigen gemeenschap (partners en verwante organisaties), niet via openbare kanalen.',
  AMBER:
    'Verspreiding alleen op need-to-know-basis binnen de eigen organisatie en bij haar klanten en partners die het nodig hebben om schade te voorkomen.',
  'AMBER+STRICT': 'Verspreiding alleen op need-to-know-basis binnen de eigen organisatie.',
  RED: 'Alleen voor de ontvangers persoonlijk; niet verder verspreiden.',
};

/** Bronnen as the subject of "signalen van ...", for the signaleringsnetwerk section. */
export const BRON_VAN: Record<string, string> = {
  politie: 'de politie',
  'zorg- en veiligheidshuis': 'het zorg- en veiligheidshuis',
  school: 'scholen',
  jeugdzorg: 'de jeugdzorg',
  'online monitoring': 'online monitoring',
  sleutelfiguur: 'sleutelfiguren',
  burger: 'burgers',
  professional: 'professionals',
  gemeente: 'de gemeente',
  'openbaar ministerie': 'het Openbaar Ministerie',
  reclassering: 'de reclassering',
  wijkteam: 'wijkteams',
};
