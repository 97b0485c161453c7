import type { Command } from 'commander';
import { createRequire } from 'node:module';
import type { BestandVerantwoording } from '../model.js';
import { EXIT, UsageError } from '../util/errors.js';
import { error, info, interactive, out, warn } from './io.js';
import { metLeesvoortgang } from './reading-progress.js';
import { action } from './run.js';

const FORMATEN = ['json', 'md', 'csv'] as const;

/** Validates an option against its allowed values, with a Dutch message and exit code 2. */
function keuze<T extends string>(naam: string, waarden: readonly T[]) {
  return (value: string): T => {
    if ((waarden as readonly string[]).includes(value)) return value as T;
    error(`optie ${naam}: '${value}' is ongeldig; kies uit ${waarden.join(', ')}.`);
    process.exit(EXIT.USAGE);
  };
}

interface TrendsOptions {
  periode?: string;
  gemeente?: string;
  regio?: string;
  signalen?: string[];
  notities?: string[];
  formaat?: (typeof FORMATEN)[number];
  config?: string;
}

export function registerTrends(program: Command): void {
  program
    .command('trends')
    .usage('[opties]')
    .description('trendsamenvatting van een periode naar stdout: aantallen per gebied en fenomeen, getoetst')
    .option(
      '-p, --periode <periode>',
      'kwartaal (2025-Q3), maand (2025-07) of jaar (2025); standaard het laatste volledige kwartaal in de invoer',
    )
    .option('-g, --gemeente <naam>', 'één gemeente (naam of CBS-code)')
    .option('-r, --regio <naam>', 'een regio en elk van haar gemeenten; standaard de regio uit de configuratie')
    .option('-s, --signalen <bestand...>', "signaalexports (bestanden of mappen); standaard 'signalen' uit de configuratie")
    .option('-n, --notities <bestand...>', "trendnotities (bestanden of mappen); standaard 'notities' uit de configuratie")
    .option('-f, --formaat <formaat>', 'json, md of csv (standaard json)', keuze('--formaat', FORMATEN))
    .option('-c, --config <bestand>', 'dit configuratiebestand in plaats van het dichtstbijzijnde cter.config.json')
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
        'Afsluitcode: 0 als de samenvatting is geschreven, ook als invoerregels zijn afgewezen (die staan op stderr;',
        "gebruik 'cter valideer' om exports te bewaken); 2 bij verkeerd gebruik of een onleesbaar bestand.",
        '',
        'Voorbeelden:',
        '  cter trends --periode 2025-Q3 --regio Zaanstreek-Waterland --formaat md',
        '  cter trends --gemeente Zaanstad --signalen exports/ > trends-2025-Q3.json',
      ].join('\n'),
    )
    .action(
      action(async (options: TrendsOptions) => {
        await runTrends(options);
        return EXIT.OK;
      }),
    );
}

async function runTrends(options: TrendsOptions): Promise<void> {
  const { loadConfig } = await import('../config/index.js');
  const { loadReference } = await import('../reference/index.js');
  const { runPipelineGemeld, shownPath } = await import('../pipeline.js');
  const agg = await import('../aggregate/index.js');
  const { scopeUitOptiesOfConfig, vraagPeriode, vraagScope } = await import('./scope.js');

  const config = await loadConfig({
    file: options.config,
    overrides: { signalen: options.signalen, notities: options.notities },
  });
  const ref = loadReference(config.values);
  // Everything the analyst typed or is asked that does not depend on the data comes before reading any file.
  const periodeOptie = options.periode === undefined ? undefined : agg.parsePeriode(options.periode);
  const vragen = interactive();
  const uitOpties = scopeUitOptiesOfConfig(ref, options, config.values);
  const scopeGegeven = options.gemeente !== undefined || options.regio !== undefined;
  const gekozen = vragen && !scopeGegeven ? await vraagScope(ref, uitOpties) : uitOpties;
  if (!gekozen) {
    throw new UsageError(
      "geen gebied: geef --gemeente <naam> of --regio <naam>, of zet 'regio' of 'gemeente' in cter.config.json.",
    );
  }

  const { signalen, notities } = config.values;
  const invoer = await metLeesvoortgang(({ onProgress, log }) =>
    runPipelineGemeld({ signalen, notities, config, ref, onProgress }, log),
  );

  // The default period needs the data: the latest quarter the inputs cover completely.
  const index = agg.indexSignals(invoer.signalen, periodeOptie?.soort ?? 'kwartaal');
  const standaard = index.bereik ? agg.latestCompleteQuarter(index.bereik) : undefined;
  let periode = periodeOptie;
  if (!periode && standaard) {
    periode = vragen ? await vraagPeriode(standaard.periode) : standaard.periode;
    if (!standaard.volledig && periode.code === standaard.periode.code) {
      warn(`de invoer bevat nog geen volledig kwartaal; ${periode.label} is niet compleet.`);
    }
  }
  if (!periode) throw new UsageError('geen signalen in de invoer: geef de periode op met --periode.');

  const cijfers = agg.aggregateScope({ signalen: index, ref, scope: gekozen.scope, periode });
  if (cijfers.dekking === 'onvolledig') {
    warn(`${periode.label} is nog niet compleet in de invoer (laatste signaal ${cijfers.bereik?.laatste}).`);
  }
  if (cijfers.dekking === 'geen') warn(`de invoer bevat geen signalen over ${periode.label}.`);
  info(`${gekozen.naam}, ${periode.label}: ${cijfers.gebied.signalen} signalen.`);

  const toon = (bestanden: readonly BestandVerantwoording[]) =>
    bestanden.map((b) => ({ ...b, bestand: shownPath(b.bestand) }));
  const samenvatting = agg.trendSummary({
    cijfers,
    notities: invoer.notities,
    ref,
    invoer: {
      signalen: toon(invoer.ingest.signalen.bestanden),
      notities: invoer.ingest.notities.bestanden.length > 0 ? toon(invoer.ingest.notities.bestanden) : undefined,
    },
    rubricering: config.values.rubricering,
    tlp: config.values.tlp,
    versie: version(),
  });
  const formaat = options.formaat ?? 'json';
  if (formaat === 'md') await out(agg.trendsMarkdown(samenvatting));
  else if (formaat === 'csv') await out(agg.trendsCsv(samenvatting));
  else await out(`${JSON.stringify(samenvatting, null, 2)}\n`);
}

function version(): string {
  const require = createRequire(import.meta.url);
  return (require('../../package.json') as { version: string }).version;
}
