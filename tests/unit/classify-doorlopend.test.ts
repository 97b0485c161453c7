// The worker's answer in parts (src/classify/doorlopend.ts), run in this thread: what the signals decided while
// reading and the model's decisions, part by part, give every final signal exactly one thread's classification.
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { classifyAndTrainInPlace, type Classificatie } from '../../src/classify/classify.js';
import { DoorlopendeKlassering, KlasseringOntvanger, lichteVorm, type Antwoord } from '../../src/classify/doorlopend.js';
import { loadTaxonomy, type Taxonomy } from '../../src/classify/taxonomy.js';
import { loadModelFile, modelBuilder, neutralFeatures } from '../../src/classify/tekstmodel.js';
import type { Signaal } from '../../src/domain.js';
import { ingestSignalen } from '../../src/ingest/index.js';
import { loadReference } from '../../src/reference/index.js';

let taxonomy: Taxonomy;
let records: Signaal[];

async function builder() {
  return modelBuilder(await loadModelFile(), undefined, neutralFeatures(taxonomy));
}

/** The parts of the answer over `signalen`, as postMessage would deliver them (copies), the model's `perDeel` a time. */
async function delen(vervangen: number[], perDeel: number, signalen = records, ruimte?: number): Promise<Antwoord[]> {
  const klassering = new DoorlopendeKlassering(taxonomy, undefined, await builder(), ruimte);
  for (const s of signalen) klassering.offer(lichteVorm(s.omschrijving, s.fenomeenLabel));
  const uit: Antwoord[] = [];
  klassering.einde(vervangen, (deel) => uit.push(structuredClone(deel)), perDeel);
  return uit;
}

beforeAll(async () => {
  taxonomy = await loadTaxonomy({ baseDir: process.cwd() });
  const samples = ['politie-export_2024-01_2025-09.csv', 'zvh-export_2024-2025.csv', 'online-monitoring_2024-2025.csv'];
  records = (await ingestSignalen(samples.map((f) => resolve(import.meta.dirname, '../../data-samples', f)), loadReference(), { sleutel: 'test' })).records;
});

describe('the classification answer in parts', () => {
  it('gives each final signal one thread\'s classification once, however many parts the model\'s decisions take', async () => {
    const verwacht = classifyAndTrainInPlace(structuredClone(records), taxonomy, undefined, await builder());
    const zonderLabel = records.findIndex((s, i) => i > 10 && !s.fenomeenLabel);
    const parts = await delen([zonderLabel], 7);
    expect(parts[0]!.soort).toBe('beslist');
    expect(parts.filter((p) => p.soort === 'voorspeld').length).toBeGreaterThan(3);
    expect(parts.at(-1)).toEqual({ soort: 'klaar', analist: verwacht.analist, handmatig: verwacht.handmatig });

    const blijft = records.filter((_, i) => i !== zonderLabel);
    const gekregen: string[] = new Array(blijft.length);
    let keer = 0;
    const ontvanger = new KlasseringOntvanger(records.length, [zonderLabel], (j, c) => {
      keer++;
      gekregen[j] = JSON.stringify(Object.assign(structuredClone(blijft[j]!), c));
    });
    const einden = parts.map((p) => ontvanger.ontvang(p));
    expect(einden.slice(0, -1).every((e) => e === undefined)).toBe(true);
    expect(einden.at(-1)).toEqual({ klaar: true, analist: verwacht.analist, handmatig: verwacht.handmatig });
    expect(keer).toBe(blijft.length);
    expect(gekregen).toEqual(verwacht.signalen.filter((_, i) => i !== zonderLabel).map((s) => JSON.stringify(s)));
  });

  it('keeps every number when its table grows past its first size, twice', async () => {
    // The samples over and over (a table of 1,024 signals grows twice), some without their description.
    const veel = Array.from({ length: 3_000 }, (_, i) => {
      const s = records[i % records.length]!;
      return i % 5 === 0 ? { ...s, omschrijving: undefined } : s;
    });
    // Classified in place: shallow copies are enough, and the classification's own fields are compared.
    const verwacht = classifyAndTrainInPlace(veel.map((s) => ({ ...s })), taxonomy, undefined, await builder());
    const velden = (c: Classificatie) =>
      [c.fenomeen, c.herkomst, c.reden, c.ernst, c.ernstReden, c.afwijking, c.regelSuggestie?.fenomeen, c.regelSuggestie?.reden].join('|');
    const gekregen: string[] = new Array(veel.length);
    const ontvanger = new KlasseringOntvanger(veel.length, [], (j, c) => (gekregen[j] = velden(c)));
    for (const deel of await delen([], 500, veel, 1_024)) ontvanger.ontvang(deel);
    expect(gekregen.join('\n') === verwacht.signalen.map(velden).join('\n')).toBe(true);
  });

  it('lets the reading thread take blocks of the model\'s work, with the same classifications', async () => {
    const verwacht = classifyAndTrainInPlace(structuredClone(records), taxonomy, undefined, await builder());
    const zonderLabel = records.findIndex((s, i) => i > 10 && !s.fenomeenLabel);
    const blijft = records.filter((_, i) => i !== zonderLabel);
    const gekregen: string[] = new Array(blijft.length);
    let keer = 0;
    let zelf = 0;
    let model = false;
    const ontvanger = new KlasseringOntvanger(
      records.length,
      [zonderLabel],
      (j, c) => {
        keer++;
        if (model) zelf++;
        gekregen[j] = JSON.stringify(Object.assign(structuredClone(blijft[j]!), c));
      },
      { signaal: (j) => blijft[j]!, taxonomy, beoordelingen: undefined },
    );
    const klassering = new DoorlopendeKlassering(taxonomy, undefined, await builder());
    for (const s of records) klassering.offer(lichteVorm(s.omschrijving, s.fenomeenLabel));
    // Each part reaches the receiver as it is sent, as postMessage delivers it: the reading thread takes its first
    // block of 5 as soon as the model part arrives, before the worker goes on (both threads then share the counter).
    const einden: ReturnType<KlasseringOntvanger['ontvang']>[] = [];
    klassering.einde(
      [zonderLabel],
      (deel) => {
        model = deel.soort === 'model';
        einden.push(ontvanger.ontvang(structuredClone(deel)));
        model = false;
      },
      7,
      { vanaf: 1, blok: 5 },
    );
    expect(zelf).toBeGreaterThan(0);
    expect(await einden.at(-1)).toEqual({ klaar: true, analist: verwacht.analist, handmatig: verwacht.handmatig });
    expect(keer).toBe(blijft.length);
    expect(gekregen).toEqual(verwacht.signalen.filter((_, i) => i !== zonderLabel).map((s) => JSON.stringify(s)));
  });

  it('fails loudly when a part went missing', async () => {
    const parts = await delen([], 7);
    const ontvanger = new KlasseringOntvanger(records.length, [], () => undefined);
    const zonderEen = parts.filter((p, k) => !(p.soort === 'voorspeld' && k === 2));
    expect(zonderEen).toHaveLength(parts.length - 1);
    expect(() => zonderEen.forEach((p) => ontvanger.ontvang(p))).toThrow(/covered \d+ of \d+ signals/);
  });
});
