// End-to-end (issue 9, "nothing lost"): no output ever replaces an input, the configuration or the decisions file
// (real paths and device+inode compared), and every file-system fault is a Dutch message naming the path, exit 2,
// said once, also by batch. JSON reports keep the browser out of these tests.
import { chmod, cp, link, mkdir, mkdtemp, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, normalize, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cter, cterProces, type Run } from './init-cli.js';

const FIXTURE = resolve(import.meta.dirname, '../fixtures/report');

/** A copy of the report fixture workspace (config, signals with rejected rows, notes) in a fresh folder. */
async function workspace(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'cter-vertrouwen-'));
  await cp(FIXTURE, dir, { recursive: true, filter: (src) => !src.includes(`${FIXTURE}/prive`) });
  return dir;
}

/** Runs cter as an unprivileged user when the tests run as root (root ignores file permissions). */
function cterZonderRechten(args: string[], cwd: string): Promise<Run> {
  const asRoot = process.getuid?.() === 0;
  return cterProces(args, cwd, asRoot ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'] : []);
}

const fouten = (stderr: string) => stderr.split('\n').filter((l) => l.startsWith('fout:'));

describe('an output never replaces an input, the configuration or the decisions file', () => {
  let ws: string;
  let origineel: string;
  beforeAll(async () => {
    ws = await workspace();
    origineel = await readFile(join(ws, 'signalen.csv'), 'utf8');
    await symlink('signalen.csv', join(ws, 'koppeling.csv'));
    await link(join(ws, 'signalen.csv'), join(ws, 'harde-koppeling.csv'));
    await mkdir(join(ws, 'sub'));
  });

  it.each([
    ['the same name', 'signalen.csv'],
    ['./ and ..', './sub/../signalen.csv'],
    ['a symbolic link', 'koppeling.csv'],
    ['a hard link', 'harde-koppeling.csv'],
  ])('valideer --afgewezen refuses %s of an input (exit 2, both paths named)', async (_, uit) => {
    const r = await cter(['valideer', 'signalen.csv', '--afgewezen', uit], { cwd: ws });
    expect(r.code).toBe(2);
    expect(fouten(r.stderr)).toHaveLength(1);
    expect(r.stderr).toContain(`--afgewezen ${normalize(uit)}:`);
    expect(r.stderr).toContain('invoerbestand signalen.csv');
    expect(await readFile(join(ws, 'signalen.csv'), 'utf8')).toBe(origineel);
  });

  it('classificeer --afgewezen refuses its input and the configuration file', async () => {
    const r = await cter(['classificeer', '--signalen', 'signalen.csv', '--afgewezen', 'signalen.csv'], { cwd: ws });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('invoerbestand signalen.csv');
    expect(await readFile(join(ws, 'signalen.csv'), 'utf8')).toBe(origineel);
    const config = await cter(['classificeer', '--afgewezen', 'cter.config.json'], { cwd: ws });
    expect(config.code).toBe(2);
    expect(config.stderr).toContain('configuratiebestand cter.config.json');
  });

  it('review --exporteer refuses the decisions file, and beeld refuses a report name that is an input', async () => {
    await writeFile(join(ws, 'beoordelingen.json'), '{"versie":1,"beoordelingen":[]}\n');
    const r = await cter(['review', '--exporteer', 'beoordelingen.json'], { cwd: ws });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('beoordelingenbestand beoordelingen.json');
    // A report folder that is the folder of inputs, with an input named like the report.
    const map = join(ws, 'map');
    await mkdir(map);
    await cp(join(ws, 'notities.csv'), join(map, 'lokaal-beeld_zaanstad_2025-Q3.json'));
    const beeld = await cter(['beeld', '--gemeente', 'Zaanstad', '--formaat', 'json', '--notities', map, '--uit', map], { cwd: ws });
    expect(beeld.code).toBe(2);
    expect(beeld.stderr).toContain('--uit map/lokaal-beeld_zaanstad_2025-Q3.json: dat is ook het invoerbestand (trendnotities)');
  });
});

describe('file-system faults are Dutch messages naming the path, exit 2', () => {
  let ws: string;
  beforeAll(async () => {
    ws = await workspace();
    await writeFile(join(ws, 'een-bestand'), 'x');
    await mkdir(join(ws, 'alleen-lezen'));
    await chmod(ws, 0o755);
    await chmod(join(ws, 'alleen-lezen'), 0o555);
    for (const name of await readdir(ws)) await chmod(join(ws, name), name === 'alleen-lezen' ? 0o555 : 0o755);
  });

  it('--afgewezen that is a folder (EISDIR) or below a file (ENOTDIR)', async () => {
    const isMap = await cter(['valideer', 'signalen.csv', '--afgewezen', 'alleen-lezen'], { cwd: ws });
    expect(isMap.code).toBe(2);
    expect(fouten(isMap.stderr)).toEqual(['fout: alleen-lezen: dit is een map, geen bestand: geef een bestandsnaam (EISDIR).']);
    const onder = await cter(['valideer', 'signalen.csv', '--afgewezen', 'een-bestand/a.csv'], { cwd: ws });
    expect(onder.code).toBe(2);
    expect(onder.stderr).toContain('fout: een-bestand: een deel van dit pad is een bestand, geen map');
    expect(onder.stderr).not.toContain('interne fout');
  });

  it('beeld --uit that is a file, and a report name that is a folder', async () => {
    const bestand = await cter(['beeld', '--gemeente', 'Zaanstad', '--formaat', 'json', '--uit', 'een-bestand'], { cwd: ws });
    expect(bestand.code).toBe(2);
    expect(fouten(bestand.stderr)).toEqual(['fout: een-bestand: dit is een bestand, geen map: geef een map voor de uitvoer (ENOTDIR).']);
    await mkdir(join(ws, 'uit', 'lokaal-beeld_zaanstad_2025-Q3.json'), { recursive: true });
    const map = await cter(['beeld', '--gemeente', 'Zaanstad', '--formaat', 'json', '--uit', 'uit'], { cwd: ws });
    expect(map.code).toBe(2);
    expect(fouten(map.stderr)).toEqual(['fout: uit/lokaal-beeld_zaanstad_2025-Q3.json: dit is een map, geen bestand: geef een bestandsnaam (EISDIR).']);
  });

  it('a read-only --uit (EACCES) is said once by beeld and by batch', async () => {
    // Two real processes (an unprivileged user), side by side: each mostly starts up and reads its inputs.
    const commands = [['beeld', '--gemeente', 'Zaanstad'], ['batch', '--regio', 'Zaanstreek-Waterland']];
    const runs = await Promise.all(commands.map((args) => cterZonderRechten([...args, '--formaat', 'json', '--uit', 'alleen-lezen/rapporten'], ws)));
    for (const r of runs) {
      expect(r.code).toBe(2);
      expect(fouten(r.stderr)).toEqual([
        'fout: alleen-lezen/rapporten: geen toegang (rechten): kies een map waarin u mag schrijven, of vraag de beheerder om de rechten (EACCES).',
      ]);
    }
  });

  it('batch says a report name that is a folder once, not once per report', async () => {
    await mkdir(join(ws, 'batch-uit', 'lokaal-beeld_zaanstad_2025-Q3.json'), { recursive: true });
    const r = await cter(['batch', '--regio', 'Zaanstreek-Waterland', '--formaat', 'json', '--uit', 'batch-uit', '--parallel', '1'], { cwd: ws });
    expect(r.code).toBe(2);
    expect(r.stderr.match(/EISDIR/g)).toHaveLength(1);
    expect(fouten(r.stderr)).toEqual(['fout: batch-uit/lokaal-beeld_zaanstad_2025-Q3.json: dit is een map, geen bestand: geef een bestandsnaam (EISDIR).']);
  });
});
