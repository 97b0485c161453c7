// The text model's veto on a weak conclusion of the rules: a single term in a text the model is sure belongs to no
// fenomeen stays onbekend (herkomst geen, both reasons named); a strong rule, an analyst label or a switched-off veto
// are never stopped.
import { beforeAll, describe, expect, it } from 'vitest';
import { classifySignal } from '../../src/classify/classify.js';
import { loadTaxonomy, type Taxonomy } from '../../src/classify/taxonomy.js';
import { buildModel, type TextModel } from '../../src/classify/tekstmodel.js';
import type { Fenomeen } from '../../src/domain.js';
import { signaal } from './classify-fixtures.js';

let taxonomy: Taxonomy;
let model: TextModel;

// Kitchen talk is never a fenomeen in these labels; sovereign citizens' talk is.
const VOORBEELDEN: { tekst: string; fenomeen: Fenomeen }[] = [
  ...['De kok bakt brood in de keuken van het buurthuis.', 'In de keuken van het buurthuis kookt de kok soep.', 'De kok van het buurthuis zegt dat de keuken schoon is.', 'Lachend serveert de kok het eten in het buurthuis.'].map(
    (tekst) => ({ tekst, fenomeen: 'onbekend' as const }),
  ),
  ...['Man erkent het gezag niet en toont een eigen paspoort.', 'Stuurt de gemeente een brief dat hij geen contract heeft met de BV Nederland.'].map(
    (tekst) => ({ tekst, fenomeen: 'anti-institutioneel-extremisme' as const }),
  ),
];

beforeAll(async () => {
  taxonomy = await loadTaxonomy({ baseDir: process.cwd() });
  model = buildModel(undefined, VOORBEELDEN, { alpha: 0.5, temperatuur: 1, paarGewicht: 0, drempel: 0.6, drempelMetSteun: 0.6, vetoKans: 0.6, vetoOnder: 3.5 });
});


const KEUKEN = 'De kok in het buurthuis zegt lachend dat hij soeverein is in zijn eigen keuken.';

describe('model veto on a weak rule', () => {
  it('keeps a single term onbekend when the model is sure of no fenomeen, naming both reasons', () => {
    const zonder = classifySignal(signaal(KEUKEN), taxonomy);
    expect(zonder).toMatchObject({ fenomeen: 'anti-institutioneel-extremisme', herkomst: 'regel' });
    const r = classifySignal(signaal(KEUKEN), taxonomy, undefined, model);
    expect(r).toMatchObject({ fenomeen: 'onbekend', herkomst: 'geen', regelSuggestie: { fenomeen: 'anti-institutioneel-extremisme' } });
    expect(r.reden).toMatch(/^model: geen fenomeen \('[^']+' \(\+\d+,\d\).*\); kans 0,\d\d; dat weegt op tegen een zwakke regel \(score 2, minder dan 3,5\): regel: termen 'soeverein\*' \(2\)/);
  });

  it('never stops a strong rule, an analyst label, or when the veto is off', () => {
    const sterk = `${KEUKEN} Hij noemt zich soevereine burger en erkent het gezag van de BV Nederland niet.`;
    expect(classifySignal(signaal(sterk), taxonomy, undefined, model).herkomst).toBe('regel');
    expect(classifySignal(signaal(KEUKEN, 'anti-institutioneel-extremisme'), taxonomy, undefined, model)).toMatchObject({
      fenomeen: 'anti-institutioneel-extremisme',
      herkomst: 'analist',
    });
    const uit = buildModel(undefined, VOORBEELDEN, { ...model.instellingen, vetoKans: null });
    expect(classifySignal(signaal(KEUKEN), taxonomy, undefined, uit)).toMatchObject({ fenomeen: 'anti-institutioneel-extremisme', herkomst: 'regel' });
  });
});
