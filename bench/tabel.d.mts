// Types for the tests, which import the benchmark's table helpers.
export function resultTable(results: unknown): string;
export function withTable(readme: string, table: string): string;
export const DOELEN: {
  inlezen: number;
  inlezenVanaf: number;
  trendsPiekMb: number;
  batchTegenVloer: number;
  naiefTegenBatch: number;
  opstart: number;
  suiteSeconden: number;
};
