// The worker thread of src/report/meting.ts: loads the taxonomy and the base model as soon as it starts, then
// measures the classification on the examples it is sent, once.
import { parentPort, workerData } from 'node:worker_threads';
import { loadTaxonomy, type LoadTaxonomyOptions } from '../classify/taxonomy.js';
import { loadModelFile } from '../classify/tekstmodel.js';
import { meetClassificatie, type MeetAntwoord, type MeetOpdracht } from './meting.js';

const port = parentPort!;
const geladen = Promise.all([loadTaxonomy(workerData as LoadTaxonomyOptions), loadModelFile()]);
// A load error is the main thread's to report (it loads the same files): answered by measuring there.
geladen.catch(() => undefined);

port.once('message', async (opdracht: MeetOpdracht) => {
  let antwoord: MeetAntwoord;
  try {
    const [taxonomy, basis] = await geladen;
    const zelfde =
      taxonomy.bronnen.length === opdracht.bronnen.length && taxonomy.bronnen.every((b, i) => b.sha256 === opdracht.bronnen[i]);
    antwoord = zelfde ? { soort: 'klaar', meting: meetClassificatie(opdracht.voorbeelden, taxonomy, basis) } : { soort: 'opnieuw' };
  } catch {
    antwoord = { soort: 'opnieuw' };
  }
  port.postMessage(antwoord);
});
