// The classification measurement of the verantwoording on a worker thread (src/report/meting.ts, run from dist/ as
// bin/cter runs it: the worker is compiled JavaScript) gives exactly the measurement of one thread, and falls back to
// one thread when the worker cannot answer.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LoadedConfig } from '../../src/config/cter-config.js';
import { loadConfig } from '../../src/config/index.js';
import { runPipeline, type PipelineResultaat } from '../../src/pipeline.js';
import { loadReference } from '../../src/reference/index.js';
import { reportBasis } from '../../src/report/basis.js';
import { meetClassificatie, meetvoorbeelden } from '../../src/report/meting.js';

type MetingModule = typeof import('../../src/report/meting.js');
const { MetingOpAchtergrond } = (await import(new URL('../../dist/report/meting.js', import.meta.url).href)) as MetingModule;

const SAMPLES = resolve(import.meta.dirname, '../../data-samples');

describe('classification measurement on a worker thread', () => {
  let config: LoadedConfig;
  let invoer: PipelineResultaat;

  beforeAll(async () => {
    config = await loadConfig({ cwd: SAMPLES, env: {} });
    invoer = await runPipeline({ signalen: config.values.signalen, notities: config.values.notities, config, ref: loadReference(config.values) });
  });

  const inDezeDraad = () => meetClassificatie(meetvoorbeelden(invoer.signalen), invoer.taxonomy, invoer.tekstmodel.basisBestand);

  it('gives exactly the accuracy and abstention measured in one thread, as a report states them', async () => {
    const achtergrond = new MetingOpAchtergrond(config);
    expect(achtergrond.opAchtergrond).toBe(true);
    const gemeten = await achtergrond.meet(invoer);
    expect(gemeten).toBeDefined();
    expect(gemeten!.gelabeld).toBeGreaterThan(100);
    expect(gemeten).toStrictEqual(inDezeDraad());
    expect(gemeten).toStrictEqual(reportBasis(invoer, config).classificatieMeting);
    expect(reportBasis(invoer, config, { meten: false })).not.toHaveProperty('classificatieMeting');
  });

  it('measures in this thread when the worker fails or does not exist', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cter-meting-'));
    const kapot = join(dir, 'kapot.mjs');
    await writeFile(kapot, "throw new Error('kapot');\n");
    const zonderAntwoord = new MetingOpAchtergrond(config, pathToFileURL(kapot));
    expect(zonderAntwoord.opAchtergrond).toBe(true);
    expect(await zonderAntwoord.meet(invoer)).toStrictEqual(inDezeDraad());
    const zonderWorker = new MetingOpAchtergrond(config, pathToFileURL(join(dir, 'bestaat-niet.js')));
    expect(zonderWorker.opAchtergrond).toBe(false);
    expect(await zonderWorker.meet(invoer)).toStrictEqual(inDezeDraad());
  });
});
