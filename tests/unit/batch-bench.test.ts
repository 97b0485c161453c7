// The benchmark's figures in README.md are those of bench/resultaten.json (both written by `npm run bench`), and the
// table marks a missed target as missed.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resultTable as table, withTable } from '../../bench/tabel.mjs';

const ROOT = resolve(import.meta.dirname, '../..');
const read = (path: string) => readFileSync(resolve(ROOT, path), 'utf8');

const results = {
  datum: '2025-10-21T09:00:00.000Z',
  machine: { cpu: 'Test-CPU', kernen: 2, geheugenGb: 8, node: 'v20.19.0', browser: 'Chromium 140' },
  inlezen: [
    {
      signalen: 1_000_000,
      csvParse: { ms: 8000, perSeconde: 125_000, piekMb: 60 },
      cter: { ms: 40_000, perSeconde: 25_000, piekMb: 1100 },
      verhouding: 0.2,
    },
  ],
  batch: {
    regio: 'Politie-eenheid Noord-Holland',
    rapporten: 36,
    parallel: 2,
    batchMs: 60_000,
    vloerMs: 50_000,
    naiefMs: 150_000,
    batchTegenVloer: 1.2,
    naiefTegenBatch: 2.5,
  },
  opstart: { herhalingen: 21, cterMs: 90, nodeMs: 40, verhouding: 2.25 },
};

describe('benchmark table', () => {
  it('shows every figure with its target and whether it was met', () => {
    const lines = table(results).split('\n');
    expect(lines[0]).toBe(
      'Laatste run: 2025-10-21, Test-CPU (2 kernen), 8,0 GB geheugen, Node v20.19.0, Chromium 140.',
    );
    expect(lines).toContain(
      '| inlezen + classificeren + tellen, 1.000.000 signalen (doorvoer) | 25.000/s (40,00 s) | csv-parse: 125.000/s (8,00 s) | 0,20× | ≥ 0,5× | **nee** |',
    );
    expect(lines).toContain('| piekgeheugen, 1.000.000 signalen | 1.100 MB | csv-parse: 60 MB | 18,33× | ≤ 1.024 MB | **nee** |');
    expect(lines.find((l) => l.includes('tegen de vloer'))).toMatch(/\| 1,20× \| ≤ 1,3× \| ja \|$/);
    expect(lines.find((l) => l.includes('naïeve'))).toMatch(/\| 2,50× sneller \| ≥ 4× \| \*\*nee\*\* \|$/);
    expect(lines.find((l) => l.includes('opstarten'))).toMatch(/\| 90 ms \| `node -e ""`: 40 ms \| 2,25× \| ≤ 3× \| ja \|$/);
  });

  it('replaces only the marked README section', () => {
    const readme = 'voor\n<!-- benchmark:begin (x) -->\noud\n<!-- benchmark:end -->\nna\n';
    expect(withTable(readme, 'nieuw\n')).toBe('voor\n<!-- benchmark:begin (x) -->\nnieuw\n<!-- benchmark:end -->\nna\n');
  });

  it('README.md shows the table of the last run in bench/resultaten.json', () => {
    const section = /<!-- benchmark:begin[^>]*-->\n([\s\S]*?)<!-- benchmark:end -->/.exec(read('README.md'));
    expect(section, 'benchmark section in README.md').not.toBeNull();
    expect(section![1]).toBe(table(JSON.parse(read('bench/resultaten.json'))));
  });
});
