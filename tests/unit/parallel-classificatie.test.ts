// The classification on a second thread (src/classify/parallel.ts, run from dist/ as bin/cter runs it: the worker is
// compiled JavaScript) gives exactly one thread's result: the same fields in the same key order for every signal,
// review decisions (valid and stale) included; and it declines when a labelled signal it trained on was replaced.
import { mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateSignalen } from '../../scripts/gen-signalen.mjs';
import { classifyAndTrainForCounting, classifyAndTrainInPlace, signalContentHash, type Beoordeling, type Classificatie } from '../../src/classify/classify.js';
import { loadTaxonomy, type Taxonomy } from '../../src/classify/taxonomy.js';
import { loadModelFile, modelBuilder, neutralFeatures } from '../../src/classify/tekstmodel.js';
import type { Signaal } from '../../src/domain.js';
import { ingestSignalen } from '../../src/ingest/index.js';
import { aggregateScope, indexSignals } from '../../src/aggregate/aggregate.js';
import { latestCompleteQuarter } from '../../src/aggregate/periode.js';
import { batchDoelen } from '../../src/batch/targets.js';
import { loadReference } from '../../src/reference/index.js';

type ParallelModule = typeof import('../../src/classify/parallel.js');
const { ParallelClassificatie, PARALLEL_VANAF_BYTES } = (await import(new URL('../../dist/classify/parallel.js', import.meta.url).href)) as ParallelModule;
type Pipeline = typeof import('../../src/pipeline.js');
const { ingestAndClassify } = (await import(new URL('../../dist/pipeline.js', import.meta.url).href)) as Pipeline;

const BRON = { baseDir: process.cwd() };

/**
 * The worker's answer as one result: the classification of each final signal as finish() hands it over (each exactly
 * once), and the training counts; undefined when the worker declines.
 */
async function uitkomstVan(parallel: InstanceType<ParallelModule['ParallelClassificatie']>, vervangen: number[], signaal?: (j: number) => Signaal) {
  const gekregen: Classificatie[] = [];
  let dubbel = 0;
  const training = await parallel.finish(
    vervangen,
    (j, c) => {
      if (gekregen[j] !== undefined) dubbel++;
      gekregen[j] = c;
    },
    signaal,
  );
  if (!training) return undefined;
  expect(dubbel).toBe(0);
  return { ...training, classificatie: (j: number) => gekregen[j]! };
}

