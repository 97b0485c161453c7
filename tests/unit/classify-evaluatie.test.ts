// The labelled evaluation corpus (tests/fixtures/classify/evaluatie, written independently of the taxonomy): the rules
// and the shipped text model are tuned on the development parts only (ontwikkel.csv, and ontwikkel-2.csv and
// ontwikkel-3.csv by a second and a third author blind to the rules and to the other parts); test.csv is only measured
// here. Also checks that
// data/tekstmodel.json is what scripts/tekstmodel.mjs builds from the development parts.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { crossValidate, readEvaluationSet, measure, predict } from '../../src/classify/evaluatie.js';
import { buildModel, loadModelFile, modelSettings, neutralFeatures, countFeatures, type ModelFile } from '../../src/classify/tekstmodel.js';
import { fenomeenVoorLabel, loadTaxonomy, type Taxonomy } from '../../src/classify/taxonomy.js';

const ROOT = resolve(import.meta.dirname, '../..');
const DIR = resolve(ROOT, 'tests/fixtures/classify/evaluatie');

const FLOOR_CV = 0.873;
const MAX_FORCED_CV = 11;

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
const ontwikkelDelen = () => [...lees('ontwikkel.csv'), ...lees('ontwikkel-2.csv'), ...lees('ontwikkel-3.csv')];

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

  // Issue 10 targets accuracy >= 0.9 with no forced negative. Measured, never tuned on: with only ontwikkel.csv
  // 0.793 (115 of 145) with one negative forced; after adding ontwikkel-2.csv to the base model, choosing the threshold
  // by cross-validation on both development parts and a negative-context group from the rules' errors on ontwikkel-2
  // (development data only) and the model ignoring the taxonomy's neutral words: 0.876 (127 of 145) with three
  // negatives forced. Then the model's settings (each feature once per text, smoothing, temperature, pair weight,
  // threshold) were chosen together by cross-validation on the development parts with a forced negative costing five
  // missed cases (development CV 0.845 with 12 forced -> 0.826 with 4): 0.841 (122 of 145) with one negative forced.
  // Then ontwikkel-3.csv (600 descriptions by a third independent writer) joined the base model and the CV, words for
  // persons stopped weighing, and the model may veto a weak rule when sure of 'no fenomeen' (development CV over the
  // three parts 0.873 with 11 forced): 0.917 (133 of 145) with one negative forced. Each of the two last figures was
  // measured once. The assertion is a floor at the measured figure (it fails on any regression); the target of no
  // forced negative is not reached; raising it needs more labelled development data, never tuning on this part.
  it('classifies the test part at the measured accuracy (target 0.9 reached, one negative still forced) and prints the figure', () => {
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
    expect(beide.nauwkeurigheid).toBeGreaterThanOrEqual(0.917);
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
