// End-to-end: the real CLI (bin/cter runs dist/) on a small workspace whose queue is known (newest first,
// R-03, R-02): R-02, R-03 and R-06 have
// no conclusive fenomeen, R-04 carries the label jihadisme while its text is clearly rechts-extremisme (afwijking).
// The export -> fill in -> import round trip, its effect on `trends` and `classificeer`, the all-or-nothing import,
// a changed signal returning to the queue, and the interactive flow in a real terminal (tmux).
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { cp, mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { TrendSamenvatting } from '../../src/aggregate/trends.js';
import type { BeoordelingenBestand } from '../../src/classify/beoordelingen.js';
import type { WachtrijStatus } from '../../src/review/status.js';
import { Terminal } from '../fixtures/review/tmux.js';
import { CTER, cter, engelseTekst } from './init-cli.js';

const WERKMAP = resolve(import.meta.dirname, '../fixtures/review/werkmap');

/** A fresh copy of the workspace. */
async function werkmap(): Promise<string> {
  const map = await mkdtemp(join(tmpdir(), 'cter-review-'));
  await cp(WERKMAP, map, { recursive: true });
  return map;
}

let dir: string;
beforeEach(async () => {
  dir = await werkmap();
});

const exists = (path: string) => stat(path).then(() => true, () => false);
const run = (args: string[], cwd = dir) => cter(args, { cwd });

async function status(cwd = dir): Promise<WachtrijStatus> {
  const r = await run(['review', '--status', '--json'], cwd);
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as WachtrijStatus;
}

async function zaanstadQ3(): Promise<TrendSamenvatting['gebieden'][number]> {
  const r = await run(['trends', '--gemeente', 'Zaanstad', '--periode', '2025-Q3', '--formaat', 'json']);
  expect(r.code).toBe(0);
  return (JSON.parse(r.stdout) as TrendSamenvatting).gebieden[0]!;
}

/** `cter classificeer --formaat json`: [fenomeen, herkomst] per id. */
async function classificatie(): Promise<Record<string, [string, string]>> {
  const r = await run(['classificeer', '--formaat', 'json']);
  expect(r.code).toBe(0);
  const records = JSON.parse(r.stdout) as { id: string; fenomeen: string; herkomst: string; reden: string }[];
  return Object.fromEntries(records.map((s) => [s.id, [s.fenomeen, s.herkomst]]));
}

const nonZero = (counts: Record<string, number>) => Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0));

/** Reads an exported queue and fills in decisions by id: [fenomeen, ernst]. */
async function fillIn(file: string, decisions: Record<string, [string, string?]>, target = file): Promise<void> {
  const rows = parse(await readFile(file), { bom: true, delimiter: ';' }) as string[][];
  const header = rows[0]!;
  for (const row of rows.slice(1)) {
    const decision = decisions[row[0]!];
    if (!decision) continue;
    row[header.indexOf('fenomeen')] = decision[0];
    row[header.indexOf('ernst')] = decision[1] ?? '';
  }
  await writeFile(target, `\uFEFF${stringify(rows, { delimiter: ';', record_delimiter: 'windows', quoted_match: /[\r\n]/ })}`);
}

async function decisionsFile(cwd = dir): Promise<BeoordelingenBestand> {
  return JSON.parse(await readFile(join(cwd, 'beoordelingen.json'), 'utf8')) as BeoordelingenBestand;
}

