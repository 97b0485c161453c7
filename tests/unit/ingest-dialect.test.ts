import { describe, expect, it } from 'vitest';
import { ingestSignalen } from '../../src/ingest/index.js';
import { countPerRecord, detectCodering, detectDelimiter, detectSepLine } from '../../src/ingest/dialect.js';
import { Windows1252Decoder } from '../../src/ingest/windows-1252.js';
import { loadReference } from '../../src/reference/index.js';
import {
  DELIMITERS,
  ENCODINGS,
  EOLS,
  encode,
  serialise,
  tempDir,
  writeExport,
  writeLines,
  type Dialect,
} from './ingest-helpers.js';

const ref = loadReference();

describe('detectCodering', () => {
  it('recognises each BOM', () => {
    expect(detectCodering(encode('id;datum', 'utf-8', true))).toBe('utf-8-bom');
    expect(detectCodering(encode('id;datum', 'utf-16le', true))).toBe('utf-16le');
    expect(detectCodering(encode('id;datum', 'utf-16be', true))).toBe('utf-16be');
  });

  it('recognises UTF-16 without a BOM by its zero bytes', () => {
    expect(detectCodering(Buffer.from('id;datum;gemeente\r\n', 'utf16le'))).toBe('utf-16le');
    expect(detectCodering(Buffer.from('id;datum;gemeente\r\n', 'utf16le').swap16())).toBe('utf-16be');
  });

  it('takes valid UTF-8 as UTF-8, also when the sample cuts a character in two', () => {
    expect(detectCodering(encode('Súdwest-Fryslân €', 'utf-8', false))).toBe('utf-8');
    const cut = encode('prijs €', 'utf-8', false).subarray(0, -1);
    expect(detectCodering(cut)).toBe('utf-8');
  });

  it('falls back to Windows-1252 when the bytes are not UTF-8, also for a last byte that starts a character', () => {
    expect(detectCodering(encode('café;Súdwest', 'windows-1252', false))).toBe('windows-1252');
    expect(detectCodering(encode('id;omschrijving\r\n1;café', 'windows-1252', false), true)).toBe('windows-1252');
  });
});

describe('Windows1252Decoder', () => {
  it("decodes Excel's curly quotes, dashes and the euro sign (Node's own decoder gives control characters)", () => {
    const bytes = Uint8Array.of(0x80, 0x20, 0x91, 0x61, 0x92, 0x20, 0x93, 0x62, 0x94, 0x20, 0x96, 0x97, 0x85, 0xe9, 0x81);
    expect(new Windows1252Decoder().decode(bytes)).toBe('€ ‘a’ “b” –—…é\u0081');
  });
});

describe('detectSepLine', () => {
  it("reads Excel's sep= line, plain or quoted, with any line ending", () => {
    expect(detectSepLine('sep=;\r\nid;datum')).toEqual({ delimiter: ';', length: 7 });
    expect(detectSepLine('"sep=,"\nid,datum')).toEqual({ delimiter: ',', length: 8 });
    expect(detectSepLine('SEP=|\rid|datum')).toEqual({ delimiter: '|', length: 6 });
    expect(detectSepLine('sep=\t\nid')).toEqual({ delimiter: '\t', length: 6 });
  });

  it('ignores a header that merely starts with sep', () => {
    expect(detectSepLine('separatie;datum\r\n')).toBeUndefined();
    expect(detectSepLine('sep=\r\nid;datum')).toBeUndefined();
  });
});

describe('detectDelimiter', () => {
  it.each(DELIMITERS)('finds %j', (d) => {
    expect(detectDelimiter(['id', 'datum', 'gemeente'].join(d) + '\n' + ['1', '2025-01-01', 'Zaanstad'].join(d), true)).toBe(d);
  });

  it('does not count delimiters inside quotes, also across quoted line breaks', () => {
    expect(countPerRecord('a,"b;c;d",e\n"x\ny;z",1,2\n', ';')).toEqual([0, 0]);
    expect(countPerRecord('a,"b;c;d",e\n"x\ny;z",1,2\n', ',')).toEqual([2, 2]);
    expect(detectDelimiter('id,omschrijving,datum\n1,"a; b; c; d",2025-01-01\n', true)).toBe(',');
  });

  it('prefers the delimiter that agrees with the following records', () => {
    // The header has one comma and one semicolon; the records only agree on the semicolon.
    expect(detectDelimiter('id;datum, tijd\n1;3-7-2025 14:30\n2;4-7-2025\n', true)).toBe(';');
  });

  it('does not count a record cut off at the end of a sample', () => {
    expect(countPerRecord('a;b\n1;2\n3;4;5;6', ';')).toEqual([1, 1]);
  });
});

