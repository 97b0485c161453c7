// classifyAndTrainInPlace (the pipeline's one-record-per-signal pass, training the text model as it goes) gives exactly
// what training on trainingsvoorbeelden and classifySignals give: the same model, the same fields in the same key
// order, so every JSON output stays byte for byte the same, on the same objects.
import { beforeAll, describe, expect, it } from 'vitest';
import { classifyAndTrainForCounting, classifyAndTrainInPlace, classifySignals, signalContentHash, trainingsvoorbeelden, type Beoordelingen } from '../../src/classify/classify.js';
import { loadTaxonomy, type Taxonomy } from '../../src/classify/taxonomy.js';
import { buildModel, modelBuilder, type TrainingExample } from '../../src/classify/tekstmodel.js';
import type { Signaal } from '../../src/domain.js';
import { tokenize } from '../../src/classify/text.js';

let taxonomy: Taxonomy;
beforeAll(async () => {
  taxonomy = await loadTaxonomy({ baseDir: process.cwd() });
});

function signalen(): Signaal[] {
  const origin = (regel: number) => ({ bestand: 'export.csv', regel });
  return [
    { id: 'A', datum: '2025-07-03', tijd: '14:30', gemeente: 'GM0479', bron: 'politie', omschrijving: 'Deelt video van IS en spreekt over het kalifaat.', persoon: 'p1', origin: origin(2) },
    { id: 'B', datum: '2025-07-04', gemeente: 'GM0479', fenomeenLabel: 'polarisatie', omschrijving: 'Ruzie op het schoolplein.', origin: origin(3) },
    { id: 'C', datum: '2025-07-05', gemeente: 'GM0363', omschrijving: 'Antifa-stickers en leuzen tegen fascisten bij het partijkantoor.', origin: origin(4) },
    { id: 'D', datum: '2025-07-06', gemeente: 'GM0363', type: 'incident', origin: origin(5) },
    { id: 'E', datum: '2025-07-07', gemeente: 'GM0363', omschrijving: 'Deelt video van IS en spreekt over het kalifaat.', origin: origin(6) },
    { id: 'F', datum: '2025-07-08', gemeente: 'GM0363', fenomeenLabel: 'links-extremisme', omschrijving: 'Antifa leuzen bij het partijkantoor.', origin: origin(7) },
    { id: 'G', datum: '2025-07-09', gemeente: 'GM0363', fenomeenLabel: 'onbekend', omschrijving: 'Leuzen over fascisten op een muur.', origin: origin(8) },
    { id: 'H', datum: '2025-07-10', gemeente: 'GM0363', omschrijving: 'Partijkantoor beklad met leuzen bij het partijkantoor.', origin: origin(9) },
    { id: 'I', datum: '2025-07-11', gemeente: 'GM0363', fenomeenLabel: 'jihadisme', omschrijving: 'Spreekt over het kalifaat.', origin: origin(10) },
  ];
}

const EXTRA: TrainingExample[] = [
  { tekst: 'antifa fascisten partijkantoor', fenomeen: 'links-extremisme' },
  { tekst: 'kalifaat video', fenomeen: 'jihadisme' },
];

function beoordelingenVan(invoer: Signaal[]): Beoordelingen {
  return new Map([
    // Applies: handmatig, and a training example.
    ['E', { hash: signalContentHash(invoer[4]!), fenomeen: 'activisme', wie: 'analist1', wanneer: '2025-08-01T10:00:00Z' }],
    // Applies but undecided: handmatig, no example; the analyst's label teaches instead.
    ['F', { hash: signalContentHash(invoer[5]!), fenomeen: 'onbekend', wie: 'analist1', wanneer: '2025-08-01T10:00:00Z' }],
    // Expired: the content changed, so the model classifies H.
    ['H', { hash: 'oud', fenomeen: 'activisme', wie: 'analist1', wanneer: '2025-08-01T10:00:00Z' }],
  ]);
}

describe('classifyAndTrainInPlace', () => {
  it('trains the same model and gives the same classification and JSON as training first, then the copying pass', () => {
    const eerst = signalen();
    const beoordelingen = beoordelingenVan(eerst);
    const { voorbeelden, analist, handmatig } = trainingsvoorbeelden(eerst, beoordelingen);
    const model = buildModel(undefined, [...EXTRA, ...voorbeelden]);
    const kopie = classifySignals(eerst, taxonomy, beoordelingen, model);

    const invoer = signalen();
    const builder = modelBuilder(undefined);
    for (const v of EXTRA) builder.add(tokenize(v.tekst), v.fenomeen);
    const ter = classifyAndTrainInPlace(invoer, taxonomy, beoordelingen, builder);
    expect(JSON.stringify(ter.signalen)).toBe(JSON.stringify(kopie));
    ter.signalen.forEach((s, i) => expect(s).toBe(invoer[i]));
    expect([ter.analist, ter.handmatig]).toEqual([analist, handmatig]);
    expect([analist, handmatig]).toEqual([3, 1]);
    // Every kind of path was taken: the test would not notice a difference otherwise.
    expect(new Set(kopie.map((s) => s.herkomst))).toEqual(new Set(['regel', 'analist', 'handmatig', 'model', 'geen']));
    for (const s of signalen()) {
      if (s.omschrijving) expect(ter.model.voorstel(s.omschrijving)).toStrictEqual(model.voorstel(s.omschrijving));
    }
    // The copying pass leaves its input as it was.
    expect(JSON.stringify(eerst)).toBe(JSON.stringify(signalen()));
  });
});

describe('classifyAndTrainForCounting', () => {
  it('keeps exactly what counting needs of each classified signal, and lets go of the signals as it goes', () => {
    const volledig = signalen();
    const builder = () => {
      const b = modelBuilder(undefined);
      for (const v of EXTRA) b.add(tokenize(v.tekst), v.fenomeen);
      return b;
    };
    const verwacht = classifyAndTrainInPlace(volledig, taxonomy, beoordelingenVan(signalen()), builder()).signalen;
    const invoer: (Signaal | undefined)[] = signalen();
    const tel = classifyAndTrainForCounting(invoer, taxonomy, beoordelingenVan(signalen()), builder());
    const velden = ['datum', 'gemeente', 'type', 'bron', 'betrouwbaarheid', 'persoon', 'fenomeen', 'herkomst', 'ernst', 'afwijking'] as const;
    expect(tel.signalen).toEqual(verwacht.map((s) => Object.fromEntries(velden.map((k) => [k, s[k]]))));
    expect(tel.signalen.every((s) => Object.keys(s).length === velden.length)).toBe(true);
    expect(invoer.every((s) => s === undefined)).toBe(true);
  });
});

