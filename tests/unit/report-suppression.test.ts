import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { suppress, type CellSystem, type Relation } from '../../src/report/suppression.js';

// Independent check, written differently from the implementation: exact (BigInt, fraction-free) rank computation.
// A hidden cell k can be recovered from the visible cells iff removing its column lowers the rank of the relations'
// coefficient matrix over the hidden cells (its column is not a combination of the other hidden columns).
function rank(matrix: bigint[][]): number {
  const m = matrix.map((row) => [...row]);
  const width = m[0]?.length ?? 0;
  let r = 0;
  for (let c = 0; c < width && r < m.length; c++) {
    const p = m.findIndex((row, i) => i >= r && row[c] !== 0n);
    if (p < 0) continue;
    [m[r], m[p]] = [m[p]!, m[r]!];
    for (let i = r + 1; i < m.length; i++) {
      const f = m[i]![c]!;
      if (f === 0n) continue;
      const pv = m[r]![c]!;
      m[i] = m[i]!.map((v, j) => v * pv - f * m[r]![j]!);
    }
    r++;
  }
  return r;
}

function recoverable(relations: Relation[], hidden: string[]): string[] {
  const matrix = (cols: string[]) =>
    relations.map((rel) =>
      cols.map((k) => BigInt(rel.parts.filter((p) => p === k).length - (rel.total === k ? 1 : 0))),
    );
  const full = rank(matrix(hidden));
  return hidden.filter((k) => rank(matrix(hidden.filter((h) => h !== k))) < full);
}

/** A table with row totals, column totals and a grand total, as the report's cross tables have. */
function crossTable(values: number[][], prefix = 'c'): CellSystem {
  const cells = new Map<string, number>();
  const relations: Relation[] = [];
  const cols = values[0]?.length ?? 0;
  values.forEach((row, i) => {
    row.forEach((v, j) => cells.set(`${prefix}${i}_${j}`, v));
    cells.set(`${prefix}R${i}`, row.reduce((a, b) => a + b, 0));
    relations.push({ total: `${prefix}R${i}`, parts: row.map((_, j) => `${prefix}${i}_${j}`) });
  });
  for (let j = 0; j < cols; j++) {
    cells.set(`${prefix}C${j}`, values.reduce((a, row) => a + row[j]!, 0));
    relations.push({ total: `${prefix}C${j}`, parts: values.map((_, i) => `${prefix}${i}_${j}`) });
  }
  cells.set('T', [...cells.entries()].filter(([k]) => k.startsWith(`${prefix}R`)).reduce((a, [, v]) => a + v, 0));
  relations.push({ total: 'T', parts: values.map((_, i) => `${prefix}R${i}`) });
  relations.push({ total: 'T', parts: Array.from({ length: cols }, (_, j) => `${prefix}C${j}`) });
  return { cells, relations };
}

/** Adds a one-way breakdown of the grand total T (as the report's per-type, per-bron and per-ernst tables are). */
function withBreakdown(system: CellSystem, parts: number[], name: string): CellSystem {
  const cells = new Map(system.cells);
  const total = cells.get('T')!;
  const rest = total - parts.reduce((a, b) => a + b, 0);
  const all = rest >= 0 ? [...parts, rest] : [total];
  all.forEach((v, i) => cells.set(`${name}${i}`, v));
  return { cells, relations: [...system.relations, { total: 'T', parts: all.map((_, i) => `${name}${i}`) }] };
}

const smallish = fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 40 }));
const table = fc
  .tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }))
  .chain(([r, c]) => fc.array(fc.array(smallish, { minLength: c, maxLength: c }), { minLength: r, maxLength: r }));

function checkProtected(system: CellSystem, threshold: number) {
  const hidden = suppress(system, threshold);
  for (const [key, value] of system.cells) {
    if (value > 0 && value < threshold) expect(hidden.get(key)).toBe('primary');
  }
  expect(recoverable([...system.relations], [...hidden.keys()])).toEqual([]);
  for (const rel of system.relations) {
    const hiddenMembers = [rel.total, ...rel.parts].filter((k) => hidden.has(k));
    expect(hiddenMembers.length).not.toBe(1);
  }
}

describe('suppress', () => {
  it('hides a small count and the next-smallest cell of its row; the total stays', () => {
    const system: CellSystem = {
      cells: new Map([
        ['a', 3],
        ['b', 10],
        ['c', 12],
        ['T', 25],
      ]),
      relations: [{ total: 'T', parts: ['a', 'b', 'c'] }],
    };
    const hidden = suppress(system, 5);
    expect([...hidden.entries()]).toEqual([
      ['a', 'primary'],
      ['b', 'secondary'],
    ]);
  });

  it('leaves zeros and counts at the threshold visible', () => {
    const system: CellSystem = {
      cells: new Map([
        ['a', 0],
        ['b', 5],
        ['T', 5],
      ]),
      relations: [{ total: 'T', parts: ['a', 'b'] }],
    };
    expect(suppress(system, 5).size).toBe(0);
  });

  it('catches a cell that only a combination of relations gives away (a bridge between two hidden cycles)', () => {
    // Two 2x2 blocks of small counts joined by one small count at (0,2): every row and column holds at least two
    // hidden cells, yet the joining cell follows from adding the rows of the first block and subtracting its columns.
    const values = [
      [2, 2, 3, 20],
      [2, 2, 20, 20],
      [20, 20, 2, 2],
      [20, 20, 2, 2],
    ];
    const system = crossTable(values);
    const hidden = suppress(system, 5);
    expect(recoverable([...system.relations], [...hidden.keys()])).toEqual([]);
  });

  it('protects every hidden cell of a cross table with margins (property)', () => {
    fc.assert(
      fc.property(table, fc.integer({ min: 2, max: 10 }), (values, threshold) => {
        checkProtected(crossTable(values), threshold);
      }),
      { numRuns: 300 },
    );
  });

  it('protects linked tables that share the grand total (property)', () => {
    fc.assert(
      fc.property(
        table,
        fc.array(smallish, { maxLength: 5 }),
        fc.array(smallish, { maxLength: 4 }),
        (values, parts1, parts2) => {
          const system = withBreakdown(withBreakdown(crossTable(values), parts1, 'x'), parts2, 'y');
          checkProtected(system, 5);
        },
      ),
      { numRuns: 300 },
    );
  });
});
