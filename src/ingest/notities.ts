// A trend-note row -> Trendnotitie. Required: datum, titel, notitie; an empty gemeente means the whole region.
import type { Trendnotitie } from '../model.js';
import type { Reference } from '../reference/index.js';
import { Omzettingen, readDatum, readFenomeen, readGemeente, readRequired } from './fields.js';
import type { FileConverter } from './file-sink.js';
import { contentKey, type Kind } from './kind.js';
import { cleanLongText, cleanText, lookupSchaal, type FenomeenLookup } from './values.js';

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
      if (datum === undefined || titel === undefined || tekst === undefined || gemeenteFout) return undefined;
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
      const auteur = cleanText(row.get('auteur'));
      if (auteur !== '') notitie.auteur = auteur;
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
