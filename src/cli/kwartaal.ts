import type { Command } from 'commander';
import { FORMATEN, type Formaat } from '../report/formaten.js';
import { EXIT, type ExitCode, klaar, type AlgemeneOptieWaarden } from '../util/errors.js';
import { interrupts, standaardParallel } from './batch.js';
import { colour, info, isStil, out, stderrIsTty, warn } from '../util/io.js';
import { oneOf, positiveInt } from './program.js';
import { metLeesvoortgang } from './reading-progress.js';
import { action, afsluitcodesHulp, algemeneOpties } from './action.js';

interface KwartaalOpties extends AlgemeneOptieWaarden {
  periode?: string;
  regio?: string;
  uit?: string;
  signalen?: string[];
  notities?: string[];
  formaat?: Formaat;
  parallel?: number;
  config?: string;
}

export function registerKwartaal(program: Command): void {
  const command = program
    .command('kwartaal')
    .usage('[--periode <periode>] [--regio <naam>] [--uit <map>] [opties]')
    .summary('het hele kwartaal van een regio in één run: trends, samenvatting, een PDF per gebied, overzicht')
    .description(
      'maak het kwartaalproduct van een regio in één run: de invoer wordt één keer gelezen en geclassificeerd; in ' +
        '<uit>/<periode>/ komen de trends van elk gebied (json, md, csv), een samenvatting voor de projectgroep, ' +
        'het lokaal beeld van elk gebied als PDF en een overzicht met de SHA-256 van elk bestand',
    )
    .option('-p, --periode <periode>', 'kwartaal (2025-Q3), maand of jaar; standaard het laatste volledige kwartaal in de invoer')
    .option('-r, --regio <naam>', "de regio; standaard 'regio' uit de configuratie")
    .option('-u, --uit <map>', "uitvoermap; standaard 'uitvoer' uit de configuratie; de bestanden komen in <map>/<periode>/")
    .option('-s, --signalen <bestand...>', "signaalexports (bestanden of mappen); standaard 'signalen' uit de configuratie")
    .option('-n, --notities <bestand...>', "trendnotities (bestanden of mappen); standaard 'notities' uit de configuratie")
    .option('-f, --formaat <formaat>', 'formaat van de rapporten: pdf, html of json (standaard pdf)', oneOf('--formaat', FORMATEN))
    .option(
      '-j, --parallel <aantal>',
      `rapporten tegelijk; standaard 'parallel' uit de configuratie, anders het aantal processorkernen (hier ${standaardParallel()})`,
      positiveInt('--parallel'),
    )
    .option('-c, --config <bestand>', 'dit configuratiebestand in plaats van het dichtstbijzijnde cter.config.json');
  algemeneOpties(command)
    .addHelpText(
      'after',
      [
        '',
        'In <uit>/<periode>/ (bijv. uitvoer/2025-Q3/):',
        '  trends.json, trends.md, trends.csv  elk gebied: de regio, de regio\'s erbinnen en elke gemeente',
        '  samenvatting.md                     kernpunten, significante veranderingen, de beoordelingslijst',
        '  lokaal-beeld_<gebied>_<periode>.pdf het lokaal beeld van elk gebied (of .html/.json met --formaat)',
        '  overzicht.json, overzicht.md        elk bestand met zijn SHA-256, de invoer en de instellingen',
        '',
        'Dezelfde invoer geeft dezelfde bestanden, byte voor byte, behalve de PDF\'s (die dragen hun datum) en hun',
        'SHA-256 in het overzicht. Op een terminal toont cter de voortgang; stdout noemt de map.',
        '',
        'Afgewezen invoerregels staan op stderr, niet in de map (die is voor rapporten).',
        '',
        afsluitcodesHulp('een of meer rapporten mislukt, of --streng en er zijn invoerregels afgewezen'),
        '',
        'Voorbeelden:',
        '  cter kwartaal',
        "  cter kwartaal --periode 2025-Q3 --regio 'Politie-eenheid Noord-Holland' --uit rapporten",
      ].join('\n'),
    )
    .action(action((opties: KwartaalOpties) => runKwartaalCommand(opties)));
}

async function runKwartaalCommand(opties: KwartaalOpties): Promise<ExitCode> {
  const { loadConfig } = await import('../config/index.js');
  const { runKwartaal } = await import('../kwartaal/run.js');
  const { balkVoortgang, logVoortgang } = await import('../batch/progress.js');
  const { shownPath } = await import('../util/paths.js');

  const config = await loadConfig({
    file: opties.config,
    overrides: { signalen: opties.signalen, notities: opties.notities, uitvoer: opties.uit, parallel: opties.parallel },
  });
  const stop = interrupts();
  try {
    const { overzicht, map, md, afgewezen } = await runKwartaal({
      config,
      regio: opties.regio,
      periode: opties.periode,
      formaat: opties.formaat,
      parallel: config.values.parallel ?? standaardParallel(),
      signal: stop.signal,
      onBrowser: stop.onBrowser,
      log: { info, warn },
      lezer: metLeesvoortgang,
      voortgang: (totaal) => (stderrIsTty() && !isStil() ? balkVoortgang(totaal) : logVoortgang(totaal, info)),
    });
    const gelukt = overzicht.bestanden.filter((b) => b.status === 'gelukt').length;
    const telling = `${gelukt} van ${overzicht.bestanden.length} bestanden in ${shownPath(map)}`;
    info(`overzicht: ${shownPath(md)}`);
    await out(`${map}\n`);
    if (overzicht.uitkomst === 'volledig') {
      info(`${colour.green('klaar:')} ${telling}.`);
      return klaar(afgewezen, opties);
    }
    warn(`${overzicht.uitkomst === 'afgebroken' ? 'afgebroken' : 'onvolledig'}: ${telling}.`);
    return overzicht.uitkomst === 'afgebroken' ? EXIT.INTERRUPTED : EXIT.PARTIAL;
  } finally {
    stop.done();
  }
}
