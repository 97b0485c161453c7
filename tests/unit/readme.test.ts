// The README documents what the code does: the configuration keys come from src/config/schema.ts and the column aliases
// from data/kolommen.json; these tests fail when one changes without the other.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configKeysMarkdown } from '../../src/config/schema.js';

const ROOT = resolve(import.meta.dirname, '../..');
const readme = readFileSync(resolve(ROOT, 'README.md'), 'utf8');

/** The text between `<!-- name:begin ... -->` and `<!-- name:end -->`. */
function section(name: string): string {
  const match = new RegExp(`<!-- ${name}:begin[^>]*-->\\n([\\s\\S]*?)<!-- ${name}:end -->`).exec(readme);
  expect(match, `README section ${name}`).not.toBeNull();
  return match![1]!;
}

type Kolommen = Record<'signalen' | 'notities', Record<string, { verplicht: boolean; aliassen: string[] }>>;

function columnTable(spec: Kolommen['signalen']): string {
  const rows = Object.entries(spec).map(
    ([naam, k]) => `| \`${naam}\` | ${k.verplicht ? 'ja' : 'nee'} | ${k.aliassen.join(', ')} |`,
  );
  return ['| kolom | verplicht | ook herkend als |', '| --- | --- | --- |', ...rows, ''].join('\n');
}

describe('README.md', () => {
  it('lists every configuration key with its default and meaning, as src/config/schema.ts describes them', () => {
    expect(section('config-sleutels')).toBe(configKeysMarkdown());
  });

  it('lists every column and alias of data/kolommen.json', () => {
    const kolommen = JSON.parse(readFileSync(resolve(ROOT, 'data/kolommen.json'), 'utf8')) as Kolommen;
    expect(section('kolommen-signalen')).toBe(columnTable(kolommen.signalen));
    expect(section('kolommen-notities')).toBe(columnTable(kolommen.notities));
  });

  it('gives the two set-up commands, and CI runs exactly the test command', () => {
    expect(readme).toContain('bash scripts/voorbeeld.sh');
    expect(readme).toContain('bash scripts/test.sh');
    const ci = readFileSync(resolve(ROOT, '.ci/run'), 'utf8');
    expect(ci.trim().split('\n').at(-1)).toBe('exec bash scripts/test.sh');
  });
});
