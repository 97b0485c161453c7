import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDatum } from '../../src/ingest/dates.js';

describe('parseDatum', () => {
  it.each([
    ['2025-07-03', '2025-07-03', undefined],
    ['03-07-2025', '2025-07-03', undefined],
    ['3-7-2025', '2025-07-03', undefined],
    ['03/07/2025', '2025-07-03', undefined],
    ['03.07.2025', '2025-07-03', undefined],
    ['3 juli 2025', '2025-07-03', undefined],
    ['3 jul 2025', '2025-07-03', undefined],
    ['3 jul. 2025', '2025-07-03', undefined],
    ['12 MRT 2024', '2024-03-12', undefined],
    ['1 sept 2025', '2025-09-01', undefined],
    ['03-07-2025 14:30', '2025-07-03', '14:30'],
    ['3-7-2025 9:05:07', '2025-07-03', '09:05:07'],
    ['3 juli 2025 14:30', '2025-07-03', '14:30'],
    ['2025-07-03 14:30:00', '2025-07-03', '14:30:00'],
    ['  2025-07-03T14:30  ', '2025-07-03', '14:30'],
    ['29-02-2024', '2024-02-29', undefined],
  ])('%j -> %s %s', (input, datum, tijd) => {
    expect(parseDatum(input)).toEqual(tijd === undefined ? { ok: true, datum } : { ok: true, datum, tijd });
  });

  it('turns ISO timestamps with an offset into the Dutch local date and time', () => {
    expect(parseDatum('2025-07-03T12:30:05Z')).toEqual({ ok: true, datum: '2025-07-03', tijd: '14:30:05' });
    expect(parseDatum('2025-07-03T14:30:05+02:00')).toEqual({ ok: true, datum: '2025-07-03', tijd: '14:30:05' });
    expect(parseDatum('2025-01-15T23:30:00.123Z')).toEqual({ ok: true, datum: '2025-01-16', tijd: '00:30:00' });
    expect(parseDatum('2025-03-30T01:30Z')).toEqual({ ok: true, datum: '2025-03-30', tijd: '03:30' });
    expect(parseDatum('2025-07-03T10:00:00-0500')).toEqual({ ok: true, datum: '2025-07-03', tijd: '17:00:00' });
  });

  it.each([
    ['31-02-2025', "'31-02-2025' is geen geldige datum: februari 2025 heeft geen dag 31"],
    ['29 februari 2025', "'29 februari 2025' is geen geldige datum: februari 2025 heeft geen dag 29"],
    ['14-13-2024 09:40', "'14-13-2024 09:40' is geen geldige datum: maand 13 bestaat niet"],
    ['2025-13-02T10:00:00Z', "'2025-13-02T10:00:00Z' is geen geldige datum: maand 13 bestaat niet"],
    ['00-07-2025', "'00-07-2025' is geen geldige datum: juli 2025 heeft geen dag 0"],
    ['03-07-2025 24:00', "'03-07-2025 24:00': de tijd 24:00 bestaat niet"],
    ['03-07-0225', "'03-07-0225': het jaar 225 is niet aannemelijk"],
    ['3 julli 2025', "'3 julli 2025': onbekende maand 'julli'"],
    ['03-07-25', "'03-07-25' is geen datum die cter herkent"],
    ['2025/07/03', "'2025/07/03' is geen datum die cter herkent"],
    ['03-07/2025', "'03-07/2025' is geen datum die cter herkent"],
    ['gisteren', "'gisteren' is geen datum die cter herkent"],
    ['', 'datum ontbreekt'],
    ['   ', 'datum ontbreekt'],
  ])('rejects %j with a reason naming the value', (input, reden) => {
    const result = parseDatum(input);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reden).toContain(reden);
  });

  it('reads every existing date back from each Dutch notation, and rejects every day past the end of a month', () => {
    const day = fc.date({ min: new Date(Date.UTC(1990, 0, 1)), max: new Date(Date.UTC(2060, 11, 31)), noInvalidDate: true });
    fc.assert(
      fc.property(day, fc.constantFrom('-', '/', '.'), (date, sep) => {
        const [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
        const iso = date.toISOString().slice(0, 10);
        expect(parseDatum(`${d}${sep}${m}${sep}${y}`)).toEqual({ ok: true, datum: iso });
        expect(parseDatum(iso)).toEqual({ ok: true, datum: iso });
        const lastDay = new Date(Date.UTC(y, m, 0)).getUTCDate();
        expect(parseDatum(`${lastDay + 1}-${m}-${y}`).ok).toBe(false);
      }),
    );
  });

  it('reads the common form dd-mm-yyyy [hh:mm] as the general path does, valid or not', () => {
    // A leading space makes parseDatum clean the text and take the regular expressions: the general path.
    const cijfers = (n: number) => fc.array(fc.constantFrom(...'0123456789'), { minLength: n, maxLength: n }).map((c) => c.join(''));
    const teken = fc.constantFrom('-', '-', '-', '/', ' ', ':', 'x');
    const vorm = fc
      .tuple(cijfers(2), teken, cijfers(2), teken, cijfers(4), fc.option(fc.tuple(teken, cijfers(2), teken, cijfers(2)), { nil: undefined }))
      .map(([d, s1, m, s2, y, t]) => `${d}${s1}${m}${s2}${y}${t ? t.join('') : ''}`);
    fc.assert(
      fc.property(vorm, (tekst) => {
        expect(parseDatum(tekst)).toEqual(parseDatum(` ${tekst}`));
      }),
      { numRuns: 3000 },
    );
    expect(parseDatum('19-02-2025 20:52')).toEqual({ ok: true, datum: '2025-02-19', tijd: '20:52' });
    expect(parseDatum('31-02-2025 20:52')).toEqual({ ok: false, reden: "'31-02-2025 20:52' is geen geldige datum: februari 2025 heeft geen dag 31" });
    expect(parseDatum('19-02-2025 24:00')).toEqual({ ok: false, reden: "'19-02-2025 24:00': de tijd 24:00 bestaat niet" });
  });
});
