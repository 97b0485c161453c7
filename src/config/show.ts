// What `cter config` prints: the effective value of every key and where it came from. The secret key is never shown.
import { relative } from 'node:path';
import { CONFIG_KEYS } from './schema.js';
import type { ConfigKey, ConfigSource, LoadedConfig } from './cter-config.js';

const SECRET: readonly ConfigKey[] = ['sleutel'];
const HIDDEN = '(ingesteld, verborgen)';

function shownValue(key: ConfigKey, value: unknown): unknown {
  return value !== undefined && SECRET.includes(key) ? HIDDEN : value;
}

export interface ConfigReport {
  bestand: string | null;
  map: string;
  waarden: Record<string, unknown>;
  herkomst: Record<string, ConfigSource>;
}

/** `cter config --json`: unset keys are null, so every key is present. */
export function configReport(loaded: LoadedConfig): ConfigReport {
  const waarden: Record<string, unknown> = {};
  for (const { key } of CONFIG_KEYS) waarden[key] = shownValue(key, loaded.values[key]) ?? null;
  return { bestand: loaded.file ?? null, map: loaded.baseDir, waarden, herkomst: { ...loaded.sources } };
}

function text(value: unknown): string {
  if (value === undefined || value === null) return '(niet ingesteld)';
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.length ? value.join(', ') : '(geen)';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

function sourceText(source: ConfigSource, cwd: string): string {
  if (source === 'omgeving') return 'omgevingsvariabele';
  if (source === 'optie' || source === 'standaard') return source;
  return relative(cwd, source) || source;
}

/** A readable table: key, value, source; with `uitleg` each key's description below it. */
export function formatConfig(loaded: LoadedConfig, options: { uitleg?: boolean; cwd?: string } = {}): string {
  const { uitleg = false, cwd = process.cwd() } = options;
  const report = configReport(loaded);
  const lines = [
    report.bestand ? `Configuratiebestand: ${report.bestand}` : 'Geen cter.config.json gevonden: standaardwaarden.',
    `Paden relatief aan: ${report.map}`,
    '',
  ];
  const width = Math.max(...CONFIG_KEYS.map((k) => k.key.length));
  const valueWidth = Math.min(48, Math.max(...CONFIG_KEYS.map((k) => text(report.waarden[k.key]).length)));
  for (const doc of CONFIG_KEYS) {
    const value = text(report.waarden[doc.key]);
    const source = loaded.sources[doc.key];
    const env = source === 'omgeving' && doc.omgeving ? ` (${doc.omgeving})` : '';
    lines.push(`${doc.key.padEnd(width)}  ${value.padEnd(valueWidth)}  ${sourceText(source, cwd)}${env}`);
    if (uitleg) lines.push(`${''.padEnd(width)}  ${doc.omschrijving}`, '');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
