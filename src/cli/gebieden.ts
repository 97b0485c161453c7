import type { Command } from 'commander';
import { GEBIED_SOORTEN, type GebiedSoort } from '../reference/gebieden.js';
import { UsageError } from '../util/errors.js';
import { out } from '../util/io.js';
import { oneOf } from './program.js';
import { action, afsluitcodesHulp, algemeneOpties } from './action.js';

interface GebiedenOptions {
  stil?: boolean;
  regio?: string;
  soort?: GebiedSoort;
  json?: boolean;
  config?: string;
}

export function registerGebieden(program: Command): void {
  const command = program
    .command('gebieden')
    .description('toon de gebieden die cter kent: regio\'s (politie-eenheden, veiligheidsregio\'s, eigen regio\'s) en gemeenten')
    .option('-r, --regio <naam>', 'toon de gemeenten van deze regio (naam of code)')
    .option('--soort <soort>', `alleen deze soort: ${GEBIED_SOORTEN.join(', ')}`, oneOf('--soort', GEBIED_SOORTEN))
    .option('--json', 'als JSON op stdout')
    .option('-c, --config <bestand>', 'dit configuratiebestand in plaats van het dichtstbijzijnde cter.config.json');
  algemeneOpties(command, { streng: false })
    .addHelpText(
      'after',
      [
        '',
        'Eén gebied per regel, velden gescheiden door een tab; de naam staat vooraan, dus `cut -f1` geeft de namen:',
        '  regio: naam, soort, code, aantal gemeenten',
        '  gemeente: naam, CBS-code, veiligheidsregio, woonplaatsen',
        '',
        'Voorbeelden:',
        '  cter gebieden --soort politie-eenheid',
        '  cter gebieden --regio "Politie-eenheid Amsterdam"',
        '  cter gebieden --soort politie-eenheid --json | jq -r \'.gebieden[].naam\'',
        "  cter gebieden --soort politie-eenheid | cut -f1 | while read -r e; do cter trends --regio \"$e\" > \"trends-$e.json\"; done",
        '',
        afsluitcodesHulp(),
      ].join('\n'),
    )
    .action(action((options: GebiedenOptions) => runGebieden(options)));
}

async function runGebieden(options: GebiedenOptions): Promise<void> {
  const { loadConfig } = await import('../config/index.js');
  const { loadReference, regioOfFout } = await import('../reference/index.js');
  const { gebieden, gebiedenTekst, ledenVan } = await import('../reference/gebieden.js');
  if (options.regio !== undefined && options.soort !== undefined) {
    throw new UsageError('geef --regio of --soort, niet allebei.');
  }
  const config = await loadConfig({ file: options.config });
  const ref = loadReference(config.values);
  if (options.regio !== undefined) {
    const regio = regioOfFout(ref, options.regio, '--regio');
    const leden = ledenVan(ref, regio);
    await out(
      options.json
        ? `${JSON.stringify({ regio: { naam: regio.naam, code: regio.code, soort: regio.soort }, gemeenten: leden }, null, 2)}\n`
        : gebiedenTekst(leden),
    );
    return;
  }
  const lijst = gebieden(ref, options.soort);
  await out(options.json ? `${JSON.stringify({ gebieden: lijst }, null, 2)}\n` : gebiedenTekst(lijst));
}
