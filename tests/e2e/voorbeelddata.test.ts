// `cter valideer` on the shipped sample data (data-samples/): exact counts per file, and every deliberate error and
// warning that data-samples/verwacht.json lists, on its line and column.
import { basename } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadVerwacht, SAMPLES, type Geplant, type Verwacht } from '../voorbeelddata.js';
import { cter } from './init-cli.js';

interface Telling {
  regels: number;
  geaccepteerd: number;
  afgewezen: number;
  dubbel: number;
}
interface Melding {
  bestand: string;
  regel: number;
  kolom?: string;
  waarde?: string;
  reden: string;
}
let verwacht: Verwacht;
let run: { code: number; stdout: string; stderr: string };
let result: { bestanden: (Telling & { bestand: string; codering: string })[]; totaal: Telling; fouten: Melding[]; waarschuwingen: Melding[] };

beforeAll(async () => {
  verwacht = await loadVerwacht();
  const files = Object.keys(verwacht.bestanden);
  run = await cter(['valideer', '--json', ...files], { cwd: SAMPLES });
  result = JSON.parse(run.stdout) as typeof result;
});

interface TrendGebied {
  signalen: number;
  fenomeenVerandering: Record<string, { vorigePeriode: { richting: string } }>;
}

/** The reported column is the canonical name or the header as the file writes it; either names the right column. */
const sameColumn = (reported: string | undefined, p: Geplant) => reported === p.kolom || reported === p.kopregel;

describe('cter valideer on data-samples/', () => {
  it('exits 1 (rows were rejected) and counts every file exactly', () => {
    expect(run.code).toBe(1);
    for (const [file, telling] of Object.entries(verwacht.bestanden)) {
      const got = result.bestanden.find((b) => basename(b.bestand) === file);
      expect(got, file).toMatchObject({ ...telling, geaccepteerd: telling.regels - telling.afgewezen - telling.dubbel });
    }
    const regels = Object.values(verwacht.bestanden).reduce((n, f) => n + f.regels, 0);
    expect(result.totaal.regels).toBe(regels);
    expect(result.totaal.regels).toBe(result.totaal.geaccepteerd + result.totaal.afgewezen + result.totaal.dubbel);
  });

  it('names the file, line, column and value of every deliberate error, and nothing else is rejected', () => {
    expect(result.fouten).toHaveLength(verwacht.fouten.length);
    for (const p of verwacht.fouten) {
      const found = result.fouten.find((f) => basename(f.bestand) === p.bestand && f.regel === p.regel);
      expect(found, `${p.bestand}:${p.regel}`).toBeDefined();
      expect(sameColumn(found!.kolom, p), `${p.bestand}:${p.regel} column ${found!.kolom}`).toBe(true);
      if (p.waarde !== '') expect(found!.waarde).toBe(p.waarde);
    }
  });

  it('accepts each woonplaats and counts it in its gemeente (classification keeps the value as written)', async () => {
    expect(verwacht.woonplaatsen.length).toBeGreaterThan(0);
    for (const p of verwacht.woonplaatsen) {
      const classificatie = await cter(['classificeer', '--formaat', 'json', '--signalen', p.bestand], { cwd: SAMPLES });
      const records = JSON.parse(classificatie.stdout) as { id: string; gemeente: string; gemeenteInExport?: string; regel: number }[];
      expect(classificatie.stderr).toContain(`signalen: ${p.waarde} geteld als Zaanstad: 1×.`);
      expect(result.fouten.some((f) => basename(f.bestand) === p.bestand && f.regel === p.regel), `${p.bestand}:${p.regel}`).toBe(false);
      expect(records.find((r) => r.id === p.id)).toMatchObject({ gemeente: 'GM0479', gemeenteInExport: p.waarde, regel: p.regel });
    }
  });

  it('warns about each deliberate odd value and about the id whose content changed between exports', () => {
    for (const p of verwacht.waarschuwingen) {
      const found = result.waarschuwingen.find((w) => basename(w.bestand) === p.bestand && w.regel === p.regel && sameColumn(w.kolom, p));
      expect(found, `${p.bestand}:${p.regel}`).toMatchObject({ waarde: p.waarde });
    }
    const { id, later } = verwacht.dubbel.gewijzigd;
    const changed = result.waarschuwingen.find((w) => basename(w.bestand) === later.bestand && w.regel === later.regel);
    expect(changed?.reden).toContain(id);
  });

  it('shows the designed trends: Zaanstad 2025-Q3 and each event a significant rise of its fenomeen', async () => {
    const trend = async (gemeente: string, periode: string) => {
      const run = await cter(['trends', '--gemeente', gemeente, '--periode', periode], { cwd: SAMPLES });
      expect(run.code, run.stderr).toBe(0);
      return (JSON.parse(run.stdout) as { gebieden: TrendGebied[] }).gebieden[0]!;
    };
    const zaanstad = await trend('Zaanstad', '2025-Q3');
    const perKwartaal = verwacht.zaanstadPerKwartaal;
    expect(zaanstad).toMatchObject({
      signalen: perKwartaal['2025-Q3'],
      signalenVorigePeriode: perKwartaal['2025-Q2'],
      signalenVorigJaar: perKwartaal['2024-Q3'],
      verandering: { vorigePeriode: { richting: 'stijging' }, vorigJaar: { richting: 'stijging' } },
    });
    for (const t of verwacht.trends) {
      const gebied = t.gemeente === 'Zaanstad' && t.periode === '2025-Q3' ? zaanstad : await trend(t.gemeente, t.periode);
      expect(gebied.fenomeenVerandering[t.fenomeen]?.vorigePeriode.richting, `${t.gemeente} ${t.periode} ${t.fenomeen}`).toBe('stijging');
    }
  });

  it('reads the trend notes without a single problem', async () => {
    const notes = await cter(['valideer', '--json', verwacht.notities.bestand], { cwd: SAMPLES });
    expect(notes.code).toBe(0);
    const parsed = JSON.parse(notes.stdout) as typeof result;
    expect(parsed.totaal).toEqual({ regels: verwacht.notities.regels, geaccepteerd: verwacht.notities.regels, afgewezen: 0, dubbel: 0 });
    expect(parsed.waarschuwingen).toEqual([]);
  });
});
