// Strict validation of a configuration object (from cter.config.json or from options): unknown keys and wrong
// types are errors that name the key, what was expected and what was found. All problems are reported at once.
import { closest } from 'fastest-levenshtein';
import { CONFIG_KEYS, KNOWN_KEYS, SCHEMA_KEY, type KeyDoc } from './schema.js';
import type { CterConfig, EigenRegio } from './cter-config.js';

export interface ConfigProblem {
  /** The top-level key the problem is about (for locating it in the file). */
  key: string;
  melding: string;
}

function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

function expected(doc: KeyDoc): string {
  switch (doc.soort) {
    case 'tekst':
    case 'pad':
      return 'een tekst';
    case 'paden':
      return 'een pad of een lijst van paden (tekst)';
    case 'geheel':
      return `een geheel getal van ${doc.min} tot en met ${doc.max ?? 'oneindig'}`;
    case 'keuze':
      return `een van ${doc.waarden.join(', ')}`;
    case 'regios':
      return 'een lijst van regio\'s, elk { "naam": tekst, "gemeenten": [tekst, ...] }';
    case 'inwoners':
      return 'een object van gemeente naar inwonertal, bijv. { "Zaanstad": 158000 }';
  }
}

function regios(value: unknown, problems: string[]): EigenRegio[] | undefined {
  if (!Array.isArray(value)) return undefined;
  value.forEach((item, n) => {
    const where = `regios[${n}]`;
    if (!isObject(item)) return void problems.push(`'${where}' moet een object { "naam", "gemeenten" } zijn, niet ${show(item)}.`);
    for (const k of Object.keys(item)) {
      if (k !== 'naam' && k !== 'gemeenten') {
        problems.push(`'${where}': onbekende sleutel '${k}'. Bedoelt u '${closest(k, ['naam', 'gemeenten'])}'?`);
      }
    }
    if (!isText(item.naam)) problems.push(`'${where}.naam' moet een tekst zijn, niet ${show(item.naam)}.`);
    if (!Array.isArray(item.gemeenten) || item.gemeenten.length === 0 || !item.gemeenten.every(isText)) {
      problems.push(`'${where}.gemeenten' moet een lijst van gemeenten (namen of CBS-codes) zijn, niet ${show(item.gemeenten)}.`);
    }
  });
  return value as EigenRegio[];
}

/** The checked value, or undefined with a problem recorded. Choices are accepted in any case ("amber"). */
function checkValue(doc: KeyDoc, value: unknown, problems: string[]): unknown {
  switch (doc.soort) {
    case 'tekst':
    case 'pad':
      return isText(value) ? value.trim() : undefined;
    case 'paden':
      if (isText(value)) return [value.trim()];
      return Array.isArray(value) && value.every(isText) ? value.map((v) => v.trim()) : undefined;
    case 'geheel':
      return typeof value === 'number' && Number.isInteger(value) && value >= doc.min && value <= (doc.max ?? Infinity)
        ? value
        : undefined;
    case 'keuze':
      return typeof value === 'string' ? doc.waarden.find((w) => w.toLowerCase() === value.trim().toLowerCase()) : undefined;
    case 'regios':
      return regios(value, problems);
    case 'inwoners':
      if (!isObject(value)) return undefined;
      for (const [gemeente, n] of Object.entries(value)) {
        if (typeof n !== 'number' || !Number.isInteger(n) || n < 1) {
          problems.push(`'inwoners.${gemeente}' moet een positief geheel getal zijn, niet ${show(n)}.`);
        }
      }
      return value;
  }
}

/** Validates a raw configuration object; returns the checked values and every problem found. */
export function validateConfig(raw: unknown): { values: Partial<CterConfig>; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  if (!isObject(raw)) {
    return { values: {}, problems: [{ key: '', melding: `de configuratie moet een JSON-object { ... } zijn, niet ${show(raw)}.` }] };
  }
  const values: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (key === SCHEMA_KEY) continue;
    const doc = CONFIG_KEYS.find((d) => d.key === key);
    if (!doc) {
      problems.push({ key, melding: `onbekende sleutel '${key}'. Bedoelt u '${closest(key, [...KNOWN_KEYS])}'?` });
      continue;
    }
    if (value === undefined) continue;
    const nested: string[] = [];
    const checked = checkValue(doc, value, nested);
    if (checked === undefined) {
      problems.push({ key, melding: `'${key}' moet ${expected(doc)} zijn, niet ${show(value)}.` });
    } else {
      problems.push(...nested.map((melding) => ({ key, melding })));
      values[key] = checked;
    }
  }
  return { values: values as Partial<CterConfig>, problems };
}
