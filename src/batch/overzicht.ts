// The index of a batch run, written into the output folder: overzicht.json (for scripts) and overzicht.md (for
// people). Every report with its file, SHA-256, pages, size, time and status, plus the inputs and settings used, so
// a reader can check that a PDF is the one this run made from these exports.
import { join } from 'node:path';
import type { BestandVerantwoording } from '../domain.js';
import { formatDecimal } from '../present/format.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import type { JobStatus } from './pool.js';

export const OVERZICHT_SCHEMA = 'cter-batch-overzicht/1';

export interface RapportRegel {
  gebied: string;
  soort: 'gemeente' | 'regio';
  code: string;
  /** File name inside the output folder; null when no file was made. */
  bestand: string | null;
  sha256: string | null;
  /** PDF only. */
  paginas: number | null;
  bytes: number | null;
  seconden: number;
  pogingen: number;
  status: JobStatus;
  fout?: string;
}

export interface Overzicht {
  schema: typeof OVERZICHT_SCHEMA;
  versie: string;
  gemaakt: string;
  /** "volledig": every report made; "onvolledig": some failed; "afgebroken": stopped with Ctrl-C. */
  uitkomst: 'volledig' | 'onvolledig' | 'afgebroken';
  keuze: { regio: string } | { alle: true };
  periode: { code: string; label: string };
  formaat: string;
  instellingen: { rubricering: string; tlp: string; drempel: number; parallel: number; templates: string | null };
  invoer: { signalen: BestandVerantwoording[]; notities: BestandVerantwoording[] };
  totaal: Record<JobStatus, number> & { rapporten: number; seconden: number };
  rapporten: RapportRegel[];
}

export function telling(rapporten: readonly RapportRegel[]): Record<JobStatus, number> {
  const t: Record<JobStatus, number> = { gelukt: 0, mislukt: 0, afgebroken: 0 };
  for (const r of rapporten) t[r.status]++;
  return t;
}

/** "245 kB", "1,2 MB". */
export function formatGrootte(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${Math.round(bytes / 1000)} kB`;
  return `${(bytes / 1_000_000).toLocaleString('nl-NL', { maximumFractionDigits: 1 })} MB`;
}

/** "3,4 s". */
export function formatSeconden(seconden: number): string {
  return `${formatDecimal(seconden)} s`;
}

const STATUS_TEKST: Record<JobStatus, string> = { gelukt: 'gelukt', mislukt: 'MISLUKT', afgebroken: 'afgebroken' };

export function statusTekst(r: Pick<RapportRegel, 'status' | 'pogingen'>): string {
  const tekst = STATUS_TEKST[r.status];
  return r.status === 'gelukt' && r.pogingen > 1 ? `${tekst} (2e poging)` : tekst;
}

/** A Markdown table cell: pipes and line breaks would break the row. */
const cel = (text: string) => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
export const rij = (cellen: string[]) => `| ${cellen.map(cel).join(' | ')} |`;

const UITKOMST_TEKST: Record<Overzicht['uitkomst'], string> = {
  volledig: 'alle rapporten zijn gemaakt',
  onvolledig: 'niet alle rapporten zijn gemaakt',
  afgebroken: 'afgebroken (Ctrl-C) voordat alle rapporten klaar waren',
};

/** The inputs section of an index: every input file with its counts and SHA-256. */
export function invoerMarkdown(invoer: Overzicht['invoer']): string[] {
  return [
    '## Invoer',
    '',
    '| soort | bestand | regels | geaccepteerd | afgewezen | dubbel | SHA-256 |',
    '| --- | --- | ---: | ---: | ---: | ---: | --- |',
    ...(['signalen', 'notities'] as const).flatMap((soort) =>
      invoer[soort].map((b) =>
        rij([soort, b.bestand, ...[b.regels, b.geaccepteerd, b.afgewezen, b.dubbel].map(String), `\`${b.sha256}\``]),
      ),
    ),
    '',
  ];
}

