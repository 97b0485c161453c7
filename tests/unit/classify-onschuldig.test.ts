// A description that judges the whole signal harmless ('geen dreiging', 'geen ideologie': negative context with bereik
// 'tekst') lowers a loaded term in any sentence, and then the text model proposes nothing either: "cter gokt niet".
import { beforeAll, describe, expect, it } from 'vitest';
import { classifySignal, TrainingPass } from '../../src/classify/classify.js';
import { evaluate } from '../../src/classify/rules.js';
import { loadTaxonomy, type Taxonomy } from '../../src/classify/taxonomy.js';
import { buildModel, modelBuilder, type ModelSettings, type TextModel } from '../../src/classify/tekstmodel.js';
import { tokenize } from '../../src/classify/text.js';
import type { Fenomeen } from '../../src/domain.js';
import { signaal } from './classify-fixtures.js';

let taxonomy: Taxonomy;
let model: TextModel;

// Words the rules do not know: only the model can tie posters at the chicken shed to activisme.
const VOORBEELDEN: { tekst: string; fenomeen: Fenomeen }[] = [
  ...['De kok bakt brood in de keuken van het buurthuis.', 'In de keuken van het buurthuis kookt de kok soep.', 'De kok zegt dat de keuken schoon is.'].map(
    (tekst) => ({ tekst, fenomeen: 'onbekend' as const }),
  ),
  ...['De groep plakt posters op de kippenschuur van de boer.', 'Posters op de kippenschuur: de groep komt terug.', 'Weer posters van de groep op de kippenschuur.'].map(
    (tekst) => ({ tekst, fenomeen: 'activisme' as const }),
  ),
];

const INSTELLINGEN: ModelSettings = { alpha: 0.5, temperatuur: 1, paarGewicht: 0, drempel: 0.6, drempelMetSteun: 0.6, vetoKans: null, vetoOnder: 0 };

beforeAll(async () => {
  taxonomy = await loadTaxonomy({ baseDir: process.cwd() });
  model = buildModel(undefined, VOORBEELDEN, INSTELLINGEN);
});


describe('a verdict on the whole signal', () => {
  it('lowers a loaded term in another sentence, and names the verdict', () => {
    const los = 'Leerling (15) zet een IS-vlag als profielfoto.';
    expect(evaluate(los, taxonomy.regels)).toMatchObject({ fenomeen: 'jihadisme', zeker: true });
    expect(evaluate(los, taxonomy.regels).onschuldig).toBeUndefined();
    const beoordeeld = evaluate(`${los} Volgens de mentor een grap van een klasgenoot, geen dreiging.`, taxonomy.regels);
    expect(beoordeeld).toMatchObject({ fenomeen: 'onbekend', zeker: false, onschuldig: 'geen dreiging' });
    expect(beoordeeld.reden).toContain("door 'geen dreiging'");
  });

  it('keeps the text model from proposing a fenomeen', () => {
    const posters = 'De groep plakt posters op de kippenschuur.';
    expect(classifySignal(signaal(posters), taxonomy, undefined, model)).toMatchObject({ fenomeen: 'activisme', herkomst: 'model' });
    const r = classifySignal(signaal(`${posters} De boer ziet er geen dreiging in.`), taxonomy, undefined, model);
    expect(r).toMatchObject({ fenomeen: 'onbekend', herkomst: 'geen' });
    expect(r.reden).toMatch(/; geen voorstel van het model: de omschrijving zegt 'geen dreiging'$/);
  });

  it("treats 'geen ideologie' as no verdict: a threat without ideology is overig, and stays hoog", () => {
    const r = evaluate('Man stuurt een wethouder een doodsbedreiging per e-mail; geen ideologische motieven zichtbaar.', taxonomy.regels);
    expect(r.onschuldig).toBeUndefined();
    expect(r.ernst).toBe('hoog');
    // For the ideological fenomenen it still cancels a loaded term anywhere in the text.
    expect(evaluate('Leerling (15) zet een IS-vlag als profielfoto. Geen ideologie, volgens de mentor.', taxonomy.regels)).toMatchObject({
      fenomeen: 'onbekend',
      zeker: false,
    });
  });

  it('is kept by the training pass that applies the rules ahead (the worker): equal reasons, different verdicts', () => {
    const posters = 'De groep plakt posters op de kippenschuur.';
    const signalen = [signaal(posters), { ...signaal(`${posters} Geen dreiging.`), id: 'O2' }];
    const builder = modelBuilder(undefined, INSTELLINGEN);
    for (const v of VOORBEELDEN) builder.add(tokenize(v.tekst), v.fenomeen);
    const pass = new TrainingPass(taxonomy, undefined, builder, (s, f) => ({ ...s, ...f }), true);
    signalen.forEach((s, i) => expect(pass.offer(s, i)).toBeUndefined());
    const vooraf: unknown[] = [];
    pass.finish((i, r) => (vooraf[i] = r));
    expect(vooraf).toEqual(signalen.map((s) => classifySignal(s, taxonomy, undefined, model)));
    expect(vooraf[1]).toMatchObject({ fenomeen: 'onbekend', herkomst: 'geen' });
  });

  it('never overrides an analyst label', () => {
    const r = classifySignal(signaal('De groep plakt posters. Geen dreiging.', 'activisme'), taxonomy, undefined, model);
    expect(r).toMatchObject({ fenomeen: 'activisme', herkomst: 'analist' });
  });
});