const HEADER = ['id', 'datum', 'gemeente', 'omschrijving', 'bron'];
const ROWS = [
  ['S-1', '03-07-2025', 'Zaanstad', 'met ; en , en | en \t erin', 'politie'],
  ['S-2', '2025-07-04 14:30', 'GM0363', 'zegt "hallo" en\nloopt weg', ''],
  ['S-3', '5 jul 2025', 'Súdwest-Fryslân', 'café, één € teveel – “zei” ‘hij’…', 'zvh'],
];

function dialects(): Dialect[] {
  const all: Dialect[] = [];
  for (const encoding of ENCODINGS) {
    for (const delimiter of DELIMITERS) {
      for (const eol of EOLS) {
        const boms = encoding === 'utf-8' ? [false, true] : [encoding !== 'windows-1252'];
        for (const bom of boms) all.push({ encoding, bom, delimiter, eol, sepLine: eol === '\r\n' && delimiter === ';' });
      }
    }
  }
  return all;
}

describe('ingest in every dialect', () => {
  const name = (d: Dialect) => `${d.encoding}${d.bom ? '+bom' : ''} ${JSON.stringify(d.delimiter)} ${JSON.stringify(d.eol)}${d.sepLine ? ' sep=' : ''}`;

  it.each(dialects().map((d) => [name(d), d] as const))('%s', async (_name, d) => {
    const dir = await tempDir();
    const rows = d.encoding === 'windows-1252' ? ROWS : ROWS.map((r) => r.map((v) => v.replace('€', '€ ✓')));
    // A blank line after the first record, and Excel's trailing empty columns on the header.
    const written = serialise([...HEADER, '', ''], rows.map((r) => [...r, '', '']), d, new Set([0]));
    const file = await writeExport(dir, 'export.csv', written.text, d);
    const result = await ingestSignalen([file], ref, { sleutel: 'test' });

    const expectedCodering = d.encoding === 'utf-8' ? (d.bom ? 'utf-8-bom' : 'utf-8') : d.encoding;
    expect(result.bestanden[0]).toMatchObject({
      codering: expectedCodering,
      scheidingsteken: d.delimiter,
      regels: 3,
      geaccepteerd: 3,
      afgewezen: 0,
      dubbel: 0,
    });
    expect(result.fouten).toEqual([]);
    expect(result.records.map((r) => r.origin.regel)).toEqual(written.lines);
    expect(result.records.map((r) => [r.id, r.datum, r.tijd, r.gemeente, r.omschrijving, r.bron])).toEqual([
      ['S-1', '2025-07-03', undefined, 'GM0479', rows[0]![3], 'politie'],
      ['S-2', '2025-07-04', '14:30', 'GM0363', rows[1]![3], undefined],
      ['S-3', '2025-07-05', undefined, 'GM1900', rows[2]![3], 'zorg- en veiligheidshuis'],
    ]);
  });
});

