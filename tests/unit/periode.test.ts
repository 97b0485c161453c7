import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  laatstePerioden,
  latestCompleteQuarter,
  parsePeriode,
  periodeVanDatum,
  vorigJaar,
  vorigePeriode,
} from '../../src/aggregate/periode.js';
import { UsageError } from '../../src/util/errors.js';

describe('parsePeriode', () => {
  it('parses a quarter with its dates and Dutch label', () => {
    expect(parsePeriode('2025-Q3')).toEqual({
      soort: 'kwartaal',
      code: '2025-Q3',
      start: '2025-07-01',
      eind: '2025-09-30',
      label: '3e kwartaal 2025',
    });
    expect(parsePeriode(' 2024-q1 ')).toMatchObject({ code: '2024-Q1', start: '2024-01-01', eind: '2024-03-31' });
    expect(parsePeriode('2024Q4')).toMatchObject({ code: '2024-Q4', start: '2024-10-01', eind: '2024-12-31' });
    expect(parsePeriode('2025-Q2')).toMatchObject({ start: '2025-04-01', eind: '2025-06-30', label: '2e kwartaal 2025' });
  });

  it('parses months, including February in leap and non-leap years', () => {
    expect(parsePeriode('2025-07')).toEqual({
      soort: 'maand',
      code: '2025-07',
      start: '2025-07-01',
      eind: '2025-07-31',
      label: 'juli 2025',
    });
    expect(parsePeriode('2024-02')).toMatchObject({ eind: '2024-02-29', label: 'februari 2024' });
    expect(parsePeriode('2023-02')).toMatchObject({ eind: '2023-02-28' });
    expect(parsePeriode('2000-02')).toMatchObject({ eind: '2000-02-29' });
    expect(parsePeriode('2100-02')).toMatchObject({ eind: '2100-02-28' });
    expect(parsePeriode('2025-4')).toMatchObject({ code: '2025-04', eind: '2025-04-30', label: 'april 2025' });
    expect(parsePeriode('2024-Q1').eind).toBe('2024-03-31');
  });

  it('parses a year', () => {
    expect(parsePeriode('2025')).toEqual({
      soort: 'jaar',
      code: '2025',
      start: '2025-01-01',
      eind: '2025-12-31',
      label: '2025',
    });
  });

  it.each([
    ['2025-Q5', /kwartaal is Q1 t\/m Q4/],
    ['2025-Q0', /kwartaal is Q1 t\/m Q4/],
    ['2025-13', /maand is 01 t\/m 12/],
    ['2025-00', /maand is 01 t\/m 12/],
    ['25-Q1', /gebruik een kwartaal/],
    ['Q3', /gebruik een kwartaal/],
    ['', /gebruik een kwartaal/],
    ['2025-07-01', /gebruik een kwartaal/],
    ['derde kwartaal', /gebruik een kwartaal/],
    ['0025-Q1', /jaar ligt buiten 1900-2999/],
    ['1899', /jaar ligt buiten 1900-2999/],
  ])('rejects %j with a Dutch usage error', (text, message) => {
    expect(() => parsePeriode(text)).toThrow(UsageError);
    expect(() => parsePeriode(text)).toThrow(message);
    expect(() => parsePeriode(text)).toThrow(`ongeldige periode '${text}'`);
  });
});

describe('period arithmetic', () => {
  it('steps back across a year change', () => {
    expect(vorigePeriode(parsePeriode('2025-Q1')).code).toBe('2024-Q4');
    expect(vorigePeriode(parsePeriode('2025-Q3')).code).toBe('2025-Q2');
    expect(vorigePeriode(parsePeriode('2025-01')).code).toBe('2024-12');
    expect(vorigePeriode(parsePeriode('2025')).code).toBe('2024');
  });

  it('finds the same period a year earlier', () => {
    expect(vorigJaar(parsePeriode('2025-Q3'))).toMatchObject({ code: '2024-Q3', start: '2024-07-01' });
    expect(vorigJaar(parsePeriode('2025-02'))).toMatchObject({ code: '2024-02', eind: '2024-02-29' });
    expect(vorigJaar(parsePeriode('2025')).code).toBe('2024');
  });

  it('lists the last eight quarters oldest first', () => {
    expect(laatstePerioden(parsePeriode('2025-Q2'), 8).map((p) => p.code)).toEqual([
      '2023-Q3',
      '2023-Q4',
      '2024-Q1',
      '2024-Q2',
      '2024-Q3',
      '2024-Q4',
      '2025-Q1',
      '2025-Q2',
    ]);
    expect(laatstePerioden(parsePeriode('2025-02'), 3).map((p) => p.code)).toEqual(['2024-12', '2025-01', '2025-02']);
  });

  it('puts every date in the period that contains it, for every kind', () => {
    const dates = fc
      .date({ min: new Date(Date.UTC(1990, 0, 1)), max: new Date(Date.UTC(2100, 11, 31)), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(dates, fc.constantFrom('kwartaal', 'maand', 'jaar') as fc.Arbitrary<'kwartaal'>, (datum, soort) => {
        const p = periodeVanDatum(soort, datum);
        expect(p.start <= datum && datum <= p.eind).toBe(true);
        expect(parsePeriode(p.code)).toEqual(p);
        // Consecutive periods tile the calendar: the previous one ends the day before this one starts.
        const prev = vorigePeriode(p);
        const dayBefore = new Date(`${p.start}T00:00:00Z`);
        dayBefore.setUTCDate(dayBefore.getUTCDate() - 1);
        expect(prev.eind).toBe(dayBefore.toISOString().slice(0, 10));
      }),
    );
  });
});

describe('latestCompleteQuarter', () => {
  it('takes the latest quarter that ended on or before the last signal date', () => {
    expect(latestCompleteQuarter({ eerste: '2024-01-03', laatste: '2025-10-14' })).toEqual({
      periode: parsePeriode('2025-Q3'),
      volledig: true,
    });
    expect(latestCompleteQuarter({ eerste: '2024-01-03', laatste: '2025-09-30' }).periode.code).toBe('2025-Q3');
    expect(latestCompleteQuarter({ eerste: '2024-01-03', laatste: '2025-09-29' }).periode.code).toBe('2025-Q2');
    expect(latestCompleteQuarter({ eerste: '2024-01-03', laatste: '2025-01-02' }).periode.code).toBe('2024-Q4');
  });

  it('falls back to the unfinished quarter when the data holds no complete one', () => {
    expect(latestCompleteQuarter({ eerste: '2025-07-03', laatste: '2025-08-15' })).toEqual({
      periode: parsePeriode('2025-Q3'),
      volledig: false,
    });
  });
});
