import type { Command } from 'commander';
import { klaar, type AlgemeneOptieWaarden } from '../util/errors.js';
import { info, interactive, out, warn } from '../util/io.js';
import { oneOf } from './program.js';
import { metLeesvoortgang } from './reading-progress.js';
import { action, afsluitcodesHulp, algemeneOpties } from './action.js';

const FORMATEN = ['json', 'md', 'csv'] as const;

interface TrendsOptions extends AlgemeneOptieWaarden {
  periode?: string;
  gemeente?: string;
  regio?: string;
  alle?: boolean;
  signalen?: string[];
  notities?: string[];
  formaat?: (typeof FORMATEN)[number];
  config?: string;
}

export function registerTrends(program: Command): void {
  const command = program
    .command('trends')
    .usage('[opties]')
    .description('trendsamenvatting van een periode naar stdout: aantallen per gebied en fenomeen, getoetst')
    .option(
      '-p, --periode <periode>',
      'kwartaal (2025-Q3), maand (2025-07) of jaar (2025); standaard het laatste volledige kwartaal in de invoer',
    )
    .option('-g, --gemeente <naam>', 'één gemeente (naam of CBS-code)')
    .option('-r, --regio <naam>', 'een regio en elk van haar gemeenten; standaard de regio uit de configuratie')
    .option('-a, --alle', "met --regio (of de regio uit de configuratie): ook elke regio binnen die regio, in één run")
    .option('-s, --signalen <bestand...>', "signaalexports (bestanden of mappen); standaard 'signalen' uit de configuratie")
    .option('-n, --notities <bestand...>', "trendnotities (bestanden of mappen); standaard 'notities' uit de configuratie")
    .option('-f, --formaat <formaat>', 'json, md of csv (standaard json)', oneOf('--formaat', FORMATEN))
    .option('-c, --config <bestand>', 'dit configuratiebestand in plaats van het dichtstbijzijnde cter.config.json');
  algemeneOpties(command)
    .addHelpText(
      'after',
      [
        '',
        'Uitvoer: json (vorm: docs/trends-json.md), md (Nederlandse tekst voor een memo) of csv (een regel per gebied',
        'en fenomeen, puntkomma en decimale komma). De uitvoer bevat geen tijdstempels: dezelfde invoer geeft dezelfde',
        'uitvoer, zodat een cronjob kwartalen kan vergelijken.',
        '',
        'Zonder --gemeente/--regio geldt de regio (of gemeente) uit de configuratie. Op een terminal vraagt cter naar',
        'gebied en periode die niet als optie zijn gegeven; in een script gelden de standaarden.',
        '',
        afsluitcodesHulp('--streng en er zijn invoerregels afgewezen'),
        '',
        'Voorbeelden:',
        '  cter trends --periode 2025-Q3 --regio Zaanstreek-Waterland --formaat md',
        '  cter trends --gemeente Zaanstad --signalen exports/ > trends-2025-Q3.json',
      ].join('\n'),
    )
    .action(
      action(async (options: TrendsOptions) => klaar(await runTrends(options), options)),
    );
}

/** Writes the summary; the number of rejected input rows. */
async function runTrends(options: TrendsOptions): Promise<number> {
  const { loadConfig } = await import('../config/index.js');
  const { prepareScopeRun } = await import('../scope/run.js');
  const { scopeTrends } = await import('../scope/trends.js');
  const { trendsMarkdown } = await import('../aggregate/trends-md.js');
  const { trendsCsv } = await import('../aggregate/trends-csv.js');
  const { fenomeenNames } = await import('../present/labels.js');
  const { kiesScope, vraagPeriode } = await import('./scope.js');
  const { zuinigMetGeheugen } = await import('../util/geheugen.js');
  // Counting keeps little per signal; the heap's slack is what a million signals would add (see geheugen.ts).
  zuinigMetGeheugen();

  const config = await loadConfig({
    file: options.config,
    overrides: { signalen: options.signalen, notities: options.notities },
  });
  // Everything the analyst typed or is asked that does not depend on the data comes before reading any file.
  const plan = await prepareScopeRun({
    config,
    periode: options.periode,
    gebied: (ref) => kiesScope(ref, options, config.values),
    // The summary holds figures only: no signal's description, reasons or id is kept in memory.
    alleenTellen: true,
  });
  const run = await plan.read({
    log: { info, warn },
    lezer: metLeesvoortgang,
    vraagPeriode: interactive() ? vraagPeriode : undefined,
  });
  const samenvatting = scopeTrends(run, plan.gebied.scope, { alle: options.alle });
  const gebied = samenvatting.gebieden[samenvatting.gebieden.length - 1]!;
  info(`${plan.gebied.naam}, ${run.periode.label}: ${gebied.signalen} signalen.`);
  const formaat = options.formaat ?? 'json';
  if (formaat === 'md') await out(trendsMarkdown(samenvatting, fenomeenNames(run.invoer.taxonomy.definitie.fenomenen)));
  else if (formaat === 'csv') await out(trendsCsv(samenvatting));
  else await out(`${JSON.stringify(samenvatting, null, 2)}\n`);
  return run.afgewezen.length;
}
