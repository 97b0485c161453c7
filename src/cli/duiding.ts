import type { Command } from 'commander';
import { UsageError, type ExitCode, klaar, type AlgemeneOptieWaarden } from '../util/errors.js';
import { colour, info, out, warn } from '../util/io.js';
import { metLeesvoortgang } from './reading-progress.js';
import { action, afsluitcodesHulp, algemeneOpties } from './action.js';

interface DuidingOptions extends AlgemeneOptieWaarden {
  gemeente?: string;
  regio?: string;
  periode?: string;
  forceer?: boolean;
  config?: string;
}

export function registerDuiding(program: Command): void {
  const command = program
    .command('duiding')
    .usage('(--gemeente <naam> | --regio <naam>) [opties]')
    .summary('schrijf een concept voor de duiding en het advies van de analist (Markdown)')
    .description(
      'schrijf een concept voor hoofdstuk 2 van het lokaal beeld, de duiding en het advies van de analist: een ' +
        "Markdown-bestand in de map 'duiding' van de werkmap, met de kernpunten als aanzet",
    )
    .option('-g, --gemeente <naam>', 'de gemeente (naam of CBS-code)')
    .option('-r, --regio <naam>', 'de regio')
    .option('-p, --periode <periode>', 'kwartaal (2025-Q3), maand (2025-07) of jaar (2025); standaard het laatste volledige kwartaal')
    .option('--forceer', 'overschrijf een bestaand duidingsbestand')
    .option('-c, --config <bestand>', 'dit configuratiebestand in plaats van het dichtstbijzijnde cter.config.json');
  algemeneOpties(command)
    .addHelpText(
      'after',
      [
        '',
        "Het bestand heet duiding_<gebied>_<periode>.md en staat in de map 'duiding' van de werkmap (instelling",
        "'duiding'). Pas het aan in een teksteditor; cter beeld en cter batch nemen het op als hoofdstuk 2, na de",
        'kernpunten. Markdown: kopjes (##), alinea\'s, lijsten, vet en cursief; HTML en links worden als tekst getoond.',
        "Een openbaar rapport neemt het alleen op als de kop 'openbaar: ja' zegt. Een bestaand bestand wordt nooit",
        'overschreven, tenzij met --forceer.',
        '',
        'Voorbeelden:',
        '  cter duiding --gemeente Zaanstad',
        '  cter duiding --regio Zaanstreek-Waterland --periode 2025-Q3',
        '',
        afsluitcodesHulp('--streng en er zijn invoerregels afgewezen'),
        'Een bestaand duidingsbestand zonder --forceer is verkeerd gebruik (2).',
      ].join('\n'),
    )
    .action(action((options: DuidingOptions) => runDuiding(options)));
}

async function runDuiding(options: DuidingOptions): Promise<ExitCode> {
  const { existsSync } = await import('node:fs');
  const { mkdir } = await import('node:fs/promises');
  const { join } = await import('node:path');
  const { loadConfig } = await import('../config/index.js');
  const { prepareScopeRun } = await import('../scope/run.js');
  const { shownPath } = await import('../util/paths.js');
  const { writeFileAtomic } = await import('../util/atomic-write.js');
  const { kiesScope } = await import('./scope.js');
  const { duidingBestandsnaam, duidingConcept } = await import('../report/duiding.js');
  const { buildReportModel } = await import('../report/build-model.js');
  const { reportBasis } = await import('../report/basis.js');

  const config = await loadConfig({ file: options.config });
  const plan = await prepareScopeRun({
    config,
    periode: options.periode,
    gebied: (ref) => kiesScope(ref, options, config.values),
  });
  const run = await plan.read({ log: { info, warn }, lezer: metLeesvoortgang });
  const model = buildReportModel({ ...reportBasis(run.invoer, config, { pad: shownPath }), cijfers: run.cijfers(plan.gebied.scope) });

  const map = config.values.duiding;
  const pad = join(map, duidingBestandsnaam(model.gebied.slug, model.periode.code));
  if (existsSync(pad) && !options.forceer) {
    throw new UsageError(`${shownPath(pad)} bestaat al; pas het aan, of overschrijf het met --forceer.`);
  }
  await mkdir(map, { recursive: true });
  await writeFileAtomic(pad, duidingConcept(model));
  info(`${colour.green('klaar:')} concept voor de duiding van ${model.gebied.naam}, ${model.periode.label}: ${shownPath(pad)}`);
  info("pas het aan en maak het rapport opnieuw met 'cter beeld'; het komt als hoofdstuk 2 na de kernpunten.");
  await out(`${pad}\n`);
  return klaar(run.afgewezen.length, options);
}