describe('classification on a worker thread', () => {
  let taxonomy: Taxonomy;
  let records: Signaal[];
  let beoordelingen: Map<string, Beoordeling>;

  beforeAll(async () => {
    // The sample exports (texts the rules and the model decide on) and a generated one (volume, analyst labels).
    const file = join(await mkdtemp(join(tmpdir(), 'cter-parallel-')), 'signalen.csv');
    await generateSignalen(file, { regels: 1000, seed: 11, fout: 0.01 });
    const samples = ['politie-export_2024-01_2025-09.csv', 'zvh-export_2024-2025.csv', 'online-monitoring_2024-2025.csv'];
    const files = [...samples.map((f) => resolve(import.meta.dirname, '../../data-samples', f)), file];
    records = (await ingestSignalen(files, loadReference(), { sleutel: 'test' })).records;
    taxonomy = await loadTaxonomy(BRON);
    const [geldig, verlopen, zonderLabel] = [records[3]!, records[10]!, records.find((s) => !s.fenomeenLabel)!];
    const wanneer = '2025-10-01T10:00:00.000Z';
    beoordelingen = new Map<string, Beoordeling>([
      [geldig.id, { hash: signalContentHash(geldig), fenomeen: 'polarisatie', ernst: 'hoog', wie: 'analist', wanneer }],
      [verlopen.id, { hash: 'ander', fenomeen: 'jihadisme', wie: 'analist', wanneer }],
      [zonderLabel.id, { hash: signalContentHash(zonderLabel), fenomeen: 'activisme', wie: 'analist', wanneer }],
    ]);
  }, 60_000);

  /** One thread's result on every record: the reference of both tests, classified once (it takes seconds). */
  let eenDraadUitkomst: Promise<{ json: string[]; analist: number; handmatig: number }> | undefined;
  function eenDraad(): Promise<{ json: string[]; analist: number; handmatig: number }> {
    eenDraadUitkomst ??= (async () => {
      const copies = structuredClone(records);
      const builder = modelBuilder(await loadModelFile(), undefined, neutralFeatures(taxonomy));
      const { signalen, analist, handmatig } = classifyAndTrainInPlace(copies, taxonomy, beoordelingen, builder);
      return { json: signalen.map((s) => JSON.stringify(s)), analist, handmatig };
    })();
    return eenDraadUitkomst;
  }

  it('classifies every signal as one thread does, in the same key order', async () => {
    const verwacht = await eenDraad();
    const parallel = new ParallelClassificatie(BRON, taxonomy, beoordelingen);
    for (const s of records) parallel.feed(s);
    const uitkomst = await uitkomstVan(parallel, []);
    expect(uitkomst).toBeDefined();
    const json = records.map((s, j) => JSON.stringify(Object.assign(structuredClone(s), uitkomst!.classificatie(j))));
    expect(json).toEqual(verwacht.json);
    expect([uitkomst!.analist, uitkomst!.handmatig]).toEqual([verwacht.analist, verwacht.handmatig]);
    // The review decisions were applied: the two valid ones as handmatig (and trained on), the stale one not; and
    // every other way to a fenomeen occurs.
    expect(verwacht.json.filter((s) => s.includes('"herkomst":"handmatig"'))).toHaveLength(2);
    expect(verwacht.handmatig).toBe(2);
    for (const herkomst of ['analist', 'regel', 'model', 'geen']) expect(verwacht.json.some((s) => s.includes(`"herkomst":"${herkomst}"`))).toBe(true);
  }, 60_000);

  it('shares the model\'s work with this thread, block by block, with the same result', async () => {
    const verwacht = await eenDraad();
    const zonderLabel = records.findIndex((s, i) => i > 20 && !s.fenomeenLabel);
    const zonder = records.filter((_, i) => i !== zonderLabel);
    // Blocks of four, taken by whichever thread is ready first: how many this thread gets depends on timing (the
    // worker may take them all), so that it takes blocks is tested in classify-doorlopend.test.ts.
    const parallel = new ParallelClassificatie(BRON, taxonomy, beoordelingen, { vanaf: 1, blok: 4 });
    for (const s of records) parallel.feed(s);
    const uitkomst = await uitkomstVan(parallel, [zonderLabel], (j) => zonder[j]!);
    const json = zonder.map((s, j) => JSON.stringify(Object.assign(structuredClone(s), uitkomst!.classificatie(j))));
    expect(json).toEqual(verwacht.json.filter((_, i) => i !== zonderLabel));
    expect([uitkomst!.analist, uitkomst!.handmatig]).toEqual([verwacht.analist, verwacht.handmatig]);
  }, 60_000);

  it('reads parts that arrived before finish(), when the end was sent early (as the pipeline does)', async () => {
    const verwacht = await eenDraad();
    const parallel = new ParallelClassificatie(BRON, taxonomy, beoordelingen, { vanaf: 1, blok: 4 });
    for (const s of records) parallel.feed(s);
    parallel.einde([], true);
    // Usually long enough for the worker to answer before finish() reads its parts (the worker thread has started
    // and read the taxonomy meanwhile); when it is not, the parts are read as they come, with the same result.
    await new Promise((klaar) => setTimeout(klaar, 1000));
    const uitkomst = await uitkomstVan(parallel, [], (j) => records[j]!);
    const json = records.map((s, j) => JSON.stringify(Object.assign(structuredClone(s), uitkomst!.classificatie(j))));
    expect(json).toEqual(verwacht.json);
  }, 60_000);

  it('asks reading to pause while the worker is far behind, and lets it go on once the worker catches up', async () => {
    const parallel = new ParallelClassificatie(BRON, taxonomy, beoordelingen);
    expect(parallel.wacht()).toBeUndefined();
    // Fed in one go, the worker cannot have taken anything in yet: more than sixteen batches wait for it. Signals
    // without a description: what is counted is signals, and the worker gets through every one of them before finish
    // answers (with descriptions, classifying the 66,000 took most of this file's time).
    const kaal = records.map((s) => ({ ...s, omschrijving: undefined }));
    let gevoed = 0;
    while (gevoed <= 16 * 4096) for (const s of kaal) (parallel.feed(s), gevoed++);
    const pauze = parallel.wacht();
    expect(pauze).toBeInstanceOf(Promise);
    await pauze;
    expect(parallel.wacht()).toBeUndefined();
    expect(await uitkomstVan(parallel, [])).toBeDefined();
  }, 60_000);

  it('skips replaced signals it did not train on, and declines when one it trained on was replaced', async () => {
    const verwacht = await eenDraad();
    const zonderLabel = records.findIndex((s, i) => i > 20 && !s.fenomeenLabel);
    const metLabel = records.findIndex((s, i) => i > 20 && s.fenomeenLabel && s.omschrijving);

    const parallel = new ParallelClassificatie(BRON, taxonomy, beoordelingen);
    for (const s of records) parallel.feed(s);
    const zonder = records.filter((_, i) => i !== zonderLabel);
    const uitkomst = await uitkomstVan(parallel, [zonderLabel]);
    expect(uitkomst).toBeDefined();
    const json = zonder.map((s, j) => JSON.stringify(Object.assign(structuredClone(s), uitkomst!.classificatie(j))));
    expect(json).toEqual(verwacht.json.filter((_, i) => i !== zonderLabel));

    // Declining needs no more than the signals up to the replaced one it trained on.
    const opnieuw = new ParallelClassificatie(BRON, taxonomy, beoordelingen);
    for (const s of records.slice(0, metLabel + 1)) opnieuw.feed(s);
    expect(await uitkomstVan(opnieuw, [metLabel])).toBeUndefined();
  }, 60_000);
});

