// What a batch shows while it runs, on stderr: a progress bar on a terminal (done / total, the reports being made,
// elapsed, estimate), plain log lines otherwise (a cron job's log, CI, a pipe).
import cliProgress from 'cli-progress';
import { colour } from '../util/io.js';
import { formatGrootte, formatSeconden, statusTekst, type RapportRegel } from './overzicht.js';

export interface Voortgang {
  begonnen(naam: string, poging: number): void;
  opnieuw(naam: string, fout: string): void;
  klaar(regel: RapportRegel): void;
  /** A line for people that must not garble the bar. */
  melding(tekst: string): void;
  stop(): void;
}

function uitkomst(r: RapportRegel): string {
  if (r.status !== 'gelukt') return `${statusTekst(r)}${r.fout ? `: ${r.fout}` : ''}`;
  const paginas = r.paginas === null ? '' : `${r.paginas} pagina's, `;
  return `${statusTekst(r)} (${paginas}${formatGrootte(r.bytes ?? 0)}, ${formatSeconden(r.seconden)})`;
}

/** Plain lines: "[3/8] Zaanstad: gelukt (12 pagina's, 310 kB, 1,4 s)". */
export function logVoortgang(totaal: number, write: (line: string) => void): Voortgang {
  let klaar = 0;
  return {
    begonnen: () => undefined,
    opnieuw: (naam, fout) => write(`[${klaar}/${totaal}] ${naam}: mislukt (${fout}); nog één poging.`),
    klaar: (r) => {
      klaar++;
      write(`[${klaar}/${totaal}] ${r.gebied}: ${uitkomst(r)}`);
    },
    melding: write,
    stop: () => undefined,
  };
}

/** The terminal bar; reports being made right now are named after it, failures are logged above it. */
export function balkVoortgang(totaal: number, stream: NodeJS.WriteStream = process.stderr): Voortgang {
  const bezig: string[] = [];
  const multi = new cliProgress.MultiBar({
    stream,
    format: `{bar} {value}/{total} | verstreken {duration_formatted} | nog {schatting} | {bezig}`,
    barCompleteChar: '█',
    barIncompleteChar: '░',
    barsize: 24,
    hideCursor: true,
    clearOnComplete: false,
  });
  const start = performance.now();
  let klaar = 0;
  // Own estimate: the average time per finished report so far; nothing to go on before the first one.
  const schatting = () => {
    if (klaar === 0) return '?';
    const seconden = Math.round(((performance.now() - start) / 1000 / klaar) * (totaal - klaar));
    return seconden >= 60 ? `ca. ${Math.floor(seconden / 60)}m${String(seconden % 60).padStart(2, '0')}s` : `ca. ${seconden}s`;
  };
  const bar = multi.create(totaal, 0, { bezig: '', schatting: '?' });
  const toon = () => bar.update({ bezig: bezig.join(', '), schatting: schatting() });
  return {
    begonnen: (naam) => {
      if (!bezig.includes(naam)) bezig.push(naam);
      toon();
    },
    opnieuw: (naam, fout) => multi.log(`${colour.yellow('opnieuw:')} ${naam}: ${fout}\n`),
    klaar: (r) => {
      const i = bezig.indexOf(r.gebied);
      if (i >= 0) bezig.splice(i, 1);
      if (r.status === 'mislukt') multi.log(`${colour.red('mislukt:')} ${r.gebied}: ${r.fout ?? ''}\n`);
      klaar++;
      bar.increment({ bezig: bezig.join(', '), schatting: schatting() });
    },
    melding: (tekst) => multi.log(`${tekst}\n`),
    stop: () => multi.stop(),
  };
}
