// `cter trends --formaat csv`: one row per area and fenomeen, for spreadsheets. Dutch spreadsheet conventions
// (semicolon between fields, decimal comma), because Excel with Dutch settings opens that with a double click;
// UTF-8 without BOM so scripts and diffs see plain text.
import { toCsv } from '../util/csv.js';
import { FENOMENEN } from '../domain.js';
import type { TrendSamenvatting } from './trends.js';
import { decimalComma } from '../present/getal.js';

export const TRENDS_CSV_KOLOMMEN = [
  'periode',
  'soort',
  'code',
  'naam',
  'fenomeen',
  'signalen',
  'signalenVorigePeriode',
  'signalenVorigJaar',
  'richtingVorigePeriode',
  'pVorigePeriode',
  'richtingVorigJaar',
  'pVorigJaar',
] as const;

const decimal = (n: number | null): string => (n === null ? '' : decimalComma(n));

export function trendsCsv(s: TrendSamenvatting): string {
  const rows = s.gebieden.flatMap((g) =>
    FENOMENEN.map((f) => {
      const v = g.fenomeenVerandering[f];
      return [
        s.periode,
        g.soort,
        g.code,
        g.naam,
        f,
        g.fenomenen[f],
        v.vorigePeriode.vergelijking,
        v.vorigJaar.vergelijking,
        v.vorigePeriode.richting,
        decimal(v.vorigePeriode.p),
        v.vorigJaar.richting,
        decimal(v.vorigJaar.p),
      ];
    }),
  );
  return toCsv([[...TRENDS_CSV_KOLOMMEN], ...rows]);
}