describe('a counting run over a large export (cter trends): stand-ins instead of full records', () => {
  const ref = loadReference();
  const opts = { sleutel: 'test' };

  /** One thread, full records: what the counting run must give. */
  async function eenDraad(files: string[], taxonomy: Taxonomy) {
    const ingest = await ingestSignalen(files, ref, opts);
    const builder = modelBuilder(await loadModelFile(), undefined, neutralFeatures(taxonomy));
    const { signalen } = classifyAndTrainForCounting(ingest.records, taxonomy, undefined, builder);
    return { totaal: ingest.totaal, waarschuwingen: ingest.waarschuwingen, json: signalen.map((s) => JSON.stringify(s)) };
  }

  it('counts, warns and classifies as one thread does, with identical and changed copies, also when the worker declines', async () => {
    const map = await mkdtemp(join(tmpdir(), 'cter-tellen-'));
    const groot = join(map, 'groot.csv');
    const signalen = 600;
    await generateSignalen(groot, { regels: signalen, seed: 5, fout: 0.002 });
    // Over the size from which a second thread classifies, with few signals (each one classified four times here):
    // the last column (the team, which cter ignores) of every record is padded.
    const opvulling = '.'.repeat(Math.ceil(PARALLEL_VANAF_BYTES / signalen));
    await writeFile(groot, (await readFile(groot, 'utf8')).replace(/;(Noord|Zuid|Oost|West)\r\n/g, `;$1 ${opvulling}\r\n`));
    expect((await stat(groot)).size).toBeGreaterThan(PARALLEL_VANAF_BYTES);
    // Identical copies: the export's first records again, cut before a record starts (texts hold line breaks).
    const regels = (await readFile(groot, 'utf8')).split('\r\n');
    const eind = regels.findIndex((r) => r.startsWith('PNH-0000060;'));
    const kopie = join(map, 'kopie.csv');
    await writeFile(kopie, `${regels.slice(0, eind).join('\r\n')}\r\n`);
    // Changed copies: of a signal without an analyst label, and (second case) of one with a label, which the worker
    // trained on before it knew of the change.
    // The generator writes id, date, gemeente, bron, code, type and label unquoted: the seventh field is the label.
    const records = regels.slice(eind).filter((r) => r.startsWith('PNH-') && !r.split(';')[4]!.includes('"'));
    const zonder = records.find((r) => r.split(';')[6] === '')!.split(';')[0]!;
    const met = records.find((r) => r.split(';')[6] !== '')!.split(';')[0]!;
    const kop = 'Registratienummer;Datum melding;Gemeentenaam;Melder;Beoordeling;Soort signaal;Categorie;Toelichting;Persoon ID;Team';
    const gewijzigd = (id: string) => `${id};01-02-2025;Zaanstad;Politie;B2;Incident;;Gewijzigde melding: jihadistische propaganda gedeeld;;Noord`;
    const zonderBestand = join(map, 'gewijzigd-zonder-label.csv');
    await writeFile(zonderBestand, `${kop}\n${gewijzigd(zonder)}\n`);
    const metBestand = join(map, 'gewijzigd-met-label.csv');
    await writeFile(metBestand, `${kop}\n${gewijzigd(met)}\n`);
    const taxonomy = await loadTaxonomy(BRON);

    const dubbel: number[] = [];
    for (const files of [
      [groot, kopie, zonderBestand],
      [groot, kopie, zonderBestand, metBestand],
    ]) {
      const verwacht = await eenDraad(files, taxonomy);
      const { ingest, telSignalen } = await ingestAndClassify(files, ref, opts, taxonomy, BRON, undefined, true);
      expect(ingest.totaal).toEqual(verwacht.totaal);
      expect(ingest.waarschuwingen).toEqual(verwacht.waarschuwingen);
      expect(telSignalen.map((s) => JSON.stringify(s))).toEqual(verwacht.json);
      dubbel.push(ingest.totaal.dubbel);
    }
    // The first 59 records again (the valid ones count as dubbel), then one and then two replaced.
    expect(dubbel).toEqual([dubbel[0], dubbel[0]! + 1]);
    expect(dubbel[0]).toBeGreaterThan(50);

    // Full records, classified in place, and counted into the index as the classifications arrive (`indexeer`): the
    // signals of one thread, and the figures of every area of the police unit as indexSignals over them gives.
    const files = [groot, kopie, zonderBestand];
    const eenDraadSignalen = await ingestSignalen(files, ref, opts);
    const builder = modelBuilder(await loadModelFile(), undefined, neutralFeatures(taxonomy));
    const verwacht = classifyAndTrainInPlace(eenDraadSignalen.records, taxonomy, undefined, builder).signalen;
    const zonderIndex = await ingestAndClassify(files, ref, opts, taxonomy, BRON, undefined, false);
    expect(zonderIndex.index).toBeUndefined();
    expect(zonderIndex.signalen.map((s) => JSON.stringify(s))).toEqual(verwacht.map((s) => JSON.stringify(s)));
    const { signalen: metIndexSignalen, index } = await ingestAndClassify(files, ref, opts, taxonomy, BRON, undefined, false, 'kwartaal');
    expect(metIndexSignalen.map((s) => JSON.stringify(s))).toEqual(verwacht.map((s) => JSON.stringify(s)));
    const referentie = indexSignals(verwacht, 'kwartaal');
    const { periode } = latestCompleteQuarter(referentie.bereik!);
    const cijfers = (i: typeof referentie) =>
      batchDoelen(ref, { regio: 'Politie-eenheid Noord-Holland' }, { regios: [] }).map((d) => JSON.stringify(aggregateScope({ signalen: i, ref, scope: d.scope, periode })));
    expect(index!.soort).toBe('kwartaal');
    expect(cijfers(index!)).toEqual(cijfers(referentie));
  }, 120_000);
});
