// The front half every command shares, called directly (no CLI): runPipeline reads and classifies the trends fixture
// once (36 accepted + 1 rejected rows, analyst labels, 2 notes), and a scope run over it picks the latest complete
// quarter, counts the region and its gemeenten from one index, and says what it read and what it warns about.
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import type { LoadedConfig } from '../../src/config/cter-config.js';
import { ingestMeldingen, redenSoort, runPipeline, tellingPerReden, type PipelineResultaat } from '../../src/pipeline.js';
import { loadReference } from '../../src/reference/index.js';
import { regioScope } from '../../src/scope/resolve.js';
import { prepareScopeRun, type ScopeRun } from '../../src/scope/run.js';
import type { Scope } from '../../src/aggregate/aggregate.js';

const FIXTURE = resolve(import.meta.dirname, '../fixtures/trends');

let config: LoadedConfig;
beforeAll(async () => {
  config = await loadConfig({ cwd: FIXTURE, env: {} });
});

describe('runPipeline', () => {
  let r: PipelineResultaat;
  beforeAll(async () => {
    const { signalen, notities } = config.values;
    r = await runPipeline({ signalen, notities, config, ref: loadReference(config.values) });
  });

  it('reads every row once: accepted + rejected + duplicate = rows, and classifies every accepted signal', () => {
    const t = r.ingest.signalen.totaal;
    expect(t).toMatchObject({ regels: 37, geaccepteerd: 36, afgewezen: 1, dubbel: 0 });
    expect(t.geaccepteerd + t.afgewezen + t.dubbel).toBe(t.regels);
    expect(r.signalen).toHaveLength(36);
    expect(r.ingest.signalen.fouten.map((f) => [f.regel, f.kolom])).toEqual([[21, 'datum']]);
    expect(r.notities).toHaveLength(r.ingest.notities.totaal.geaccepteerd);
  });

  it("keeps the analyst's labels as the fenomeen, each with its reason; labels without a description teach the model nothing", () => {
    for (const s of r.signalen) {
      expect(s.herkomst, s.id).toBe('analist');
      expect(s.reden, s.id).not.toBe('');
    }
    // The fixture has no omschrijving column: the model is the shipped base model alone.
    expect(r.tekstmodel.analist).toBe(0);
    expect(r.tekstmodel.basis).toBeGreaterThan(0);
    expect(r.tekstmodel.handmatig).toBe(0);
    expect(r.beoordelingen.size).toBe(0);
  });

  it('says once what it read, per kind of input, and why rows were rejected', () => {
    const regels = ingestMeldingen(r.ingest).map((m) => `${m.niveau}: ${m.tekst}`);
    expect(regels[0]).toBe('info: signalen: 36 geaccepteerd, 1 afgewezen, 0 dubbel (1 bestand).');
    expect(regels).toContain('warn: 1 signaalregels afgewezen: 1× geen geldige datum.');
    expect(regels.some((l) => /^info: {3}afgewezen: .*signalen\.csv:21 \(kolom datum\)/.test(l))).toBe(true);
  });

  it('counts problems by kind, most frequent first', () => {
    expect(redenSoort("'31-02-2025' is geen geldige datum: februari 2025 heeft geen dag 31")).toBe('geen geldige datum');
    const m = (reden: string) => ({ bestand: 'x.csv', regel: 2, reden });
    expect(tellingPerReden([m("onbekende gemeente 'A'"), m("'1' is geen geldige datum"), m("onbekende gemeente 'B'")])).toBe(
      '2× onbekende gemeente, 1× geen geldige datum',
    );
  });

  it('fails before reading when there are no signal files', async () => {
    await expect(runPipeline({ signalen: [], notities: [], config, ref: loadReference(config.values) })).rejects.toThrow(
      /geen signaalbestanden/,
    );
  });
});

describe('prepareScopeRun', () => {
  let run: ScopeRun<{ scope: Scope; naam: string }>;
  const log: string[] = [];
  beforeAll(async () => {
    const plan = await prepareScopeRun({ config, gebied: (ref) => regioScope(ref, 'Zaanstreek-Waterland', '--regio') });
    run = await plan.read({ log: { info: (t) => log.push(`info: ${t}`), warn: (t) => log.push(`warn: ${t}`) } });
  });

  it('chooses the latest complete quarter and counts the region and its gemeenten from one index', () => {
    expect(run.periode.code).toBe('2025-Q3');
    const cijfers = run.cijfers(run.gebied.scope);
    expect([cijfers.vorigePeriode.code, cijfers.vorigJaar.code]).toEqual(['2025-Q2', '2024-Q3']);
    expect(cijfers.gebied).toMatchObject({ soort: 'regio', naam: 'Zaanstreek-Waterland', signalen: 17, signalenVorigePeriode: 7 });
    expect(cijfers.gemeenten.map((g) => [g.naam, g.signalen])).toEqual([
      ['Edam-Volendam', 1],
      ['Landsmeer', 1],
      ['Oostzaan', 0],
      ['Purmerend', 3],
      ['Waterland', 0],
      ['Wormerland', 0],
      ['Zaanstad', 12],
    ]);
    const zaanstad = run.cijfers({ soort: 'gemeente', code: 'GM0479' });
    expect(zaanstad.gebied).toMatchObject({ naam: 'Zaanstad', signalen: 12, signalenVorigePeriode: 3, signalenVorigJaar: 5 });
  });

  it('keeps the rejected rows and logs what it read once', () => {
    expect(run.afgewezen).toHaveLength(1);
    expect(log.filter((l) => l.startsWith('info: signalen: '))).toEqual(['info: signalen: 36 geaccepteerd, 1 afgewezen, 0 dubbel (1 bestand).']);
    expect(log.some((l) => l.startsWith('info: tekstmodel: getraind op '))).toBe(true);
  });

  it('refuses a period that does not parse before reading anything', async () => {
    await expect(prepareScopeRun({ config, periode: '2025-Q5', gebied: () => undefined })).rejects.toThrow(/ongeldige periode '2025-Q5'/);
  });
});
