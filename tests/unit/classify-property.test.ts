// Properties of the classification that no single example pins down: religious practice is never jihadism, and a
// neutral sentence added to a description never changes a conclusive outcome (rules or model).
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildModel, loadModelFile, neutralFeatures, type TextModel } from '../../src/classify/tekstmodel.js';
import { classifySignal } from '../../src/classify/classify.js';
import { loadTaxonomy, type Taxonomy } from '../../src/classify/taxonomy.js';
import { signaal } from './classify-fixtures.js';

let taxonomy: Taxonomy;
let model: TextModel;

beforeAll(async () => {
  taxonomy = await loadTaxonomy({ baseDir: process.cwd() });
  model = buildModel(await loadModelFile(), [], undefined, neutralFeatures(taxonomy));
});


const classify = (text: string) => classifySignal(signaal(text), taxonomy, undefined, model);

const PERSONEN = ['Een leerling (15)', 'Betrokkene', 'Een jongeman van 19', 'Cliënte (34)', 'Een vader van drie kinderen', 'De buurman', 'Een bekeerling'];
const PRAKTIJKEN = [
  'bidt vijf keer per dag',
  'gaat elke vrijdag naar het vrijdaggebed',
  'vast tijdens de ramadan',
  'draagt sinds kort een djellaba en een lange baard',
  'draagt een hoofddoek',
  'volgt koranles',
  'viert het suikerfeest met familie',
  'eet alleen halal',
  'leest veel in de koran',
  'is bekeerd tot de islam',
  'spreekt over zijn innerlijke jihad tegen luiheid',
  'zegt vaak inshallah en alhamdulillah',
  'wil de hadj maken',
  'bezoekt de moskee voor het avondgebed',
];
const PLAATSEN = ['in de moskee', 'thuis', 'op school', 'in de wijk', 'op het werk', 'in het gebedshuis', 'tijdens de pauze'];
const AANVULLING = ['', ' Geen zorgen over gedrag.', ' De mentor meldt dit ter informatie.', ' Ouders zijn betrokken.'];

const NEUTRAAL = [
  'Melding ter informatie vastgelegd.',
  'Wijkagent is op de hoogte gebracht.',
  'Melder wil anoniem blijven.',
  'Het gesprek vond plaats op dinsdagmiddag.',
  'Afspraak voor een vervolggesprek is gemaakt.',
  'Camerabeelden worden opgevraagd.',
  'Betrokkene woont bij zijn ouders.',
];
const CONCLUSIEF = [
  'Deelt IS-propaganda en roept op tot aanslagen op ongelovigen.',
  'Verspreidt stickers met hakenkruisen en 1488 in de wijk.',
  'Anarchistische groep roept op tot sabotage van uitzetvluchten.',
  'Noemt zich een soevereine burger en erkent het gezag niet.',
  'Klimaatactivisten blokkeerden de A12 en lijmden zich vast aan het asfalt.',
  'Spreekt over een witte etnostaat en rassenstrijd.',
  'Online oproep om de burgemeester op te hangen wegens verraad aan het volk.',
];

describe('classification properties', () => {
  it('never classifies religious practice (practice x person x place) as jihadisme', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PERSONEN),
        fc.constantFrom(...PRAKTIJKEN),
        fc.constantFrom(...PLAATSEN),
        fc.constantFrom(...AANVULLING),
        (persoon, praktijk, plaats, aanvulling) => {
          const c = classify(`${persoon} ${praktijk} ${plaats}.${aanvulling}`);
          expect(c.fenomeen, c.reden).not.toBe('jihadisme');
        },
      ),
      { numRuns: 400, seed: 10 },
    );
  });

  it('keeps a conclusive outcome when a neutral sentence is added before or after', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CONCLUSIEF), fc.constantFrom(...NEUTRAAL), fc.boolean(), (tekst, neutraal, voor) => {
        const eerst = classify(tekst);
        expect(['regel', 'model'], eerst.reden).toContain(eerst.herkomst);
        const daarna = classify(voor ? `${neutraal} ${tekst}` : `${tekst} ${neutraal}`);
        expect([daarna.fenomeen, daarna.herkomst]).toEqual([eerst.fenomeen, eerst.herkomst]);
      }),
      { numRuns: 200, seed: 10 },
    );
  });

  it('gives the same model outcome for the same text, whatever was classified before', () => {
    const text = 'Student organiseert een doxing-avond tegen leden van een rechtse studentenvereniging.';
    const fresh = buildModel(undefined, []);
    expect(fresh.aantal).toBe(0);
    const a = classify(text);
    classify('Iets heel anders over een klimaatblokkade.');
    expect(classify(text)).toEqual(a);
  });
});
