// Finds an installed Chrome, Chromium or Edge for rendering PDFs. cter never downloads a browser.
// Order: configuration key `browser`, then CTER_BROWSER, then PUPPETEER_EXECUTABLE_PATH, then the standard install
// locations of this platform.

import { accessSync, constants } from 'node:fs';
import { join } from 'node:path';
import { CterError } from '../util/errors.js';

export interface BrowserSearch {
  /** From the configuration (`browser`). */
  configured?: string;
  /** Where the configured value came from, for the error message; default the configuration key. */
  configuredSource?: string;
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  /** Whether a file exists and may be executed; replaceable for tests. */
  isExecutable?: (path: string) => boolean;
}

function executable(path: string): boolean {
  try {
    accessSync(path, process.platform === 'win32' ? constants.F_OK : constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Standard install locations, most likely first. */
function standardLocations(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string[] {
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter((r): r is string => !!r);
    return [
      ...roots.map((r) => join(r, 'Google', 'Chrome', 'Application', 'chrome.exe')),
      ...roots.map((r) => join(r, 'Microsoft', 'Edge', 'Application', 'msedge.exe')),
      ...roots.map((r) => join(r, 'Chromium', 'Application', 'chrome.exe')),
    ];
  }
  if (platform === 'darwin') {
    return [
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    ];
  }
  return [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/opt/google/chrome/chrome',
    '/usr/bin/microsoft-edge',
    '/usr/bin/microsoft-edge-stable',
    '/snap/bin/chromium',
  ];
}

const INSTALL_HINT =
  "Installeer Chromium (Debian/Ubuntu: 'sudo apt-get install chromium'), Google Chrome of Microsoft Edge, " +
  "of wijs een browser aan met de configuratiesleutel 'browser' (cter.config.json) of de omgevingsvariabele " +
  "CTER_BROWSER. Zonder browser kan cter wel HTML maken: --formaat html.";

/** Describes where the configuration's `browser` value came from (see LoadedConfig.sources). */
export function browserSource(source: string | undefined): string {
  if (source === 'omgeving') return 'de omgevingsvariabele CTER_BROWSER';
  if (source === 'optie') return "de optie 'browser'";
  return source && source !== 'standaard' ? `de configuratiesleutel 'browser' in ${source}` : "de configuratiesleutel 'browser'";
}

/** The browser to use, or a Dutch error (exit 2) that says how to install or configure one. */
export function findBrowser(search: BrowserSearch = {}): string {
  const env = search.env ?? process.env;
  const platform = search.platform ?? process.platform;
  const isExecutable = search.isExecutable ?? executable;
  const explicit: [string | undefined, string][] = [
    [search.configured, search.configuredSource ?? "de configuratiesleutel 'browser'"],
    [env.CTER_BROWSER, 'de omgevingsvariabele CTER_BROWSER'],
    [env.PUPPETEER_EXECUTABLE_PATH, 'de omgevingsvariabele PUPPETEER_EXECUTABLE_PATH'],
  ];
  for (const [path, source] of explicit) {
    if (!path) continue;
    if (isExecutable(path)) return path;
    throw new CterError(`de browser '${path}' uit ${source} bestaat niet of is niet uitvoerbaar. ${INSTALL_HINT}`);
  }
  const found = standardLocations(platform, env).find(isExecutable);
  if (found) return found;
  throw new CterError(`geen browser gevonden om de PDF te maken (Chrome, Chromium of Edge). ${INSTALL_HINT}`);
}
