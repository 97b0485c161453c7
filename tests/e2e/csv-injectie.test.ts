// End-to-end (issue 9, "spreadsheet formulas never reach Excel"): every CSV cter writes goes through one writer that
// neutralises text cells starting with = + - @ tab or CR, and review --importeer reads the neutralised id back.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { cter } from './init-cli.js';

const HYPERLINK = '=HYPERLINK("https://example.invalid/x";"klik")';
const FORMULE = /^[=+\-@\t\r]/;

/** Every cell of a cter CSV output. */
function cellen(text: string): string[] {
  return (parse(text, { delimiter: ';', bom: true, relax_column_count: true }) as string[][]).flat();
}

let ws: string;
beforeAll(async () => {
  ws = await mkdtemp(join(tmpdir(), 'cter-csv-injectie-'));
  const rows = [
    'id;datum;gemeente;type;omschrijving;persoon_id',
    `"${HYPERLINK.replace(/"/g, '""')}";03-07-2025;Zaanstad;=1+1;@SUM(A1) een tekst;P-1`,
    '+31-2;04-07-2025;Zaanstad;incident;-2+3 een andere tekst;P-2',
    'RPT-3;05-07-2025;Oostzaan;incident;gewone tekst;P-3',
  ];
  await writeFile(join(ws, 'signalen.csv'), `${rows.join('\n')}\n`);
  await writeFile(
    join(ws, 'cter.config.json'),
    JSON.stringify({ signalen: ['signalen.csv'], regio: '=Zaanregio', regios: [{ naam: '=Zaanregio', gemeenten: ['Zaanstad', 'Oostzaan'] }] }),
  );
});

describe('CSV outputs hold no formula', () => {
  it('classificeer --formaat csv neutralises id, type and omschrijving, not the line numbers', async () => {
    const r = await cter(['classificeer', '--formaat', 'csv', '--met-omschrijving'], { cwd: ws });
    expect(r.code).toBe(0);
    const cells = cellen(r.stdout);
    expect(cells.filter((c) => FORMULE.test(c))).toEqual([]);
    expect(cells).toContain(`'${HYPERLINK}`);
    expect(cells).toContain("'=1+1");
    expect(cells).toContain("'@SUM(A1) een tekst");
    expect(cells).toContain("'+31-2");
  });

  it('trends --formaat csv neutralises a configured region name', async () => {
    const r = await cter(['trends', '--periode', '2025-Q3', '--formaat', 'csv'], { cwd: ws });
    expect(r.code).toBe(0);
    const cells = cellen(r.stdout);
    expect(cells.filter((c) => FORMULE.test(c))).toEqual([]);
    expect(cells).toContain("'=Zaanregio");
  });

  it('review --exporteer neutralises the id, and --importeer reads it back to the original', async () => {
    const exp = await cter(['review', '--exporteer', 'wachtrij.csv'], { cwd: ws });
    expect(exp.code).toBe(0);
    const text = await readFile(join(ws, 'wachtrij.csv'), 'utf8');
    const cells = cellen(text);
    expect(cells.filter((c) => FORMULE.test(c))).toEqual([]);
    expect(cells).toContain(`'${HYPERLINK}`);
    // The analyst fills in a fenomeen on every line and saves.
    await writeFile(join(ws, 'wachtrij.csv'), text.replace(/;;;(sha256:)/g, ';polarisatie;;$1'));
    const imp = await cter(['review', '--importeer', 'wachtrij.csv'], { cwd: ws });
    expect(imp.stderr).not.toContain('onbekend id');
    expect(imp.code).toBe(0);
    const opgeslagen = JSON.parse(await readFile(join(ws, 'beoordelingen.json'), 'utf8')) as { beoordelingen: { id: string }[] };
    expect(opgeslagen.beoordelingen.map((b) => b.id)).toContain(HYPERLINK);
  });

  it('valideer --afgewezen neutralises the original fields of rejected rows', async () => {
    await writeFile(join(ws, 'fout.csv'), 'id;datum;gemeente;omschrijving\n=2+2;31-02-2025;Zaanstad;=cmd|x\n');
    const r = await cter(['valideer', 'fout.csv', '--afgewezen', 'afgewezen-fout.csv'], { cwd: ws });
    expect(r.code).toBe(1);
    const cells = cellen(await readFile(join(ws, 'afgewezen-fout.csv'), 'utf8'));
    expect(cells.filter((c) => FORMULE.test(c))).toEqual([]);
    expect(cells).toEqual(expect.arrayContaining(["'=2+2", "'=cmd|x"]));
  });
});
