// The exit-code contract's scenarios, shared by tests/e2e/afsluitcodes.test.ts (the table itself, the guard that
// keeps a real process per command and per exit code, and every cell that runs in-process) and
// tests/e2e/afsluitcodes-echt.test.ts (every cell that runs the real bin/cter process: every Ctrl-C and one cell per
// exit code). README "Afsluitcodes" has one table (command x situation -> exit code); every number in it must have a
// scenario here and every scenario a number.
// Each command's "Ctrl-C" runs the real process (bin/cter runs dist/), so every command is proved once as the shell
// sees it, and so is every other exit code (0, 1, 2) in one cheap cell each (`echt`); the other situations run the
// same program in-process (`cter`, tests/e2e/init-cli.ts), whose exit code is the one bin/cter exits with.
// Interrupts are real: Ctrl-C in a terminal (tmux) while cter reads its exports (a generated one, then a FIFO nobody
// writes) or waits at a prompt, and SIGINT to `cter config` while it waits for its configuration file (a FIFO too).
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { execFileSync, spawn } from 'node:child_process';
import { constants } from 'node:fs';
import { appendFile, cp, mkdtemp, open, readdir, readFile, stat, writeFile, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, type ExpectStatic } from 'vitest';
import type { BeoordelingenBestand } from '../../src/classify/beoordelingen.js';
import { PARALLEL_VANAF_BYTES } from '../../src/classify/parallel.js';
import { Terminal } from '../fixtures/review/tmux.js';
import { CTER, cter, cterProces } from './init-cli.js';

const README = resolve(import.meta.dirname, '../../README.md');
const WERKMAP = resolve(import.meta.dirname, '../fixtures/review/werkmap');

