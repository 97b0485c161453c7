import { join } from 'node:path';
import type { Command } from 'commander';
import type { CterConfig, LoadedConfig } from '../config/cter-config.js';
import { FORMATEN, type Formaat } from '../report/formaten.js';
import { klaar, type AlgemeneOptieWaarden, type ExitCode } from '../util/errors.js';
import { colour, info, out, warn } from '../util/io.js';
import { metLeesvoortgang } from './reading-progress.js';
import { oneOf } from './program.js';
import { action, afsluitcodesHulp, algemeneOpties } from './action.js';
import { bijAfbreken } from './interrupt.js';


/** Values of the options every report command shares (rapportOpties). */
export interface RapportOptieWaarden extends AlgemeneOptieWaarden {
  periode?: string;
  signalen?: string[];
  notities?: string[];
  uit?: string;
  formaat?: Formaat;
  rubricering?: string;
  tlp?: string;
  config?: string;
}

interface BeeldOptions extends RapportOptieWaarden {
  gemeente?: string;
  regio?: string;
}

/** The configuration with the shared report options applied; `extra` adds a command's own (batch: parallel). */
export async function rapportConfig(options: RapportOptieWaarden, extra: Partial<CterConfig> = {}): Promise<LoadedConfig> {
  const { loadConfig } = await import('../config/index.js');
  return loadConfig({
    file: options.config,
    overrides: {
      signalen: options.signalen,
      notities: options.notities,
      uitvoer: options.uit,
      rubricering: options.rubricering,
      tlp: options.tlp as never,
      ...extra,
    },
  });
}

/**
 * The options every report command shares (beeld, batch): period, inputs, output folder and format, marking and
 * configuration file.
 */
export function rapportOpties(command: Command): Command {
  command
    .option('-p, --periode <periode>', 'kwartaal (2025-Q3), maand (2025-07) of jaar (2025); standaard het laatste volledige kwartaal')
    .option('-s, --signalen <bestand...>', "signaalexports (bestanden of mappen); standaard 'signalen' uit de configuratie")
    .option('-n, --notities <bestand...>', "trendnotities (bestanden of mappen); standaard 'notities' uit de configuratie")
    .option('-u, --uit <map>', "uitvoermap; standaard 'uitvoer' uit de configuratie (./uitvoer)")
    .option('-f, --formaat <formaat>', 'pdf, html of json (standaard pdf)', oneOf('--formaat', FORMATEN))
    .option('--rubricering <niveau>', "rubricering op elke pagina, bijv. 'Departementaal Vertrouwelijk', 'Intern' of 'Openbaar'")
    .option('--tlp <label>', 'TLP 2.0-label: CLEAR, GREEN, AMBER, AMBER+STRICT of RED')
    .option('-c, --config <bestand>', 'dit configuratiebestand in plaats van het dichtstbijzijnde cter.config.json');
  return algemeneOpties(command);
}

export function registerBeeld(program: Command): void {
  const command = program
    .command('beeld')
    .usage('(--gemeente <naam> | --regio <naam>) [opties]')
    .summary('maak het lokaal beeld CTER van een gemeente of regio (PDF, HTML of JSON)')
    .description(
      'maak het lokaal beeld CTER van een gemeente of regio: kernpunten, signalen per fenomeen, ontwikkeling, ' +
        'kenmerken, trendnotities en verantwoording, met de markering op elke pagina',
    )
    .option('-g, --gemeente <naam>', 'de gemeente (naam of CBS-code)')
    .option('-r, --regio <naam>', 'de regio (veiligheidsregio, zorg- en veiligheidsregio, politie-eenheid of eigen regio)');
  rapportOpties(command)
    .addHelpText(
      'after',
      [
        '',
        'Het bestand heet lokaal-beeld_<gebied>_<periode>.<formaat>, bijv. lokaal-beeld_zaanstad_2025-Q3.pdf; stdout',
        'noemt het pad, stderr de voortgang en de verantwoording van de invoer. Afgewezen invoerregels staan met hun',
        'reden in de privémap van de werkmap (prive/ naast cter.config.json), nooit bij het rapport:',
        'prive/lokaal-beeld_<gebied>_<periode>_afgewezen.csv.',
        '',
        '--formaat html schrijft hetzelfde document als één HTML-bestand; --formaat json het datamodel van het rapport',
        '(docs/rapport-json.md). Voor PDF gebruikt cter een geïnstalleerde Chrome, Chromium of Edge (configuratie',
        "'browser', CTER_BROWSER of automatisch gevonden); cter downloadt nooit een browser.",
        '',
        "Met rubricering 'Openbaar' (of TLP:CLEAR) worden aantallen onder de drempel (standaard 5) afgeschermd, ook",
        'waar totalen ze zouden verraden. Andere rubriceringen tonen exacte aantallen.',
        '',
        'Zonder --gemeente/--regio vraagt cter op een terminal naar het gebied; in een script geldt de regio of',
        "gemeente uit de configuratie, en zonder die is het een gebruiksfout.",
        '',
        afsluitcodesHulp('--streng en er zijn invoerregels afgewezen'),
        'Geen browser voor de PDF is een fout in de configuratie (2).',
        '',
        'Voorbeelden:',
        '  cter beeld --gemeente Zaanstad',
        '  cter beeld --regio Zaanstreek-Waterland --periode 2025-Q3 --formaat html',
        "  cter beeld --gemeente Zaanstad --rubricering Openbaar --tlp CLEAR --uit publicatie/",
      ].join('\n'),
    )
    .action(action((options: BeeldOptions) => runBeeld(options)));
}

