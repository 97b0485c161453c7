import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { excelText, toCsv } from '../../src/util/csv.js';

describe('toCsv', () => {
  it('quotes a lone LF or CR inside a field, also in CRLF (Excel) files', () => {
    const text = toCsv([['a', 'x\ny', 'p\rq']], { excel: true });
    expect(text).toBe('\uFEFFa;"x\ny";"p\rq"\r\n');
  });

  it('round-trips any table through csv-parse', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'é', ';', '"', '\n', '\r', ' ', ',') });
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 5 }), fc.boolean(), (rows, excel) => {
        const text = toCsv(rows, { excel });
        const back = parse(text, { delimiter: ';', bom: true, relax_column_count: true }) as string[][];
        expect(back).toEqual(rows);
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
