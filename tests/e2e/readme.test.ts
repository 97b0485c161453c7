// Every command `cter --help` lists is documented in the README with each of its options, and a command that exists
// is no longer marked "In ontwikkeling".
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cter } from './init-cli.js';

const ROOT = resolve(import.meta.dirname, '../..');
const readme = readFileSync(resolve(ROOT, 'README.md'), 'utf8');

/** The README section of a command: from its `### cter <naam>` heading to the next heading. */
function commandSection(naam: string): string | undefined {
  const start = readme.indexOf(`\n### cter ${naam}\n`);
  if (start < 0) return undefined;
  const end = readme.slice(start + 1).search(/\n#{2,3} /);
  return end < 0 ? readme.slice(start) : readme.slice(start, start + 1 + end);
}

/** Command names from the "Opdrachten:" block of `cter --help`. */
function commands(help: string): string[] {
  const block = help.split(/^Opdrachten:$/m)[1] ?? '';
  return [...block.matchAll(/^ {2}([a-z]+)\b/gm)].map((m) => m[1]!).filter((c) => c !== 'help');
}

describe('README.md against the CLI', () => {
  it('documents every command with each of its long options, without an "In ontwikkeling" mark', async () => {
    const help = await cter(['--help'], { cwd: ROOT });
    const names = commands(help.stdout);
    expect(names).toContain('valideer');
    for (const naam of names) {
      const text = commandSection(naam);
      expect(text, `README section for cter ${naam}`).toBeDefined();
      expect(text, `cter ${naam} exists: remove "In ontwikkeling"`).not.toContain('In ontwikkeling');
      const options = (await cter([naam, '--help'], { cwd: ROOT })).stdout.match(/--[a-z][a-z-]*/g) ?? [];
      for (const option of new Set(options)) {
        if (option !== '--help') expect(text, `cter ${naam} ${option} in the README`).toContain(option);
      }
    }
  });
});
