// End-to-end: the exit-code contract. README "Afsluitcodes" has one table (command x situation -> exit code); this
// test parses it and, with tests/e2e/afsluitcodes-echt.test.ts, runs the CLI in every situation the table names, so
// the documentation and the code cannot drift apart (the scenarios: tests/e2e/afsluitcodes-scenarios.ts). Here: the
// table against the scenarios, the guard that keeps at least one real process per command and per exit code, and
// every cell that runs the same program in-process (`cter`, tests/e2e/init-cli.ts; they take turns, one working
// folder per process). The real processes run in their own file, so both workers share the two halves.
import { beforeAll, describe, expect, it } from 'vitest';
import { cellen, readmeTabel, SCENARIOS, voerUit, werkmappen } from './afsluitcodes-scenarios.js';

beforeAll(() => werkmappen(false), 120_000);

describe('README "Afsluitcodes": every command in every situation', async () => {
  const { kolommen, codes } = await readmeTabel();

  it('the table names every command, and every number in it has a scenario here (and only those)', () => {
    expect([...codes.keys()].sort()).toEqual(Object.keys(SCENARIOS).sort());
    for (const [opdracht, perKolom] of codes) {
      const metCode = kolommen.filter((k) => perKolom.get(k) !== undefined).sort();
      expect([opdracht, Object.keys(SCENARIOS[opdracht]!).sort()]).toEqual([opdracht, metCode]);
    }
  });

  it('runs the real process at least once for every command and for every exit code', async () => {
    const echte = await cellen(true);
    expect(new Set(echte.map((s) => s.opdracht))).toEqual(new Set(codes.keys()));
    const alleCodes = new Set([...codes.values()].flatMap((perKolom) => [...perKolom.values()].filter((c) => c !== undefined)));
    expect(new Set(echte.map((s) => s.verwacht))).toEqual(alleCodes);
  });

  describe('every other situation (in-process)', async () => {
    for (const cel of await cellen(false)) {
      it(`cter ${cel.opdracht}, ${cel.kolom}: ${cel.verwacht}`, ({ expect }) => voerUit(cel, expect), 60_000);
    }
  });
});
