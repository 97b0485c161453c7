// The verantwoording: inputs with their accounting, how fenomenen were assigned, the test, the privacy rules applied
// and the configuration. Everything a reader needs to see where each number comes from.

import type { ScopeCijfers } from '../aggregate/result-types.js';
import { configReport } from '../config/show.js';
import type { ConfigKey, EigenRegio, LoadedConfig } from '../config/cter-config.js';
import { HERKOMSTEN, type BestandVerantwoording, type Herkomst } from '../domain.js';
import { rapportPad } from '../util/paths.js';
import type { Figures } from './figures.js';
import { formatInteger, formatShare } from '../present/format.js';
import { decimalComma } from '../present/getal.js';
import { HERKOMST_NAAM } from '../present/labels.js';
import type { Aantal, BestandRij, ConfiguratieRegel, ReportModel, Verdeling, VerdelingRij } from './model-types.js';
import type { ReportInput } from './model-types.js';
import { omzettingRegel, type GemeenteOmzetting } from '../ingest/fields.js';

function bestandRij(b: BestandVerantwoording): BestandRij {
  const tekst = {
    regels: formatInteger(b.regels),
    geaccepteerd: formatInteger(b.geaccepteerd),
    afgewezen: formatInteger(b.afgewezen),
    dubbel: formatInteger(b.dubbel),
  };
  return { ...b, tekst };
}

/** Keys of the configuration that shape the report's content, in the order the verantwoording lists them, with the
 * name a reader understands (the key itself stays in the JSON model). */
const CONFIG_IN_VERANTWOORDING: [ConfigKey, string][] = [
  ['rubricering', 'Rubricering'],
  ['tlp', 'TLP-label'],
  ['drempel', 'Drempel voor kleine aantallen'],
  ['organisatie', 'Organisatie'],
  ['regios', 'Eigen regio\'s'],
  ['inwoners', 'Eigen inwonertallen'],
  ['taxonomie', 'Eigen taxonomie'],
  ['taxonomieModus', 'Gebruik van de eigen taxonomie'],
  ['beoordelingen', 'Handmatige beoordelingen'],
  ['templates', 'Eigen sjablonen'],
  ['sleutel', 'Sleutel voor pseudonimisering'],
];

/** Keys whose value is a path: shown relative to the configuration's folder, never as an absolute local path. */
const PAD_SLEUTELS: readonly ConfigKey[] = ['taxonomie', 'beoordelingen', 'templates'];

function configuratie(config: LoadedConfig): ConfiguratieRegel[] {
  const report = configReport(config);
  const text = (key: ConfigKey, v: unknown): string => {
    if (v === null || v === undefined) return '(niet ingesteld)';
    if (PAD_SLEUTELS.includes(key) && typeof v === 'string') return rapportPad(v, config.baseDir);
    if (key === 'regios' && Array.isArray(v)) {
      return v.length === 0 ? '(geen)' : (v as EigenRegio[]).map((r) => `${r.naam} (${r.gemeenten.length} gemeenten)`).join(', ');
    }
    if (key === 'inwoners' && v && typeof v === 'object') {
      const n = Object.keys(v).length;
      return n === 0 ? '(geen)' : `${n} ${n === 1 ? 'gemeente' : 'gemeenten'}`;
    }
    if (typeof v === 'string') return v;
    if (Array.isArray(v) && v.length === 0) return '(geen)';
    return JSON.stringify(v);
  };
  const bron = (s: string) => (s === 'standaard' || s === 'optie' || s === 'omgeving' ? s : 'configuratiebestand');
  return CONFIG_IN_VERANTWOORDING.map(([key, naam]) => ({
    sleutel: key,
    naam,
    waarde: text(key, report.waarden[key]),
    bron: bron(report.herkomst[key] ?? 'standaard'),
  }));
}

const cellen = (n: number): string => `${formatInteger(n)} ${n === 1 ? 'cel' : 'cellen'}`;

/** Of a public report: how many distinct unknown type and bron values it shows merged as "overig". */
export interface Samengevoegd {
  type: number;
  bron: number;
}

function samengevoegdRegel(s: Samengevoegd): string {
  const deel = (n: number, kolom: string) => `${n === 1 ? '1 waarde' : `${formatInteger(n)} verschillende waarden`} van ${kolom}`;
  return (
    'Openbaar rapport: waarden van type en bron die cter niet kent (zoals geschreven in de export) staan samengevoegd als "overig"; ' +
    `samengevoegd ${s.type + s.bron === 0 ? 'zijn geen waarden' : [s.type > 0 ? deel(s.type, 'type') : '', s.bron > 0 ? deel(s.bron, 'bron') : ''].filter(Boolean).join(' en ')}.`
  );
}

