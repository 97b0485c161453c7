// A signal export row -> Signaal. Required: id, datum, gemeente; everything else is normalised and, when not
// recognised, kept with a warning. The person key is pseudonymised here and goes no further.
import type { Betrouwbaarheid, Origin, Signaal } from '../domain.js';
import type { Reference } from '../reference/index.js';
import { fileSchema, grade, parseCode, type Code } from './betrouwbaarheid.js';
import { Omzettingen, readDatum, readFenomeen, readGemeente, readKnown, readRequired } from './fields.js';
import { contentKey, type Kind } from './kind.js';
import { pseudonymiser } from './pseudonym.js';
import { cleanLongText, cleanText, detached, lookupBron, lookupType, type FenomeenLookup } from './values.js';
import type { FileConverter, Row, RowReport } from './row.js';

function signaalConverter(
  bestand: string,
  ref: Reference,
  pseudonym: (id: string) => string,
  omzettingen: Omzettingen,
  fenomeenLabel: FenomeenLookup,
): FileConverter<Signaal> {
  const fits = new Set<Code['past']>();

  const readBetrouwbaarheid = (row: Row, report: RowReport): Betrouwbaarheid | undefined => {
    const written = cleanText(row.get('betrouwbaarheid'));
    if (written === '') return undefined;
    const code = parseCode(written);
    if (!code) {
      report.waarschuwing(
        'betrouwbaarheid',
        written,
        `onbekende betrouwbaarheidscode '${written}' (verwacht Admiralty A-F met 1-6, zoals B2, of 4x4 A/B/C/X met 1-4, zoals X4); het veld wordt als leeg behandeld`,
      );
      return undefined;
    }
    fits.add(code.past);
    // Ambiguous codes are Admiralty until the whole file has been seen (see betrouwbaarheid.ts).
    return grade(code, 'admiralty');
  };

  return {
    convert(row, report) {
      const id = readRequired(row, report, 'id');
      const datum = readDatum(row, report);
      const gemeente = readGemeente(row, report, ref, true);
      if (id === undefined || datum === undefined || gemeente === undefined) return undefined;
      const bron = readKnown(row, report, 'bron', lookupBron, 'bron');
      const betrouwbaarheid = readBetrouwbaarheid(row, report);
      const type = readKnown(row, report, 'type', lookupType, 'type');
      const fenomeen = readFenomeen(row, report, fenomeenLabel);
      const omschrijving = cleanLongText(row.get('omschrijving'));
      const persoon = cleanText(row.get('persoon_id'));
      // One literal with every field, in the order they were always added (an absent one undefined, which JSON
      // leaves out): one shape for every signal, and no field added one by one.
      const signaal: Signaal = {
        id: detached(id),
        datum: datum.datum,
        gemeente: gemeente.code,
        origin: { bestand, regel: row.regel },
        gemeenteInExport: gemeente.omzetting?.alsGeschreven,
        tijd: datum.tijd,
        bron,
        betrouwbaarheid,
        type,
        fenomeenLabel: fenomeen,
        // A copy: a slice would keep the scanner's whole chunk of the file alive with it.
        omschrijving: omschrijving === '' ? undefined : detached(omschrijving),
        persoon: persoon === '' ? undefined : pseudonym(persoon),
      };
      omzettingen.mark(signaal, gemeente.omzetting);
      return signaal;
    },
    finish(records, notice) {
      const { schema, gemengd } = fileSchema(fits);
      if (schema === '4x4') {
        for (const signaal of records) {
          const code = signaal.betrouwbaarheid && parseCode(signaal.betrouwbaarheid.code);
          if (code && code.past === 'beide') signaal.betrouwbaarheid = grade(code, '4x4');
        }
      }
      if (gemengd) {
        notice(
          'betrouwbaarheid: dit bestand bevat zowel Admiralty-codes (bron D-F of informatie 5-6) als 4x4-codes (bron X); ' +
            'codes die in beide passen (zoals B2) zijn als Admiralty gelezen',
        );
      }
    },
  };
}

/** `fenomeenLabel` reads the analyst's fenomeen label (fenomeenLookup with the taxonomy's resolver). */
export function signaalKind(ref: Reference, fenomeenLabel: FenomeenLookup, sleutel?: string): Kind<Signaal> {
  const pseudonym = pseudonymiser(sleutel);
  const omzettingen = new Omzettingen();
  // Stand-ins share one origin per file (see Kind.slank): an object per signal less.
  let bestandVanStandIn: Origin = { bestand: '', regel: 0 };
  return {
    soort: 'signalen',
    converter: (bestand) => signaalConverter(bestand, ref, pseudonym, omzettingen, fenomeenLabel),
    key: (signaal) => signaal.id,
    // The reliability code as written: whether an ambiguous "B2" reads as Admiralty or 4x4 depends on the rest of
    // its file, which is not known yet when duplicates are compared.
    // "Zaandam" and "Zaanstad" in the gemeente column mean the same gemeente: not a conflict.
    contentKey: (signaal) =>
      contentKey(signaal, (key, value) =>
        key === 'betrouwbaarheid' ? (value as Betrouwbaarheid | undefined)?.code : key === 'gemeenteInExport' ? undefined : value,
      ),
    // As contentKey, without building its string: every field but origin and gemeenteInExport, in one fixed order.
    contentHash: (s, hasher) => {
      hasher.field(s.id).field(s.datum).field(s.tijd).field(s.gemeente).field(s.bron).field(s.betrouwbaarheid?.code);
      hasher.field(s.type).field(s.fenomeenLabel).field(s.omschrijving).field(s.persoon);
    },
    describeKey: (signaal) => `id '${signaal.id}'`,
    // What counting reads (TelSignaal) and the key; one shape for all, so each costs one small object. The fields are
    // written out as forCounting (classify.ts) writes them: a shared helper spread into the literal made each object
    // 112-400 bytes instead of 88 (a million of them, measured).
    slank: (s) => {
      if (bestandVanStandIn.bestand !== s.origin.bestand) bestandVanStandIn = { bestand: s.origin.bestand, regel: 0 };
      const standIn: Signaal = {
        id: s.id,
        datum: s.datum,
        gemeente: s.gemeente,
        type: s.type,
        bron: s.bron,
        betrouwbaarheid: s.betrouwbaarheid,
        persoon: s.persoon,
        origin: bestandVanStandIn,
      };
      omzettingen.overdragen(s, standIn);
      return standIn;
    },
    omzettingen,
  };
}