export function overzichtMarkdown(o: Overzicht): string {
  const keuze = 'regio' in o.keuze ? `--regio ${o.keuze.regio}` : '--alle';
  const lines = [
    `# Overzicht lokaal beeld CTER, ${o.periode.label}`,
    '',
    `Gemaakt op ${o.gemaakt} door cter ${o.versie} (\`cter batch ${keuze}\`), formaat ${o.formaat}: ` +
      `${UITKOMST_TEKST[o.uitkomst]}. ${o.totaal.gelukt} van ${o.totaal.rapporten} rapporten gelukt` +
      (o.totaal.mislukt > 0 ? `, ${o.totaal.mislukt} mislukt` : '') +
      (o.totaal.afgebroken > 0 ? `, ${o.totaal.afgebroken} niet gemaakt` : '') +
      `, in ${formatSeconden(o.totaal.seconden)}.`,
    '',
    `Markering: ${o.instellingen.rubricering} · TLP:${o.instellingen.tlp}. Controleer een bestand met \`sha256sum <bestand>\`.`,
    '',
    '## Rapporten',
    '',
    "| rapport | bestand | pagina's | grootte | tijd | status | SHA-256 |",
    '| --- | --- | ---: | ---: | ---: | --- | --- |',
    ...o.rapporten.map((r) =>
      rij([
        `${r.soort} ${r.gebied}`,
        r.bestand ? `[${r.bestand}](${encodeURI(r.bestand)})` : '–',
        r.paginas === null ? '–' : String(r.paginas),
        r.bytes === null ? '–' : formatGrootte(r.bytes),
        formatSeconden(r.seconden),
        r.fout ? `${statusTekst(r)}: ${r.fout}` : statusTekst(r),
        r.sha256 ? `\`${r.sha256}\`` : '–',
      ]),
    ),
    '',
    ...invoerMarkdown(o.invoer),
  ];
  return lines.join('\n');
}

/** Writes an index as overzicht.json and overzicht.md (`markdown`), each atomically; returns their paths. */
export async function writeIndexFiles(uitDir: string, data: object, markdown: string): Promise<{ json: string; md: string }> {
  const json = join(uitDir, 'overzicht.json');
  const md = join(uitDir, 'overzicht.md');
  await writeFileAtomic(json, `${JSON.stringify(data, null, 2)}\n`);
  await writeFileAtomic(md, markdown);
  return { json, md };
}

/** Writes a batch's overzicht.json and overzicht.md. */
export function writeOverzicht(uitDir: string, o: Overzicht): Promise<{ json: string; md: string }> {
  return writeIndexFiles(uitDir, o, overzichtMarkdown(o));
}

/** The summary table for stderr: report, pages, size, time, status; aligned in columns. */
export function samenvattingTabel(rapporten: readonly RapportRegel[]): string {
  const kop = ['rapport', "pagina's", 'grootte', 'tijd', 'status'];
  const rijen = rapporten.map((r) => [
    `${r.soort === 'regio' ? 'regio ' : ''}${r.gebied}`,
    r.paginas === null ? '–' : String(r.paginas),
    r.bytes === null ? '–' : formatGrootte(r.bytes),
    formatSeconden(r.seconden),
    r.fout ? `${statusTekst(r)}: ${r.fout.replace(/\s+/g, ' ')}` : statusTekst(r),
  ]);
  const breedte = kop.map((k, i) => Math.max(k.length, ...rijen.map((rij) => rij[i]!.length)));
  // Text left, numbers right; the last column (status) is not padded.
  const regel = (cellen: string[]) =>
    cellen
      .map((c, i) => (i === cellen.length - 1 ? c : i === 0 ? c.padEnd(breedte[i]!) : c.padStart(breedte[i]!)))
      .join('  ');
  const streep = breedte.map((b, i) => '-'.repeat(i === kop.length - 1 ? kop[i]!.length : b));
  return [regel(kop), regel(streep), ...rijen.map(regel)].join('\n');
}
