import { defineConfig } from 'vitest/config';
import LangsteEerst from './tests/setup/sequencer.js';

// One set of test files (unit, end-to-end, browser) on two workers, longest file first (tests/setup/sequencer.ts), so
// both workers stay busy until the end. `npm run test:snel` runs tests/unit and tests/e2e alone, `npm run test:browser`
// tests/browser (everything that prints a PDF with Chromium); `npx vitest run` everything (README, "Tests").
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/e2e/**/*.test.ts', 'tests/browser/**/*.test.ts'],
    // End-to-end tests run bin/cter (and a real browser); they need room, not speed.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // In-process CLI runs change the working folder (process.chdir), which worker threads cannot.
    pool: 'forks',
    // Two cores: two workers (vitest's default is one fewer than the cores). End-to-end tests wait on Chromium,
    // terminals and child processes, so the second worker is rarely idle.
    maxWorkers: 2,
    // One process per worker for all its files, modules loaded once: no test changes global state it does not
    // restore (the in-process CLI runner restores the working folder, environment, TTY flags and exit code). One set
    // of files rather than two vitest projects: a worker serves the files of one project only, so two projects meant
    // four worker start-ups and every browser file before any other.
    isolate: false,
    // Each worker keeps one Chromium for every PDF printed in it (tests/setup/shared-browser.ts); a worker that prints
    // none never starts one.
    setupFiles: ['tests/setup/shared-browser.ts'],
    sequence: { sequencer: LangsteEerst },
    // Builds dist/ when src/ is newer, before any test runs bin/cter.
    globalSetup: ['tests/setup/build.ts'],
    // Keeps the transformed sources between runs (node_modules/.experimental-vitest-cache, keyed by each file's content
    // and the configuration): a run after the first transforms only what changed.
    experimental: { fsModuleCache: true },
  },
});
