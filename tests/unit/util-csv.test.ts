import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { excelText, toCsv, zonderNeutralisatie } from '../../src/util/csv.js';

describe('toCsv', () => {
  it('quotes a lone LF or CR inside a field, also in CRLF (Excel) files', () => {
    const text = toCsv([['a', 'x\ny', 'p\rq']], { excel: true });
    expect(text).toBe('\uFEFFa;"x\ny";"p\rq"\r\n');
  });

  it('round-trips any table through csv-parse and zonderNeutralisatie', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'é', ';', '"', '\n', '\r', ' ', ',', '=', '+', '-', '@', '\t', "'") });
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 5 }), fc.boolean(), (rows, excel) => {
        const text = toCsv(rows, { excel });
        const back = parse(text, { delimiter: ';', bom: true, relax_column_count: true }) as string[][];
        expect(back.map((r) => r.map(zonderNeutralisatie))).toEqual(rows);
        // No cell of the file can start a formula.
        for (const r of back) for (const c of r) expect(c).not.toMatch(/^[=+\-@\t\r]/);
      }),
    );
  });
});

describe('excelText', () => {
  it('makes formula-like cells text and leaves others alone', () => {
    expect(excelText('=HYPERLINK("x")')).toBe(`'=HYPERLINK("x")`);
    expect(excelText('-5')).toBe(`'-5`);
    expect(excelText('Zaanstad')).toBe('Zaanstad');
  });
});

describe('toCsv neutralises every text cell (OWASP CSV injection), not the numbers cter typed', () => {
  it('prefixes = + - @ tab CR in text, keeps numbers (also negative) as they are', () => {
    const text = toCsv([['=1+1', '@SUM(A1)', '+31', '-x', '\tt', 'Zaanstad', -3, 12]]);
    expect(text).toBe(`'=1+1;'@SUM(A1);'+31;'-x;'\tt;Zaanstad;-3;12\n`);
  });

  it('zonderNeutralisatie reverses exactly the prefix toCsv adds', () => {
    expect(zonderNeutralisatie("'=HYPERLINK(\"x\")")).toBe('=HYPERLINK("x")');
    expect(zonderNeutralisatie("'gewoon")).toBe("'gewoon");
    expect(zonderNeutralisatie('RPT-1')).toBe('RPT-1');
  });
});
