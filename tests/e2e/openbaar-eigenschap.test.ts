// Property (issue 9, "nothing private where it does not belong"): for random exports, random rubricering/TLP and
// random output folders, a report folder holds only report files, and no report holds a description, a person key,
// an unmarked note (in a public report) or an absolute local path. Runs bin/cter; HTML and JSON keep the browser out.
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cter } from './init-cli.js';

const GEMEENTEN = ['Zaanstad', 'Oostzaan', 'Wormerland', 'Purmerend', 'Landsmeer', 'Haarlem'];

interface Geval {
  signalen: { dag: number; gemeente: string; geheim: string; persoon: string; fout: boolean }[];
  notities: { dag: number; geheim: string; openbaar: 'ja' | 'nee' | '' }[];
  rubricering: 'Openbaar' | 'Intern' | 'Departementaal Vertrouwelijk';
  tlp: 'CLEAR' | 'GREEN' | 'AMBER' | 'RED';
  uit: string[];
  absoluut: boolean;
  formaat: 'html' | 'json';
  opdracht: 'beeld' | 'batch';
}

const woord = fc.stringMatching(/^[A-Z]{6,10}$/);
const geval: fc.Arbitrary<Geval> = fc.record({
  signalen: fc.array(
    fc.record({
      dag: fc.integer({ min: 1, max: 90 }),
      gemeente: fc.constantFrom(...GEMEENTEN),
      geheim: woord,
      persoon: fc.stringMatching(/^[0-9]{6}$/),
      fout: fc.boolean(),
    }),
    { minLength: 3, maxLength: 25 },
  ),
  notities: fc.array(fc.record({ dag: fc.integer({ min: 1, max: 90 }), geheim: woord, openbaar: fc.constantFrom('ja' as const, 'nee' as const, '' as const) }), {
    maxLength: 4,
  }),
  rubricering: fc.constantFrom('Openbaar' as const, 'Intern' as const, 'Departementaal Vertrouwelijk' as const),
  tlp: fc.constantFrom('CLEAR' as const, 'GREEN' as const, 'AMBER' as const, 'RED' as const),
  uit: fc.array(fc.stringMatching(/^r[a-z]{1,8}$/), { minLength: 1, maxLength: 3 }),
  absoluut: fc.boolean(),
  formaat: fc.constantFrom('html' as const, 'json' as const),
  opdracht: fc.constantFrom('beeld' as const, 'batch' as const),
});

/** A date in 2025-Q3 from a day number. */
const datum = (dag: number) => {
  const d = new Date(Date.UTC(2025, 6, dag));
  return `${String(d.getUTCDate()).padStart(2, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${d.getUTCFullYear()}`;
};

async function bestandenOnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

describe('public and private: a property over random inputs, markings and output folders', () => {
  it('report folders hold only reports; reports hold no description, person key, unmarked public note or absolute path', { timeout: 600_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(geval, async (g) => {
        const ws = await mkdtemp(join(tmpdir(), 'cter-eigenschap-'));
        const signaalRegels = g.signalen.map(
          (s, i) => `S-${i};${s.fout ? '31-02-2025' : datum(s.dag)};${s.gemeente};incident;OMSCHRIJVING-${s.geheim} over een buurtbewoner;PK-${s.persoon}`,
        );
        await writeFile(join(ws, 'signalen.csv'), ['id;datum;gemeente;type;omschrijving;persoon_id', ...signaalRegels, ''].join('\n'));
        const notitieRegels = g.notities.map((n, i) => `${datum(n.dag)};Notitie ${i};NOTITIE-${n.geheim} over de driehoek;Zaanstad;${n.openbaar}`);
        await writeFile(join(ws, 'notities.csv'), ['datum;titel;notitie;gemeente;openbaar', ...notitieRegels, ''].join('\n'));
        await writeFile(join(ws, 'cter.config.json'), JSON.stringify({ signalen: ['signalen.csv'], notities: ['notities.csv'] }));
        const uit = g.absoluut ? join(ws, ...g.uit) : join(...g.uit);
        const gebied = g.opdracht === 'beeld' ? ['--gemeente', 'Zaanstad'] : ['--regio', 'Zaanstreek-Waterland', '--parallel', '1'];
        const r = await cter(
          [g.opdracht, ...gebied, '--periode', '2025-Q3', '--formaat', g.formaat, '--rubricering', g.rubricering, '--tlp', g.tlp, '--uit', uit],
          { cwd: ws },
        );
        expect(r.stderr).not.toContain('interne fout');
        expect([0, 1]).toContain(r.code);

        const map = g.absoluut ? uit : join(ws, uit);
        const bestanden = await bestandenOnder(map);
        const rapport = new RegExp(`^lokaal-beeld_[a-z0-9-]+_2025-Q3\\.${g.formaat}$`);
        for (const f of bestanden) {
          const naam = f.slice(map.length + 1);
          expect(rapport.test(naam) || (g.opdracht === 'batch' && /^overzicht\.(md|json)$/.test(naam)), naam).toBe(true);
        }
        expect(bestanden.length).toBeGreaterThan(0);

        const openbaar = g.rubricering === 'Openbaar' || g.tlp === 'CLEAR';
        for (const f of bestanden) {
          const tekst = await readFile(f, 'utf8');
          for (const s of g.signalen) {
            expect(tekst).not.toContain(`OMSCHRIJVING-${s.geheim}`);
            expect(tekst).not.toContain(`PK-${s.persoon}`);
          }
          if (openbaar) for (const n of g.notities.filter((x) => x.openbaar !== 'ja')) expect(tekst).not.toContain(`NOTITIE-${n.geheim}`);
          expect(tekst).not.toContain(ws);
        }
        // Rejected rows went to the workspace's private folder, and only there.
        if (g.signalen.some((s) => s.fout)) {
          const prive = await bestandenOnder(join(ws, 'prive'));
          expect(prive.length).toBe(1);
          expect(await readFile(prive[0]!, 'utf8')).toContain('februari 2025 heeft geen dag 31');
        }
      }),
      { numRuns: 4 },
    );
  });
});
