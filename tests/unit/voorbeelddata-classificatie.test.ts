// The classification pass on the shipped sample data: look-alikes (religious practice, games, history) never get the
// fenomeen they resemble, vague and mixed texts stay onbekend, deliberate threats are hoog, and analyst labels that
// contradict the text are flagged for review. The facts come from data-samples/verwacht.json (scripts/gen-samples.mjs).
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ingestSignalen } from '../../src/ingest/index.js';
import type { GeclassificeerdSignaal } from '../../src/domain.js';
import { loadReference } from '../../src/reference/index.js';
import { loadVerwacht, ROOT, SAMPLES, type Verwacht } from '../voorbeelddata.js';
import { classifySignals } from '../../src/classify/classify.js';
import { loadTaxonomy } from '../../src/classify/taxonomy.js';

let verwacht: Verwacht;
let byId: Map<string, GeclassificeerdSignaal>;

beforeAll(async () => {
  verwacht = await loadVerwacht();
  const files = Object.keys(verwacht.bestanden).map((f) => join(SAMPLES, f));
  const { records } = await ingestSignalen(files, loadReference());
  const taxonomy = await loadTaxonomy({ baseDir: ROOT, taxonomieModus: 'uitbreiden' });
  byId = new Map(classifySignals(records, taxonomy).map((s) => [s.id, s]));
});

const signal = (id: string) => {
  const s = byId.get(id);
  expect(s, id).toBeDefined();
  return s!;
};

describe('classification of data-samples/', () => {
  it('does not give a look-alike the fenomeen it resembles', () => {
    expect(verwacht.lijktOp.length).toBeGreaterThan(20);
    for (const { id, niet } of verwacht.lijktOp) {
      expect(signal(id).fenomeen, `${id}: ${signal(id).omschrijving}`).not.toBe(niet);
    }
  });

  it('leaves vague and mixed texts onbekend, without a label, with herkomst geen', () => {
    const unlabelled = [...verwacht.vaag, ...verwacht.twijfel].map(signal).filter((s) => s.fenomeenLabel === undefined);
    expect(unlabelled.length).toBeGreaterThan(50);
    for (const s of unlabelled) expect([s.id, s.fenomeen, s.herkomst]).toEqual([s.id, 'onbekend', 'geen']);
  });

  it('rates the deliberate threats, weapons and attack plans hoog', () => {
    expect(verwacht.ernstHoog.length).toBeGreaterThan(20);
    for (const id of verwacht.ernstHoog) expect(signal(id).ernst, `${id}: ${signal(id).omschrijving}`).toBe('hoog');
  });

  it('keeps the analyst label but flags it when the text points elsewhere', () => {
    for (const { id, tekstWijstOp } of verwacht.afwijkingen) {
      const s = signal(id);
      expect(s.herkomst).toBe('analist');
      expect(s.afwijking, `${id}: ${s.omschrijving}`).toBe(true);
      expect(s.regelSuggestie?.fenomeen).toBe(tekstWijstOp);
    }
  });
});
