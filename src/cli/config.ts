import type { Command } from 'commander';
import { out } from '../util/io.js';
import { action, afsluitcodesHulp, algemeneOpties } from './action.js';

interface ConfigOptions {
  json?: boolean;
  uitleg?: boolean;
  config?: string;
}

export function registerConfig(program: Command): void {
  const command = program
    .command('config')
    .description('toon de geldende configuratie en waar elke waarde vandaan komt')
    .option('--json', 'als JSON: { bestand, map, waarden, herkomst }')
    .option('--uitleg', 'met een toelichting bij elke instelling')
    .option('-c, --config <bestand>', 'dit configuratiebestand in plaats van het dichtstbijzijnde cter.config.json');
  algemeneOpties(command, { streng: false })
    .addHelpText(
      'after',
      '\nVolgorde: standaard < cter.config.json (in deze map of een bovenliggende) < omgevingsvariabelen < opties.\n\n' +
        afsluitcodesHulp(),
    )
    .action(
      action(async (options: ConfigOptions) => {
        const { loadConfig } = await import('../config/index.js');
        const { configReport, formatConfig } = await import('../config/show.js');
        const loaded = await loadConfig({ file: options.config });
        await out(options.json ? `${JSON.stringify(configReport(loaded), null, 2)}\n` : formatConfig(loaded, { uitleg: options.uitleg }));
      }),
    );
}
