import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import { cter, cterInTerminal, engelseTekst, KEY } from './init-cli.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cter-init-'));
});

const readJson = async (path: string) => JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
const exists = (path: string) => stat(path).then(() => true, () => false);

describe('cter init without a terminal', () => {
  it('--ja writes a valid, documented workspace and nothing on stdout', async () => {
    const run = await cter(['init', '--ja'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`Werkmap ingericht in ${dir}`);
    expect((await readdir(dir)).sort()).toEqual(
      ['.gitignore', 'README-werkmap.md', 'cter.config.json', 'cter.config.schema.json', 'data', 'duiding', 'uitvoer'].sort(),
    );
    expect((await readdir(join(dir, 'data'))).sort()).toEqual(['notities', 'signalen']);
    expect(await readJson(join(dir, 'cter.config.json'))).toEqual({
      $schema: './cter.config.schema.json',
      signalen: ['data/signalen'],
      notities: ['data/notities'],
      uitvoer: 'uitvoer',
      rubricering: 'Departementaal Vertrouwelijk',
      tlp: 'AMBER',
      drempel: 5,
      beoordelingen: 'beoordelingen.json',
    });
    const loaded = await loadConfig({ cwd: dir, env: {} });
    expect(loaded.values.signalen).toEqual([join(dir, 'data/signalen')]);
    const gitignore = await readFile(join(dir, '.gitignore'), 'utf8');
    for (const line of ['*', '!*/', '!/cter.config.json', '!/templates/**/*.hbs']) expect(gitignore).toContain(`\n${line}\n`);
    const readme = await readFile(join(dir, 'README-werkmap.md'), 'utf8');
    expect(readme).toContain('| `drempel` | `5` |');
    const schema = await readJson(join(dir, 'cter.config.schema.json'));
    expect(schema.additionalProperties).toBe(false);
  });

  it('creates the folder given as argument', async () => {
    const run = await cter(['init', 'werkmap/zaanstad', '--ja'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(await exists(join(dir, 'werkmap/zaanstad/cter.config.json'))).toBe(true);
  });

  it('never overwrites an existing config without --forceer', async () => {
    await writeFile(join(dir, 'cter.config.json'), '{ "drempel": 9 }\n');
    const run = await cter(['init', '--ja'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`fout: ${join(dir, 'cter.config.json')} bestaat al. Gebruik --forceer om het te overschrijven.\n`);
    expect(await readFile(join(dir, 'cter.config.json'), 'utf8')).toBe('{ "drempel": 9 }\n');
    expect(await exists(join(dir, 'data'))).toBe(false);

    const forced = await cter(['init', '--ja', '--forceer', '--regio', 'vr11', '--tlp', 'amber+strict', '--drempel', '10'], { cwd: dir });
    expect(forced.code).toBe(0);
    expect(await readJson(join(dir, 'cter.config.json'))).toMatchObject({ regio: 'Zaanstreek-Waterland', tlp: 'AMBER+STRICT', drempel: 10 });
  });

  it('refuses to guess without --ja: the missing answers are named', async () => {
    const run = await cter(['init', '--tlp', 'RED'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('heeft daarvoor een terminal nodig');
    expect(run.stderr).toContain('nu ontbreekt: --regio of --gemeenten, --rubricering, --drempel, --data.');
    expect(await readdir(dir)).toEqual([]);
  });

  it('needs no --ja when every answer is an option', async () => {
    const run = await cter(
      ['init', '--gemeenten', 'Zaanstad, Nuenen, Gerwen en Nederwetten; gm0439', '--naam', 'Proefgebied', '--rubricering', 'Intern',
        '--tlp', 'green', '--drempel', '3', '--data', 'exports', '--notities', 'notities'],
      { cwd: dir },
    );
    expect(run.code).toBe(0);
    expect(await readJson(join(dir, 'cter.config.json'))).toMatchObject({
      regio: 'Proefgebied',
      regios: [{ naam: 'Proefgebied', gemeenten: ['Zaanstad', 'Nuenen, Gerwen en Nederwetten', 'Purmerend'] }],
      signalen: ['exports'],
      notities: ['notities'],
      rubricering: 'Intern',
      tlp: 'GREEN',
      drempel: 3,
    });
    expect(await readFile(join(dir, '.gitignore'), 'utf8')).toContain('\n*\n!*/\n');
  });

  it('keeps a single gemeente as the default gemeente', async () => {
    expect((await cter(['init', '--ja', '--gemeenten', 'den haag'], { cwd: dir })).code).toBe(0);
    expect(await readJson(join(dir, 'cter.config.json'))).toMatchObject({ gemeente: "'s-Gravenhage" });
  });

  it.each([
    [['--regio', 'Kenemerland'], "fout: optie --regio: onbekende regio 'Kenemerland'. Bedoelt u: Kennemerland"],
    [['--gemeenten', 'Zaanstad,Zaandamm'], "fout: optie --gemeenten: onbekende gemeente 'Zaandamm'"],
    [['--gemeenten', 'Bergen'], "fout: optie --gemeenten: 'Bergen' is dubbelzinnig: Bergen (NH.) of Bergen (L.)"],
    [['--regio', 'VR11', '--gemeenten', 'Zaanstad'], 'fout: geef --regio of --gemeenten, niet allebei.'],
    [['--gemeenten', 'Zaanstad,Oostzaan', '--naam', 'Kennemerland'], "fout: optie --naam: 'Kennemerland' is al de naam van een regio (VR12)"],
    [['--tlp', 'oranje'], "fout: optie --tlp: 'tlp' moet een van CLEAR, GREEN, AMBER, AMBER+STRICT, RED zijn, niet \"oranje\"."],
    [['--drempel', '0'], "fout: optie --drempel: 'drempel' moet een geheel getal van 1 tot en met 1000 zijn, niet 0."],
  ])('rejects %j with a Dutch message and exit 2', async (args, message) => {
    const run = await cter(['init', '--ja', ...args], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr).not.toMatch(/at .*\.js:\d+/);
    expect(await readdir(dir)).toEqual([]);
  });

  it('an empty data/signalen right after init says so, for valideer as for the other commands (exit 2)', async () => {
    expect((await cter(['init', '--ja', '--regio', 'Zaanstreek-Waterland'], { cwd: dir })).code).toBe(0);
    for (const [opdracht, optie] of [['valideer', 'cter valideer <bestand of map...>'], ['trends', '--signalen <bestand...>']] as const) {
      const r = await cter([opdracht], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`fout: geen exports in data/signalen: zet de CSV-exports daar neer, of geef ze op met ${optie}.\n`);
    }
  });

  it('adds its lines to an existing .gitignore', async () => {
    await writeFile(join(dir, '.gitignore'), 'node_modules/\n/uitvoer/\n');
    expect((await cter(['init', '--ja'], { cwd: dir })).code).toBe(0);
    const gitignore = await readFile(join(dir, '.gitignore'), 'utf8');
    expect(gitignore.startsWith('node_modules/\n/uitvoer/\n\n# cter:')).toBe(true);
    expect(gitignore).toContain('\n*\n!*/\n!/.gitignore\n!/cter.config.json\n');
  });

  it('keeps every file that can hold personal data out of git, wherever it is written (allow-list)', async () => {
    expect((await cter(['init', '--ja', '--templates'], { cwd: dir })).code).toBe(0);
    const privé = ['data/signalen/politie.csv', 'uitvoer/lokaal-beeld_zaanstad_2025-Q3.pdf', 'beoordelingen.json', 'prive/afgewezen_2025-Q3.csv',
      'wachtrij.csv', 'templates/wachtrij.csv', 'data/notities/notities.csv', 'diep/in/de/map/review-export.csv', 'afgewezen.csv', 'overzicht.json'];
    for (const f of privé) {
      await mkdir(join(dir, f, '..'), { recursive: true });
      await writeFile(join(dir, f), 'x');
    }
    const git = promisify(execFile);
    await git('git', ['init', '-q'], { cwd: dir });
    await git('git', ['add', '-A'], { cwd: dir });
    const staged = (await git('git', ['ls-files', '--cached'], { cwd: dir })).stdout.trim().split('\n');
    expect(staged.filter((f) => privé.includes(f))).toEqual([]);
    expect(staged).toEqual(expect.arrayContaining(['.gitignore', 'cter.config.json', 'cter.config.schema.json', 'README-werkmap.md', 'templates/layout.hbs', 'templates/rapport.css']));
  });

  it('--templates copies the package templates and points the config at them', async () => {
    expect((await cter(['init', '--ja', '--templates'], { cwd: dir })).code).toBe(0);
    const packaged = await readdir(join(import.meta.dirname, '../../templates'), { recursive: true });
    expect((await readdir(join(dir, 'templates'), { recursive: true })).sort()).toEqual(packaged.sort());
    expect(await readJson(join(dir, 'cter.config.json'))).toMatchObject({ templates: 'templates' });
  });
});

// Each test is a real process in its own terminal and folder, waiting for its prompts: side by side.
describe('cter init in a terminal', { concurrent: true }, () => {
  it('asks every question and writes the answers', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cter-init-'));
    const session = await cterInTerminal(['init'], dir, [
      ['Voor welk gebied', KEY.up + KEY.up + KEY.enter],
      ['Welke regio', 'kennem'],
      ['❯ Kennemerland (VR12', KEY.enter],
      ['Welke rubricering', KEY.down + KEY.enter],
      ['Welk TLP-label', KEY.up + KEY.enter],
      ['Drempel', 'x' + KEY.enter],
      ['niet "x"', '\u007f0' + KEY.enter],
      // Wait for the message about this very answer: the rule's text is on screen since 'x', and keys typed while the
      // prompt still validates '0' would be lost.
      ['niet 0.', '\u007f7' + KEY.enter],
      ['signaalexports', KEY.enter],
      ['trendnotities', KEY.enter],
      ['Sjablonen', 'n' + KEY.enter],
      ['Organisatie op het voorblad', 'Gemeente Haarlem' + KEY.enter],
      ['Auteur van de rapporten', 'J. de Vries' + KEY.enter],
      ['Contact voor vragen', KEY.enter],
      ['Verspreidingslijst', 'Burgemeester; driehoek' + KEY.enter],
    ]);
    expect(session.pending).toEqual([]);
    expect(session.code).toBe(0);
    expect(session.screen).toContain('kiezen');
    expect(engelseTekst(session.screen)).toEqual([]);
    const config = await readJson(join(dir, 'cter.config.json'));
    expect(config).toMatchObject({
      regio: 'Kennemerland',
      rubricering: 'Intern',
      tlp: 'GREEN',
      drempel: 7,
      signalen: ['data/signalen'],
      organisatie: 'Gemeente Haarlem',
      auteur: 'J. de Vries',
      verspreiding: 'Burgemeester; driehoek',
    });
    expect(config).not.toHaveProperty('contact');
  });

  it('asks for gemeenten, re-asks on an unknown one, and names the area of several', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cter-init-'));
    const session = await cterInTerminal(['init', '--rubricering', 'Intern', '--tlp', 'RED', '--drempel', '5', '--data', 'data'], dir, [
      ['Voor welk gebied', KEY.up + KEY.enter],
      ['Welke gemeente', 'Zaanstad, Wormerlandd' + KEY.enter],
      ["onbekende gemeente 'Wormerlandd'", '\u0015Zaanstad, Wormerland' + KEY.enter],
      ['Naam voor dit gebied', KEY.enter],
      ['trendnotities', KEY.enter],
      ['Sjablonen', KEY.enter],
      ['Organisatie op het voorblad', KEY.enter],
      ['Auteur van de rapporten', KEY.enter],
      ['Contact voor vragen', KEY.enter],
      ['Verspreidingslijst', KEY.enter],
    ]);
    expect(session.pending).toEqual([]);
    expect(session.code).toBe(0);
    expect(await readJson(join(dir, 'cter.config.json'))).toMatchObject({
      regio: 'Werkgebied',
      regios: [{ naam: 'Werkgebied', gemeenten: ['Zaanstad', 'Wormerland'] }],
      signalen: ['data'],
    });
  });

  it('asks before overwriting an existing config, and leaves it alone on "nee"', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cter-init-'));
    await writeFile(join(dir, 'cter.config.json'), '{}\n');
    const session = await cterInTerminal(['init'], dir, [['Overschrijven?', 'n' + KEY.enter]]);
    expect(session.code).toBe(0);
    expect(session.screen).toContain('Niets gewijzigd.');
    expect(await readFile(join(dir, 'cter.config.json'), 'utf8')).toBe('{}\n');
  });

  // Ctrl-C at the first question (exit 130, the Dutch message, no stack trace, nothing written) is the `init` cell
  // "Ctrl-C" of tests/e2e/afsluitcodes-echt.test.ts, in a real terminal as here.
});
