// Labels and styling are data: fenomeen names come from the taxonomy (data/taxonomie.json or the analyst's own), chart
// colours and the font from data/thema.json; the chapter order is the layout's.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FENOMENEN } from '../../src/domain.js';
import { fenomeenNames, builtInFenomeenNames } from '../../src/present/labels.js';
import { chartSpecs } from '../../src/report/charts.js';
import { buildReportModel } from '../../src/report/build-model.js';
import { reportTheme } from '../../src/report/theme.js';
import { BUILT_IN_TAXONOMY, PACKAGE_TEMPLATES, PACKAGE_THEME } from '../../src/util/package.js';
import { regioScope, reportInput } from '../fixtures/report/cijfers.js';

const taxonomie = JSON.parse(readFileSync(BUILT_IN_TAXONOMY, 'utf8')) as { fenomenen: { code: string; label: string; kort?: string }[] };

describe('fenomeen names', () => {
  it('are the built-in taxonomy labels and short forms when no taxonomy is given', () => {
    const namen = builtInFenomeenNames();
    for (const f of taxonomie.fenomenen) {
      expect(namen.naam[f.code as (typeof FENOMENEN)[number]]).toBe(f.label);
      expect(namen.kort[f.code as (typeof FENOMENEN)[number]]).toBe(f.kort ?? f.label);
    }
    expect(Object.keys(namen.naam).sort()).toEqual([...FENOMENEN].sort());
  });

  it('follow a renamed label into the report: chapters, the region table and its short column heads', () => {
    const eigen = taxonomie.fenomenen.map((f) =>
      f.code === 'rechts-extremisme' ? { code: f.code, label: 'Extreemrechts geweld' } : f,
    ) as Parameters<typeof fenomeenNames>[0];
    const namen = fenomeenNames(eigen);
    expect(namen.kort['rechts-extremisme']).toBe('Extreem.');
    const model = buildReportModel({ ...reportInput(regioScope()), fenomeenNames: namen });
    expect(model.fenomenen.rijen.find((r) => r.code === 'rechts-extremisme')?.naam).toBe('Extreemrechts geweld');
    expect(model.ontwikkeling.rijen.find((r) => r.code === 'rechts-extremisme')?.naam).toBe('Extreemrechts geweld');
    expect(model.gemeenten?.fenomeenKolommen.find((k) => k.code === 'rechts-extremisme')).toMatchObject({
      naam: 'Extreemrechts geweld',
      kort: 'Extreem.',
    });
    expect(model.gemeenten?.fenomeenKolommen.find((k) => k.code === 'jihadisme')?.kort).toBe('Jihad.');
  });
});

describe('chart styling', () => {
  it('takes each fenomeen colour, the comparison colours and the font from data/thema.json', () => {
    const bestand = JSON.parse(readFileSync(PACKAGE_THEME, 'utf8')) as {
      palet: Record<string, string>;
      fenomeen: Record<string, string>;
      vergelijking: Record<string, string>;
    };
    const hex = (naam: string) => bestand.palet[naam] ?? naam;
    const model = buildReportModel(reportInput(regioScope()));
    const specs = chartSpecs(model);
    const reeksen = specs.ontwikkeling!.config.data.datasets;
    expect(reeksen.map((d) => d.backgroundColor)).toEqual(model.ontwikkeling.rijen.map((r) => hex(bestand.fenomeen[r.code]!)));
    expect(reeksen.map((d) => d.backgroundColor)).toContain('#0072B2');
    const vergelijking = specs.fenomenen!.config.data.datasets.map((d) => d.backgroundColor);
    expect(vergelijking.at(-1)).toBe(hex(bestand.vergelijking.huidig!));
    expect(reportTheme().lettertype).toContain('Liberation Sans');
  });
});

describe('chapter order', () => {
  it('is written once, in the layout: no chapter list in the code that renders it', () => {
    const layout = readFileSync(`${PACKAGE_TEMPLATES}layout.hbs`, 'utf8');
    const volgorde = [...layout.matchAll(/{{> ([a-z-]+)}}/g)].map((m) => m[1]).filter((p) => p !== 'markering-scherm' && p !== 'omslag');
    expect(volgorde).toEqual(['kernpunten', 'duiding', 'fenomenen', 'ontwikkeling', 'kenmerken', 'gemeenten', 'netwerk', 'notities', 'verantwoording']);
    const render = readFileSync(new URL('../../src/report/render.ts', import.meta.url), 'utf8');
    expect(render).not.toMatch(/'kernpunten',\s*'duiding'/);
  });
});