/** The README's table: command -> column -> exit code (undefined for "–"). */
export async function readmeTabel(): Promise<{ kolommen: string[]; codes: Map<string, Map<string, number | undefined>> }> {
  const text = await readFile(README, 'utf8');
  const blok = /<!-- afsluitcodes:begin[^>]*-->\n([\s\S]*?)<!-- afsluitcodes:end -->/.exec(text)?.[1];
  if (!blok) throw new Error('README has no afsluitcodes table');
  const rijen = blok
    .trim()
    .split('\n')
    .map((r) => r.split('|').slice(1, -1).map((c) => c.trim().replace(/`/g, '')));
  const [kop, , ...data] = rijen;
  const kolommen = kop!.slice(1);
  const codes = new Map<string, Map<string, number | undefined>>();
  for (const rij of data) {
    codes.set(rij[0]!, new Map(kolommen.map((k, i) => [k, rij[i + 1] === '–' ? undefined : Number(rij[i + 1])])));
  }
  return { kolommen, codes };
}

let ok: string; // a workspace (gemeente Zaanstad) whose export is clean
let fout: string; // the same with one rejected row
let lezen: string; // a generated export of 10,000 rows: read before the FIFO, so the reading progress is on the screen
let tweeDraden: string; // the same, larger than PARALLEL_VANAF_BYTES: cter classifies it on a second thread

/**
 * Makes the scenarios' workspaces (in each test file's beforeAll): `ok` and `fout`, and with `metExports` the
 * generated exports that the Ctrl-C scenarios read (only the real processes read them).
 */
export async function werkmappen(metExports: boolean): Promise<void> {
  ok = await mkdtemp(join(tmpdir(), 'cter-afsluit-ok-'));
  await cp(WERKMAP, ok, { recursive: true });
  fout = await mkdtemp(join(tmpdir(), 'cter-afsluit-fout-'));
  await cp(WERKMAP, fout, { recursive: true });
  await appendFile(join(fout, 'signalen.csv'), 'R-99;31-02-2025;Zaanstad;Incident;Politie;;Een datum die niet bestaat.\n');
  if (!metExports) return;
  const map = await mkdtemp(join(tmpdir(), 'cter-afsluit-exports-'));
  lezen = join(map, 'politie.csv');
  await writeFile(lezen, gegenereerdeExport(10_000));
  tweeDraden = join(map, 'politie-groot.csv');
  await writeFile(tweeDraden, gegenereerdeExport(34_000));
  expect((await stat(tweeDraden)).size).toBeGreaterThan(PARALLEL_VANAF_BYTES);
}

/**
 * A police-style export of `regels` valid signals without descriptions (620 KB for 10,000): cheap per row (nothing to
 * classify) and made in a fraction of a second. cter shows its reading progress every 10,000 rows.
 */
function gegenereerdeExport(regels: number): string {
  const gemeenten = ['Zaanstad', 'Oostzaan', 'Purmerend', 'Edam-Volendam', 'Haarlem', 'Alkmaar', 'Den Helder'];
  const delen = ['\ufeffsep=;\r\nRegistratienummer;Datum melding;Gemeentenaam;Melder;Beoordeling;Soort signaal;Categorie;Toelichting\r\n'];
  for (let i = 1; i <= regels; i++) {
    const datum = `${String(1 + (i % 28)).padStart(2, '0')}-${String(1 + (i % 12)).padStart(2, '0')}-${2024 + (i % 2)}`;
    delen.push(`PNH-${String(i).padStart(7, '0')};${datum} 10:00;${gemeenten[i % gemeenten.length]};Politie;B2;Incident;;\r\n`);
  }
  return delen.join('');
}

/** A FIFO in a fresh folder: a cter reading it stays busy until it is interrupted. */
async function fifo(naam: string): Promise<string> {
  const pad = join(await mkdtemp(join(tmpdir(), 'cter-fifo-')), naam);
  execFileSync('mkfifo', [pad]);
  return pad;
}

/**
 * The FIFO opened for writing as soon as cter has it open for reading (or is opening it): a non-blocking open for
 * writing succeeds only then. Undefined when cter ended first.
 */
async function schrijverVan(pijp: string, geeindigd: () => boolean): Promise<FileHandle | undefined> {
  let schrijver: FileHandle | undefined;
  while (!schrijver && !geeindigd()) {
    schrijver = await open(pijp, constants.O_WRONLY | constants.O_NONBLOCK).catch(() => undefined);
    if (!schrijver) await new Promise((r) => setTimeout(r, 25));
  }
  return schrijver;
}

/** Runs cter without a terminal, waits until it has opened `fifo` for reading, sends SIGINT; the exit code. */
async function interrupted(args: string[], cwd: string, pijp: string): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [CTER, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', CTER_CONFIG: '' } });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const klaar = new Promise<number | null>((done) => child.on('close', (code) => done(code)));
  let exited = false;
  void klaar.then(() => (exited = true));
  const schrijver = await schrijverVan(pijp, () => exited);
  if (!exited) child.kill('SIGINT');
  // A read blocked on the FIFO would hold the exit up: end it once cter has said it stops.
  while (!exited && !stderr.includes(AFGEBROKEN)) await new Promise((r) => setTimeout(r, 25));
  await schrijver?.close();
  const code = await klaar;
  return { code, stderr };
}

const AFGEBROKEN = 'afgebroken door de gebruiker (Ctrl-C).';

/**
 * Ctrl-C in a real terminal once `prompt` is on the screen (a question, or the reading progress). With `pijp`, a FIFO
 * among the exports: cter may be blocked opening it, and then its exit waits for that open to return (the open runs on
 * libuv's thread pool, which the exit joins), so once cter has said it stops the FIFO's other end is opened.
 */
async function ctrlCInTerminal(args: string[], cwd: string, prompt: string, pijp?: string): Promise<{ code: number; stderr: string }> {
  const t = await Terminal.start([process.execPath, CTER, ...args], cwd, { NO_COLOR: '1', CTER_CONFIG: '' });
  let schrijver: FileHandle | undefined;
  try {
    await t.waitFor([prompt]);
    await t.keys('C-c');
    if (pijp) {
      await t.waitFor([AFGEBROKEN]);
      schrijver = await schrijverVan(pijp, () => t.ended());
    }
    const code = await t.exitCode();
    return { code, stderr: await t.screen() };
  } finally {
    await schrijver?.close();
    await t.close();
  }
}

/**
 * Ctrl-C while cter reads its exports: the generated one (`eerste`, 10,000 rows; the Ctrl-C is sent once its progress
 * line is on the screen, or for batch, which shows no such line, once it says it reads), then a FIFO nobody writes, on
 * which cter waits. So the Ctrl-C arrives while cter reads, however slow the machine, and cter reads no more than the
 * first export: reading a large export until the Ctrl-C arrived cost seconds of CPU per command.
 */
const leesCtrlC =
  (args: (exports: string[]) => string[], prompt = 'lezen: ', eerste = () => lezen): Scenario =>
  async () => {
    const pijp = await fifo('export.csv');
    return ctrlCInTerminal(args([eerste(), pijp]), ok, prompt, pijp);
  };

type Uitkomst = { code: number | null; stderr: string };
export type Scenario = () => Promise<Uitkomst>;

/** SIGINT while cter reads the FIFO its arguments name. */
const leesAfbreken =
  (args: (pijp: string) => string[], cwd: () => string, naam = 'export.csv'): Scenario =>
  async () => {
    const pijp = await fifo(naam);
    return interrupted(args(pijp), cwd(), pijp);
  };

const run = (args: string[], cwd: string) => cter(args, { cwd });

/** The scenarios that run the real bin/cter process (besides every Ctrl-C). */
const ECHT = new Set<Scenario>();

/** A scenario that runs the real bin/cter process without a terminal: its exit code as the shell sees it. */
const echt = (args: string[], cwd: () => string): Scenario => {
  const scenario: Scenario = () => cterProces(args, cwd());
  ECHT.add(scenario);
  return scenario;
};
const JSON_RAPPORT = ['--formaat', 'json', '--uit', 'rapporten'];
const PROEFREGIO = 'Proefregio';

/** An export with a fenomeen that does not exist filled in: the import is refused. */
async function geweigerdeImport(dir: string): Promise<string> {
  expect((await run(['review', '--exporteer', 'w.csv'], dir)).code).toBe(0);
  const rows = parse(await readFile(join(dir, 'w.csv')), { bom: true, delimiter: ';' }) as string[][];
  rows[1]![rows[0]!.indexOf('fenomeen')] = 'geen-fenomeen';
  await writeFile(join(dir, 'w.csv'), stringify(rows, { delimiter: ';' }));
  return 'w.csv';
}

/**
 * A workspace whose templates break the region's report only: its gemeenten chapter calls a helper that does not exist.
 * Its own region of two gemeenten keeps the run to three HTML reports: two succeed, the region's fails.
 */
async function kapotteTemplates(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'cter-afsluit-templates-'));
  await cp(WERKMAP, dir, { recursive: true });
  await cp(resolve(import.meta.dirname, '../../templates'), join(dir, 'templates'), { recursive: true });
  await writeFile(join(dir, 'templates', 'partials', 'gemeenten.hbs'), '<section>{{kapotteHelper gebied.naam}}</section>\n');
  const config = JSON.parse(await readFile(join(dir, 'cter.config.json'), 'utf8')) as Record<string, unknown>;
  await writeFile(join(dir, 'cter.config.json'), JSON.stringify({ ...config, templates: 'templates', regios: [{ naam: PROEFREGIO, gemeenten: ['Zaanstad', 'Oostzaan'] }] }));
  return dir;
}

/**
 * Ctrl-C in `cter review` at the second signal, after one decision, on a terminal of 24 lines (its own copy of the
 * workspace): the decision made is kept, and the small terminal shows the whole signal with its question. The rest of
 * the terminal session is tests/e2e/review.test.ts.
 */
async function reviewAfbreken(): Promise<Uitkomst> {
  const map = await mkdtemp(join(tmpdir(), 'cter-afsluit-review-'));
  await cp(WERKMAP, map, { recursive: true });
  const t = await Terminal.start([process.execPath, CTER, 'review'], map, { NO_COLOR: '1', CTER_CONFIG: '' }, { rows: 24 });
  try {
    const scherm = await t.waitFor(['Fenomeen'], { after: 'Signaal 1 van 4: R-06' });
    const zichtbaar = await t.visible();
    // The whole signal and the prompt with its first choice fit on the 24 visible lines.
    for (const tekst of ['Signaal 1 van 4: R-06', 'suggestie van de regels', 'Fenomeen', 'Overslaan']) expect(zichtbaar).toContain(tekst);
    expect(scherm).toContain('Stoppen');
    await t.type('Overig');
    await t.keys('Enter');
    await t.waitFor(['Ernst'], { after: 'Fenomeen' });
    await t.keys('Enter');
    await t.waitFor(['Fenomeen'], { after: 'Signaal 2 van 4: R-04' });
    await t.keys('C-c');
    const code = await t.exitCode();
    const screen = await t.screen();
    expect(screen).toContain('1 beoordeling(en) van deze sessie zijn bewaard in');
    expect(screen).not.toMatch(/\bat .*\.js:\d+/);
    const besluiten = JSON.parse(await readFile(join(map, 'beoordelingen.json'), 'utf8')) as BeoordelingenBestand;
    expect(besluiten.beoordelingen.map((b) => [b.id, b.fenomeen])).toEqual([['R-06', 'overig']]);
    return { code, stderr: screen };
  } finally {
    await t.close();
  }
}

export const SCENARIOS: Record<string, Record<string, Scenario>> = {
  valideer: {
    klaar: () => run(['valideer'], ok),
    'afgewezen regels': echt(['valideer'], () => fout),
    'afgewezen regels, --streng': () => run(['valideer', '--streng'], fout),
    'verkeerd gebruik': () => run(['valideer', '--soort', 'xml'], ok),
    'I/O-fout': () => run(['valideer', 'bestaat-niet.csv'], ok),
    // --soort: without it valideer reads every file's header first, and would wait on the FIFO before reading.
    'Ctrl-C': leesCtrlC((exports) => ['valideer', '--soort', 'signalen', ...exports]),
  },
  classificeer: {
    klaar: () => run(['classificeer'], ok),
    'afgewezen regels': () => run(['classificeer'], fout),
    'afgewezen regels, --streng': () => run(['classificeer', '--streng'], fout),
    'verkeerd gebruik': () => run(['classificeer', '--formaat', 'xml'], ok),
    'I/O-fout': () => run(['classificeer', '--signalen', 'bestaat-niet.csv'], ok),
    'Ctrl-C': leesCtrlC((exports) => ['classificeer', '--signalen', ...exports, '--formaat', 'json']),
  },
  trends: {
    klaar: () => run(['trends'], ok),
    'afgewezen regels': () => run(['trends'], fout),
    'afgewezen regels, --streng': () => run(['trends', '--streng'], fout),
    'verkeerd gebruik': () => run(['trends', '--periode', '2025-Q5'], ok),
    'I/O-fout': () => run(['trends', '--signalen', 'signalen.csv/export.csv'], ok),
    // The export over PARALLEL_VANAF_BYTES: the Ctrl-C also stops the classification on a second thread.
    'Ctrl-C': leesCtrlC((exports) => ['trends', '--gemeente', 'Zaanstad', '--periode', '2025-Q3', '--signalen', ...exports], 'lezen: ', () => tweeDraden),
  },
  beeld: {
    klaar: () => run(['beeld', ...JSON_RAPPORT], ok),
    'afgewezen regels': () => run(['beeld', ...JSON_RAPPORT], fout),
    'afgewezen regels, --streng': () => run(['beeld', ...JSON_RAPPORT, '--streng'], fout),
    'verkeerd gebruik': () => run(['beeld', '--gemeente', 'Bergen', ...JSON_RAPPORT], ok),
    'I/O-fout': () => run(['beeld', ...JSON_RAPPORT, '--notities', 'bestaat-niet'], ok),
    'Ctrl-C': leesCtrlC((exports) => ['beeld', '--gemeente', 'Zaanstad', ...JSON_RAPPORT, '--signalen', ...exports]),
  },
  duiding: {
    // --forceer: the scenarios share their workspace, and a second draft for the same area would be a usage error.
    klaar: () => run(['duiding', '--forceer'], ok),
    'afgewezen regels': () => run(['duiding', '--forceer'], fout),
    'afgewezen regels, --streng': () => run(['duiding', '--forceer', '--streng'], fout),
    'verkeerd gebruik': () => run(['duiding', '--gemeente', 'Atlantis'], ok),
    'I/O-fout': () => run(['duiding', '--config', 'bestaat-niet.json'], ok),
    'Ctrl-C': leesAfbreken((pijp) => ['duiding', '--config', pijp], () => ok, 'cter.config.json'),
  },
  batch: {
    klaar: () => run(['batch', '--regio', 'Zaanstreek-Waterland', ...JSON_RAPPORT], ok),
    'afgewezen regels': () => run(['batch', '--regio', 'Zaanstreek-Waterland', ...JSON_RAPPORT], fout),
    'afgewezen regels, --streng': () => run(['batch', '--regio', 'Zaanstreek-Waterland', ...JSON_RAPPORT, '--streng'], fout),
    // The gemeenten chapter exists only in the region's report: its partial calls a helper that does not exist.
    'deels mislukt': async () => run(['batch', '--regio', PROEFREGIO, '--formaat', 'html', '--uit', 'rapporten'], await kapotteTemplates()),
    'verkeerd gebruik': () => run(['batch', ...JSON_RAPPORT], ok),
    'I/O-fout': () => run(['batch', '--regio', 'Zaanstreek-Waterland', ...JSON_RAPPORT, '--signalen', 'bestaat-niet.csv'], ok),
    'Ctrl-C': leesCtrlC((exports) => ['batch', '--regio', 'Zaanstreek-Waterland', ...JSON_RAPPORT, '--signalen', ...exports], 'invoer lezen'),
  },
  kwartaal: {
    klaar: () => run(['kwartaal', '--regio', 'Zaanstreek-Waterland', ...JSON_RAPPORT], ok),
    'afgewezen regels': () => run(['kwartaal', '--regio', 'Zaanstreek-Waterland', ...JSON_RAPPORT], fout),
    'afgewezen regels, --streng': () => run(['kwartaal', '--regio', 'Zaanstreek-Waterland', ...JSON_RAPPORT, '--streng'], fout),
    // As for batch: the region's report calls a template helper that does not exist; the gemeenten' reports succeed.
    'deels mislukt': async () => run(['kwartaal', '--regio', PROEFREGIO, '--formaat', 'html', '--uit', 'rapporten'], await kapotteTemplates()),
    'verkeerd gebruik': () => run(['kwartaal', '--periode', '2025-Q5', ...JSON_RAPPORT], ok),
    'I/O-fout': () => run(['kwartaal', '--regio', 'Zaanstreek-Waterland', ...JSON_RAPPORT, '--signalen', 'bestaat-niet.csv'], ok),
    'Ctrl-C': leesCtrlC((exports) => ['kwartaal', '--regio', 'Zaanstreek-Waterland', ...JSON_RAPPORT, '--signalen', ...exports]),
  },
  review: {
    klaar: () => run(['review', '--status'], ok),
    'afgewezen regels': () => run(['review', '--status'], fout),
    'afgewezen regels, --streng': () => run(['review', '--status', '--streng'], fout),
    'deels mislukt': async () => {
      const dir = await mkdtemp(join(tmpdir(), 'cter-afsluit-review-'));
      await cp(WERKMAP, dir, { recursive: true });
      return run(['review', '--importeer', await geweigerdeImport(dir)], dir);
    },
    'verkeerd gebruik': () => run(['review', '--json'], ok),
    'I/O-fout': () => run(['review', '--importeer', 'bestaat-niet.csv'], ok),
    'Ctrl-C': reviewAfbreken,
  },
  init: {
    klaar: async () => run(['init', 'nieuw', '--ja'], await mkdtemp(join(tmpdir(), 'cter-afsluit-init-'))),
    'verkeerd gebruik': async () => run(['init', '--ja', '--tlp', 'PAARS'], await mkdtemp(join(tmpdir(), 'cter-afsluit-init-'))),
    'I/O-fout': async () => {
      const dir = await mkdtemp(join(tmpdir(), 'cter-afsluit-init-'));
      await writeFile(join(dir, 'een-bestand'), '');
      return run(['init', join('een-bestand', 'werkmap'), '--ja'], dir);
    },
    // Stopped at the first question, it has written nothing.
    'Ctrl-C': async () => {
      const dir = await mkdtemp(join(tmpdir(), 'cter-afsluit-init-'));
      const r = await ctrlCInTerminal(['init'], dir, 'Voor welk gebied');
      expect(await readdir(dir)).toEqual([]);
      return r;
    },
  },
  config: {
    klaar: () => run(['config'], ok),
    'verkeerd gebruik': () => run(['config', '--uitleg', 'extra'], ok),
    'I/O-fout': echt(['config', '--config', 'bestaat-niet.json'], () => ok),
    'Ctrl-C': leesAfbreken((pijp) => ['config', '--config', pijp], () => ok, 'cter.config.json'),
  },
  gebieden: {
    klaar: echt(['gebieden', '--soort', 'politie-eenheid'], () => ok),
    'verkeerd gebruik': () => run(['gebieden', '--regio', 'Atlantis'], ok),
    'I/O-fout': () => run(['gebieden', '--config', 'bestaat-niet.json'], ok),
    'Ctrl-C': leesAfbreken((pijp) => ['gebieden', '--config', pijp], () => ok, 'cter.config.json'),
  },
};

/** One cell of the README's table: a command in a situation, its expected exit code and how to bring it about. */
export interface Cel {
  opdracht: string;
  kolom: string;
  verwacht: number;
  scenario: Scenario;
}

/** The table's cells of one kind: those run as the real process (every Ctrl-C and `echt`) or the rest (in-process). */
export async function cellen(echteProcessen: boolean): Promise<Cel[]> {
  const { kolommen, codes } = await readmeTabel();
  return [...codes].flatMap(([opdracht, perKolom]) =>
    kolommen.flatMap((kolom) => {
      const verwacht = perKolom.get(kolom);
      const scenario = SCENARIOS[opdracht]?.[kolom];
      if (verwacht === undefined || !scenario) return [];
      return (kolom === 'Ctrl-C' || ECHT.has(scenario)) === echteProcessen ? [{ opdracht, kolom, verwacht, scenario }] : [];
    }),
  );
}

/** Runs one cell: its exit code, never a stack trace or an internal error, and every Ctrl-C says it stopped. */
export async function voerUit({ kolom, verwacht, scenario }: Cel, expect: ExpectStatic): Promise<void> {
  const r = await scenario();
  expect({ code: r.code, stderr: r.stderr }).toMatchObject({ code: verwacht });
  expect(r.stderr).not.toMatch(/\n\s+at .*:\d+|interne fout/);
  if (kolom === 'Ctrl-C') expect(r.stderr).toContain(AFGEBROKEN);
}
