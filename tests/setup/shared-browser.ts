// Set-up of the browser project (vitest.config.ts): one Chromium per test worker for every PDF the tests print in
// that process (in-process `cter` runs and PdfRenderer tests), instead of a launch per command: starting Chromium
// costs more CPU than printing a report. puppeteer-core's `launch` hands out the worker's browser while it is
// connected and launched with the same executable and flags; `close()` on it closes the pages it opened, not the
// browser. A browser that crashed or was killed (tests/browser/in-proces/report-pdf.ts) is replaced at the next launch.
// The launch itself (flags, profile, no network, closing on Ctrl-C) is proved by the tests that run bin/cter as its
// own process: tests/browser/voorbeeld.test.ts and batch-afbreken.test.ts (Ctrl-C, without network).
// In-process runs take turns (tests/e2e/init-cli.ts) and a worker runs one file at a time, so one borrower at a time.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type LaunchOptions, type Page } from 'puppeteer-core';

interface Shared {
  browser: Promise<Browser>;
  key: string;
}

const MARK = Symbol.for('cter.test.sharedBrowser');
const state = globalThis as typeof globalThis & { [MARK]?: true };

if (!state[MARK]) {
  state[MARK] = true;
  const launch = puppeteer.launch.bind(puppeteer);
  // Named as cter names its profiles (src/util/leftovers.ts): when the worker is killed before its exit handler
  // runs, the next browser launch (of a test or of cter) removes it, since its pid is gone.
  const profile = mkdtempSync(join(tmpdir(), `cter-chromium-${process.pid}-`));
  process.on('exit', () => rmSync(profile, { recursive: true, force: true }));
  let shared: Shared | undefined;

  const keyOf = (options: LaunchOptions) => JSON.stringify([options.executablePath, options.headless, options.args]);

  /** The browser as a launch returns it, but its close() only closes what this borrower opened. */
  async function borrow(browser: Browser): Promise<Browser> {
    const before = new Set<Page>(await browser.pages());
    browser.close = async () => {
      const pages = await browser.pages().catch((): Page[] => []);
      await Promise.all(pages.filter((p) => !before.has(p)).map((p) => p.close().catch(() => undefined)));
    };
    return browser;
  }

  // Replaced on the one PuppeteerNode instance that every import of puppeteer-core (src/report/pdf.ts too) shares.
  (puppeteer as { launch: typeof launch }).launch = async (options: LaunchOptions = {}): Promise<Browser> => {
    const key = keyOf(options);
    if (shared && shared.key === key) {
      const browser = await shared.browser.catch(() => undefined);
      if (browser?.connected) return borrow(browser);
    }
    if (shared && shared.key !== key) return launch(options); // another browser or other flags: its own, as asked
    // The worker's browser gets the worker's profile folder; the caller's (empty) one is removed by the caller.
    shared = { key, browser: launch({ ...options, userDataDir: profile, handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false }) };
    return borrow(await shared.browser);
  };
}
