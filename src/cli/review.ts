import type { Command } from 'commander';
import { interactive } from '../util/io.js';
import { action, afsluitcodesHulp, algemeneOpties } from './action.js';
import type { ReviewOpties } from '../review/command.js';

export function registerReview(program: Command): void {
  const command = program
    .command('review')
    .usage('[opties]')
    .description("beoordeel de wachtrij: signalen met fenomeen 'onbekend', met een afwijking, of gewijzigd sinds beoordeling")
    .option('-s, --signalen <bestand...>', "signaalexports (bestanden of mappen); standaard 'signalen' uit cter.config.json")
    .option('-g, --gemeente <naam>', 'alleen de signalen van deze gemeente (naam of CBS-code)')
    .option('-r, --regio <naam>', 'alleen de signalen van deze regio; standaard de regio (of gemeente) uit de configuratie')
    .option('-p, --periode <periode>', 'alleen de signalen van deze periode: kwartaal (2025-Q3), maand (2025-07) of jaar (2025)')
    .option(
      '--exporteer [bestand.csv]',
      "schrijf de wachtrij als CSV met een lege kolom fenomeen en ernst (voor Excel); standaard prive/wachtrij.csv in de werkmap",
    )
    .option('--importeer <bestand.csv>', 'lees ingevulde beslissingen terug: alles of niets')
    .option('--forceer', 'met --exporteer: overschrijf ook een eerdere export waarin al beslissingen staan')
    .option('--status', 'toon hoeveel signalen er wachten, per gemeente en kwartaal')
    .option('--json', 'met --status: als JSON op stdout')
    .option('-c, --config <bestand>', 'dit configuratiebestand in plaats van het dichtstbijzijnde cter.config.json');
  algemeneOpties(command)
    .addHelpText(
      'after',
      '\nReview toont de signalen van het gebied uit de configuratie (of --gemeente/--regio, en --periode), de nieuwste\n' +
        'eerst. Op een terminal toont review elk signaal in de wachtrij met zijn omschrijving en de suggestie van de regels;\n' +
        'u kiest het fenomeen en de ernst, of slaat over (Enter zonder keuze), of stopt. Elke beslissing wordt meteen bewaard in het bestand\n' +
        "'beoordelingen' uit cter.config.json (standaard beoordelingen.json) en geldt daarna overal als herkomst\n" +
        "'handmatig', zolang de inhoud van het signaal niet verandert.\n" +
        '\nZonder terminal: --exporteer, vul in Excel de kolom fenomeen (code of naam) en eventueel ernst in, dan\n' +
        '--importeer. Lege regels worden overgeslagen. Bij één fout (onbekend id of fenomeen, ongeldige ernst, signaal\n' +
        'gewijzigd sinds de export) wordt niets vastgelegd.\n' +
        '\n' +
        afsluitcodesHulp('de import is geweigerd (fouten per regel, niets vastgelegd), of --streng en er zijn invoerregels afgewezen'),
    )
    .action(
      action(async (opties: ReviewOpties) => {
        const { runReview } = await import('../review/command.js');
        return runReview(opties, interactive());
      }),
    );
}
