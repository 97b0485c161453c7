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
  machine: {
    cpu: 'Test-CPU',
    kernen: 2,
    geheugenGb: 8,
    node: 'v20.19.0',
    browser: 'Chromium 140',
    belasting: { begin: [0.5, 1, 1.25], eind: [2, 1.5, 1.3] },
  },
  inlezen: [
    {
      signalen: 1_000_000,
      csvParse: { ms: 8000, perSeconde: 125_000, piekMb: 60 },
      csvParseBewaard: { ms: 12_000, perSeconde: 83_333, piekMb: 500 },
      cter: { ms: 40_000, perSeconde: 25_000, piekMb: 1100 },
      verhouding: 0.2,
      tegenBewaard: 0.3,
    },
    {
      signalen: 10_000,
      csvParse: { ms: 100, perSeconde: 100_000, piekMb: 60 },
      cter: { ms: 125, perSeconde: 80_000, piekMb: 100 },
      verhouding: 0.8,
    },
  ],
  trends: { signalen: 1_000_000, ms: 50_000, piekMb: 580 },
  profiel: {
    signalen: 1_000_000,
    totaalMs: 30_000,
    zelf: [
      { naam: '(native):0 (garbage collector)', ms: 6000, aandeel: 20 },
      { naam: 'node_modules/csv-parse/lib/api/index.js:70 parse', ms: 3000, aandeel: 10 },
    ],
    bestanden: [],
  },
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
  suite: { ms: 81_500, tests: 962, mislukt: 0 },
};

describe('benchmark table', () => {
  it('shows every figure with its target and whether it was met', () => {
    const lines = table(results).split('\n');
    expect(lines[0]).toBe(
      'Laatste run: 2025-10-21, Test-CPU (2 kernen), 8,0 GB geheugen, Node v20.19.0, Chromium 140; ' +
        'belasting 0,50 / 1,00 / 1,25 bij het begin, 2,00 / 1,50 / 1,30 aan het eind.',
    );
    expect(lines).toContain(
      '| inlezen + classificeren + tellen, 1.000.000 signalen (doorvoer) | 25.000/s (40,00 s) | csv-parse: 125.000/s (8,00 s) | 0,20× | ≥ 0,6× | **nee** |',
    );
    // Below 100,000 signals the throughput is shown without a target (start-up costs dominate).
    expect(lines).toContain(
      '| inlezen + classificeren + tellen, 10.000 signalen (doorvoer) | 80.000/s (0,13 s) | csv-parse: 100.000/s (0,10 s) | 0,80× | – | – |',
    );
    expect(lines).toContain('| piekgeheugen, 1.000.000 signalen | 1.100 MB | csv-parse: 60 MB | 18,33× | – | – |');
    // csv-parse keeping its records: context for the ratio, without a target; left out for results without it.
    expect(lines).toContain(
      '| dezelfde run tegen csv-parse die zijn records bewaart, 1.000.000 signalen | 40,00 s | ' +
        'csv-parse, records bewaard: 83.333/s (12,00 s) | 0,30× | – | – |',
    );
    expect(lines.filter((l) => l.includes('records bewaard'))).toHaveLength(1);
    expect(lines).toContain(
      '| piekgeheugen `cter trends --formaat json`, 1.000.000 signalen (standaard heap) | 580 MB (50,00 s) | – | – | ≤ 600 MB | ja |',
    );
    expect(lines.find((l) => l.includes('tegen de vloer'))).toMatch(/\| 1,20× \| ≤ 1,0× \| \*\*nee\*\* \|$/);
    expect(lines.find((l) => l.includes('naïeve'))).toMatch(/\| 2,50× sneller \| ≥ 4× \| \*\*nee\*\* \|$/);
    expect(lines.find((l) => l.includes('opstarten'))).toMatch(/\| 90 ms \| `node -e ""`: 40 ms \| 2,25× \| ≤ 3× \| ja \|$/);
    expect(lines).toContain('| hele testsuite `bash scripts/test.sh` (962 tests, 0 mislukt) | 81,50 s | – | – | ≤ 75 s | **nee** |');
    expect(lines.at(-2)).toBe(
      'Waar de tijd heen gaat (profiel van cter, 1.000.000 signalen, 30,00 s): (native) (garbage collector) 20,0%; ' +
        'node_modules/csv-parse/lib/api/index.js parse 10,0%.',
    );
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