describe('streaming', () => {
  it('decodes multi-byte characters split over read chunks', async () => {
    const dir = await tempDir();
    const text = 'één € ✓ Súdwest';
    const rows = Array.from({ length: 6000 }, (_, i) => [`S-${i}`, '2025-01-02', 'Zaanstad', `${i} ${text}`, '']);
    for (const encoding of ['utf-8', 'utf-16le'] as const) {
      const d: Dialect = { encoding, bom: encoding !== 'utf-8', delimiter: ';', eol: '\r\n', sepLine: false };
      const written = serialise(HEADER, rows, d);
      const file = await writeExport(dir, `${encoding}.csv`, written.text, d);
      const result = await ingestSignalen([file], ref);
      expect(result.totaal.geaccepteerd).toBe(6000);
      expect(result.records.every((r, i) => r.omschrijving === `${i} ${text}`)).toBe(true);
      expect(result.records.at(-1)!.origin.regel).toBe(6001);
    }
  });

  it('reads the file as Windows-1252 when non-UTF-8 bytes appear only after the first 64 KiB', async () => {
    const dir = await tempDir();
    const rows = Array.from({ length: 3000 }, (_, i) => [`S-${i}`, '2025-01-02', 'Zaanstad', 'gewone tekst zonder accenten', '']);
    rows.push(['S-laatste', '2025-01-02', 'Zaanstad', 'café', '']);
    const d: Dialect = { encoding: 'windows-1252', bom: false, delimiter: ';', eol: '\r\n', sepLine: false };
    const written = serialise(HEADER, rows, d);
    expect(written.text.length).toBeGreaterThan(64 * 1024);
    const file = await writeExport(dir, 'laat.csv', written.text, d);
    const result = await ingestSignalen([file], ref);
    expect(result.bestanden[0]).toMatchObject({ codering: 'windows-1252', regels: 3001, geaccepteerd: 3001 });
    expect(result.records.at(-1)!.omschrijving).toBe('café');
  });
});

describe('records the parser cannot read', () => {
  it('rejects a quote that is never closed, on the line where it opens', async () => {
    const dir = await tempDir();
    const file = await writeLines(dir, 'quote.csv', [
      'id;datum;gemeente;omschrijving',
      'S-1;2025-01-02;Zaanstad;goed',
      'S-2;2025-01-02;Zaanstad;"begint maar',
      'S-3;2025-01-02;Zaanstad;eindigt nooit',
    ]);
    const result = await ingestSignalen([file], ref);
    expect(result.totaal).toEqual({ regels: 2, geaccepteerd: 1, afgewezen: 1, dubbel: 0 });
    expect(result.fouten).toEqual([
      expect.objectContaining({ regel: 3, reden: expect.stringContaining('aanhalingsteken (") wordt niet gesloten') }),
    ]);
    expect(result.afgewezen[0]!.velden.tekst).toContain('S-3;2025-01-02');
  });

  it('rejects only a record over the 1,000,000-character limit, with its line and the limit, and reads on', async () => {
    const dir = await tempDir();
    // A quoted description of 1.2 million characters spread over 3 lines (quoted newlines), between ordinary rows.
    const lang = `"${'a'.repeat(400_000)}\n${'b'.repeat(400_000)}\r\n${'c'.repeat(400_000)}"`;
    const file = await writeLines(dir, 'lang.csv', [
      'id;datum;gemeente;omschrijving',
      'S-1;2025-01-02;Zaanstad;goed',
      `S-2;2025-01-02;Zaanstad;${lang}`,
      'S-3;2025-01-02;Zaanstad;"ook goed\nover twee regels"',
      'S-4;2025-01-02;Zaanstad;goed',
    ]);
    const result = await ingestSignalen([file], ref);
    expect(result.totaal).toEqual({ regels: 4, geaccepteerd: 3, afgewezen: 1, dubbel: 0 });
    expect(result.fouten).toEqual([
      expect.objectContaining({ regel: 3, reden: expect.stringContaining('langer dan de grens van 1.000.000 tekens') }),
    ]);
    expect(result.afgewezen[0]!.velden.tekst).toContain('S-2;2025-01-02;Zaanstad;"aaa');
    expect(result.records.map((r) => [r.id, r.origin.regel])).toEqual([['S-1', 2], ['S-3', 6], ['S-4', 8]]);
  });

  it('accepts a record of exactly 1,000,000 characters', async () => {
    const dir = await tempDir();
    const omschrijving = 'x'.repeat(1_000_000 - 'S-1'.length - '2025-01-02'.length - 'Zaanstad'.length);
    const file = await writeLines(dir, 'precies.csv', ['id;datum;gemeente;omschrijving', `S-1;2025-01-02;Zaanstad;${omschrijving}`, 'S-2;2025-01-02;Zaanstad;kort']);
    const result = await ingestSignalen([file], ref);
    expect(result.totaal).toEqual({ regels: 2, geaccepteerd: 2, afgewezen: 0, dubbel: 0 });
  });

  it('rejects a runaway quote over a million characters as a quote that is not closed, not as a file error', async () => {
    const dir = await tempDir();
    const filler = Array.from({ length: 40_000 }, (_, i) => `S-${i};2025-01-02;Zaanstad;gewone tekst`);
    const file = await writeLines(dir, 'runaway.csv', ['id;datum;gemeente;omschrijving', 'S-0;2025-01-02;Zaanstad;goed', 'S-1;2025-01-02;Zaanstad;"open', ...filler]);
    const result = await ingestSignalen([file], ref);
    expect(result.totaal).toEqual({ regels: 2, geaccepteerd: 1, afgewezen: 1, dubbel: 0 });
    expect(result.fouten).toEqual([
      expect.objectContaining({ regel: 3, reden: expect.stringContaining('aanhalingsteken (") wordt niet gesloten') }),
    ]);
  });

  it('rejects a row with more filled fields than the header, and accepts empty extra or missing trailing fields', async () => {
    const dir = await tempDir();
    const file = await writeLines(dir, 'breed.csv', [
      'id;datum;gemeente;omschrijving',
      'S-1;2025-01-02;Zaanstad;a;b',
      'S-2;2025-01-02;Zaanstad;a;;',
      'S-3;2025-01-02;Zaanstad',
    ]);
    const result = await ingestSignalen([file], ref);
    expect(result.totaal).toEqual({ regels: 3, geaccepteerd: 2, afgewezen: 1, dubbel: 0 });
    expect(result.fouten[0]).toMatchObject({ regel: 2, reden: expect.stringContaining('5 velden en de kopregel 4') });
    expect(result.afgewezen[0]!.velden).toEqual({ id: 'S-1', datum: '2025-01-02', gemeente: 'Zaanstad', omschrijving: 'a', 'kolom 5': 'b' });
  });

  it('does not count blank lines, whitespace-only lines or rows of empty fields', async () => {
    const dir = await tempDir();
    const file = await writeLines(dir, 'leeg.csv', ['', 'id;datum;gemeente', ';;', '   ', 'S-1;2025-01-02;Zaanstad', '', ';;']);
    const result = await ingestSignalen([file], ref);
    expect(result.totaal).toEqual({ regels: 1, geaccepteerd: 1, afgewezen: 0, dubbel: 0 });
    expect(result.records[0]!.origin.regel).toBe(5);
  });
});