async function runBeeld(options: BeeldOptions): Promise<ExitCode> {
  const { prepareScopeRun } = await import('../scope/run.js');
  const { shownPath } = await import('../util/paths.js');
  const { kiesScope } = await import('./scope.js');
  const { createReportWriter, reportFileName, writeReportRejects } = await import('../report/writer.js');
  const { buildReportModel } = await import('../report/build-model.js');
  const { reportBasis } = await import('../report/basis.js');

  const config = await rapportConfig(options);
  const plan = await prepareScopeRun({
    config,
    periode: options.periode,
    gebied: (ref) => kiesScope(ref, options, config.values),
  });
  // Templates and browser are checked before minutes of reading: a broken override or a missing browser fails fast.
  const formaat = options.formaat ?? 'pdf';
  const writer = await createReportWriter({
    formaat,
    templates: config.values.templates,
    browser: config.values.browser,
    browserBron: config.sources.browser,
  });
  // The browser launches in its own process while the inputs are read; write() awaits that launch and reports its
  // failure there, after any read error.
  writer.start().catch(() => undefined);
  const vergeet = bijAfbreken(() => writer.close());
  try {
    const { ensureWritableDir } = await import('../util/atomic-write.js');
    const { outputGuardVoor } = await import('../config/output-guard.js');
    const { priveMap } = await import('../config/index.js');
    const uitDir = config.values.uitvoer;
    // Said before minutes of reading: an output folder that takes no file.
    await ensureWritableDir(uitDir);
    const guard = await outputGuardVoor(config);
    const run = await plan.read({ log: { info, warn }, lezer: metLeesvoortgang });
    const cijfers = run.cijfers(plan.gebied.scope);
    const model = buildReportModel({ ...reportBasis(run.invoer, config), cijfers });
    info(`${plan.gebied.naam}, ${run.periode.label}: ${cijfers.gebied.signalen} signalen; ${formaat.toUpperCase()} maken...`);
    if (model.notities.weggelaten > 0) {
      info(
        `openbaar rapport: ${model.notities.weggelaten} trendnotitie(s) weggelaten die niet als openbaar zijn gemarkeerd ` +
          "(kolom 'openbaar' = ja); de verantwoording noemt het aantal.",
      );
    }
    await guard.check(join(uitDir, reportFileName(model, formaat)), '--uit');
    const geschreven = await writer.write(model, uitDir);
    const rejects = await writeReportRejects(geschreven.path, run.afgewezen, priveMap(config));
    if (rejects) info(`${run.afgewezen.length} afgewezen regels met hun reden (privémap, niet bij het rapport): ${shownPath(rejects)}`);
    const pagina = geschreven.pages === undefined ? '' : `, ${geschreven.pages} pagina's`;
    info(`${colour.green('klaar:')} ${shownPath(geschreven.path)} (${model.markering.regel}${pagina}).`);
    await out(`${geschreven.path}\n`);
    return klaar(run.afgewezen.length, options);
  } finally {
    vergeet();
    await writer.close();
  }
}
