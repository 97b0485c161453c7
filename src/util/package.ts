// What cter knows about its own installation: its version and the data and templates it ships with. Paths are resolved from
// this file, which lies two folders below the package root both as source (src/util) and as build (dist/util).
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/** cter's own version (package.json), for `--version`, reports and trend summaries. */
export function cterVersie(): string {
  return (createRequire(import.meta.url)('../../package.json') as { version: string }).version;
}

/** The templates folder shipped with cter (a workspace may override its files). */
export const PACKAGE_TEMPLATES = fileURLToPath(new URL('../../templates/', import.meta.url));

/** The taxonomy shipped with cter (a workspace may extend or replace it). */
export const BUILT_IN_TAXONOMY = fileURLToPath(new URL('../../data/taxonomie.json', import.meta.url));

/** The colours and font of the report's charts and map. */
export const PACKAGE_THEME = fileURLToPath(new URL('../../data/thema.json', import.meta.url));
