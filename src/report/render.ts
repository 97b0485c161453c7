// Handlebars rendering of the report. Templates are data: templates/ in the package (layout.hbs, kop.hbs, voet.hbs,
// rapport.css, partials/*.hbs); a workspace folder (config key `templates`) may override any of those files.
// Everything from the model is escaped by Handlebars' {{...}}: a trend note with <script> or {{...}} stays literal text
// (Handlebars never evaluates data as a template).

import Handlebars from 'handlebars';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { FileError } from '../util/errors.js';
import { PACKAGE_TEMPLATES } from '../util/package.js';
import type { ReportCharts } from './charts.js';
import { kaartSvg } from './kaart-svg.js';
import { KLEIN_AANTAL } from './kernpunten.js';
import type { ReportModel } from './model-types.js';

type Render = (context: object, options?: Handlebars.RuntimeOptions) => string;

export interface Templates {
  layout: Render;
  /** Page header and footer for the PDF (Chromium's headerTemplate/footerTemplate). */
  kop: Render;
  voet: Render;
  css: string;
  /** Where each file came from, for error messages and the verantwoording. */
  bronnen: Record<string, string>;
}

async function isDirectory(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isDirectory(),
    () => false,
  );
}

/** Files of a template folder by their name relative to it ("layout.hbs", "partials/omslag.hbs"). */
async function templateFiles(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const add = async (sub: string) => {
    const entries = await readdir(join(dir, sub), { withFileTypes: true }).catch(() => []);
    for (const e of entries) {
      if (e.isFile() && ['.hbs', '.css'].includes(extname(e.name))) files.set(join(sub, e.name), join(dir, sub, e.name));
    }
  };
  await add('');
  await add('partials');
  return files;
}

async function readTemplate(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (err) {
    throw new FileError(path, `kan de template niet lezen (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
}

/** Compiles eagerly, so a broken override is reported with its file name before any rendering starts. */
function compile(hb: typeof Handlebars, source: string, path: string): Render {
  try {
    hb.parse(source);
  } catch (err) {
    throw new FileError(path, `ongeldige template: ${(err as Error).message.split('\n')[0]}`);
  }
  const template = hb.compile(source, { strict: false, preventIndent: true });
  return (context, options?: Handlebars.RuntimeOptions) => {
    try {
      return template(context, options);
    } catch (err) {
      // A partial's own error names the partial; the layout that called it passes it on.
      if (err instanceof FileError) throw err;
      throw new FileError(path, `template faalt: ${handlebarsFout((err as Error).message)}`);
    }
  };
}

/** Handlebars' runtime errors in Dutch. */
export function handlebarsFout(message: string): string {
  const helper = /^Missing helper: "([^"]+)"/.exec(message);
  if (helper) return `onbekende helper '${helper[1]}' (geen helper van cter en geen waarde met die naam)`;
  const partial = /^The partial (\S+) could not be found/.exec(message);
  if (partial) return `onbekende partial '${partial[1]}' (geen bestand partials/${partial[1]}.hbs)`;
  return message;
}

/**
 * Loads the templates: the package's files, with same-named files in `overrideDir` taking their place.
 * Load once and reuse for many reports.
 */
export async function loadTemplates(overrideDir?: string): Promise<Templates> {
  const files = await templateFiles(PACKAGE_TEMPLATES);
  if (overrideDir !== undefined) {
    if (!(await isDirectory(overrideDir))) {
      throw new FileError(overrideDir, "de map met templates (configuratie 'templates') bestaat niet.");
    }
    for (const [name, path] of await templateFiles(overrideDir)) files.set(name, path);
  }
  const hb = Handlebars.create();
  // Chapter numbers in the order the sections actually render: a removed or empty section leaves no gap.
  hb.registerHelper('hoofdstuknummer', function (this: unknown, options: Handlebars.HelperOptions) {
    const root = options.data.root as { _hoofdstukteller?: number };
    root._hoofdstukteller = (root._hoofdstukteller ?? 0) + 1;
    return root._hoofdstukteller;
  });
  const sources = new Map<string, string>();
  for (const [name, path] of files) sources.set(name, await readTemplate(path));
  const required = (name: string): [string, string] => {
    const source = sources.get(name);
    if (source === undefined) throw new FileError(join(PACKAGE_TEMPLATES, name), 'template ontbreekt.');
    return [source, files.get(name)!];
  };
  for (const [name, path] of files) {
    if (!name.startsWith('partials') || extname(name) !== '.hbs') continue;
    const source = sources.get(name)!;
    // Registered compiled, so an error inside the partial names the partial's file, not the layout.
    hb.registerPartial(basename(name, '.hbs'), compile(hb, source, path) as unknown as Handlebars.Template);
  }
  return {
    layout: compile(hb, ...required('layout.hbs')),
    kop: compile(hb, ...required('kop.hbs')),
    voet: compile(hb, ...required('voet.hbs')),
    css: required('rapport.css')[0],
    bronnen: Object.fromEntries(files),
  };
}

/** Drawing size of the map in CSS pixels (the SVG scales to its column). */
const KAART_MAAT = { regio: [430, 400], ligging: [300, 260] } as const;

/** The map as drawn: the SVG and, beside it, the list of gemeenten (numbered where the name did not fit). */
function kaartWeergave(model: ReportModel) {
  const kaart = model.kaart;
  if (!kaart) return null;
  const [width, height] = KAART_MAAT[kaart.soort];
  const { svg, nummers } = kaartSvg(kaart, width, height);
  const lijst = kaart.gemeenten
    .map((g, i) => ({ ...g, nummer: nummers[i] ?? null, kleur: g.klasse === null ? null : kaart.klassen[g.klasse]!.kleur }))
    .sort((a, b) => (b.per10000?.waarde ?? -1) - (a.per10000?.waarde ?? -1) || a.naam.localeCompare(b.naam, 'nl'));
  return { svg, lijst, klein: kaart.gemeenten.some((g) => g.klein), kleinAantal: KLEIN_AANTAL };
}

/** The complete, self-contained HTML document (CSS inline, charts as data: URIs, the map as inline SVG). */
export function renderHtml(model: ReportModel, templates: Templates, grafieken: ReportCharts): string {
  return templates.layout({
    ...model,
    grafieken,
    kaartWeergave: kaartWeergave(model),
    css: templates.css,
  });
}

/** Header and footer for every PDF page: the marking, the document and "pagina X van Y". */
export function renderHeaderFooter(model: ReportModel, templates: Templates): { kop: string; voet: string } {
  return { kop: templates.kop(model), voet: templates.voet(model) };
}
