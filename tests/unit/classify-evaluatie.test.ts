// The labelled evaluation corpus (tests/fixtures/classify/evaluatie, written independently of the taxonomy): the rules
// and the shipped text model are tuned on the development parts only (every ontwikkel*.csv, each by an author blind to
// the rules and to the other parts); test.csv, by yet another author, is only measured here. Also checks that
// data/tekstmodel.json is what scripts/tekstmodel.mjs builds from the development parts.
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { crossValidate, developmentParts, readEvaluationSet, measure, predict } from '../../src/classify/evaluatie.js';
import { buildModel, loadModelFile, modelSettings, neutralFeatures, countFeatures, type ModelFile } from '../../src/classify/tekstmodel.js';
import { fenomeenVoorLabel, loadTaxonomy, type Taxonomy } from '../../src/classify/taxonomy.js';

const ROOT = resolve(import.meta.dirname, '../..');
const DIR = resolve(ROOT, 'tests/fixtures/classify/evaluatie');

const FLOOR_CV = 0.927;
const MAX_FORCED_CV = 12;

let taxonomy: Taxonomy;
let basis: ModelFile;
const lees = (naam: string) => {
  const file = resolve(DIR, naam);
  return readEvaluationSet(readFileSync(file, 'utf8'), file, (t) => (t === 'onbekend' ? 'onbekend' : fenomeenVoorLabel(taxonomy, t)));
};

beforeAll(async () => {
  taxonomy = await loadTaxonomy({ baseDir: ROOT });
  basis = await loadModelFile();
});

const pct = (n: number) => `${(n * 100).toFixed(1)}%`;
const ontwikkelDelen = () => developmentParts(readdirSync(DIR)).flatMap((f) => lees(f));

describe('evaluation corpus', () => {
  it('has a development and a test part with hard negatives, at least 300 descriptions', () => {
    const ontwikkel = ontwikkelDelen();
    const test = lees('test.csv');
    expect(ontwikkel.length + test.length).toBeGreaterThanOrEqual(300);
    expect([...ontwikkel, ...test].filter((v) => v.fenomeen === 'onbekend').length).toBeGreaterThanOrEqual(60);
    const ids = new Set(ontwikkel.map((v) => v.id));
    expect(test.some((v) => ids.has(v.id))).toBe(false);
  });

  it('ships the base model built from the development parts only', () => {
    const ontwikkel = ontwikkelDelen();
    const { documenten, kenmerken } = countFeatures(ontwikkel);
    expect(basis.documenten).toEqual(documenten);
    expect(basis.kenmerken).toEqual(kenmerken);
  });

  // Issue 10 targets accuracy >= 0.9 with no forced negative on independently written text. Each test part is measured
  // once and then retired into development data: the first (145 descriptions) became ontwikkel-4.csv, the second (219
  // descriptions, measured on 2026-11-30 at 0.8995 with four negatives forced) became ontwikkel-7.csv. This test part
  // (240 descriptions, 72 hard negatives, by an eighth writer blind to the rules, the code and all other parts;
  // README-test.md) was measured once, after the work on ontwikkel-6 to -9 (verdicts on the whole text, the rules'
  // lean as support for the model, the polarisatie gate, ontw67/ontw89 vocabulary, a forced negative costing twenty
  // misses): rules 0.800 (4 forced), model 0.921 (1 forced), both 0.9542 (229 of 240) with one negative forced. The
  // accuracy target is met; "no negative forced" is not. The assertion is a floor at the measured figure (it fails on
  // any regression); it must never be raised by tuning on this part. Nobody on cter's side has read its items, including
  // the one negative that got a fenomeen. It was measured a second time, with the same figures, after one change made
  // for the sample data and not for this part: 'geen ideologie' went from a verdict on the whole signal to a negative
  // context of the four ideological fenomenen, because a threat without ideology is 'overig'.
  it('classifies the test part at the measured accuracy (0.9542; one negative forced) and prints the figure', () => {
    const test = lees('test.csv');
    const model = buildModel(basis, [], undefined, neutralFeatures(taxonomy));
    const voorspellingen = predict(test, taxonomy, model);
    const beide = measure(voorspellingen, 'beide', model.instellingen);
    const regels = measure(voorspellingen, 'regels', model.instellingen);
    const alleenModel = measure(voorspellingen, 'model', model.instellingen);
    console.log(
      `testdeel (${beide.aantal} omschrijvingen, ${beide.negatieven} negatief): regels ${pct(regels.nauwkeurigheid)}, ` +
        `model ${pct(alleenModel.nauwkeurigheid)}, samen ${pct(beide.nauwkeurigheid)}; onthouding ${pct(beide.onthouding)}, ` +
        `negatief geforceerd ${beide.negatiefGeforceerd}`,
    );
    expect(beide.negatiefGeforceerd).toBeLessThanOrEqual(1);
    expect(beide.juist).toBeGreaterThanOrEqual(229);
  });

  it('reports the development parts by 10-fold cross-validation of the model', () => {
    const ontwikkel = ontwikkelDelen();
    const cv = crossValidate(ontwikkel, taxonomy, undefined, 10, modelSettings(basis));
    const beide = measure(cv, 'beide', basis);
    const regels = measure(cv, 'regels', basis);
    const alleenModel = measure(cv, 'model', basis);
    console.log(
      `ontwikkeldelen (${beide.aantal} omschrijvingen, 10-voudig): regels ${pct(regels.nauwkeurigheid)}, ` +
        `model ${pct(alleenModel.nauwkeurigheid)}, samen ${pct(beide.nauwkeurigheid)}; negatief geforceerd ${beide.negatiefGeforceerd}`,
    );
    // Measured figures (the rules were tuned on ontwikkel.csv, so the rules' share is optimistic there): a floor.
    expect(beide.nauwkeurigheid).toBeGreaterThanOrEqual(FLOOR_CV);
    expect(beide.negatiefGeforceerd).toBeLessThanOrEqual(MAX_FORCED_CV);
  });
});
