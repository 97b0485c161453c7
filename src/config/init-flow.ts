// The questions of `cter init`: answers come from options, from prompts on a terminal, or from the defaults (--ja).
// Without a terminal and without --ja every answer must be given as an option: a script never hangs on a question.
import { confirm, input, search, select } from '@inquirer/prompts';
import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Regio } from '../domain.js';
import { loadReference, regioOfFout, withSuggestions, type Reference } from '../reference/index.js';
import { UsageError } from '../util/errors.js';
import { CONFIG_FILE } from './index.js';
import { dutch, dutchConfirm } from '../util/prompt-theme.js';
import { TLP_LABELS } from './schema.js';
import { validateConfig } from './validate.js';
import { createWorkspace, DEFAULT_ANSWERS, type Gebied, type InitAnswers, type WorkspaceResult } from './workspace.js';
import { normaliseName } from '../reference/normalise.js';

export interface InitOptions {
  ja?: boolean;
  forceer?: boolean;
  regio?: string;
  gemeenten?: string;
  naam?: string;
  rubricering?: string;
  tlp?: string;
  drempel?: string;
  data?: string;
  notities?: string;
  templates?: boolean;
  organisatie?: string;
  auteur?: string;
  contact?: string;
  verspreiding?: string;
}

/** The cover fields init asks for (all optional: an empty answer leaves the field off the cover). */
const OMSLAG_VRAGEN = [
  ['organisatie', "Organisatie op het voorblad (bijv. 'Gemeente Zaanstad'; leeg: geen):"],
  ['auteur', "Auteur van de rapporten (bijv. 'J. de Vries, analist CTER'; leeg: geen):"],
  ['contact', 'Contact voor vragen (e-mailadres of telefoonnummer; leeg: geen):'],
  ['verspreiding', "Verspreidingslijst, gescheiden door puntkomma's (bijv. 'Burgemeester; driehoek'; leeg: geen):"],
] as const;

export type InitOutcome =
  | { gemaakt: true; map: string; antwoorden: InitAnswers; resultaat: WorkspaceResult }
  | { gemaakt: false; map: string };

/** Prompts talk on stderr: stdout stays for data. */
const PROMPT = { output: process.stderr };
const DEFAULT_GEBIEDSNAAM = 'Werkgebied';

/**
 * Splits a list of gemeenten on commas or semicolons, keeping names that contain a comma together
 * ("Nuenen, Gerwen en Nederwetten"): at each position the longest run of pieces that is a known gemeente wins.
 */
export function parseGemeenten(text: string, ref: Reference): { ok: true; namen: string[] } | { ok: false; reden: string } {
  const pieces = text.split(/[,;]/).map((p) => p.trim());
  const namen: string[] = [];
  for (let i = 0; i < pieces.length; ) {
    if (!pieces[i]) {
      i++;
      continue;
    }
    let taken = 0;
    for (let j = Math.min(pieces.length, i + 4); j > i && taken === 0; j--) {
      const match = ref.resolveGemeente(pieces.slice(i, j).join(','));
      if (match.ok) {
        namen.push(match.gemeente.naam);
        taken = j - i;
      }
    }
    if (taken === 0) {
      const match = ref.resolveGemeente(pieces[i]!);
      return { ok: false, reden: match.ok ? '' : withSuggestions(match.reden, match.suggesties) };
    }
    i += taken;
  }
  if (namen.length === 0) return { ok: false, reden: 'geen gemeente opgegeven.' };
  return { ok: true, namen: [...new Set(namen)] };
}

function gebiedVanGemeenten(namen: string[], naam: string): Gebied {
  return namen.length === 1 ? { gemeente: namen[0]! } : { eigenRegio: { naam, gemeenten: namen } };
}

function checkGebiedsnaam(naam: string, ref: Reference): string | undefined {
  if (!normaliseName(naam)) return 'geef een naam';
  const bestaand = ref.resolveRegio(naam);
  return bestaand.ok ? `'${naam}' is al de naam van een regio (${bestaand.regio.code}); kies een andere naam` : undefined;
}

