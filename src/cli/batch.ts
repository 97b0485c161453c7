import type { Command } from 'commander';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { EXIT, UsageError, type ExitCode, klaar } from '../util/errors.js';
import { colour, info, isStil, out, stderrIsTty, warn } from '../util/io.js';
import { rapportConfig, rapportOpties, type RapportOptieWaarden } from './beeld.js';
import { positiveInt } from './program.js';
import { action, afsluitcodesHulp } from './action.js';
import { onInterrupt, stopInterrupted } from './interrupt.js';

interface BatchOptions extends RapportOptieWaarden {
  regio?: string;
  alle?: boolean;
  parallel?: number;
}

/** Default pages at the same time: one per core (the browser and cter share them), at most eight. */
export function standaardParallel(): number {
  return Math.max(1, Math.min(8, availableParallelism()));
}

export function registerBatch(program: Command): void {
  const command = program
    .command('batch')
    .usage('(--regio <naam> | --alle) [opties]')
    .summary("maak het lokaal beeld van elke gemeente en regio in één run (PDF, HTML of JSON)")
    .description(
      'maak het lokaal beeld CTER van een regio en van elk van haar gemeenten in één run: de invoer wordt één keer ' +
        'gelezen en geclassificeerd, één browser maakt alle PDF\'s',
    )
    .option('-r, --regio <naam>', 'de regio: haar rapport, dat van haar deelregio\'s en van elk van haar gemeenten')
    .option('-a, --alle', "alle regio's uit de configuratie ('regio' en 'regios'), elke gemeente één keer")
    .option(
      '-j, --parallel <aantal>',
      `rapporten tegelijk; standaard 'parallel' uit de configuratie, anders het aantal processorkernen (hier ${standaardParallel()})`,
      positiveInt('--parallel'),
    );
  rapportOpties(command)
    .addHelpText(
      'after',
      [
        '',
        "--regio maakt het rapport van de regio, van de regio's waaruit zij bestaat (voor een politie-eenheid haar",
        "zorg- en veiligheidsregio's) en van elke gemeente daarin. --alle doet dat voor de regio's uit de",
        "configuratie ('regio' en 'regios'); een gemeente die in meer regio's ligt, krijgt één rapport.",
        '',
        'In de uitvoermap komen alleen de rapporten (lokaal-beeld_<gebied>_<periode>.<formaat>) en overzicht.md en',
        "overzicht.json: elk rapport met bestand, SHA-256, pagina's, grootte, tijd en status, en de invoerbestanden",
        'met hun SHA-256. De afgewezen invoerregels (als die er zijn) gaan naar de privémap van de werkmap:',
        'prive/afgewezen_<periode>.csv naast cter.config.json.',
        '',
        'Een rapport dat mislukt of te lang duurt, wordt één keer opnieuw geprobeerd en anders als mislukt',
        'genoteerd; de andere rapporten gaan door. Op een terminal toont cter een voortgangsbalk, anders een regel',
        'per rapport; aan het eind een tabel met alle rapporten (stderr).',
        '',
        'Ctrl-C stopt netjes: er beginnen geen nieuwe rapporten, de rapporten die bezig zijn worden afgemaakt, de',
        'browser wordt gesloten en het overzicht vermeldt wat klaar is. Nogmaals Ctrl-C sluit de browser meteen',
        '(de lopende rapporten worden dan niet afgemaakt). Er blijven nooit halve bestanden achter.',
        '',
        afsluitcodesHulp('een of meer rapporten mislukt, of --streng en er zijn invoerregels afgewezen'),
        '',
        'Voorbeelden:',
        '  cter batch --regio Zaanstreek-Waterland',
        '  cter batch --alle --periode 2025-Q3 --uit rapporten/2025-Q3',
        "  cter batch --regio 'Politie-eenheid Noord-Holland' --parallel 4",
      ].join('\n'),
    )
    .action(action((options: BatchOptions) => runBatchCommand(options)));
}

