import { beforeAll, describe, expect, it } from 'vitest';
import { fileSchema, grade, parseCode } from '../../src/ingest/betrouwbaarheid.js';
import { canonicalColumn, mapHeader, soortFromHeader } from '../../src/ingest/header.js';
import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { hmacSha256Hex, pseudonymiser } from '../../src/ingest/pseudonym.js';
import { ingestTables } from '../../src/ingest/tables.js';
import { cleanText, fenomeenLookup, lookupBron, lookupSchaal, lookupType, type FenomeenLookup } from '../../src/ingest/values.js';
import { FENOMENEN } from '../../src/domain.js';
import { FileError } from '../../src/util/errors.js';
import { builtInTaxonomy, labelResolver } from '../../src/classify/taxonomy.js';

describe('header aliases', () => {
  it.each([
    ['Signaalnummer', 'id'],
    ['Signaal ID', 'id'],
    ['signaal_id', 'id'],
    ['REGISTRATIENUMMER', 'id'],
    ['Kenmerk', 'id'],
    ['Datum melding', 'datum'],
    ['datum_registratie', 'datum'],
    ['Meldingsdatum', 'datum'],
    ['Gemeentenaam', 'gemeente'],
    ['Gemeente-code', 'gemeente'],
    ['Melder', 'bron'],
    ['Bron melding', 'bron'],
    ['Betrouwbaarheidscode', 'betrouwbaarheid'],
    ['Beoordeling', 'betrouwbaarheid'],
    ['Soort signaal', 'type'],
    ['Signaaltype', 'type'],
    ['Stroming', 'fenomeen'],
    ['Categorie', 'fenomeen'],
    ['Toelichting', 'omschrijving'],
    ['Samenvatting', 'omschrijving'],
    ['Persoon-ID', 'persoon_id'],
    ['persoonsnummer', 'persoon_id'],
    ['Betrokkene id', 'persoon_id'],
    ['  Omschrijving  ', 'omschrijving'],
  ])('signalen: %j -> %s', (header, kolom) => {
    expect(canonicalColumn('signalen', header)).toBe(kolom);
  });

  it.each([
    ['Onderwerp', 'titel'],
    ['Tekst', 'notitie'],
    ['Beschrijving', 'notitie'],
    ['Niveau', 'schaal'],
    ['Auteur', 'auteur'],
  ])('notities: %j -> %s', (header, kolom) => {
    expect(canonicalColumn('notities', header)).toBe(kolom);
  });

  it('ignores unknown and repeated columns with a reason, and skips unnamed trailing columns', () => {
    const indeling = mapHeader('a.csv', 'signalen', ['Signaalnummer', 'Datum', 'Gemeente', 'Behandelaar', 'Gemeentecode', '', '']);
    expect(Object.fromEntries(indeling.index)).toEqual({ id: 0, datum: 1, gemeente: 2 });
    expect(indeling.genegeerd).toEqual([
      { index: 3, naam: 'Behandelaar', reden: "onbekende kolom 'Behandelaar' wordt genegeerd" },
      { index: 4, naam: 'Gemeentecode', reden: "kolom 'Gemeentecode' betekent hetzelfde als 'Gemeente' (gemeente); alleen 'Gemeente' wordt gelezen" },
    ]);
    expect(indeling.namen.slice(5)).toEqual(['kolom 6', 'kolom 7']);
  });

  it('names the file, the missing columns and what it found when required columns are missing', () => {
    const err = (() => {
      try {
        mapHeader('export.csv', 'signalen', ['Nummer', 'Plaats', 'Omschrijving']);
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(FileError);
    expect((err as FileError).exitCode).toBe(2);
    expect((err as FileError).message).toBe(
      "export.csv: verplichte kolommen 'datum', 'gemeente' ontbreken voor signalen. Gevonden kolommen: 'Nummer', 'Plaats', 'Omschrijving'. Zie data/kolommen.json voor de namen die cter herkent.",
    );
  });

  it('tells signals from trend notes by their header', () => {
    expect(soortFromHeader(['Registratienummer', 'Datum melding', 'Gemeentenaam'])).toBe('signalen');
    expect(soortFromHeader(['datum', 'onderwerp', 'tekst', 'niveau'])).toBe('notities');
    expect(soortFromHeader(['datum', 'titel'])).toBeUndefined();
  });
});

describe('known values', () => {
  // Fenomeen labels are the taxonomy's; ingest reads them with the built-in taxonomy unless given another.
  let lookupFenomeen: FenomeenLookup;
  beforeAll(async () => {
    lookupFenomeen = fenomeenLookup(labelResolver(await builtInTaxonomy()));
  });

  it('maps fenomeen synonyms to the canonical set, ignoring case, spaces and hyphens', () => {
    const cases: [string, string][] = [
      ['Jihadistisch', 'jihadisme'],
      ['extreemrechts', 'rechts-extremisme'],
      ['Extreem-Rechts', 'rechts-extremisme'],
      ['extreem rechts', 'rechts-extremisme'],
      ['Rechts-extremisme', 'rechts-extremisme'],
      ['extreemlinks', 'links-extremisme'],
      ['Anti-overheid', 'anti-institutioneel-extremisme'],
      ['anti institutioneel', 'anti-institutioneel-extremisme'],
      ['Maatschappelijke onrust', 'polarisatie'],
      ['klimaatactivisme', 'activisme'],
      ['Dierenrechtenactivisme', 'activisme'],
      ['Overig', 'overig'],
      // Once only in the ingest stage's own list, now in the taxonomy.
      ['extreemrechtse', 'rechts-extremisme'],
      ['Extreemlinkse', 'links-extremisme'],
      ['anarchistisch extremisme', 'links-extremisme'],
      ['anti-overheid extremisme', 'anti-institutioneel-extremisme'],
      ['Sovereign citizens', 'anti-institutioneel-extremisme'],
      ['polarisering', 'polarisatie'],
      ['activistisch', 'activisme'],
      ['ander', 'overig'],
    ];
    for (const [label, fenomeen] of cases) expect(lookupFenomeen(label)).toEqual({ leeg: false, bekend: true, waarde: fenomeen });
    for (const fenomeen of FENOMENEN.filter((f) => f !== 'onbekend')) expect(lookupFenomeen(fenomeen)).toMatchObject({ waarde: fenomeen });
  });

  it('treats an empty label, "onbekend" and "n.v.t." as no label, and keeps an unknown one as written', () => {
    for (const empty of ['', '  ', 'onbekend', 'Onbekend', 'n.v.t.', 'nvt', 'Niet bepaald', 'nog onbekend', '-', '?']) {
      expect(lookupFenomeen(empty)).toEqual({ leeg: true });
    }
    expect(lookupFenomeen('  religieus ')).toEqual({ leeg: false, bekend: false, waarde: 'religieus' });
  });

  it('normalises bron and type to their canonical lower-case form, and keeps unknown values as written', () => {
    expect(lookupBron('ZVH')).toEqual({ leeg: false, bekend: true, waarde: 'zorg- en veiligheidshuis' });
    expect(lookupBron('Zorg-  en Veiligheidshuis')).toMatchObject({ waarde: 'zorg- en veiligheidshuis' });
    expect(lookupBron('Politie')).toMatchObject({ waarde: 'politie' });
    expect(lookupBron('Online monitoring')).toMatchObject({ waarde: 'online monitoring' });
    expect(lookupBron('Sleutelfiguren')).toMatchObject({ waarde: 'sleutelfiguur' });
    expect(lookupBron('  Leerplicht   Zaanstad ')).toEqual({ leeg: false, bekend: false, waarde: 'Leerplicht Zaanstad' });
    expect(lookupType('Graffiti')).toMatchObject({ waarde: 'sticker of graffiti' });
    expect(lookupType('Betoging')).toMatchObject({ waarde: 'demonstratie' });
    expect(lookupType('Online-uiting')).toMatchObject({ waarde: 'online uiting' });
    expect(lookupSchaal('Nationaal')).toMatchObject({ waarde: 'landelijk' });
    expect(lookupType('')).toEqual({ leeg: true });
  });

  it('has no spelling in the data files that means two things', () => {
    // ingestTables() throws on a conflict; this also checks every canonical schaal is a model value. Fenomeen labels
    // are the taxonomy's, checked when it loads (classify-taxonomy tests).
    expect(() => ingestTables()).not.toThrow();
  });
});

describe('betrouwbaarheid', () => {
  it.each([
    ['B2', 'B', '2', 'beide'],
    ['b-2', 'B', '2', 'beide'],
    ['B/2', 'B', '2', 'beide'],
    [' c 3 ', 'C', '3', 'beide'],
    ['E5', 'E', '5', 'admiralty'],
    ['A6', 'A', '6', 'admiralty'],
    ['D1', 'D', '1', 'admiralty'],
    ['X4', 'X', '4', '4x4'],
    ['x-1', 'X', '1', '4x4'],
  ])('%j is %s%s (%s)', (raw, bron, informatie, past) => {
    expect(parseCode(raw)).toEqual({ bron, informatie, past });
  });

  it.each(['Z9', 'X5', 'G1', 'B7', 'B', '2', 'BB2', 'hoog'])('%j is not a code', (raw) => {
    expect(parseCode(raw)).toBeUndefined();
  });

  it('reads ambiguous codes as 4x4 only in a file that uses X and no Admiralty-only codes', () => {
    const b2 = parseCode('B2')!;
    expect(fileSchema(new Set(['beide', '4x4'] as const))).toEqual({ schema: '4x4', gemengd: false });
    expect(fileSchema(new Set(['beide', 'admiralty'] as const))).toEqual({ schema: 'admiralty', gemengd: false });
    expect(fileSchema(new Set(['beide'] as const))).toEqual({ schema: 'admiralty', gemengd: false });
    expect(fileSchema(new Set(['beide', '4x4', 'admiralty'] as const))).toEqual({ schema: 'admiralty', gemengd: true });
    expect(grade(b2, '4x4')).toEqual({ schema: '4x4', bron: 'B', informatie: '2', code: 'B2' });
    expect(grade(parseCode('e5')!, '4x4')).toEqual({ schema: 'admiralty', bron: 'E', informatie: '5', code: 'E5' });
  });
});

describe('pseudonymiser', () => {
  it('is a keyed hash: stable per key, different across keys, and not the raw key', () => {
    const a = pseudonymiser('geheim');
    expect(a('P-104233')).toBe(pseudonymiser('geheim')('P-104233'));
    expect(a('P-104233')).toMatch(/^[0-9a-f]{16}$/);
    expect(a('P-104233')).not.toBe(a('P-104234'));
    expect(a('P-104233')).not.toBe(pseudonymiser('ander')('P-104233'));
    // Without a key every run gets a random one.
    expect(pseudonymiser()('P-104233')).not.toBe(pseudonymiser()('P-104233'));
  });

  it('is HMAC-SHA256 as node:crypto computes it, for any key and any person key (also long ones)', () => {
    const hmac = (key: string, text: string) => createHmac('sha256', Buffer.from(key, 'utf8')).update(text, 'utf8').digest('hex').slice(0, 16);
    expect(pseudonymiser('geheim')('P-104233')).toBe(hmac('geheim', 'P-104233'));
    // Any code point but a half surrogate, as fast-check's unit 'binary' (whose first use costs two seconds of CPU
    // to set up). Lengths up to the maximum (size 'max'; fast-check's default keeps strings short): keys longer than
    // SHA-256's 64-byte block, which HMAC hashes first, and person keys longer than 341 characters, which do not fit
    // the reused input buffer.
    const tekenpunt = fc.integer({ min: 0, max: 0x10ffff - 0x800 }).map((n) => String.fromCodePoint(n < 0xd800 ? n : n + 0x800));
    const lang = fc.string({ unit: tekenpunt, maxLength: 600, size: 'max' });
    const sleutel = fc.string({ unit: tekenpunt, minLength: 1, maxLength: 100, size: 'max' });
    fc.assert(
      fc.property(sleutel, fc.array(fc.oneof(fc.string(), lang), { maxLength: 5 }), (key, ids) => {
        const eigen = hmacSha256Hex(Buffer.from(key, 'utf8'), 16);
        for (const id of ids) expect(eigen(id)).toBe(hmac(key, id));
      }),
      { numRuns: 300 },
    );
  });
});

describe('cleanText', () => {
  it('trims and joins every run of whitespace into one space, whatever the characters', () => {
    const teken = fc.constantFrom('a', 'Z', '1', '-', ' ', '\t', '\n', '\r', '\u00a0', '\u2003', '\ufeff', '\u00e9', '~', '\u007f');
    fc.assert(
      fc.property(fc.array(teken, { maxLength: 12 }).map((t) => t.join('')), (tekst) => {
        expect(cleanText(tekst)).toBe(tekst.trim().replace(/\s+/g, ' '));
      }),
      { numRuns: 3000 },
    );
    expect(cleanText('  P-104233 ')).toBe('P-104233');
    expect(cleanText('D4')).toBe('D4');
  });
});
