// Batch: which reports a run makes, the job pool (parallel, retry once, abort), and the index and summary texts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { overzichtMarkdown, samenvattingTabel, type Overzicht, type RapportRegel } from '../../src/batch/overzicht.js';
import { runPool } from '../../src/batch/pool.js';
import { botsendeRegios } from '../../src/batch/run.js';
import { batchDoelen } from '../../src/batch/targets.js';
import { deelregios } from '../../src/scope/resolve.js';
import { loadReference } from '../../src/reference/index.js';
import { UsageError } from '../../src/util/errors.js';

const ref = loadReference();
const geen = { regio: undefined, regios: [] };
const ZW_GEMEENTEN = ['Edam-Volendam', 'Landsmeer', 'Oostzaan', 'Purmerend', 'Waterland', 'Wormerland', 'Zaanstad'];
const namen = (doelen: { soort: string; naam: string }[]) => doelen.map((d) => `${d.soort}:${d.naam}`);

describe('batch targets', () => {
  it('makes the region and each of its gemeenten, region first, gemeenten by name', () => {
    expect(namen(batchDoelen(ref, { regio: 'Zaanstreek-Waterland' }, geen))).toEqual([
      'regio:Zaanstreek-Waterland',
      ...ZW_GEMEENTEN.map((g) => `gemeente:${g}`),
    ]);
  });

  it('makes the politie-eenheid, its three zorg- en veiligheidsregio\'s (most gemeenten first) and its 32 gemeenten', () => {
    const doelen = batchDoelen(ref, { regio: 'Politie-eenheid Noord-Holland' }, geen);
    expect(doelen).toHaveLength(36);
    expect(namen(doelen.slice(0, 4))).toEqual([
      'regio:Politie-eenheid Noord-Holland',
      'regio:Noord-Holland Noord',
      'regio:Kennemerland',
      'regio:Zaanstreek-Waterland',
    ]);
    expect(new Set(doelen.map((d) => d.code)).size).toBe(36);
    expect(doelen.slice(4).every((d) => d.soort === 'gemeente')).toBe(true);
  });

  it('a veiligheidsregio has no parts', () => {
    const vr11 = ref.resolveRegio('VR11');
    expect(vr11.ok && deelregios(vr11.regio, ref)).toEqual([]);
  });

  it('--alle: the configured region and own regions, every gemeente once', () => {
    const eigen = loadReference({ regios: [{ naam: 'Zaan en Haarlem', gemeenten: ['Zaanstad', 'Haarlem'] }] });
    const doelen = batchDoelen(eigen, { alle: true }, {
      regio: 'Zaanstreek-Waterland',
      regios: [{ naam: 'Zaan en Haarlem', gemeenten: ['Zaanstad', 'Haarlem'] }],
    });
    expect(namen(doelen)).toEqual([
      'regio:Zaanstreek-Waterland',
      'regio:Zaan en Haarlem',
      ...[...ZW_GEMEENTEN, 'Haarlem'].sort().map((g) => `gemeente:${g}`),
    ]);
  });

  it('--alle without configured regions and an unknown region are usage errors in Dutch', () => {
    expect(() => batchDoelen(ref, { alle: true }, geen)).toThrow(UsageError);
    expect(() => batchDoelen(ref, { alle: true }, geen)).toThrow(/de configuratie noemt geen regio's/);
    expect(() => batchDoelen(ref, { regio: 'Kenemerland' }, geen)).toThrow(/--regio: onbekende regio 'Kenemerland'. Bedoelt u: Kennemerland/);
  });

  it('a region named like one of its gemeenten gets its own file name', () => {
    const doelen = batchDoelen(ref, { regio: 'Utrecht' }, geen);
    expect(namen(doelen)).toContain('regio:Utrecht');
    expect(namen(doelen)).toContain('gemeente:Utrecht');
    expect([...botsendeRegios(doelen)]).toEqual(['VR09']);
    expect(botsendeRegios(batchDoelen(ref, { regio: 'Zaanstreek-Waterland' }, geen)).size).toBe(0);
  });
});

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('job pool', () => {
  it('tries a failing job once more, records it as failed, and finishes the others', async () => {
    const attempts = new Map<string, number>();
    const outcomes = await runPool(
      ['a', 'kapot', 'b', 'eenmaal', 'c'],
      async (job) => {
        const n = (attempts.get(job) ?? 0) + 1;
        attempts.set(job, n);
        await tick();
        if (job === 'kapot' || (job === 'eenmaal' && n === 1)) throw new Error(`${job} faalt`);
        return job.toUpperCase();
      },
      { parallel: 2, attempts: 2 },
    );
    expect(outcomes.map((o) => [o.status, o.pogingen, o.result ?? o.fout])).toEqual([
      ['gelukt', 1, 'A'],
      ['mislukt', 2, 'kapot faalt'],
      ['gelukt', 1, 'B'],
      ['gelukt', 2, 'EENMAAL'],
      ['gelukt', 1, 'C'],
    ]);
  });

  it('starts nothing after an abort and does not retry a job that fails while stopping', async () => {
    const controller = new AbortController();
    const started: number[] = [];
    const outcomes = await runPool(
      [0, 1, 2, 3, 4, 5],
      async (job) => {
        started.push(job);
        if (job === 1) {
          controller.abort();
          throw new Error('browser gesloten');
        }
        await tick();
        return job;
      },
      { parallel: 2, attempts: 2, signal: controller.signal },
    );
    expect(started).toEqual([0, 1]);
    expect(outcomes.map((o) => o.status)).toEqual(['gelukt', 'afgebroken', 'afgebroken', 'afgebroken', 'afgebroken', 'afgebroken']);
    expect(outcomes.map((o) => o.pogingen)).toEqual([1, 1, 0, 0, 0, 0]);
  });

  it('property: never more than `parallel` at a time, at most two attempts, success iff one attempt succeeds', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.boolean(), fc.boolean()), { maxLength: 20 }),
        fc.integer({ min: 1, max: 5 }),
        async (plan, parallel) => {
          let running = 0;
          let most = 0;
          const outcomes = await runPool(
            plan.map((p, i) => ({ i, p })),
            async ({ p }, poging) => {
              running++;
              most = Math.max(most, running);
              await tick();
              running--;
              if (!p[poging - 1]) throw new Error('nee');
              return poging;
            },
            { parallel, attempts: 2 },
          );
          expect(most).toBeLessThanOrEqual(parallel);
          plan.forEach(([eerste, tweede], i) => {
            const o = outcomes[i]!;
            expect(o.status).toBe(eerste || tweede ? 'gelukt' : 'mislukt');
            expect(o.pogingen).toBe(eerste ? 1 : 2);
          });
        },
      ),
    );
  });
});

