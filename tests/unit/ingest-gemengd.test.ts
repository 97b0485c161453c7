// Per-line decoding (issue 9): a UTF-8 export with one Windows-1252 line keeps its UTF-8 everywhere else; only that
// line falls back, with a warning naming it. A file that is mostly not UTF-8 stays Windows-1252.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GemengdDecoder, LineNumbers } from '../../src/ingest/decode.js';
import { ingestSignalen } from '../../src/ingest/index.js';
import { loadReference } from '../../src/reference/index.js';

const ref = loadReference();
const cp1252 = (text: string) => Buffer.from(text, 'latin1');

/** The lines of the decoder's fallbacks in the bytes it decoded. */
function regelsVan(bytes: Uint8Array, d: GemengdDecoder): number[] {
  const lines = new LineNumbers(d.windowsOffsets);
  lines.feed(bytes);
  return lines.end();
}

async function bestand(naam: string, delen: Buffer[]): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'cter-gemengd-'));
  const file = join(dir, naam);
  await writeFile(file, Buffer.concat(delen));
  return file;
}

describe('a UTF-8 export with one Windows-1252 line', () => {
  it.each([
    ['small (within the first 64 KiB)', 30],
    ['large (the stray line after the first 64 KiB)', 3000],
  ])('%s: only that line falls back, named in a warning; every other accent reads right', async (_, n) => {
    const regels = Array.from({ length: n }, (_, i) => Buffer.from(`S-${i};03-07-2025;Súdwest-Fryslân;tekst ${i}\r\n`, 'utf8'));
    const fout = n - 5;
    regels[fout] = cp1252(`S-${fout};03-07-2025;Súdwest-Fryslân;café\r\n`);
    const file = await bestand('gemengd.csv', [Buffer.from('id;datum;gemeente;omschrijving\r\n'), ...regels]);
    const r = await ingestSignalen([file], ref);
    expect(r.bestanden[0]!.codering).toBe('utf-8+windows-1252');
    expect(r.totaal).toMatchObject({ regels: n, geaccepteerd: n, afgewezen: 0 });
    expect(r.records.every((s) => s.gemeente === 'GM1900')).toBe(true);
    expect(r.records.find((s) => s.id === `S-${fout}`)!.omschrijving).toBe('café');
    expect(r.waarschuwingen.map((w) => [w.regel, w.reden.slice(0, 38)])).toEqual([[fout + 2, 'deze regel is geen geldige UTF-8 (de r']]);
  });

  it.each([
    ['small', 30],
    ['large', 3000],
  ])('with a UTF-8 BOM (%s): only that line falls back, named in a warning; the BOM is not read as text', async (_, n) => {
    const regels = Array.from({ length: n }, (_, i) => Buffer.from(`S-${i};03-07-2025;Súdwest-Fryslân;tekst ${i}\n`, 'utf8'));
    const fout = n - 3;
    regels[fout] = cp1252(`S-${fout};03-07-2025;Súdwest-Fryslân;café\n`);
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    const file = await bestand('bom.csv', [bom, Buffer.from('id;datum;gemeente;omschrijving\n'), ...regels]);
    const r = await ingestSignalen([file], ref);
    expect(r.bestanden[0]!.codering).toBe('utf-8+windows-1252');
    expect(r.totaal).toMatchObject({ regels: n, geaccepteerd: n, afgewezen: 0 });
    expect(r.records.every((s) => s.gemeente === 'GM1900')).toBe(true);
    expect(r.records[0]!.id).toBe('S-0');
    expect(r.records.find((s) => s.id === `S-${fout}`)!.omschrijving).toBe('café');
    expect(r.waarschuwingen.map((w) => [w.regel, w.reden.slice(0, 38)])).toEqual([[fout + 2, 'deze regel is geen geldige UTF-8 (de r']]);
  });

  it('GemengdDecoder drops a BOM split over chunks, and a line-1 fallback does not read the BOM as Windows-1252', () => {
    const d = new GemengdDecoder();
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), cp1252('café;x\n'), Buffer.from('één\n', 'utf8')]);
    const tekst = d.decode(bytes.subarray(0, 1), { stream: true }) + d.decode(bytes.subarray(1, 2), { stream: true }) + d.decode(bytes.subarray(2), { stream: true }) + d.decode();
    expect(tekst).toBe('café;x\néén\n');
    expect(regelsVan(bytes, d)).toEqual([1]);
  });

  it('a file that is mostly Windows-1252 is Windows-1252 as before', async () => {
    const regels = Array.from({ length: 20 }, (_, i) => cp1252(`S-${i};03-07-2025;Súdwest-Fryslân;café\n`));
    const file = await bestand('cp1252.csv', [Buffer.from('id;datum;gemeente;omschrijving\n'), Buffer.from('S-x;03-07-2025;Zaanstad;één\n', 'utf8'), ...regels]);
    const r = await ingestSignalen([file], ref);
    expect(r.bestanden[0]!.codering).toBe('windows-1252');
    expect(r.waarschuwingen.filter((w) => w.reden.includes('UTF-8'))).toEqual([]);
  });
});

describe('GemengdDecoder', () => {
  it('gives the same text and the same fallback lines however the bytes are split into chunks', () => {
    const regel = fc.oneof(
      fc.constantFrom('a;b', 'Súdwest', 'één', '', 'x"y').map((t) => ({ bytes: Buffer.from(t, 'utf8'), tekst: t, cp: false })),
      fc.constantFrom('café', 'Fryslân').map((t) => ({ bytes: cp1252(t), tekst: t, cp: true })),
    );
    const eol = fc.constantFrom('\r\n', '\n', '\r');
    fc.assert(
      fc.property(fc.array(fc.tuple(regel, eol), { minLength: 1, maxLength: 12 }), fc.array(fc.nat(), { maxLength: 5 }), (lijst, knippen) => {
        const bytes = Buffer.concat(lijst.flatMap(([r, e]) => [r.bytes, Buffer.from(e)]));
        const verwacht = lijst.map(([r, e]) => r.tekst + e).join('');
        // The line of each Windows-1252 entry as an editor counts (a CR then an LF is one line break).
        const cpRegels: number[] = [];
        let voor = '';
        for (const [r, e] of lijst) {
          if (r.cp) cpRegels.push(1 + (voor.match(/\r\n|\r|\n/g)?.length ?? 0));
          voor += r.tekst + e;
        }
        const posities = [...new Set(knippen.map((k) => k % (bytes.length + 1)))].sort((a, b) => a - b);
        const d = new GemengdDecoder();
        let tekst = '';
        let van = 0;
        for (const p of [...posities, bytes.length]) {
          tekst += d.decode(bytes.subarray(van, p), { stream: true });
          van = p;
        }
        tekst += d.decode();
        expect(tekst).toBe(verwacht);
        expect(regelsVan(bytes, d)).toEqual(cpRegels);
        // Counted over the same chunks, as linesAtOffsets reads a file.
        const lines = new LineNumbers(d.windowsOffsets);
        van = 0;
        for (const p of [...posities, bytes.length]) {
          lines.feed(bytes.subarray(van, p));
          van = p;
        }
        expect(lines.end()).toEqual(cpRegels);
      }),
    );
  });
});
