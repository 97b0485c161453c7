import type { Command } from 'commander';
import { EXIT } from '../util/errors.js';
import { info, interactive, warn } from '../util/io.js';
import type { InitOptions } from '../config/init-flow.js';
import { action, afsluitcodesHulp, algemeneOpties } from './action.js';

export function registerInit(program: Command): void {
  const command = program
    .command('init')
    .description('richt een werkmap in: cter.config.json met uitleg, mappen en een .gitignore')
    .argument('[map]', 'de werkmap (standaard de huidige map; wordt aangemaakt als die niet bestaat)')
    .option('-j, --ja', 'geen vragen: neem de standaardwaarden (opties gaan voor)')
    .option('-f, --forceer', 'overschrijf een bestaand cter.config.json')
    .option('--regio <regio>', "standaardgebied: een regio (naam of code, bijv. 'Zaanstreek-Waterland' of 'VR11')")
    .option('--gemeenten <lijst>', "standaardgebied: een of meer gemeenten, gescheiden door komma's")
    .option('--naam <naam>', "naam van het gebied bij meerdere gemeenten (standaard 'Werkgebied')")
    .option('--rubricering <tekst>', "rubricering op elke pagina (standaard 'Departementaal Vertrouwelijk')")
    .option('--tlp <label>', 'TLP-label: CLEAR, GREEN, AMBER, AMBER+STRICT of RED (standaard AMBER)')
    .option('--drempel <n>', 'drempel voor kleine aantallen (standaard 5)')
    .option('--data <map>', "map met de signaalexports (standaard 'data/signalen')")
    .option('--notities <map>', "map met de trendnotities (standaard 'data/notities')")
    .option('--templates', 'kopieer de sjablonen naar templates/ om ze aan te passen')
    .option('--organisatie <naam>', 'organisatie op het voorblad van elk rapport')
    .option('--auteur <naam>', 'auteur op het voorblad')
    .option('--contact <adres>', 'contact voor vragen (e-mailadres of telefoonnummer) op het voorblad')
    .option('--verspreiding <lijst>', "verspreidingslijst op het voorblad, gescheiden door puntkomma's");
  algemeneOpties(command, { streng: false })
    .addHelpText(
      'after',
      '\nOp een terminal stelt init de vragen die niet met een optie zijn beantwoord. Zonder terminal: geef --ja,\n' +
        'of alle antwoorden als opties (--regio of --gemeenten, --rubricering, --tlp, --drempel, --data).\n' +
        'Een bestaand cter.config.json wordt nooit zonder bevestiging (of --forceer) overschreven.\n\n' +
        afsluitcodesHulp(),
    )
    .action(
      action(async (map: string | undefined, options: InitOptions) => {
        const { runInit } = await import('../config/init-flow.js');
        const outcome = await runInit(map, options, interactive());
        if (!outcome.gemaakt) {
          info('Niets gewijzigd.');
          return EXIT.OK;
        }
        const { geschreven, ontbrekend } = outcome.resultaat;
        info(`Werkmap ingericht in ${outcome.map}:`);
        for (const path of geschreven) info(`  ${path}`);
        for (const path of ontbrekend) warn(`map bestaat (nog) niet: ${path}`);
        info(`Zet de signaalexports in ${outcome.antwoorden.signalen} en bekijk de instellingen met 'cter config'.`);
        return EXIT.OK;
      }),
    );
}
