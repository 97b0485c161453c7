// End-to-end: the exit-code contract's cells that run the real bin/cter process (every Ctrl-C, and one cell per exit
// code), as the shell sees them; README "Afsluitcodes", the scenarios in tests/e2e/afsluitcodes-scenarios.ts, the
// table check and the in-process cells in tests/e2e/afsluitcodes.test.ts. The Ctrl-C scenarios mostly wait (for a
// terminal, a prompt, an exit), so they run side by side.
import { beforeAll, describe, it } from 'vitest';
import { cellen, voerUit, werkmappen } from './afsluitcodes-scenarios.js';

beforeAll(() => werkmappen(true), 120_000);

describe('README "Afsluitcodes": the real process (every Ctrl-C and one cell per exit code), side by side', { concurrent: true }, async () => {
  for (const cel of await cellen(true)) {
    it(`cter ${cel.opdracht}, ${cel.kolom}: ${cel.verwacht}`, ({ expect }) => voerUit(cel, expect), 60_000);
  }
});