/** Answers given as options, checked. */
function answersFromOptions(options: InitOptions, ref: Reference): Partial<InitAnswers> {
  const answers: Partial<InitAnswers> = {};
  if (options.regio !== undefined && options.gemeenten !== undefined) {
    throw new UsageError('geef --regio of --gemeenten, niet allebei.');
  }
  if (options.regio !== undefined) {
    answers.gebied = { regio: regioOfFout(ref, options.regio, 'optie --regio').naam };
  }
  if (options.gemeenten !== undefined) {
    const parsed = parseGemeenten(options.gemeenten, ref);
    if (!parsed.ok) throw new UsageError(`optie --gemeenten: ${parsed.reden}`);
    const naam = options.naam ?? DEFAULT_GEBIEDSNAAM;
    const problem = parsed.namen.length > 1 ? checkGebiedsnaam(naam, ref) : undefined;
    if (problem) throw new UsageError(`optie --naam: ${problem}.`);
    answers.gebied = gebiedVanGemeenten(parsed.namen, naam);
  } else if (options.naam !== undefined) {
    throw new UsageError('optie --naam hoort bij --gemeenten (de naam van het gebied van meerdere gemeenten).');
  }
  const drempel = options.drempel === undefined ? undefined : drempelWaarde(options.drempel);
  const { values, problems } = validateConfig({ rubricering: options.rubricering, tlp: options.tlp, drempel });
  if (problems.length > 0) throw new UsageError(problems.map((p) => `optie --${p.key}: ${p.melding}`).join('\n'));
  if (values.rubricering !== undefined) answers.rubricering = values.rubricering;
  if (values.tlp !== undefined) answers.tlp = values.tlp;
  if (values.drempel !== undefined) answers.drempel = values.drempel;
  for (const key of ['data', 'notities'] as const) {
    const value = options[key];
    if (value !== undefined && value.trim() === '') throw new UsageError(`optie --${key} mist een map.`);
  }
  if (options.data !== undefined) answers.signalen = options.data.trim();
  if (options.notities !== undefined) answers.notities = options.notities.trim();
  if (options.templates !== undefined) answers.templates = options.templates;
  for (const [key] of OMSLAG_VRAGEN) {
    const value = options[key]?.trim();
    if (value) answers.omslag = { ...answers.omslag, [key]: value };
  }
  return answers;
}

/** Regions to pick from: the Noord-Holland ones first (the first users), then the veiligheidsregio's by code. */
function regioKeuzes(ref: Reference, term: string | undefined) {
  const key = normaliseName(term ?? '');
  const first = (r: Regio) => (r.soort === 'veiligheidsregio' ? 1 : 0);
  return [...ref.regios]
    .sort((a, b) => first(a) - first(b))
    .filter((r) => !key || normaliseName(`${r.naam} ${r.code} ${r.soort}`).includes(key))
    .map((r) => ({ value: r.naam, name: `${r.naam} (${r.code === r.naam ? r.soort : `${r.code}, ${r.soort}`}, ${r.gemeenten.length} gemeenten)` }));
}

const TLP_UITLEG: Record<(typeof TLP_LABELS)[number], string> = {
  CLEAR: 'openbaar, zonder beperking',
  GREEN: 'binnen de eigen gemeenschap, niet openbaar',
  AMBER: 'binnen de eigen organisatie en partners die het nodig hebben',
  'AMBER+STRICT': 'alleen binnen de eigen organisatie',
  RED: 'alleen voor de ontvangers zelf',
};

async function askGebied(ref: Reference): Promise<Gebied | undefined> {
  const soort = await select(
    {
      message: 'Voor welk gebied maakt u het lokaal beeld?',
      theme: dutch,
      choices: [
        { value: 'regio', name: 'Een regio (veiligheidsregio, zorg- en veiligheidsregio, politie-eenheid)' },
        { value: 'gemeenten', name: 'Een of meer gemeenten' },
        { value: 'geen', name: 'Nog niet vastleggen (dan per opdracht --regio of --gemeente)' },
      ],
      default: 'geen',
    },
    PROMPT,
  );
  if (soort === 'regio') {
    const regio = await search({ theme: dutch, message: 'Welke regio? (typ om te zoeken)', source: (term) => regioKeuzes(ref, term) }, PROMPT);
    return { regio };
  }
  if (soort === 'gemeenten') {
    const text = await input(
      {
        message: "Welke gemeente(n)? (namen of CBS-codes, gescheiden door komma's)",
        theme: dutch,
        validate: (value) => {
          const parsed = parseGemeenten(value, ref);
          return parsed.ok || parsed.reden;
        },
      },
      PROMPT,
    );
    const parsed = parseGemeenten(text, ref);
    const namen = parsed.ok ? parsed.namen : [];
    const naam =
      namen.length > 1
        ? await input(
            {
              message: 'Naam voor dit gebied van meerdere gemeenten:',
              theme: dutch,
              default: DEFAULT_GEBIEDSNAAM,
              validate: (value) => checkGebiedsnaam(value.trim(), ref) ?? true,
            },
            PROMPT,
          )
        : DEFAULT_GEBIEDSNAAM;
    return gebiedVanGemeenten(namen, naam.trim());
  }
  return undefined;
}

async function askRubricering(): Promise<string> {
  const standaard = DEFAULT_ANSWERS.rubricering;
  const keuzes = [standaard, 'Intern', 'Openbaar'].filter((v, i, all) => all.indexOf(v) === i);
  const keuze = await select(
    {
      message: 'Welke rubricering komt op elke pagina?',
      theme: dutch,
      choices: [...keuzes.map((value) => ({ value, name: value })), { value: '', name: 'Anders...' }],
      default: standaard,
    },
    PROMPT,
  );
  if (keuze) return keuze;
  const eigen = await input({ theme: dutch, message: 'Rubricering:', validate: (v) => v.trim() !== '' || 'geef een rubricering' }, PROMPT);
  return eigen.trim();
}

