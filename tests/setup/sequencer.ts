// The order in which the test files start (vitest.config.ts `sequence.sequencer`): longest first, whatever its folder,
// so the two workers finish together (longest-processing-time-first scheduling). The duration is the file's from the
// previous run (vitest's cache in node_modules/.vite); a file the cache does not know yet (a fresh clone, `npm ci`, a
// new file) gets its duration on the quiet machine when it is one of the long files listed below, else an estimate
// from its folder: the browser files and the end-to-end files that start real cter processes are the long ones.
// Vitest's own order would put every file of one folder group before any other, and files it has no duration for by
// size, which started the two longest end-to-end files last.
import { statSync } from 'node:fs';
import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Milliseconds of the long files on the quiet machine (approximate, 30 November 2026), for a run without vitest's
 * cache: started last, one of them would leave the other worker idle at the end.
 */
const LANG: Record<string, number> = {
  'tests/browser/in-proces.test.ts': 30_000, // four files' tests one after another, beside the other worker's files
  'tests/e2e/afsluitcodes-echt.test.ts': 20_000,
  'tests/browser/batch-afbreken.test.ts': 15_000,
  'tests/browser/voorbeeld.test.ts': 12_000,
  'tests/unit/parallel-classificatie.test.ts': 11_000,
  'tests/e2e/afsluitcodes.test.ts': 10_000,
  'tests/e2e/review.test.ts': 8_000,
};

/** Estimated milliseconds of a file without a cached duration or a LANG entry, by folder. */
const SCHATTING: [RegExp, number][] = [
  [/^tests\/browser\//, 10_000],
  [/^tests\/e2e\//, 3_000],
  [/^tests\//, 500],
];

export default class LangsteEerst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const root = this.ctx.config.root;
    const duur = (spec: TestSpecification): number => {
      const pad = relative(root, spec.moduleId);
      const cached = this.ctx.cache.getFileTestResults(`${spec.project.name}:${pad}`)?.duration;
      if (cached !== undefined) return cached;
      if (LANG[pad] !== undefined) return LANG[pad];
      // Within a folder, a bigger file usually holds more tests: a tie-break of at most a few milliseconds.
      const schatting = SCHATTING.find(([re]) => re.test(pad))?.[1] ?? 500;
      return schatting + statSync(spec.moduleId).size / 10_000;
    };
    const gewogen = files.map((spec) => ({ spec, duur: duur(spec) }));
    return gewogen.sort((a, b) => b.duur - a.duur).map((x) => x.spec);
  }
}
