import { formatGrootte, invoerMarkdown, rij, statusTekst, writeIndexFiles, type Overzicht, type RapportRegel } from '../batch/overzicht.js';

// The index of a quarter's folder: overzicht.json (for scripts) and overzicht.md (for people), every file the run
// wrote with its SHA-256, plus the inputs and settings. No clock and no timings: a second run of the same quarter
// writes the same index except for the PDFs' hashes (a PDF carries the date it was made).
export const KWARTAAL_OVERZICHT_SCHEMA = 'cter-kwartaal-overzicht/1';

/** A file of the quarter: a trend file, the summary, or an area's report. */
export interface KwartaalBestand {
  bestand: string | null;
  /** "trends (JSON)", "samenvatting", "lokaal beeld". */
  wat: string;
  /** The area of a report; null for the files about the whole scope. */
  gebied: { soort: 'gemeente' | 'regio'; code: string; naam: string } | null;
  sha256: string | null;
  bytes: number | null;
  paginas: number | null;
  status: RapportRegel['status'];
  fout?: string;
}

export interface KwartaalOverzicht {
  schema: typeof KWARTAAL_OVERZICHT_SCHEMA;
  versie: string;
  periode: { code: string; label: string };
  scope: { soort: 'gemeente' | 'regio'; code: string; naam: string };
  /** "volledig": every file made; "onvolledig": a report failed; "afgebroken": stopped with Ctrl-C. */
  uitkomst: Overzicht['uitkomst'];
  instellingen: { rubricering: string; tlp: string; drempel: number; templates: string | null };
  invoer: Overzicht['invoer'];
  bestanden: KwartaalBestand[];
}

/** A report row of batch as a file of the quarter (without its timing: the index must not change between runs). */
export function rapportBestand(r: RapportRegel): KwartaalBestand {
  return {
    bestand: r.bestand,
    wat: 'lokaal beeld',
    gebied: { soort: r.soort, code: r.code, naam: r.gebied },
    sha256: r.sha256,
    bytes: r.bytes,
    paginas: r.paginas,
    status: r.status,
    ...(r.fout ? { fout: r.fout } : {}),
  };
}

const UITKOMST_TEKST: Record<KwartaalOverzicht['uitkomst'], string> = {
  volledig: 'alle bestanden zijn gemaakt',
  onvolledig: 'niet alle rapporten zijn gemaakt',
  afgebroken: 'afgebroken (Ctrl-C) voordat alle rapporten klaar waren',
};

function kwartaalOverzichtMarkdown(o: KwartaalOverzicht): string {
  const gemaakt = o.bestanden.filter((b) => b.status === 'gelukt').length;
  return [
    `# Overzicht kwartaal CTER ${o.scope.naam}, ${o.periode.label}`,
    '',
    `Gemaakt door cter ${o.versie} (\`cter kwartaal --periode ${o.periode.code}\`): ${UITKOMST_TEKST[o.uitkomst]} ` +
      `(${gemaakt} van ${o.bestanden.length}).`,
    '',
    `Markering: ${o.instellingen.rubricering} · TLP:${o.instellingen.tlp}. Controleer een bestand met \`sha256sum <bestand>\`.`,
    '',
    '## Bestanden',
    '',
    "| bestand | wat | pagina's | grootte | status | SHA-256 |",
    '| --- | --- | ---: | ---: | --- | --- |',
    ...o.bestanden.map((b) =>
      rij([
        b.bestand ? `[${b.bestand}](${encodeURI(b.bestand)})` : '–',
        b.gebied ? `${b.wat}, ${b.gebied.soort} ${b.gebied.naam}` : b.wat,
        b.paginas === null ? '–' : String(b.paginas),
        b.bytes === null ? '–' : formatGrootte(b.bytes),
        b.fout ? `${statusTekst({ status: b.status, pogingen: 1 })}: ${b.fout}` : statusTekst({ status: b.status, pogingen: 1 }),
        b.sha256 ? `\`${b.sha256}\`` : '–',
      ]),
    ),
    '',
    ...invoerMarkdown(o.invoer),
  ].join('\n');
}

/** Writes overzicht.json and overzicht.md into the quarter's folder, each atomically; returns their paths. */
export function writeKwartaalOverzicht(map: string, o: KwartaalOverzicht): Promise<{ json: string; md: string }> {
  return writeIndexFiles(map, o, kwartaalOverzichtMarkdown(o));
}