async function askMissing(preset: Partial<InitAnswers>, ref: Reference): Promise<InitAnswers> {
  const gebied = 'gebied' in preset ? preset.gebied : await askGebied(ref);
  const rubricering = preset.rubricering ?? (await askRubricering());
  const tlp =
    preset.tlp ??
    (await select(
      {
        message: 'Welk TLP-label komt op elke pagina?',
        theme: dutch,
        choices: TLP_LABELS.map((value) => ({ value, name: `${value}: ${TLP_UITLEG[value]}` })),
        default: DEFAULT_ANSWERS.tlp,
      },
      PROMPT,
    ));
  const drempel =
    preset.drempel ??
    Number(
      await input(
        {
          message: "Drempel voor kleine aantallen (onderdrukt in rapporten met rubricering 'Openbaar'):",
          default: String(DEFAULT_ANSWERS.drempel),
          validate: (value) => validDrempel(value) ?? true,
          theme: dutch,
        },
        PROMPT,
      ),
    );
  const folder = (message: string, standaard: string) =>
    input({ theme: dutch, message, default: standaard, validate: (v) => v.trim() !== '' || 'geef een map' }, PROMPT).then((v) => v.trim());
  const signalen = preset.signalen ?? (await folder('Map met de signaalexports (CSV):', DEFAULT_ANSWERS.signalen));
  const notities = preset.notities ?? (await folder('Map met de trendnotities (CSV):', DEFAULT_ANSWERS.notities));
  const templates =
    preset.templates ??
    (await confirm({ theme: dutchConfirm, message: 'Sjablonen van het rapport kopiëren naar templates/ om ze aan te passen?', default: false }, PROMPT));
  const omslag = { ...preset.omslag };
  for (const [key, message] of OMSLAG_VRAGEN) {
    if (omslag[key] === undefined) omslag[key] = (await input({ theme: dutch, message }, PROMPT)).trim();
  }
  return { ...(gebied ? { gebied } : {}), rubricering, tlp, drempel, signalen, notities, templates, omslag };
}

/** The Dutch problem with a typed threshold, if any (the same rule as in the configuration). */
function validDrempel(value: string): string | undefined {
  return validateConfig({ drempel: drempelWaarde(value) }).problems[0]?.melding;
}

/** A typed threshold: a number when it reads as one, else the text itself, so a problem quotes what was typed. */
function drempelWaarde(value: string): number | string {
  return /^\s*-?\d+(?:[.,]\d+)?\s*$/.test(value) ? Number(value.replace(',', '.')) : value.trim();
}

/** Without a terminal and without --ja, these options must all be given. */
function missingOptions(preset: Partial<InitAnswers>): string[] {
  const missing: string[] = [];
  if (!('gebied' in preset)) missing.push('--regio of --gemeenten');
  if (preset.rubricering === undefined) missing.push('--rubricering');
  if (preset.tlp === undefined) missing.push('--tlp');
  if (preset.drempel === undefined) missing.push('--drempel');
  if (preset.signalen === undefined) missing.push('--data');
  return missing;
}

export async function runInit(map: string | undefined, options: InitOptions, interactive: boolean): Promise<InitOutcome> {
  const dir = resolve(map ?? '.');
  const ref = loadReference();
  const preset = answersFromOptions(options, ref);
  const ask = interactive && !options.ja;

  const configFile = join(dir, CONFIG_FILE);
  const exists = await stat(configFile).then(
    () => true,
    () => false,
  );
  if (exists && !options.forceer) {
    if (!ask) throw new UsageError(`${configFile} bestaat al. Gebruik --forceer om het te overschrijven.`);
    const overschrijven = await confirm({ theme: dutchConfirm, message: `Er staat al een ${CONFIG_FILE} in ${dir}. Overschrijven?`, default: false }, PROMPT);
    if (!overschrijven) return { gemaakt: false, map: dir };
  }

  let answers: InitAnswers;
  if (options.ja) {
    answers = { ...DEFAULT_ANSWERS, ...preset };
  } else if (ask) {
    answers = await askMissing(preset, ref);
  } else {
    const missing = missingOptions(preset);
    if (missing.length > 0) {
      throw new UsageError(
        `cter init stelt vragen en heeft daarvoor een terminal nodig. Geef --ja om de standaardwaarden te gebruiken ` +
          `(opties gaan voor), of geef alle antwoorden als opties; nu ontbreekt: ${missing.join(', ')}.`,
      );
    }
    answers = { ...DEFAULT_ANSWERS, ...preset };
  }
  return { gemaakt: true, map: dir, antwoorden: answers, resultaat: await createWorkspace(dir, answers) };
}
