// Property: any table of signals, written in any supported dialect (encoding x BOM x delimiter x line ending x
// sep= line, with blank lines and trailing empty columns), ingests back to the same records, on the right lines.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ingestSignalen } from '../../src/ingest/index.js';
import { pseudonymiser } from '../../src/ingest/pseudonym.js';
import type { Signaal } from '../../src/domain.js';
import { loadReference } from '../../src/reference/index.js';
import { DELIMITERS, ENCODINGS, EOLS, serialise, tempDir, writeExport, type Dialect } from './ingest-helpers.js';

const ref = loadReference();
const SLEUTEL = 'eigenschap';
const pseudonym = pseudonymiser(SLEUTEL);

const MAANDEN = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
const FENOMEEN_LABELS: [string, Signaal['fenomeenLabel']][] = [
  ['', undefined],
  ['Jihadistisch', 'jihadisme'],
  ['extreem-rechts', 'rechts-extremisme'],
  ['Anti-overheid', 'anti-institutioneel-extremisme'],
  ['polarisatie', 'polarisatie'],
];
const BRONNEN: [string, string | undefined][] = [
  ['', undefined],
  ['Politie', 'politie'],
  ['ZVH', 'zorg- en veiligheidshuis'],
  ['school', 'school'],
];

const dialect: fc.Arbitrary<Dialect> = fc
  .record({
    encoding: fc.constantFrom(...ENCODINGS),
    bom: fc.boolean(),
    delimiter: fc.constantFrom(...DELIMITERS),
    eol: fc.constantFrom(...EOLS),
    sepLine: fc.boolean(),
  })
  .map((d) => ({ ...d, bom: d.encoding === 'utf-8' ? d.bom : d.encoding !== 'windows-1252' }));

/** Characters that stress a CSV writer and reader; the accented ones are in every supported encoding. */
function text(encoding: Dialect['encoding']): fc.Arbitrary<string> {
  const chars = ['a', 'Z', '7', ' ', ';', ',', '|', '\t', '"', '\n', '\r\n', 'é', 'ë', "'"];
  if (encoding !== 'windows-1252') chars.push('€', '✓', 'ł');
  return fc.string({ unit: fc.constantFrom(...chars), maxLength: 30 });
}

const datum = fc
  .record({
    date: fc.date({ min: new Date(Date.UTC(2000, 0, 1)), max: new Date(Date.UTC(2040, 11, 31)), noInvalidDate: true }),
    notation: fc.constantFrom('iso', 'dmy-', 'dmy/', 'dmy.', 'woorden'),
    tijd: fc.option(fc.record({ h: fc.integer({ min: 0, max: 23 }), m: fc.integer({ min: 0, max: 59 }) }), { nil: undefined }),
  })
  .map(({ date, notation, tijd }) => {
    const [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
    const p2 = (n: number) => String(n).padStart(2, '0');
    const iso = `${y}-${p2(m)}-${p2(d)}`;
    const written =
      notation === 'iso' ? iso : notation === 'woorden' ? `${d} ${MAANDEN[m - 1]} ${y}` : [p2(d), p2(m), y].join(notation.slice(-1));
    const time = tijd && `${p2(tijd.h)}:${p2(tijd.m)}`;
    return { written: time ? `${written} ${time}` : written, iso, tijd: time };
  });

const gemeente = fc
  .record({ g: fc.constantFrom(...ref.gemeenten), form: fc.constantFrom('naam', 'code', 'nummer', 'HOOFDLETTERS') })
  .map(({ g, form }) => ({
    written: form === 'naam' ? g.naam : form === 'code' ? g.code : form === 'nummer' ? String(Number(g.code.slice(2))) : g.naam.toUpperCase(),
    code: g.code,
  }));

function table(encoding: Dialect['encoding']) {
  const row = fc.record({
    datum,
    gemeente,
    omschrijving: text(encoding),
    fenomeen: fc.constantFrom(...FENOMEEN_LABELS),
    bron: fc.constantFrom(...BRONNEN),
    persoon: fc.option(fc.stringMatching(/^P-[0-9]{1,6}$/), { nil: undefined }),
  });
  return fc
    .uniqueArray(fc.stringMatching(/^[A-Z]{1,3}-[0-9]{1,5}$/), { minLength: 1, maxLength: 25 })
    .chain((ids) => fc.tuple(fc.constant(ids), fc.array(row, { minLength: ids.length, maxLength: ids.length })));
}

const HEADER = ['Signaalnummer', 'Datum melding', 'Gemeente', 'Toelichting', 'Categorie', 'Melder', 'Persoon ID'];

describe('ingest round trip', () => {
  it('reads back any table written in any supported dialect', async () => {
    const dir = await tempDir('cter-property-');
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        dialect.chain((d) => fc.tuple(fc.constant(d), table(d.encoding), fc.boolean(), fc.array(fc.nat(30), { maxLength: 3 }))),
        async ([d, [ids, rows], trailingColumns, blanks]) => {
          const extra = trailingColumns ? ['', ''] : [];
          const cells = rows.map((r, i) => [
            ids[i]!,
            r.datum.written,
            r.gemeente.written,
            r.omschrijving,
            r.fenomeen[0],
            r.bron[0],
            r.persoon ?? '',
            ...extra,
          ]);
          const written = serialise([...HEADER, ...extra], cells, d, new Set(blanks));
          const file = await writeExport(dir, `t${n++}.csv`, written.text, d);
          const result = await ingestSignalen([file], ref, { sleutel: SLEUTEL });

          const expected: Signaal[] = rows.map((r, i) => {
            const s: Signaal = { id: ids[i]!, datum: r.datum.iso, gemeente: r.gemeente.code, origin: { bestand: file, regel: written.lines[i]! } };
            if (r.datum.tijd) s.tijd = r.datum.tijd;
            if (r.bron[1]) s.bron = r.bron[1];
            if (r.fenomeen[1]) s.fenomeenLabel = r.fenomeen[1];
            // Line breaks inside a text come back as \n, whatever the file used.
            const omschrijving = r.omschrijving.replace(/\r\n/g, '\n').trim();
            if (omschrijving) s.omschrijving = omschrijving;
            if (r.persoon) s.persoon = pseudonym(r.persoon);
            return s;
          });
          expect(result.fouten).toEqual([]);
          expect(result.records).toEqual(expected);
          const ascii = !/[^\x00-\x7f]/.test(written.text);
          const codering = d.encoding === 'utf-8' ? (d.bom ? 'utf-8-bom' : 'utf-8') : d.encoding === 'windows-1252' && ascii ? 'utf-8' : d.encoding;
          expect(result.bestanden[0]).toMatchObject({ codering, scheidingsteken: d.delimiter, regels: rows.length, geaccepteerd: rows.length });
        },
      ),
      { numRuns: 200 },
    );
  });
});
