// Small-count suppression (statistical disclosure control) for public reports.
//
// The document is described as a system of figures (cells) and the additive relations a reader knows between them
// ("these parts add up to that total"), across all tables at once: the same figure shown in two tables is one cell,
// so linked tables cannot be played off against each other.
//
// Primary suppression hides every count from 1 up to (not including) the threshold. Zeros stay visible: they describe
// nobody. Secondary suppression then hides further cells until no hidden cell can be worked out exactly from the
// visible cells and totals: not by subtracting within one relation, and not by combining relations either. A hidden
// cell x_k is determined exactly when the unit vector e_k lies in the row space of the relations restricted to the
// hidden cells; the reduced row echelon form shows this as a pivot row with a single non-zero entry.

export interface Relation {
  /** The cell that equals the sum of the parts. */
  total: string;
  parts: string[];
}

export interface CellSystem {
  /** Every figure the document shows, by key. */
  cells: ReadonlyMap<string, number>;
  relations: readonly Relation[];
}

export type SuppressionKind = 'primary' | 'secondary';

const EPSILON = 1e-9;

/** True for a count that needs primary suppression under the threshold. */
function isSmallCount(value: number, threshold: number): boolean {
  return value > 0 && value < threshold;
}

/** Coefficient rows of the relations over the hidden cells only (visible cells are constants for the reader). */
function hiddenMatrix(relations: readonly Relation[], columns: Map<string, number>): number[][] {
  const rows: number[][] = [];
  for (const relation of relations) {
    const row = new Array<number>(columns.size).fill(0);
    let used = false;
    const add = (key: string, coefficient: number) => {
      const col = columns.get(key);
      if (col === undefined) return;
      row[col] = (row[col] ?? 0) + coefficient;
      used = true;
    };
    add(relation.total, -1);
    for (const part of relation.parts) add(part, 1);
    if (used) rows.push(row);
  }
  return rows;
}

/** Reduced row echelon form in place; returns the pivot column of each pivot row. */
function reduce(rows: number[][], width: number): { row: number; col: number }[] {
  const pivots: { row: number; col: number }[] = [];
  let r = 0;
  for (let c = 0; c < width && r < rows.length; c++) {
    let best = r;
    for (let i = r + 1; i < rows.length; i++) {
      if (Math.abs(rows[i]![c]!) > Math.abs(rows[best]![c]!)) best = i;
    }
    if (Math.abs(rows[best]![c]!) < EPSILON) continue;
    [rows[r], rows[best]] = [rows[best]!, rows[r]!];
    const pivotRow = rows[r]!;
    const pivot = pivotRow[c]!;
    for (let j = c; j < width; j++) pivotRow[j] = pivotRow[j]! / pivot;
    for (let i = 0; i < rows.length; i++) {
      if (i === r) continue;
      const row = rows[i]!;
      const factor = row[c]!;
      if (Math.abs(factor) < EPSILON) continue;
      for (let j = c; j < width; j++) row[j] = row[j]! - factor * pivotRow[j]!;
    }
    pivots.push({ row: r, col: c });
    r++;
  }
  return pivots;
}

/** The hidden cells a reader could compute exactly from the visible cells and the relations. */
function determinedCells(relations: readonly Relation[], hidden: Iterable<string>): string[] {
  const keys = [...new Set(hidden)];
  const columns = new Map(keys.map((key, i) => [key, i]));
  const rows = hiddenMatrix(relations, columns);
  const result: string[] = [];
  for (const { row, col } of reduce(rows, keys.length)) {
    const nonZero = rows[row]!.filter((v) => Math.abs(v) > EPSILON).length;
    if (nonZero === 1) result.push(keys[col]!);
  }
  return result;
}

/**
 * Chooses which visible cell to hide next so that `cell` stops being computable. Prefers a relation in which `cell` is
 * the only hidden member (plain subtraction), and within it the cheapest cell: a part rather than a total (totals that
 * close many relations, such as the grand total, last), a non-zero count rather than a zero, then the smallest.
 */
function complementFor(cell: string, system: CellSystem, hidden: ReadonlySet<string>): string | undefined {
  const totalCount = new Map<string, number>();
  for (const r of system.relations) totalCount.set(r.total, (totalCount.get(r.total) ?? 0) + 1);
  const cost = (key: string): [number, number, number] => {
    const value = system.cells.get(key) ?? 0;
    return [totalCount.get(key) ?? 0, value === 0 ? 1 : 0, value];
  };
  const members = (r: Relation) => [r.total, ...r.parts];
  const containing = system.relations.filter((r) => members(r).includes(cell));
  const alone = containing.filter((r) => members(r).filter((k) => hidden.has(k)).length === 1);
  const withHidden = system.relations.filter((r) => members(r).some((k) => hidden.has(k)));
  for (const pool of [alone, containing, withHidden]) {
    const candidates = [...new Set(pool.flatMap(members))].filter((k) => !hidden.has(k));
    if (candidates.length === 0) continue;
    candidates.sort((a, b) => {
      const [ca, cb] = [cost(a), cost(b)];
      return ca[0] - cb[0] || ca[1] - cb[1] || ca[2] - cb[2] || a.localeCompare(b);
    });
    return candidates[0];
  }
  return undefined;
}

/**
 * Hides small counts and the complementary cells that would give them away.
 * Returns the hidden cells and why each one is hidden.
 */
export function suppress(system: CellSystem, threshold: number): Map<string, SuppressionKind> {
  for (const r of system.relations) {
    const missing = [r.total, ...r.parts].find((k) => !system.cells.has(k));
    if (missing !== undefined) throw new Error(`suppression: relation member without a value: ${missing}`);
  }
  const result = new Map<string, SuppressionKind>();
  for (const [key, value] of system.cells) {
    if (isSmallCount(value, threshold)) result.set(key, 'primary');
  }
  if (result.size === 0) return result;
  const hidden = new Set(result.keys());
  for (;;) {
    const exposed = determinedCells(system.relations, hidden);
    if (exposed.length === 0) break;
    const next = complementFor(exposed[0]!, system, hidden);
    if (next === undefined) break;
    hidden.add(next);
    result.set(next, 'secondary');
  }
  return result;
}
