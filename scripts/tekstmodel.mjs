#!/usr/bin/env node
// Builds data/tekstmodel.json, the text model cter ships: naive Bayes counts from the development part of the labelled
// evaluation corpus (every tests/fixtures/classify/evaluatie/ontwikkel*.csv, written by independent authors), with
// smoothing, temperature, pair weight, probability threshold and veto chosen by 10-fold cross-validation on their
// union. The test part (test.csv) is never read here. Run after changing the tokeniser, the stemmer
// or the rules (the threshold depends on where the rules abstain):  npx tsc && node scripts/tekstmodel.mjs
import { readdirSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const { loadTaxonomy, fenomeenVoorLabel } = await import(`${ROOT}dist/classify/taxonomy.js`);
const ev = await import(`${ROOT}dist/classify/evaluatie.js`);
const tm = await import(`${ROOT}dist/classify/tekstmodel.js`);

const BRONNEN = ev.developmentParts(readdirSync(`${ROOT}tests/fixtures/classify/evaluatie`)).map((f) => `tests/fixtures/classify/evaluatie/${f}`);
const BRON = `${BRONNEN.slice(0, -1).join(', ')} en ${BRONNEN.at(-1)}`;
const taxonomy = await loadTaxonomy({ baseDir: ROOT });
const label = (t) => (t === 'onbekend' ? 'onbekend' : fenomeenVoorLabel(taxonomy, t));
const voorbeelden = BRONNEN.flatMap((bron) => ev.readEvaluationSet(readFileSync(`${ROOT}${bron}`, 'utf8'), bron, label));
const instellingen = ev.chooseSettings(voorbeelden, taxonomy, 10);
const tellingen = tm.countFeatures(voorbeelden);
const model = {
  versie: `basismodel ${voorbeelden.length} omschrijvingen`,
  omschrijving:
    `Naive Bayes (stammen en woordparen, elk kenmerk een keer per omschrijving) getraind op ${BRON} ` +
    `(${voorbeelden.length} gelabelde omschrijvingen, waarvan ${voorbeelden.filter((v) => v.fenomeen === 'onbekend').length} ` +
    'zonder fenomeen); gladmaking, temperatuur, gewicht van woordparen, drempel en veto op zwakke regels gekozen met 10-voudige ' +
    'kruisvalidatie op dezelfde omschrijvingen. Opnieuw maken: node scripts/tekstmodel.mjs',
  ...instellingen,
  ...tellingen,
};
// One feature per line: the file stays diffable.
const kenmerken = Object.entries(model.kenmerken).map(([f, c]) => `    ${JSON.stringify(f)}: ${JSON.stringify(c)}`);
const { kenmerken: _, ...kop } = model;
const json = `${JSON.stringify(kop, null, 2).slice(0, -2)},\n  "kenmerken": {\n${kenmerken.join(',\n')}\n  }\n}\n`;
await writeFile(`${ROOT}data/tekstmodel.json`, json);
console.error(`data/tekstmodel.json: ${voorbeelden.length} omschrijvingen, ${kenmerken.length} kenmerken, ${JSON.stringify(instellingen)}`);