function privacyRegels(figures: Figures, markering: string, notitiesWeggelaten: number, samengevoegd: Samengevoegd): string[] {
  const d = figures.drempel;
  const regels = [
    'Het rapport bevat alleen geaggregeerde aantallen. Namen, persoonssleutels en omschrijvingen van signalen zijn niet opgenomen.',
    'Personen zijn geteld via gepseudonimiseerde sleutels (HMAC); de sleutels zelf staan niet in het rapport.',
    figures.openbaar
      ? 'Openbaar rapport: alleen trendnotities die de analist als openbaar heeft gemarkeerd (kolom openbaar = ja) staan erin, ' +
        `ongewijzigd; ${notitiesWeggelaten === 1 ? 'is 1 notitie' : `zijn ${formatInteger(notitiesWeggelaten)} notities`} over deze periode en dit gebied weggelaten.`
      : 'Trendnotities zijn de eigen tekst van de analist en staan ongewijzigd in het rapport.',
  ];
  if (!figures.openbaar) {
    regels.push(
      `Markering ${markering}: het rapport is niet openbaar en toont exacte aantallen, ook kleine. Deel het alleen volgens de markering.`,
    );
    return regels;
  }
  regels.push(
    `Openbaar rapport: aantallen van 1 tot en met ${d - 1} zijn vervangen door '<${d}' (primaire onderdrukking; ${cellen(figures.count('primary'))}).`,
    `Daarnaast ${figures.count('secondary') === 1 ? 'is' : 'zijn'} ${cellen(figures.count('secondary'))} afgeschermd met 'x' (secundaire onderdrukking), zodat geen verborgen aantal uit de getoonde aantallen en totalen kan worden teruggerekend, ook niet door tabellen te combineren.`,
    'Aandelen, aantallen per 10.000 inwoners en veranderingen die op een afgeschermd aantal berusten, zijn ook afgeschermd; in de grafieken ontbreken die waarden. Nullen worden wel getoond.',
    samengevoegdRegel(samengevoegd),
  );
  return regels;
}

/** The woonplaatsen and abolished gemeenten counted elsewhere; a public report hides small counts as '<drempel'. */
function omzettingen(lijst: readonly GemeenteOmzetting[], figures: Figures): string[] {
  return lijst.map((o) => {
    const verborgen = figures.openbaar && o.aantal < figures.drempel;
    return omzettingRegel(o).replace(/: \d+×$/, `: ${verborgen ? `<${figures.drempel}` : formatInteger(o.aantal)}×`);
  });
}

function herkomstInvoer(counts: Record<Herkomst, number>): VerdelingRij[] {
  const total = HERKOMSTEN.reduce((n, h) => n + (counts[h] ?? 0), 0);
  return HERKOMSTEN.map((h) => {
    const n = counts[h] ?? 0;
    const aantal: Aantal = { waarde: n, tekst: formatInteger(n) };
    const aandeel = total === 0 ? { waarde: null, tekst: '–' } : { waarde: n / total, tekst: formatShare(n / total) };
    return { code: h, naam: HERKOMST_NAAM[h], aantal, aandeel };
  });
}

function toets(c: ScopeCijfers): ReportModel['verantwoording']['toets'] {
  const alpha = decimalComma(c.alpha);
  return {
    naam: c.toets,
    alpha: c.alpha,
    uitleg:
      `Veranderingen tussen twee perioden zijn getoetst met de ${c.toets}. Alleen bij p < ${alpha} spreekt dit rapport ` +
      "van een stijging of daling; anders van 'geen significante verandering'. Bij kleine aantallen is een grote " +
      'procentuele verandering vaak toeval. Wie veel vergelijkingen tegelijk maakt (per fenomeen, per gemeente), moet ' +
      'ook bij toeval af en toe een significante uitkomst verwachten: bij 20 toetsen gemiddeld één. Lees een enkele ' +
      'significante uitkomst daarom in samenhang met de trendnotities.',
  };
}

export function verantwoording(
  input: ReportInput,
  figures: Figures,
  herkomst: Verdeling,
  notitiesWeggelaten: number,
  samengevoegd: Samengevoegd = { type: 0, bron: 0 },
): ReportModel['verantwoording'] {
  const { rubricering, tlp } = input.config.values;
  return {
    bestanden: { signalen: input.invoer.signalen.map(bestandRij), notities: input.invoer.notities.map(bestandRij) },
    omzettingen: omzettingen(input.invoer.omzettingen ?? [], figures),
    herkomst,
    herkomstInvoer: herkomstInvoer(input.classificatie),
    toets: toets(input.cijfers),
    classificatieMeting: metingTekst(input.classificatieMeting),
    privacy: {
      drempel: figures.drempel,
      onderdrukt: { primair: figures.count('primary'), secundair: figures.count('secondary') },
      regels: privacyRegels(figures, `${rubricering} / TLP:${tlp}`, notitiesWeggelaten, samengevoegd),
    },
    configuratie: configuratie(input.config),
  };
}

function procent(n: number): string {
  return `${(n * 100).toFixed(1).replace('.', ',')}%`;
}

function metingTekst(m: ReportInput['classificatieMeting']): string {
  if (!m) {
    return (
      'De invoer bevat te weinig signalen met een label van de analist om de automatische classificatie (regels en ' +
      'tekstmodel) op te meten.'
    );
  }
  return (
    `De automatische classificatie (regels, en het tekstmodel waar de regels geen conclusie trekken) is gemeten op ` +
    `${formatInteger(m.gelabeld)} signalen met een label van de analist (${m.vouwen}-voudige kruisvalidatie): ` +
    `${procent(m.nauwkeurigheid)} kreeg het fenomeen van de analist, bij ${procent(m.onthouding)} bleef het fenomeen ` +
    'onbekend. Signalen met een label of een beoordeling houden dat fenomeen.'
  );
}
