// The workspace's private folder: every file cter writes that can hold descriptions or person keys (a review export,
// rejected input rows) lands here by default, never beside a report. The workspace's .gitignore keeps it out of
// version control (src/config/workspace.ts).
import { join } from 'node:path';
import type { LoadedConfig } from './types.js';

/** The folder's name inside the workspace (the folder of cter.config.json). */
export const PRIVE_MAP = 'prive';

/** The private folder of the workspace whose configuration is loaded (without a file: the working folder). */
export function priveMap(config: Pick<LoadedConfig, 'baseDir'>): string {
  return join(config.baseDir, PRIVE_MAP);
}

/** A file in the private folder. */
export function privePad(config: Pick<LoadedConfig, 'baseDir'>, naam: string): string {
  return join(priveMap(config), naam);
}
