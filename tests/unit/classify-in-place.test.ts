// classifySignalsInPlace (the pipeline's one-record-per-signal pass) gives exactly what classifySignals gives: the
// same fields in the same key order, so every JSON output stays byte for byte the same, on the same objects.
import { beforeAll, describe, expect, it } from 'vitest';
import { classifySignals, classifySignalsInPlace, signalContentHash, type Beoordelingen } from '../../src/classify/classify.js';
import { loadTaxonomy, type Taxonomy } from '../../src/classify/taxonomy.js';
import { buildModel } from '../../src/classify/tekstmodel.js';
import type { Signaal } from '../../src/domain.js';

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
  ];
}

describe('classifySignalsInPlace', () => {
  it('gives the same classification and JSON as the copying pass, written onto the signals themselves', () => {
    const model = buildModel(undefined, [
      { tekst: 'antifa fascisten partijkantoor', fenomeen: 'links-extremisme' },
      { tekst: 'kalifaat video', fenomeen: 'jihadisme' },
    ]);
    const eerst = signalen();
    const beoordelingen: Beoordelingen = new Map([
      ['E', { hash: signalContentHash(eerst[4]!), fenomeen: 'activisme', wie: 'analist1', wanneer: '2025-08-01T10:00:00Z' }],
    ]);
    const kopie = classifySignals(eerst, taxonomy, beoordelingen, model);
    const invoer = signalen();
    const ter = classifySignalsInPlace(invoer, taxonomy, beoordelingen, model);
    expect(JSON.stringify(ter)).toBe(JSON.stringify(kopie));
    ter.forEach((s, i) => expect(s).toBe(invoer[i]));
    expect(ter.map((s) => s.herkomst)).toEqual(kopie.map((s) => s.herkomst));
    // The copying pass leaves its input as it was.
    expect(JSON.stringify(eerst)).toBe(JSON.stringify(signalen()));
  });
});
