// End-to-end: `cter beeld` as JSON and HTML (no browser), its usage and set-up errors, and the area prompt on a
// terminal, on the messy hand-made export of tests/fixtures/report. The PDF itself: tests/browser/in-proces/beeld-pdf.ts.
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ReportModel } from '../../src/report/model-types.js';
import { cter, cterInTerminal, KEY } from './init-cli.js';

const FIXTURE = resolve(import.meta.dirname, '../fixtures/report');

async function outDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'cter-beeld-'));
}

describe('cter beeld --formaat json and html', () => {
  it('writes the documented model as JSON', async () => {
    const uit = await outDir();
    const result = await cter(['beeld', '-g', 'Zaanstad', '-f', 'json', '-u', uit], { cwd: FIXTURE });
    const model = JSON.parse(await readFile(result.stdout.trim(), 'utf8')) as ReportModel;
    expect(model.schema).toBe('cter-lokaal-beeld/1');
    expect(model.totaal.huidig).toEqual({ waarde: 15, tekst: '15' });
    expect(model.verantwoording.bestanden.signalen[0]).toMatchObject({ regels: 67, geaccepteerd: 64, afgewezen: 2, dubbel: 1 });
    expect(JSON.stringify(model)).not.toContain('VERTROUWELIJK-DETAIL');
  });

  it('writes one self-contained HTML file that escapes the notes', async () => {
    const uit = await outDir();
    const result = await cter(['beeld', '-g', 'Zaanstad', '-f', 'html', '-u', uit], { cwd: FIXTURE });
    const html = await readFile(result.stdout.trim(), 'utf8');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('src="data:image/png;base64,');
    expect(html).not.toMatch(/(src|href)="https?:/);
  });
});

describe('cter beeld: usage and set-up errors', () => {
  it('without an area and without a terminal is a usage error (exit 2)', async () => {
    const result = await cter(['beeld', '-f', 'json'], { cwd: FIXTURE });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('geen gebied: geef --gemeente <naam> of --regio <naam>');
  });

  it('an unknown gemeente gets a suggestion (exit 2)', async () => {
    const result = await cter(['beeld', '-g', 'Zaanstadt'], { cwd: FIXTURE });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Bedoelt u: Zaanstad?');
  });

  it('without a browser says how to install or configure one (exit 2), before reading the inputs', async () => {
    const uit = await outDir();
    const result = await cter(['beeld', '-g', 'Zaanstad', '-u', uit], { cwd: FIXTURE, env: { CTER_BROWSER: '/opt/geen/chrome' } });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("de browser '/opt/geen/chrome' uit de omgevingsvariabele CTER_BROWSER bestaat niet");
    expect(result.stderr).toContain('apt-get install chromium');
    expect(result.stderr).not.toContain('geaccepteerd');
    expect(existsSync(join(uit, 'lokaal-beeld_zaanstad_2025-Q3.pdf'))).toBe(false);
  });

  it('reports a broken template override with its file (exit 2)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cter-tpl-'));
    await writeFile(join(dir, 'layout.hbs'), '<html>{{#each kernpunten}}</html>');
    const config = join(dir, 'cter.config.json');
    await writeFile(
      config,
      JSON.stringify({ signalen: [join(FIXTURE, 'signalen.csv')], templates: dir, rubricering: 'Intern', tlp: 'AMBER' }),
    );
    const result = await cter(['beeld', '-g', 'Zaanstad', '-f', 'html', '-c', config], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${join(dir, 'layout.hbs')}: ongeldige template`);
  });

  it('asks for the area on a terminal, with a searchable list', async () => {
    const uit = await outDir();
    const session = await cterInTerminal(['beeld', '-f', 'json', '-u', uit], FIXTURE, [
      ['Voor welk gebied?', 'Oostzaan'],
      ['Oostzaan (gemeente)', KEY.enter],
    ]);
    expect(session.pending).toEqual([]);
    expect(existsSync(join(uit, 'lokaal-beeld_oostzaan_2025-Q3.json'))).toBe(true);
  });
});
