// `cter init`: writes an analyst's workspace: a documented cter.config.json (with a JSON Schema beside it, so editors
// explain and check every key), a README, the folders, and a .gitignore that keeps personal data out of git.
import { cp, mkdir, readFile, stat } from 'node:fs/promises';
import { isAbsolute, join, normalize, relative, sep } from 'node:path';
import { writeFileAtomic } from '../util/atomic-write.js';
import { CterError } from '../util/errors.js';
import { PACKAGE_TEMPLATES } from '../util/package.js';
import { CONFIG_FILE, PRIVE_MAP } from './index.js';
import { configKeysMarkdown, DEFAULTS, jsonSchema, SCHEMA_KEY, TLP_LABELS } from './schema.js';
import type { CterConfig, EigenRegio } from './cter-config.js';

const SCHEMA_FILE = 'cter.config.schema.json';
const README_FILE = 'README-werkmap.md';

export type Gebied = { regio: string } | { gemeente: string } | { eigenRegio: EigenRegio };

export interface InitAnswers {
  /** Undefined: no default area; each command then needs --regio or --gemeente. */
  gebied?: Gebied;
  rubricering: string;
  tlp: (typeof TLP_LABELS)[number];
  drempel: number;
  /** Folders as the analyst typed them, relative to the workspace unless absolute. */
  signalen: string;
  notities: string;
  templates: boolean;
  /** Cover of every report: organisation, author, contact and distribution list (optional). */
  omslag?: Partial<Pick<CterConfig, 'organisatie' | 'auteur' | 'contact' | 'verspreiding'>>;
}

export const DEFAULT_ANSWERS: InitAnswers = {
  rubricering: DEFAULTS.rubricering,
  tlp: DEFAULTS.tlp,
  drempel: DEFAULTS.drempel,
  signalen: 'data/signalen',
  notities: 'data/notities',
  templates: false,
};

/** Paths are written with forward slashes, so the file works on every system. */
const portable = (path: string) => (isAbsolute(path) ? path : normalize(path).split(sep).join('/'));

/** The configuration file's content: only what init decided, the rest stays default (see README-werkmap.md). */
export function workspaceConfig(answers: InitAnswers): Record<string, unknown> {
  const gebied = answers.gebied;
  const config: Record<string, unknown> = { [SCHEMA_KEY]: `./${SCHEMA_FILE}` };
  if (gebied && 'regio' in gebied) config.regio = gebied.regio;
  if (gebied && 'gemeente' in gebied) config.gemeente = gebied.gemeente;
  if (gebied && 'eigenRegio' in gebied) {
    config.regio = gebied.eigenRegio.naam;
    config.regios = [gebied.eigenRegio];
  }
  const values: Partial<CterConfig> = {
    signalen: [portable(answers.signalen)],
    notities: [portable(answers.notities)],
    uitvoer: DEFAULTS.uitvoer,
    rubricering: answers.rubricering,
    tlp: answers.tlp,
    drempel: answers.drempel,
    beoordelingen: DEFAULTS.beoordelingen,
    ...(answers.templates ? { templates: 'templates' } : {}),
    ...Object.fromEntries(Object.entries(answers.omslag ?? {}).filter(([, v]) => v !== undefined && v.trim() !== '')),
  };
  return { ...config, ...values };
}

/** A path inside the workspace (relative, not escaping it), as its first folder, e.g. "data". */
function insideFirstSegment(path: string): string | undefined {
  if (isAbsolute(path)) return undefined;
  const parts = normalize(path).split(sep).filter(Boolean);
  return parts[0] && parts[0] !== '..' ? parts[0] : undefined;
}

/**
 * An allow-list: ignore everything, then allow only what holds no personal data: the configuration and its schema,
 * the workspace README and docs, templates and a taxonomy. Exports, reports, decisions, rejected rows and a review
 * export written anywhere in the workspace stay out of version control, whatever their name or folder.
 */
export function gitignoreLines(): string[] {
  return [
    '*',
    '!*/',
    '!/.gitignore',
    `!/${CONFIG_FILE}`,
    `!/${SCHEMA_FILE}`,
    `!/${README_FILE}`,
    '!/*taxonomie*.json',
    '!/docs/**/*.md',
    '!/templates/**/*.hbs',
    '!/templates/**/*.css',
  ];
}

/** Adds the lines the workspace needs to an existing .gitignore, keeping what is there. */
export function mergeGitignore(existing: string, lines: string[]): string {
  const present = new Set(existing.split(/\r?\n/).map((l) => l.trim()));
  const missing = lines.filter((l) => !present.has(l));
  if (missing.length === 0) return existing;
  const header =
    '# cter: alles buiten versiebeheer behalve instellingen, sjablonen, taxonomie en documentatie; signalen, uitvoer,\n' +
    '# beoordelingen en exports bevatten bijzondere persoonsgegevens.';
  const prefix = existing === '' ? '' : existing.endsWith('\n') ? `${existing}\n` : `${existing}\n\n`;
  return `${prefix}${header}\n${missing.join('\n')}\n`;
}

