// The rules' lean supports the text model: when the rules point weakly (below their minimum) to the fenomeen the model
// proposes, the model needs only drempelMetSteun; any other fenomeen still needs drempel.
import { beforeAll, describe, expect, it } from 'vitest';
import { classifySignal } from '../../src/classify/classify.js';
import { evaluate } from '../../src/classify/rules.js';
import { loadTaxonomy, type Taxonomy } from '../../src/classify/taxonomy.js';
import { buildModel, type ModelSettings } from '../../src/classify/tekstmodel.js';
import type { Fenomeen } from '../../src/domain.js';
import { signaal } from './classify-fixtures.js';

let taxonomy: Taxonomy;

// Words the rules do not know: only the model ties posters at the chicken shed to activisme.
const VOORBEELDEN: { tekst: string; fenomeen: Fenomeen }[] = [
  ...['De kok bakt brood in de keuken van het buurthuis.', 'In de keuken kookt de kok soep voor de groep.', 'De kok zegt dat de keuken schoon is.'].map(
    (tekst) => ({ tekst, fenomeen: 'onbekend' as const }),
  ),
  ...['De groep plakt posters op de kippenschuur van de boer.', 'Posters op de kippenschuur: de groep komt terug.'].map((tekst) => ({
    tekst,
    fenomeen: 'activisme' as const,
  })),
];
const INSTELLINGEN: ModelSettings = { alpha: 0.5, temperatuur: 1, paarGewicht: 0, drempel: 0.9999, drempelMetSteun: 0.5, vetoKans: null, vetoOnder: 0 };

beforeAll(async () => {
  taxonomy = await loadTaxonomy({ baseDir: process.cwd() });
});


describe("the rules' lean lowers the model's threshold", () => {
  const ZONDER = 'De groep plakt posters op de kippenschuur.';
  const MET = 'De groep plakt na de klimaatmars posters op de kippenschuur.';

  it('the rules lean to activisme without concluding', () => {
    expect(evaluate(ZONDER, taxonomy.regels).voorkeur).toBeUndefined();
    expect(evaluate(MET, taxonomy.regels)).toMatchObject({ zeker: false, voorkeur: 'activisme' });
  });

  it('a model short of drempel proposes with the support of the rules, and says so', () => {
    const model = buildModel(undefined, VOORBEELDEN, INSTELLINGEN);
    expect(model.voorstel(ZONDER).kans).toBeLessThan(INSTELLINGEN.drempel);
    expect(classifySignal(signaal(ZONDER), taxonomy, undefined, model)).toMatchObject({ fenomeen: 'onbekend', herkomst: 'geen' });
    const r = classifySignal(signaal(MET), taxonomy, undefined, model);
    expect(r).toMatchObject({ fenomeen: 'activisme', herkomst: 'model' });
    expect(r.reden).toMatch(/^model: .*; kans \d,\d\d \(minimaal 0,50, de regels wijzen zwak op activisme\)$/);
  });

  it('without a lower threshold the support changes nothing', () => {
    const model = buildModel(undefined, VOORBEELDEN, { ...INSTELLINGEN, drempelMetSteun: INSTELLINGEN.drempel });
    expect(classifySignal(signaal(MET), taxonomy, undefined, model)).toMatchObject({ fenomeen: 'onbekend', herkomst: 'geen' });
  });
});