const regel = (over: Partial<RapportRegel>): RapportRegel => ({
  gebied: 'Zaanstad',
  soort: 'gemeente',
  code: 'GM0479',
  bestand: 'lokaal-beeld_zaanstad_2025-Q3.pdf',
  sha256: 'ab'.repeat(32),
  paginas: 9,
  bytes: 647_922,
  seconden: 4.52,
  pogingen: 1,
  status: 'gelukt',
  ...over,
});

describe('index and summary', () => {
  const rapporten = [
    regel({ gebied: 'Zaanstreek-Waterland', soort: 'regio', code: 'VR11', bestand: 'lokaal-beeld_zaanstreek-waterland_2025-Q3.pdf' }),
    regel({}),
    regel({ gebied: 'Oostzaan', code: 'GM0431', bestand: null, sha256: null, paginas: null, bytes: null, pogingen: 2, status: 'mislukt', fout: 'a | b\nc' }),
  ];
  const overzicht: Overzicht = {
    schema: 'cter-batch-overzicht/1',
    versie: '0.1.0',
    gemaakt: '2025-10-21T09:00:00.000Z',
    uitkomst: 'onvolledig',
    keuze: { regio: 'Zaanstreek-Waterland' },
    periode: { code: '2025-Q3', label: '3e kwartaal 2025' },
    formaat: 'pdf',
    instellingen: { rubricering: 'Intern', tlp: 'AMBER', drempel: 5, parallel: 2, templates: null },
    invoer: {
      signalen: [
        { bestand: 'a.csv', sha256: 'cd'.repeat(32), codering: 'utf-8', scheidingsteken: ';', regels: 10, geaccepteerd: 8, afgewezen: 1, dubbel: 1 },
      ],
      notities: [],
    },
    totaal: { rapporten: 3, gelukt: 2, mislukt: 1, afgebroken: 0, seconden: 12.3 },
    rapporten,
  };

  it('lists every report in the Markdown index with file, pages, size, status and hash; cells stay in their column', () => {
    const md = overzichtMarkdown(overzicht);
    const rows = md.split('\n').filter((l) => l.startsWith('| regio') || l.startsWith('| gemeente'));
    expect(rows).toHaveLength(3);
    expect(rows[1]).toBe(
      `| gemeente Zaanstad | [lokaal-beeld_zaanstad_2025-Q3.pdf](lokaal-beeld_zaanstad_2025-Q3.pdf) | 9 | 648 kB | 4,5 s | gelukt | \`${'ab'.repeat(32)}\` |`,
    );
    expect(rows[2]).toBe('| gemeente Oostzaan | – | – | – | 4,5 s | MISLUKT: a \\| b c | – |');
    expect(md).toContain('2 van 3 rapporten gelukt, 1 mislukt, in 12,3 s.');
    expect(md).toContain(`| signalen | a.csv | 10 | 8 | 1 | 1 | \`${'cd'.repeat(32)}\` |`);
  });

  it('aligns the summary table', () => {
    const lines = samenvattingTabel(rapporten).split('\n');
    expect(lines[0]).toMatch(/^rapport\s+pagina's\s+grootte\s+tijd\s+status$/);
    expect(lines[2]).toBe('regio Zaanstreek-Waterland         9   648 kB  4,5 s  gelukt');
    expect(lines[4]).toBe(`${'Oostzaan'.padEnd(26)}  ${'–'.padStart(8)}  ${'–'.padStart(7)}  4,5 s  MISLUKT: a | b c`);
    const statusColumn = lines[0]!.indexOf('status');
    expect(lines.slice(2).every((l) => l.indexOf('gelukt') === statusColumn || l.indexOf('MISLUKT') === statusColumn)).toBe(true);
  });
});