/** README-werkmap.md: the layout of the workspace and every configuration key. */
function werkmapReadme(answers: InitAnswers): string {
  return `# Werkmap lokaal beeld CTER

Deze map is aangemaakt met \`cter init\`. Alle cter-opdrachten die u in deze map (of een submap) uitvoert, gebruiken
\`${CONFIG_FILE}\`. Bekijk de geldende instellingen en hun herkomst met \`cter config\`.

## Indeling
- \`${portable(answers.signalen)}/\`: de signaalexports (CSV). Elk .csv-bestand in deze map wordt gelezen.
- \`${portable(answers.notities)}/\`: trendnotities (CSV).
- \`${DEFAULTS.uitvoer}/\`: rapporten en andere uitvoer.
- \`${PRIVE_MAP}/\`: privébestanden, zoals de wachtrij van \`cter review --exporteer\` (met omschrijvingen).
- \`${DEFAULTS.beoordelingen}\`: uw beoordelingen uit \`cter review\` (wordt aangemaakt bij de eerste beoordeling).${
    answers.templates ? '\n- `templates/`: uw eigen versies van de sjablonen van het rapport.' : ''
  }
- \`${SCHEMA_FILE}\`: beschrijving van de instellingen; editors als VS Code tonen daarmee uitleg en controleren de waarden.

- \`prive/\`: de privémap: afgewezen invoerregels (met omschrijvingen en persoonssleutels); nooit bij een rapport.

Signalen, uitvoer, beoordelingen en alles in \`prive/\` bevatten bijzondere persoonsgegevens. \`.gitignore\` laat alleen
de instellingen, sjablonen, taxonomie en documentatie toe in versiebeheer (al het andere blijft erbuiten, ook een
exportbestand van \`cter review\` waar u het ook neerzet); bewaar en deel deze map alleen binnen de afgesproken omgeving.

## Instellingen in ${CONFIG_FILE}
Paden zijn relatief aan deze map. Volgorde: standaard < dit bestand < omgevingsvariabele < opdrachtoptie. Een onbekende
sleutel of een verkeerd type geeft een foutmelding met de naam van de sleutel.

${configKeysMarkdown()}`;
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

export interface WorkspaceResult {
  /** Files and folders written or created, relative to the workspace. */
  geschreven: string[];
  /** Data folders outside the workspace that do not exist (yet). */
  ontbrekend: string[];
}

/** Writes the workspace. Overwriting an existing config is the caller's decision (ask or --forceer). */
export async function createWorkspace(dir: string, answers: InitAnswers): Promise<WorkspaceResult> {
  const geschreven: string[] = [];
  const ontbrekend: string[] = [];
  const write = async (name: string, content: string) => {
    await writeFileAtomic(join(dir, name), content);
    geschreven.push(name);
  };
  await mkdir(dir, { recursive: true });
  await write(CONFIG_FILE, `${JSON.stringify(workspaceConfig(answers), null, 2)}\n`);
  await write(SCHEMA_FILE, `${JSON.stringify(jsonSchema(), null, 2)}\n`);
  await write(README_FILE, werkmapReadme(answers));
  const gitignore = join(dir, '.gitignore');
  const before = (await exists(gitignore)) ? await readFile(gitignore, 'utf8') : '';
  const after = mergeGitignore(before, gitignoreLines());
  if (after !== before) await write('.gitignore', after);

  for (const folder of [answers.signalen, answers.notities, DEFAULTS.uitvoer, DEFAULTS.duiding]) {
    const full = isAbsolute(folder) ? folder : join(dir, folder);
    if (insideFirstSegment(folder) !== undefined) {
      if (!(await exists(full))) geschreven.push(`${portable(relative(dir, full))}/`);
      await mkdir(full, { recursive: true });
    } else if (!(await exists(full))) {
      ontbrekend.push(full);
    }
  }
  if (answers.templates) {
    if (!(await exists(PACKAGE_TEMPLATES))) {
      throw new CterError(`de standaardsjablonen ontbreken in de installatie van cter (${PACKAGE_TEMPLATES}).`);
    }
    // Never overwrite templates the analyst already changed.
    await cp(PACKAGE_TEMPLATES, join(dir, 'templates'), { recursive: true, force: false, errorOnExist: false });
    geschreven.push('templates/');
  }
  return { geschreven, ontbrekend };
}
