import { defineConfig } from 'vitest/config';

// Two projects: `snel` (unit tests and end-to-end tests without a browser) and `browser` (everything that renders a
// PDF with Chromium). `npx vitest run` runs both; `npx vitest run --project snel` the fast part alone (README, "Tests").
export default defineConfig({
  test: {
    // End-to-end tests run bin/cter (and a real browser); they need room, not speed.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // In-process CLI runs change the working folder (process.chdir), which worker threads cannot.
    pool: 'forks',
    // Two cores: two workers (vitest's default is one fewer than the cores). End-to-end tests wait on Chromium,
    // terminals and child processes, so the second worker is rarely idle.
    maxWorkers: 2,
    // Builds dist/ when src/ is newer, before any test runs bin/cter.
    globalSetup: ['tests/setup/build.ts'],
    projects: [
      {
        extends: true,
        // One process per worker for all its files, modules loaded once: no test here changes global state it does not
        // restore (the in-process CLI runner restores the working folder, environment, TTY flags and exit code).
        test: { name: 'snel', include: ['tests/unit/**/*.test.ts', 'tests/e2e/**/*.test.ts'], isolate: false },
      },
      // Not isolated either, so each worker keeps one Chromium for all its files (tests/setup/shared-browser.ts).
      {
        extends: true,
        test: { name: 'browser', include: ['tests/browser/**/*.test.ts'], isolate: false, setupFiles: ['tests/setup/shared-browser.ts'] },
      },
    ],
  },
});