describe('cter review without a terminal', () => {
  it('refuses to prompt and names the script options (exit 2)', async () => {
    const r = await run(['review']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain("fout: 'cter review' stelt zijn vragen op een terminal, en die is er niet.");
    for (const option of ['--exporteer <bestand.csv>', '--importeer <bestand.csv>', '--status [--json]']) expect(r.stderr).toContain(option);
  });

  it('rejects combined modes and --json without --status', async () => {
    expect((await run(['review', '--status', '--exporteer', 'w.csv'])).stderr).toContain('geef één van --exporteer, --importeer of --status');
    expect((await run(['review', '--json'])).code).toBe(2);
  });

  it('never writes the queue among the exports, and checks the import file before reading the exports', async () => {
    const inInputs = await run(['review', '--exporteer', 'signalen.csv']);
    expect(inInputs.code).toBe(2);
    expect(inInputs.stderr).toBe(
      'fout: --exporteer signalen.csv: dat is ook het invoerbestand signalen.csv; cter zou het overschrijven. ' +
        'Kies een andere naam of map voor de uitvoer.\n',
    );
    const missing = await run(['review', '--importeer', 'ingevuld.csv']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('fout: ingevuld.csv: bestand bestaat niet.\n');
  });

  it('offers the signals of the area and period asked for, newest first; the export goes to the private folder', async () => {
    const juli = await run(['review', '--exporteer', '--periode', '2025-07']);
    expect(juli.code).toBe(0);
    expect(juli.stderr).toContain('wachtrij van Zaanstad, juli 2025 (nieuwste eerst)');
    expect(juli.stderr).toContain('2 signalen uit de wachtrij geschreven naar prive/wachtrij.csv.');
    const rows = parse(await readFile(join(dir, 'prive', 'wachtrij.csv')), { bom: true, delimiter: ';' }) as string[][];
    expect(rows.map((r) => r[0])).toEqual(['id', 'R-03', 'R-02']);
    const elders = await run(['review', '--status', '--json', '--gemeente', 'Oostzaan']);
    expect(JSON.parse(elders.stdout)).toMatchObject({ totaal: 0 });
    expect((await run(['review', '--status', '--regio', 'Nergensland'])).code).toBe(2);
  });

  it('--status counts the queue per gemeente and quarter', async () => {
    expect(await status()).toEqual({
      totaal: 4,
      perReden: { onbekend: 3, afwijking: 1, gewijzigd: 0 },
      groepen: [
        { gemeente: 'GM0479', naam: 'Zaanstad', periode: '2025-Q3', label: '3e kwartaal 2025', aantal: 4, perReden: { onbekend: 3, afwijking: 1, gewijzigd: 0 } },
      ],
      beoordeeld: 0,
      zonderSignaal: 0,
    });
    const text = await run(['review', '--status']);
    expect(text.stdout).toContain('In de wachtrij: 4 signalen (3 fenomeen onbekend, 1 afwijking tussen label en regels).');
    expect(text.stdout).toContain('Zaanstad        4       4');
  });

  it('export -> fill in -> import round trip: decisions count in trends as the chosen fenomeen, everywhere', async () => {
    const before = await zaanstadQ3();
    expect(nonZero(before.fenomenen)).toEqual({ jihadisme: 2, polarisatie: 1, onbekend: 3 });

    const exported = await run(['review', '--exporteer', 'wachtrij.csv']);
    expect(exported.code).toBe(0);
    expect(exported.stdout).toBe('');
    expect(exported.stderr).toContain('4 signalen uit de wachtrij geschreven naar wachtrij.csv.');
    const rows = parse(await readFile(join(dir, 'wachtrij.csv')), { bom: true, delimiter: ';' }) as string[][];
    expect(rows.map((r) => r[0])).toEqual(['id', 'R-06', 'R-04', 'R-03', 'R-02']);

    await fillIn(join(dir, 'wachtrij.csv'), { 'R-02': ['Polarisatie'], 'R-03': ['overig', 'hoog'], 'R-04': ['rechts-extremisme', 'midden'] });
    const imported = await run(['review', '--importeer', 'wachtrij.csv']);
    expect(imported.code).toBe(0);
    expect(imported.stderr).toContain(
      '3 beoordelingen vastgelegd in beoordelingen.json (3 nieuw, 0 vervangen); 1 regels zonder beslissing overgeslagen.',
    );

    const file = await decisionsFile();
    expect(file.versie).toBe(1);
    expect(file.beoordelingen.map((b) => [b.id, b.fenomeen, b.ernst, b.wie, b.suggestie?.fenomeen])).toEqual([
      ['R-02', 'polarisatie', undefined, 'Analist Zaanstad', 'onbekend'],
      ['R-03', 'overig', 'hoog', 'Analist Zaanstad', 'onbekend'],
      ['R-04', 'rechts-extremisme', 'midden', 'Analist Zaanstad', 'jihadisme'],
    ]);
    expect(await status()).toMatchObject({ totaal: 1, perReden: { onbekend: 1, afwijking: 0, gewijzigd: 0 }, beoordeeld: 3 });

    expect(await classificatie()).toEqual({
      'R-01': ['rechts-extremisme', 'regel'],
      'R-02': ['polarisatie', 'handmatig'],
      'R-03': ['overig', 'handmatig'],
      'R-04': ['rechts-extremisme', 'handmatig'],
      'R-05': ['polarisatie', 'analist'],
      'R-06': ['onbekend', 'geen'],
      'R-07': ['jihadisme', 'regel'],
    });
    const after = await zaanstadQ3();
    expect(nonZero(after.fenomenen)).toEqual({ jihadisme: 1, 'rechts-extremisme': 1, polarisatie: 2, overig: 1, onbekend: 1 });
    expect(after.ernst.hoog).toBe(before.ernst.hoog + 1);

    // Importing the same file again changes nothing and keeps who and when.
    const again = await run(['review', '--importeer', 'wachtrij.csv']);
    expect(again.stderr).toContain('0 beoordelingen vastgelegd in beoordelingen.json (0 nieuw, 0 vervangen, 3 al zo vastgelegd)');
    expect(await decisionsFile()).toEqual(file);
  });

  it('does not export over an earlier export with decisions filled in, unless --forceer', async () => {
    const file = join(dir, 'wachtrij.csv');
    expect((await run(['review', '--exporteer', 'wachtrij.csv'])).code).toBe(0);
    // An untouched earlier export may be replaced: nothing would be lost.
    expect((await run(['review', '--exporteer', 'wachtrij.csv'])).code).toBe(0);
    await fillIn(file, { 'R-02': ['polarisatie'], 'R-03': ['overig', 'hoog'] });
    const filled = await readFile(file, 'utf8');

    const refused = await run(['review', '--exporteer', 'wachtrij.csv']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('wachtrij.csv: dit bestand bevat al 2 ingevulde beslissing(en).');
    expect(refused.stderr).not.toMatch(/\n\s+at /);
    expect(await readFile(file, 'utf8')).toBe(filled);

    expect((await run(['review', '--forceer'])).stderr).toContain('--forceer hoort bij --exporteer.');
    expect((await run(['review', '--exporteer', 'wachtrij.csv', '--forceer'])).code).toBe(0);
    const rows = parse(await readFile(file), { bom: true, delimiter: ';' }) as string[][];
    const fenomeen = rows[0]!.indexOf('fenomeen');
    expect(rows.slice(1).every((r) => r[fenomeen] === '')).toBe(true);
  });

  it('import is all or nothing: one bad line, exit 1, every problem listed, decisions file untouched', async () => {
    await run(['review', '--exporteer', 'wachtrij.csv']);
    await fillIn(join(dir, 'wachtrij.csv'), { 'R-02': ['polarisatie'], 'R-03': ['jihadism'], 'R-04': ['overig', 'zwaar'] });
    const r = await run(['review', '--importeer', 'wachtrij.csv']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("fout: wachtrij.csv regel 5, kolom J (fenomeen): 'jihadism' is geen bekend fenomeen. Bedoelt u 'jihadisme'?");
    expect(r.stderr).toContain("fout: wachtrij.csv regel 4, kolom K (ernst): 'zwaar' is geen ernst.");
    expect(r.stderr).toContain('Niets vastgelegd: 2 fout(en) in wachtrij.csv.');
    expect(await exists(join(dir, 'beoordelingen.json'))).toBe(false);
    expect((await status()).totaal).toBe(4);
  });

  it('a signal whose content changed returns to the queue and its decision no longer counts', async () => {
    await run(['review', '--exporteer', 'wachtrij.csv']);
    await fillIn(join(dir, 'wachtrij.csv'), { 'R-02': ['polarisatie'], 'R-03': ['overig'] });
    expect((await run(['review', '--importeer', 'wachtrij.csv'])).code).toBe(0);

    // A later export describes R-02 differently.
    const signalen = join(dir, 'signalen.csv');
    await writeFile(signalen, (await readFile(signalen, 'utf8')).replace('zich vreemd gedraagt.', 'zich vreemd gedraagt, hij is teruggekeerd.'));
    expect(await status()).toMatchObject({ totaal: 3, perReden: { onbekend: 1, afwijking: 1, gewijzigd: 1 }, beoordeeld: 1 });

    // The old export no longer fits R-02: importing it again is refused.
    const stale = await run(['review', '--importeer', 'wachtrij.csv']);
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain("kolom L (controle): het signaal 'R-02' is gewijzigd sinds de export");
    expect(nonZero((await zaanstadQ3()).fenomenen)).toEqual({ jihadisme: 2, polarisatie: 1, overig: 1, onbekend: 2 });
    const classified = await classificatie();
    expect([classified['R-02'], classified['R-03']]).toEqual([['onbekend', 'geen'], ['overig', 'handmatig']]);
  });

  it('a broken decisions file stops every command that classifies, naming the file and entry (exit 2)', async () => {
    await writeFile(join(dir, 'beoordelingen.json'), JSON.stringify({ versie: 1, beoordelingen: [{ id: 'R-02', fenomeen: 'x' }] }));
    for (const args of [['review', '--status'], ['trends']]) {
      const r = await run(args);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`beoordelingen ongeldig (${join(dir, 'beoordelingen.json')})`);
      expect(r.stderr).toContain(`beoordelingen[0] (id 'R-02'): 'fenomeen' "x" is onbekend`);
    }
  });
});

// A real process in its own terminal and workspace copy, waiting for its prompts.
describe('cter review on a terminal', { concurrent: true }, () => {
  /** Runs `test` on `cter review` in a new terminal in a new copy of the workspace. */
  const inTerminal =
    (test: (t: Terminal, map: string) => Promise<void>) =>
    async () => {
      const map = await werkmap();
      const t = await Terminal.start([process.execPath, CTER, 'review'], map, { NO_COLOR: '1', CTER_CONFIG: '' });
      try {
        await test(t, map);
      } finally {
        await t.close();
      }
    };

  it('shows each signal, newest first, with its description and suggestion; decides, skips and stops; saves at once', inTerminal(async (t, map) => {
    const first = await t.waitFor(['Fenomeen'], { after: 'Signaal 1 van 4: R-06' });
    expect(first).toContain('gemeente:  Zaanstad');
    expect(first).toContain('datum:     2025-09-09');
    expect(first).toContain('Medewerker van het loket');
    expect(first).toContain('suggestie van de regels: Onbekend');
    expect(first).toContain("reden: te weinig aanwijzingen: hoogste score polarisatie 1 ('uitgescholden' (1))");
    // The cursor starts on "Overslaan": Enter never records a decision by accident.
    expect(first).toMatch(/❯ Overslaan/);
    // The prompt's key hints are Dutch.
    expect(first).toContain('kiezen');
    expect(engelseTekst(first)).toEqual([]);
    // Typing selects by name, as in any select prompt.
    await t.type('Polar');
    await t.keys('Enter');
    await t.waitFor(['Ernst'], { after: 'Fenomeen' });
    await t.type('hoog');
    await t.keys('Enter');
    await t.waitFor(['Vastgelegd: R-06 is polarisatie, ernst hoog.']);
    // Saved before the next question: stopping now (or Ctrl-C) keeps it.
    expect((await decisionsFile(map)).beoordelingen.map((b) => [b.id, b.fenomeen, b.ernst])).toEqual([['R-06', 'polarisatie', 'hoog']]);

    const second = await t.waitFor(['Fenomeen'], { after: 'Signaal 2 van 4: R-04' });
    expect(second).toContain('afwijking tussen label en regels: label in de export is Jihadisme');
    expect(second).toContain('Rechts-extremisme (suggestie)');
    // Enter on the default skips.
    await t.keys('Enter');
    await t.waitFor(['Fenomeen'], { after: 'Signaal 3 van 4: R-03' });
    await t.type('Stop');
    await t.keys('Enter');
    expect(await t.exitCode()).toBe(0);
    const screen = await t.screen();
    expect(screen).toContain('1 vastgelegd, 1 overgeslagen, 2 nog niet bekeken.');
    expect(engelseTekst(screen)).toEqual([]);
    expect((await decisionsFile(map)).beoordelingen.map((b) => b.id)).toEqual(['R-06']);
    expect((await status(map)).totaal).toBe(3);
  }));

  // Ctrl-C (exit 130, no stack trace, the decision made before it kept) on a terminal of 24 lines (the signal and the
  // list fit, whatever was printed before) is the `review` cell "Ctrl-C" of tests/e2e/afsluitcodes-echt.test.ts.
});
