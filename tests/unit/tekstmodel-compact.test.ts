// The compact form of the text model (dist/tekstmodel.bin, made by the build): loading it must give the very model the
// JSON gives (the same counts, the same proposals to the bit, the same model after extra labels), and any compact file
// that was not made from exactly the JSON's bytes must be passed over, never half used.
import { createHash } from 'node:crypto';
import { copyFile, mkdtemp, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokenize } from '../../src/classify/text.js';
import { expectGelijkeKenmerken } from './classify-fixtures.js';
import { buildModel, loadModelFile, modelVingerafdruk, writeCompactModel, type ModelFile, type TextModel } from '../../src/classify/tekstmodel.js';

const JSON_MODEL = 'data/tekstmodel.json';

let map: string;
let compact: string;
let uitJson: ModelFile;
let uitCompact: ModelFile;

/** Descriptions of the sample exports: real-looking texts with known and unknown words. */
async function omschrijvingen(): Promise<string[]> {
  const tekst = await readFile('data-samples/zvh-export_2024-2025.csv', 'utf8');
  return tekst
    .split('\n')
    .slice(1, 400)
    .map((regel) => regel.split(';')[7] ?? '')
    .filter((t) => t.length > 0);
}

function vergelijk(a: TextModel, b: TextModel, teksten: readonly string[]): void {
  for (const tekst of teksten) {
    const x = a.voorstel(tekst, tokenize(tekst));
    const y = b.voorstel(tekst, tokenize(tekst));
    expect(y.fenomeen).toBe(x.fenomeen);
    expect(Object.is(y.kans, x.kans)).toBe(true);
    expect(y.woorden).toStrictEqual(x.woorden);
    expect(y.reden).toBe(x.reden);
  }
}

beforeAll(async () => {
  map = await mkdtemp(join(tmpdir(), 'cter-tekstmodel-'));
  compact = join(map, 'tekstmodel.bin');
  expect(await writeCompactModel(JSON_MODEL, compact)).toBe(true);
  uitJson = await loadModelFile(JSON_MODEL, undefined);
  uitCompact = await loadModelFile(JSON_MODEL, compact);
});

afterAll(() => rm(map, { recursive: true, force: true }));

describe('compact text model', () => {
  it('holds the same settings and counts as the JSON', () => {
    const { kenmerken, ...rest } = uitJson;
    const { kenmerken: kenmerkenCompact, ...restCompact } = uitCompact;
    expect(restCompact).toStrictEqual(rest);
    expectGelijkeKenmerken(kenmerkenCompact, kenmerken);
  });

  it('gives the same proposals to the bit, alone and with extra labels', async () => {
    const teksten = await omschrijvingen();
    expect(teksten.length).toBeGreaterThan(100);
    const negeer = new Set(['gebed', 'moskee']);
    vergelijk(buildModel(uitJson, [], undefined, negeer), buildModel(uitCompact, [], undefined, negeer), teksten);
    // Extra labels (new words and pairs beside the base model's), and a pair weight that sums in the file's order.
    const extra = teksten.slice(0, 60).map((tekst, i) => ({ tekst, fenomeen: (['jihadisme', 'polarisatie', 'onbekend'] as const)[i % 3]! }));
    for (const instellingen of [undefined, { paarGewicht: 0.3 }]) {
      vergelijk(buildModel(uitJson, extra, instellingen, negeer), buildModel(uitCompact, extra, instellingen, negeer), teksten);
    }
  });

  it("has the file's bytes as its fingerprint; a model without a compact form has its JSON's", async () => {
    const bytes = await readFile(JSON_MODEL);
    expect(modelVingerafdruk(uitCompact)).toBe(`bestand ${createHash('sha256').update(bytes).digest('hex')}`);
    expect(modelVingerafdruk(uitJson)).toMatch(/^json [0-9a-f]{64}$/);
    expect(modelVingerafdruk({ ...uitJson, alpha: 2 })).not.toBe(modelVingerafdruk(uitJson));
    expect(modelVingerafdruk({ ...uitJson })).toBe(modelVingerafdruk(uitJson));
  });

  it('is passed over when the JSON changed after it was made', async () => {
    const ander = join(map, 'ander.json');
    const model = JSON.parse(await readFile(JSON_MODEL, 'utf8')) as ModelFile;
    await writeFile(ander, JSON.stringify({ ...model, versie: 'anders', kenmerken: { aanslag: [9, 0, 0, 0, 0, 0, 0, 1] } }));
    const gelezen = await loadModelFile(ander, compact);
    expect(gelezen.versie).toBe('anders');
    expect(Object.keys(gelezen.kenmerken)).toEqual(['aanslag']);
    // The model knows only the changed file's one word, not the words of the compact table.
    const tekst = 'explosieven voor een kerstmarkt';
    expect(buildModel(uitCompact, []).voorstel(tekst).reden).not.toBe('model: geen bekende woorden');
    expect(buildModel(gelezen, []).voorstel(tekst).reden).toBe('model: geen bekende woorden');
  });

  it('is passed over when damaged or missing', async () => {
    const kopie = join(map, 'kopie.json');
    await copyFile(JSON_MODEL, kopie);
    const kapot = join(map, 'kapot.bin');
    await copyFile(compact, kapot);
    await truncate(kapot, (await stat(kapot)).size - 4);
    for (const bestand of [kapot, join(map, 'bestaat-niet.bin')]) {
      const gelezen = await loadModelFile(kopie, bestand);
      expect(gelezen.versie).toBe(uitJson.versie);
      vergelijk(buildModel(uitJson, []), buildModel(gelezen, []), ['een aanslag op een moskee', 'sticker met 1488']);
    }
  });

  it('is not made for counts that are not whole numbers, and an old one is removed', async () => {
    const fracties = join(map, 'fracties.json');
    const model = JSON.parse(await readFile(JSON_MODEL, 'utf8')) as ModelFile;
    await writeFile(fracties, JSON.stringify({ ...model, kenmerken: { aanslag: [0.5, 0, 0, 0, 0, 0, 0, 1] } }));
    const oud = join(map, 'oud.bin');
    await copyFile(compact, oud);
    expect(await writeCompactModel(fracties, oud)).toBe(false);
    await expect(stat(oud)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
