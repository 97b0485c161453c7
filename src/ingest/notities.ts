// A trend-note row -> Trendnotitie. Required: datum, titel, notitie. Where it applies: gemeente and/or regio; a local or
// regional note with neither is accepted with a warning (it then appears only in the configured region's reports).
import type { Trendnotitie } from '../domain.js';
import { withSuggestions, type Reference } from '../reference/index.js';
import { Omzettingen, readDatum, readFenomeen, readGemeente, readRequired } from './fields.js';
import { contentKey, type Kind } from './kind.js';
import { cleanLongText, cleanText, lookupSchaal, type FenomeenLookup } from './values.js';
import type { FileConverter, Row, RowReport } from './row.js';

const JA = new Set(['ja', 'j', 'yes', 'y', 'true', 'waar', '1', 'x']);
const NEE = new Set(['nee', 'n', 'no', 'false', 'onwaar', '0', '']);

/** The `openbaar` marking: ja or nee, empty means nee; anything else is nee with a warning (never public by doubt). */
function readOpenbaar(row: Row, report: RowReport): boolean {
  const written = cleanText(row.get('openbaar'));
  const value = written.toLowerCase();
  if (JA.has(value)) return true;
  if (!NEE.has(value)) {
    report.waarschuwing('openbaar', written, `'${written}' is geen ja of nee; de notitie telt als niet openbaar`);
  }
  return false;
}

function notitieConverter(
  bestand: string,
  ref: Reference,
  omzettingen: Omzettingen,
  fenomeenLabel: FenomeenLookup,
): FileConverter<Trendnotitie> {
  return {
    convert(row, report) {
      const datum = readDatum(row, report);
      const titel = readRequired(row, report, 'titel');
      const tekst = readRequired(row, report, 'notitie', cleanLongText);
      const gemeente = readGemeente(row, report, ref, false);
      const gemeenteFout = gemeente === undefined && row.get('gemeente').trim() !== '';
      const regioTekst = row.get('regio').trim();
      const regio = regioTekst === '' ? undefined : ref.resolveRegio(regioTekst);
      if (regio && !regio.ok) report.fout('regio', regioTekst, withSuggestions(regio.reden, regio.suggesties).replace(/\.$/, ''));
      const regioFout = regio !== undefined && !regio.ok;
      if (datum === undefined || titel === undefined || tekst === undefined || gemeenteFout || regioFout) return undefined;
      const notitie: Trendnotitie = { datum: datum.datum, titel, notitie: tekst, origin: { bestand, regel: row.regel } };
      const fenomeen = readFenomeen(row, report, fenomeenLabel);
      if (fenomeen !== undefined) notitie.fenomeen = fenomeen;
      const schaal = lookupSchaal(row.get('schaal'));
      if (!schaal.leeg && schaal.bekend) notitie.schaal = schaal.waarde;
      if (!schaal.leeg && !schaal.bekend) {
        report.waarschuwing(
          'schaal',
          schaal.waarde,
          `onbekende schaal '${schaal.waarde}' (verwacht lokaal, regionaal, landelijk, internationaal of online); het veld wordt als leeg behandeld`,
        );
      }
      if (gemeente !== undefined) notitie.gemeente = gemeente.code;
      if (regio?.ok) notitie.regio = regio.regio.code;
      const overal = notitie.schaal === 'landelijk' || notitie.schaal === 'internationaal' || notitie.schaal === 'online';
      if (gemeente === undefined && notitie.regio === undefined && !overal) {
        report.waarschuwing(
          'regio',
          '',
          `${notitie.schaal ?? 'notitie'} zonder gemeente of regio: de notitie komt alleen in rapporten over de regio uit de configuratie; vul 'gemeente' of 'regio' in`,
        );
      }
      const auteur = cleanText(row.get('auteur'));
      if (auteur !== '') notitie.auteur = auteur;
      if (readOpenbaar(row, report)) notitie.openbaar = true;
      omzettingen.mark(notitie, gemeente?.omzetting);
      return notitie;
    },
  };
}

/** `fenomeenLabel` reads the note's fenomeen label (fenomeenLookup with the taxonomy's resolver). */
export function notitieKind(ref: Reference, fenomeenLabel: FenomeenLookup): Kind<Trendnotitie> {
  const omzettingen = new Omzettingen();
  return {
    soort: 'notities',
    converter: (bestand) => notitieConverter(bestand, ref, omzettingen, fenomeenLabel),
    key: (notitie) => contentKey(notitie),
    contentKey: (notitie) => contentKey(notitie),
    describeKey: (notitie) => `notitie '${notitie.titel}'`,
    omzettingen,
  };
}
