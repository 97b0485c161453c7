// The analyst's duiding en advies: a Markdown file per area and period in the workspace's duiding/ folder
// (duiding_<gebied>_<periode>.md), drafted by `cter duiding` and rendered as the chapter after the kernpunten.
// Markdown through markdown-it with raw HTML off (a <script> stays text), links and images shown as text (a report
// goes out as a document; nothing in it should point to or load from elsewhere). Front matter `openbaar: ja` is needed
// before a public report includes it.

import type { FrontMatterOptions, FrontMatterResult } from 'front-matter';
import MarkdownIt from 'markdown-it';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { FileError } from '../util/errors.js';

// front-matter is CommonJS (module.exports = fm) with ES-style typings: load it as what it is.
const frontMatter = createRequire(import.meta.url)('front-matter') as <T>(file: string, options?: FrontMatterOptions) => FrontMatterResult<T>;
type Md = InstanceType<typeof MarkdownIt>;

export interface DuidingBestand {
  /** Path of the file, for messages and the verantwoording. */
  pad: string;
  /** Front matter `openbaar: ja`: the text may appear in a public report. */
  openbaar: boolean;
  /** The Markdown body (without front matter). */
  markdown: string;
}

/** "duiding_zaanstad_2025-Q3.md". */
export function duidingBestandsnaam(slug: string, periode: string): string {
  return `duiding_${slug}_${periode}.md`;
}

/** The duiding file of an area and period, if the analyst wrote one. */
export function duidingVan(
  duidingen: ReadonlyMap<string, DuidingBestand> | undefined,
  gebiedSlug: string,
  periode: string,
): DuidingBestand | undefined {
  return duidingen?.get(duidingBestandsnaam(gebiedSlug, periode));
}

function openbaarWaarde(pad: string, value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (value === true || value === false) return value;
  const text = String(value).trim().toLowerCase();
  if (text === 'ja') return true;
  if (text === 'nee') return false;
  throw new FileError(pad, `'openbaar' in de kop van de duiding moet 'ja' of 'nee' zijn, niet '${String(value)}'.`);
}

/** Reads one duiding file: front matter (between --- lines) and Markdown. */
export function parseDuiding(pad: string, text: string): DuidingBestand {
  let parsed: { attributes: Record<string, unknown>; body: string };
  try {
    parsed = frontMatter<Record<string, unknown>>(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new FileError(pad, `de kop van de duiding (tussen de regels ---) is geen geldige YAML: ${(err as Error).message.split('\n')[0]}`);
  }
  const attributes = parsed.attributes && typeof parsed.attributes === 'object' ? parsed.attributes : {};
  return { pad, openbaar: openbaarWaarde(pad, attributes.openbaar), markdown: parsed.body };
}

/** Every duiding file in `map` by file name; an absent folder has none. */
export function leesDuidingen(map: string): Map<string, DuidingBestand> {
  let namen: string[];
  try {
    namen = readdirSync(map).filter((n) => /^duiding_.+\.md$/i.test(n));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
    throw new FileError(map, `kan de map met duidingen niet lezen (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  const bestanden = new Map<string, DuidingBestand>();
  for (const naam of namen.sort()) {
    const pad = join(map, naam);
    let text: string;
    try {
      text = readFileSync(pad, 'utf8');
    } catch (err) {
      throw new FileError(pad, `kan de duiding niet lezen (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
    }
    bestanden.set(naam, parseDuiding(pad, text));
  }
  return bestanden;
}

let renderer: Md | undefined;

function markdown(): Md {
  if (renderer) return renderer;
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
  // Links as text: "tekst (adres)"; images as their description.
  const hrefs: string[] = [];
  md.renderer.rules.link_open = (tokens, idx) => {
    hrefs.push(String(tokens[idx]!.attrGet('href') ?? ''));
    return '';
  };
  md.renderer.rules.link_close = (tokens, idx) => {
    const href = hrefs.pop() ?? '';
    const label = tokens[idx - 1]?.type === 'text' ? tokens[idx - 1]!.content : '';
    return href && href !== label ? ` (${md.utils.escapeHtml(href)})` : '';
  };
  md.renderer.rules.image = (tokens, idx, _options, _env, self) => {
    const alt = String(self.renderInlineAsText(tokens[idx]!.children ?? [], _options, _env));
    return alt ? `[afbeelding: ${md.utils.escapeHtml(alt)}]` : '[afbeelding]';
  };
  // The chapter title is the report's h1: the analyst's headings start at h2, keeping their order (at most h4).
  md.core.ruler.push('cter_kopniveau', (state) => {
    const levels = state.tokens.filter((t) => t.type === 'heading_open').map((t) => Number(t.tag.slice(1)));
    if (levels.length === 0) return;
    const shift = 2 - Math.min(...levels);
    for (const t of state.tokens) {
      if (t.type === 'heading_open' || t.type === 'heading_close') t.tag = `h${Math.min(4, Number(t.tag.slice(1)) + shift)}`;
    }
  });
  renderer = md;
  return md;
}

/** The duiding as HTML for the report: escaped (no raw HTML), links and images as text, headings from h2. */
export function renderDuiding(text: string): string {
  return markdown().render(text);
}

/** What a draft needs of the report model. */
export interface DuidingBasis {
  gebied: { naam: string; aanduiding: string };
  periode: { code: string; label: string };
  kernpunten: string[];
}

/**
 * The draft `cter duiding` writes: front matter (area, period, `openbaar: nee`), the kernpunten as prompts, and the
 * headings of the chapter. The analyst replaces the prompts with their own text.
 */
export function duidingConcept(m: DuidingBasis): string {
  const citaat = m.kernpunten.map((k) => `> - ${k}`).join('\n');
  return [
    '---',
    `gebied: ${JSON.stringify(m.gebied.naam)}`,
    `periode: ${JSON.stringify(m.periode.code)}`,
    '# Zet dit op ja als de tekst ook in een openbaar rapport mag staan.',
    'openbaar: nee',
    '---',
    '',
    `## Duiding`,
    '',
    `Kernpunten van cter voor ${m.gebied.aanduiding}, ${m.periode.label}, als aanzet (vervang deze door uw duiding):`,
    '',
    citaat,
    '',
    `Wat betekenen deze ontwikkelingen voor ${m.gebied.naam}? Wat herkennen de partners in het netwerk, wat is nieuw,`,
    'en wat weten we niet?',
    '',
    '## Advies aan de driehoek',
    '',
    'Wat adviseert u burgemeester, politie en Openbaar Ministerie, en waarom?',
    '',
    '## Handelingsperspectieven',
    '',
    '- Wie doet wat, en wanneer?',
    '',
  ].join('\n');
}
