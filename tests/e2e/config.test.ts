import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cter } from './init-cli.js';
import { CONFIG_KEYS } from '../../src/config/schema.js';

let dir: string;
let sub: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cter-config-e2e-'));
  sub = join(dir, 'kwartaal', 'q3');
  await mkdir(sub, { recursive: true });
  expect((await cter(['init', '--ja', '--regio', 'Zaanstreek-Waterland', '--drempel', '8'], { cwd: dir })).code).toBe(0);
});

describe('cter config', () => {
  it('--json gives the file, every value and where it came from, from a subfolder', async () => {
    const run = await cter(['config', '--json'], { cwd: sub });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const report = JSON.parse(run.stdout) as { bestand: string; map: string; waarden: Record<string, unknown>; herkomst: Record<string, string> };
    const file = join(dir, 'cter.config.json');
    expect(report.bestand).toBe(file);
    expect(report.map).toBe(dir);
    expect(Object.keys(report.waarden).sort()).toEqual(CONFIG_KEYS.map((k) => k.key).sort());
    expect(report.waarden).toMatchObject({ regio: 'Zaanstreek-Waterland', drempel: 8, signalen: [join(dir, 'data/signalen')], organisatie: null });
    expect(report.herkomst).toMatchObject({ regio: file, drempel: file, taxonomieModus: 'standaard', organisatie: 'standaard' });
  });

  it('shows values from the environment as such, and never the secret key', async () => {
    const run = await cter(['config', '--json'], { cwd: dir, env: { CTER_SLEUTEL: 'heel-geheim-123', CTER_BROWSER: '/usr/bin/chromium' } });
    const report = JSON.parse(run.stdout) as { waarden: Record<string, unknown>; herkomst: Record<string, string> };
    expect(report.waarden.sleutel).toBe('(ingesteld, verborgen)');
    expect(run.stdout).not.toContain('heel-geheim-123');
    expect(report.herkomst).toMatchObject({ sleutel: 'omgeving', browser: 'omgeving' });
  });

  it('prints a readable table with the source per key, and explanations with --uitleg', async () => {
    const run = await cter(['config'], { cwd: sub });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Configuratiebestand: ${join(dir, 'cter.config.json')}`);
    expect(run.stdout).toMatch(/^drempel +8 +\.\.\/\.\.\/cter\.config\.json$/m);
    expect(run.stdout).toMatch(/^tlp +AMBER +\.\.\/\.\.\/cter\.config\.json$/m);
    expect(run.stdout).toMatch(/^taxonomieModus +uitbreiden +standaard$/m);
    const uitleg = await cter(['config', '--uitleg'], { cwd: sub });
    expect(uitleg.stdout).toContain('TLP 2.0-label op elke pagina');
  });

  it('reads an explicit file with --config, and says so when there is none', async () => {
    const other = join(dir, 'ander.json');
    await writeFile(other, '{ "tlp": "red" }');
    const run = await cter(['config', '--json', '--config', other], { cwd: tmpdir() });
    expect(JSON.parse(run.stdout)).toMatchObject({ bestand: other, waarden: { tlp: 'RED' }, herkomst: { tlp: other } });
    const empty = await mkdtemp(join(tmpdir(), 'cter-leeg-'));
    const none = await cter(['config'], { cwd: empty });
    expect(none.stdout).toContain('Geen cter.config.json gevonden: standaardwaarden.');
  });

  it('reports a broken config with file, line and column, exit 2, no stack trace', async () => {
    const broken = await mkdtemp(join(tmpdir(), 'cter-kapot-'));
    await writeFile(join(broken, 'cter.config.json'), '{\n  "tlp": "AMBER",\n  "drempl": 4\n}\n');
    const run = await cter(['config'], { cwd: broken });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`fout: ${join(broken, 'cter.config.json')}:3:3: onbekende sleutel 'drempl'. Bedoelt u 'drempel'?\n`);
  });
});
