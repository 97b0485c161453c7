// `cter valideer`: ingest files of either kind without producing a report, and tell the analyst what was found.
import type { AfgewezenRecord, BestandVerantwoording, Melding, Telling } from '../domain.js';
import type { Reference } from '../reference/index.js';
import { detectSoort, ingestNotities, ingestSignalen } from './index.js';
import { ordered, type IngestOpties, type IngestUitkomst } from './ingest.js';
import type { GemeenteOmzetting } from './fields.js';
import type { Soort } from './tables.js';

export interface Verslag {
  /** Per file, in the order given. */
  bestanden: (BestandVerantwoording & { soort: Soort })[];
  totaal: Telling;
  fouten: Melding[];
  waarschuwingen: Melding[];
  afgewezen: AfgewezenRecord[];
  omzettingen: GemeenteOmzetting[];
}

/** Checks files; without `soort` each file's kind is read from its header, so signals and notes may be mixed. */
export async function valideer(
  files: string[],
  ref: Reference,
  soort?: Soort,
  opts: Pick<IngestOpties, 'onProgress' | 'fenomeenVoorLabel'> = {},
): Promise<Verslag> {
  const soorten = new Map<string, Soort>();
  for (const file of files) soorten.set(file, soort ?? (await detectSoort(file)));
  const of = (s: Soort) => files.filter((f) => soorten.get(f) === s);
  const results: IngestUitkomst<unknown>[] = [];
  if (of('signalen').length > 0) results.push(await ingestSignalen(of('signalen'), ref, opts));
  if (of('notities').length > 0) results.push(await ingestNotities(of('notities'), ref, opts));

  // Back in the order given; per kind the results are in that order already (a file may be named twice).
  const queues = new Map(results.map((r) => [r.soort, r.bestanden.map((b) => ({ ...b, soort: r.soort }))] as const));
  const bestanden = files.map((f) => queues.get(soorten.get(f)!)!.shift()!);
  const totaal: Telling = { regels: 0, geaccepteerd: 0, afgewezen: 0, dubbel: 0 };
  for (const r of results) {
    for (const key of Object.keys(totaal) as (keyof Telling)[]) totaal[key] += r.totaal[key];
  }
  const rank = new Map(files.map((f, i) => [f, i] as const));
  return {
    bestanden,
    totaal,
    fouten: ordered(results.flatMap((r) => r.fouten), files),
    waarschuwingen: ordered(results.flatMap((r) => r.waarschuwingen), files),
    afgewezen: results
      .flatMap((r) => r.afgewezen)
      .sort((a, b) => rank.get(a.bestand)! - rank.get(b.bestand)! || a.regel - b.regel),
    omzettingen: results.flatMap((r) => r.omzettingen),
  };
}

/** The `--json` output, in the shape documented for `cter valideer`. */
export function verslagJson(v: Verslag): string {
  const bestanden = v.bestanden.map(({ soort: _soort, ...b }) => b);
  return `${JSON.stringify({ bestanden, totaal: v.totaal, fouten: v.fouten, waarschuwingen: v.waarschuwingen }, null, 2)}\n`;
}

const SCHEIDINGSTEKEN: Record<string, string> = { '\t': 'tab', ';': "';'", ',': "','", '|': "'|'" };

function telling(t: Telling): string {
  return `${t.regels} regels: ${t.geaccepteerd} geaccepteerd, ${t.afgewezen} afgewezen, ${t.dubbel} dubbel`;
}

function melding(m: Melding): string {
  const kolom = m.kolom === undefined ? '' : ` kolom '${m.kolom}'`;
  const waarde = m.waarde === undefined ? '' : ` (${JSON.stringify(m.waarde)})`;
  return `  ${m.bestand}:${m.regel}${kolom}${waarde}: ${m.reden}`;
}

/** Most messages listed in the readable summary per kind; --json and --afgewezen have them all. */
const MAX_LISTED = 50;

function section(title: string, meldingen: Melding[]): string[] {
  if (meldingen.length === 0) return [];
  const lines = ['', `${title} (${meldingen.length}):`, ...meldingen.slice(0, MAX_LISTED).map(melding)];
  if (meldingen.length > MAX_LISTED) {
    lines.push(`  ... en nog ${meldingen.length - MAX_LISTED}; zie --json of --afgewezen <pad> voor de volledige lijst.`);
  }
  return lines;
}

/** The readable Dutch summary. */
export function verslagTekst(v: Verslag): string {
  const lines = v.bestanden.map(
    (b) =>
      `${b.bestand} (${b.soort}; ${b.codering}, scheidingsteken ${SCHEIDINGSTEKEN[b.scheidingsteken] ?? `'${b.scheidingsteken}'`}): ${telling(b)}`,
  );
  if (v.bestanden.length > 1) lines.push(`Totaal: ${telling(v.totaal)}`);
  lines.push(...section('Fouten (deze regels zijn afgewezen)', v.fouten));
  lines.push(...section('Waarschuwingen (deze regels zijn wel geaccepteerd)', v.waarschuwingen));
  const opgeheven = v.omzettingen.filter((o) => o.soort === 'opgeheven');
  if (opgeheven.length > 0) {
    lines.push('', 'Opgeheven gemeenten, geteld bij hun opvolger:');
    for (const o of opgeheven) lines.push(`  ${o.van} (${o.vanCode}) -> ${o.naar} (${o.naarCode}): ${o.aantal}`);
  }
  const woonplaatsen = v.omzettingen.filter((o) => o.soort === 'woonplaats');
  if (woonplaatsen.length > 0) {
    lines.push('', 'Woonplaatsen, geteld bij hun gemeente:');
    for (const o of woonplaatsen) lines.push(`  ${o.van} -> ${o.naar} (${o.naarCode}): ${o.aantal}`);
  }
  return `${lines.join('\n')}\n`;
}
