import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseGemeenten } from '../../src/config/init-flow.js';
import { TLP_LABELS } from '../../src/config/schema.js';
import { validateConfig } from '../../src/config/validate.js';
import { DEFAULT_ANSWERS, gitignoreLines, mergeGitignore, workspaceConfig, type InitAnswers } from '../../src/config/workspace.js';
import { loadReference } from '../../src/reference/index.js';

const ref = loadReference();

describe('parseGemeenten', () => {
  it('splits on commas and semicolons and gives official names', () => {
    expect(parseGemeenten('zaanstad; den haag,0439', ref)).toEqual({ ok: true, namen: ['Zaanstad', "'s-Gravenhage", 'Purmerend'] });
  });

  it('keeps a name with a comma together', () => {
    expect(parseGemeenten('Nuenen, Gerwen en Nederwetten, Zaanstad', ref)).toEqual({
      ok: true,
      namen: ['Nuenen, Gerwen en Nederwetten', 'Zaanstad'],
    });
  });

  it('drops repeats and empty pieces', () => {
    expect(parseGemeenten('Zaanstad,, GM0479 ,', ref)).toEqual({ ok: true, namen: ['Zaanstad'] });
  });

  it('names the first unknown or ambiguous piece, with suggestions', () => {
    expect(parseGemeenten('Zaanstad, Purmerent', ref)).toEqual({
      ok: false,
      reden: "onbekende gemeente 'Purmerent'. Bedoelt u: Purmerend?",
    });
    expect(parseGemeenten('Bergen', ref)).toMatchObject({ ok: false, reden: expect.stringContaining('dubbelzinnig') });
    expect(parseGemeenten(' , ', ref)).toEqual({ ok: false, reden: 'geen gemeente opgegeven.' });
    expect(parseGemeenten('Bergen', ref)).toEqual({ ok: false, reden: "'Bergen' is dubbelzinnig: Bergen (NH.) of Bergen (L.)." });
  });
});

const folder = fc.stringMatching(/^[a-z][a-z0-9_-]{0,8}(\/[a-z0-9_-]{1,8}){0,2}$/);
const answers: fc.Arbitrary<InitAnswers> = fc.record({
  gebied: fc.option(
    fc.oneof(
      fc.constant({ regio: 'Zaanstreek-Waterland' }),
      fc.constant({ gemeente: 'Zaanstad' }),
      fc.constant({ eigenRegio: { naam: 'Werkgebied', gemeenten: ['Zaanstad', 'Oostzaan'] } }),
    ),
    { nil: undefined },
  ),
  rubricering: fc.constantFrom('Departementaal Vertrouwelijk', 'Intern', 'Openbaar'),
  tlp: fc.constantFrom(...TLP_LABELS),
  drempel: fc.integer({ min: 1, max: 1000 }),
  signalen: folder,
  notities: folder,
  templates: fc.boolean(),
});

describe('workspaceConfig', () => {
  it('always writes a configuration that passes its own validation', () => {
    fc.assert(fc.property(answers, (a) => validateConfig(workspaceConfig(a)).problems.length === 0));
  });

  it('writes the defaults for --ja', () => {
    expect(workspaceConfig(DEFAULT_ANSWERS)).toEqual({
      $schema: './cter.config.schema.json',
      signalen: ['data/signalen'],
      notities: ['data/notities'],
      uitvoer: 'uitvoer',
      rubricering: 'Departementaal Vertrouwelijk',
      tlp: 'AMBER',
      drempel: 5,
      beoordelingen: 'beoordelingen.json',
    });
  });
});

describe('.gitignore', () => {
  it('is an allow-list: everything ignored, then only configuration, templates, taxonomy and docs allowed', () => {
    const lines = gitignoreLines();
    expect(lines.slice(0, 2)).toEqual(['*', '!*/']);
    expect(lines.slice(2).every((l) => l.startsWith('!/'))).toBe(true);
    expect(lines).toContain('!/cter.config.json');
  });

  it('keeps what is there, adds what is missing, and is idempotent', () => {
    const lines = gitignoreLines();
    fc.assert(
      fc.property(fc.array(fc.constantFrom('node_modules/', '/data/', '*.log', '', '/uitvoer/'), { maxLength: 6 }), (existingLines) => {
        const existing = existingLines.length ? `${existingLines.join('\n')}\n` : '';
        const once = mergeGitignore(existing, lines);
        const present = new Set(once.split('\n'));
        return once.startsWith(existing) && lines.every((l) => present.has(l)) && mergeGitignore(once, lines) === once;
      }),
    );
  });
});
