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
import { expectGelijkeKenmerken } from './classify-fixtures.js';

const ROOT = resolve(import.meta.dirname, '../..');
const DIR = resolve(ROOT, 'tests/fixtures/classify/evaluatie');

const FLOOR_CV = 0.925;
const MAX_FORCED_CV = 14;

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
    expectGelijkeKenmerken(basis.kenmerken, kenmerken);
  });

  // Issue 10 targets accuracy >= 0.9 with no forced negative on independently written text. Each test part is measured
  // once, and then retired into development data before any further work: the first (145 descriptions) became
  // ontwikkel-4.csv, the second (219; 0.8995 with four negatives forced) ontwikkel-7.csv, the third (240; 0.9542 with one
  // negative forced) ontwikkel-10.csv. This test part (240 descriptions, 72 hard negatives, by a ninth writer blind to
  // the rules, the code and all other parts; README-test.md) was measured once, after ontwikkel-10.csv had been added
  // and the settings chosen again: rules 0.7625 (6 forced), model 0.9625 (none forced), both 0.9833 (236 of 240) with
  // no negative forced. Both targets are met. The assertion is a floor at the measured figure (it fails on any
  // regression); it must never be raised by tuning on this part. Nobody on cter's side has read its items.
  it('classifies the test part at the measured accuracy (0.9833, no negative forced) and prints the figure', () => {
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
    expect(beide.nauwkeurigheid).toBeGreaterThanOrEqual(0.9);
    expect(beide.negatiefGeforceerd).toBe(0);
    expect(beide.juist).toBeGreaterThanOrEqual(236);
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
