// The ingest stage: CSV exports as analysts receive them -> validated, normalised records, with an account of every
// record (accepted, rejected with its reason, or duplicate) per file and in total.
import type { Signaal, Trendnotitie } from '../domain.js';
import type { Reference } from '../reference/index.js';
import { FileError } from '../util/errors.js';
import { soortFromHeader } from './header.js';
import { ingestFiles, type IngestOpties, type IngestUitkomst, type Volgen } from './ingest.js';
import { notitieKind } from './notities.js';
import { readHeader } from './read-records.js';
import { signaalKind } from './signalen.js';
import type { Soort } from './tables.js';
import { fenomeenLookup, type FenomeenLookup } from './values.js';

/** Reads fenomeen labels with the caller's taxonomy, else with the built-in one (loaded only then). */
async function fenomeenLabels(opts: IngestOpties): Promise<FenomeenLookup> {
  if (opts.fenomeenVoorLabel) return fenomeenLookup(opts.fenomeenVoorLabel);
  const { builtInTaxonomy, labelResolver } = await import('../classify/taxonomy.js');
  return fenomeenLookup(labelResolver(await builtInTaxonomy()));
}

/**
 * Signal exports, in the order given (later files win on conflicting duplicates). `volgen.onKept` hears of each signal
 * as it is kept, while the files are still being read (the classification starts on them meanwhile).
 */
export async function ingestSignalen(
  files: string[],
  ref: Reference,
  opts: IngestOpties = {},
  volgen: Volgen<Signaal> = {},
): Promise<IngestUitkomst<Signaal>> {
  return ingestFiles(files, signaalKind(ref, await fenomeenLabels(opts), opts.sleutel), opts, volgen);
}

/** Trend-note files. */
export async function ingestNotities(
  files: string[],
  ref: Reference,
  opts: IngestOpties = {},
): Promise<IngestUitkomst<Trendnotitie>> {
  return ingestFiles(files, notitieKind(ref, await fenomeenLabels(opts)), opts);
}

/** Whether a file holds signals or trend notes, judged by its header. */
export async function detectSoort(file: string): Promise<Soort> {
  const header = await readHeader(file);
  if (!header) throw new FileError(file, 'het bestand is leeg: er is geen kopregel gevonden.');
  const soort = soortFromHeader(header);
  if (soort) return soort;
  const found = header.filter((h) => h.trim() !== '').map((h) => `'${h.trim()}'`);
  throw new FileError(
    file,
    `niet te zien of dit signalen of trendnotities zijn. Signalen hebben de kolommen id, datum en gemeente; ` +
      `trendnotities datum, titel en notitie. Gevonden kolommen: ${found.join(', ') || '(geen)'}. ` +
      `Geef de soort op met --soort signalen of --soort notities.`,
  );
}