/**
 * Ctrl-C: while the inputs are read it stops at once; then the first stops new reports (the running ones finish), the second closes the browser now, a third exits
 * at once. Returns the abort signal and a function that tells the handler how to close the browser.
 */
export function interrupts() {
  const controller = new AbortController();
  let stopNow: (() => Promise<void>) | undefined;
  let count = 0;
  const handler = () => {
    count++;
    // While the inputs are read there is no browser and nothing half done: stop at once.
    if (!stopNow) {
      void stopInterrupted();
    } else if (count === 1) {
      controller.abort();
      warn('afbreken: er beginnen geen nieuwe rapporten; de lopende worden afgemaakt (nogmaals Ctrl-C: nu stoppen).');
    } else if (count === 2) {
      warn('de browser wordt gesloten; de lopende rapporten worden niet afgemaakt.');
      void stopNow();
    } else {
      // Nothing is being written that could be left half: reports and index go through temp file + rename.
      void stopInterrupted();
    }
  };
  const done = onInterrupt(handler);
  return {
    signal: controller.signal,
    onBrowser: (stop: () => Promise<void>) => {
      stopNow = stop;
    },
    done,
  };
}

async function runBatchCommand(options: BatchOptions): Promise<ExitCode> {
  if (options.regio !== undefined && options.alle) throw new UsageError('geef --regio <naam> of --alle, niet allebei.');
  if (options.regio === undefined && !options.alle) {
    throw new UsageError("geef --regio <naam> (een regio en haar gemeenten) of --alle (alle regio's uit de configuratie).");
  }
  const { runBatch } = await import('../batch/run.js');
  const { samenvattingTabel, formatSeconden } = await import('../batch/overzicht.js');
  const { balkVoortgang, logVoortgang } = await import('../batch/progress.js');
  const { shownPath } = await import('../util/paths.js');

  const config = await rapportConfig(options, { parallel: options.parallel });
  const stop = interrupts();
  try {
    const { overzicht, bestanden, afgewezen } = await runBatch({
      keuze: options.regio !== undefined ? { regio: options.regio } : { alle: true },
      periode: options.periode,
      config,
      formaat: options.formaat ?? 'pdf',
      parallel: config.values.parallel ?? standaardParallel(),
      signal: stop.signal,
      onBrowser: stop.onBrowser,
      log: { info, warn },
      voortgang: (totaal) => (stderrIsTty() && !isStil() ? balkVoortgang(totaal) : logVoortgang(totaal, info)),
    });
    const t = overzicht.totaal;
    info('');
    info(samenvattingTabel(overzicht.rapporten));
    info('');
    if (bestanden.afgewezen) info(`afgewezen invoerregels met hun reden (privémap, niet bij de rapporten): ${shownPath(bestanden.afgewezen)}`);
    info(`overzicht: ${shownPath(bestanden.md)} en ${shownPath(bestanden.json)}`);
    const telling = `${t.gelukt} van ${t.rapporten} rapporten gemaakt in ${formatSeconden(t.seconden)}`;
    const gemaakt = overzicht.rapporten.filter((r) => r.bestand !== null).map((r) => join(bestanden.map, r.bestand!));
    if (gemaakt.length > 0) await out(`${gemaakt.join('\n')}\n`);
    if (overzicht.uitkomst === 'volledig') {
      info(`${colour.green('klaar:')} ${telling}.`);
      return klaar(afgewezen, options);
    }
    const rest = [t.mislukt > 0 ? `${t.mislukt} mislukt` : '', t.afgebroken > 0 ? `${t.afgebroken} niet gemaakt` : '']
      .filter(Boolean)
      .join(', ');
    warn(`${overzicht.uitkomst === 'afgebroken' ? 'afgebroken' : 'onvolledig'}: ${telling}; ${rest}.`);
    return overzicht.uitkomst === 'afgebroken' ? EXIT.INTERRUPTED : EXIT.PARTIAL;
  } finally {
    stop.done();
  }
}