describe('unreadable files', () => {
  it('names the file when it does not exist, is empty or is a folder', async () => {
    const dir = await tempDir();
    await expect(ingestSignalen([`${dir}/nergens.csv`], ref)).rejects.toThrow(/nergens\.csv: bestand bestaat niet/);
    const empty = await writeExport(dir, 'leeg.csv', '\r\n\r\n', { encoding: 'utf-8', bom: true });
    await expect(ingestSignalen([empty], ref)).rejects.toThrow(/leeg\.csv: het bestand is leeg/);
    await expect(ingestSignalen([dir], ref)).rejects.toThrow(/is een map/);
  });

  it('reads the one line of a UTF-8 BOM file that is not UTF-8 as Windows-1252, with a warning naming it', async () => {
    const dir = await tempDir();
    const file = `${dir}/kapot.csv`;
    const { writeFile } = await import('node:fs/promises');
    await writeFile(file, Buffer.concat([encode('id;datum;gemeente\r\nS-1;2025-01-02;Zaanstad\r\nS-2;2025-01-02;', 'utf-8', true), Buffer.from([0xe9, 0x0d, 0x0a])]));
    const result = await ingestSignalen([file], ref);
    expect(result.bestanden[0]!.codering).toBe('utf-8+windows-1252');
    expect(result.waarschuwingen).toEqual([expect.objectContaining({ regel: 3, reden: expect.stringContaining('geen geldige UTF-8') })]);
    expect(result.fouten).toEqual([expect.objectContaining({ regel: 3 })]);
  });
});
