import type { Command } from 'commander';
import { EXIT, type AlgemeneOptieWaarden } from '../util/errors.js';
import { action, afsluitcodesHulp, algemeneOpties } from './action.js';

interface ValideerOpties extends AlgemeneOptieWaarden {
  soort?: string;
  json?: boolean;
  afgewezen?: string;
  config?: string;
}

export function registerValideer(program: Command): void {
  const command = program
    .command('valideer')
    .usage('[opties] [bestand of map...]')
    .summary('controleer exports: wat is geaccepteerd, afgewezen of dubbel, en waarom')
    .description(
      'controleer exports zonder rapport: per bestand hoeveel regels geaccepteerd, afgewezen of dubbel zijn, ' +
        'en waarom (bestand, regel, kolom, reden)',
    )
    .argument(
      '[bestand...]',
      "CSV-bestanden of mappen (een map: alle .csv-bestanden erin); standaard 'signalen' en 'notities' uit de configuratie",
    )
    .option('--soort <soort>', "'signalen' of 'notities' (standaard: herkend aan de kopregel van elk bestand)")
    .option('--json', 'het resultaat als JSON op stdout')
    .option('--afgewezen <pad>', 'schrijf de afgewezen regels, met reden en oorspronkelijke velden, naar dit CSV-bestand')
    .option('-c, --config <bestand>', 'dit configuratiebestand in plaats van het dichtstbijzijnde cter.config.json');
  algemeneOpties(command)
    .addHelpText(
      'after',
      '\nZonder bestanden leest valideer de exports uit de configuratie (signalen en notities), net als de andere\n' +
        'opdrachten. Fenomeenlabels (kolom fenomeen) leest cter met de taxonomie uit cter.config.json, als die er is;\n' +
        'anders met de ingebouwde taxonomie (data/taxonomie.json).\n\n' +
        afsluitcodesHulp('er zijn regels afgewezen (valideer is er om dat te melden; --streng verandert daar niets aan)'),
    )
    .action(
      action(async (paden: string[], opts: ValideerOpties) => {
        const { UsageError } = await import('../util/errors.js');
        if (opts.soort !== undefined && opts.soort !== 'signalen' && opts.soort !== 'notities') {
          throw new UsageError(`--soort moet 'signalen' of 'notities' zijn, niet '${opts.soort}'.`);
        }
        const [{ valideer, verslagJson, verslagTekst }, { writeRejects }, { loadReference }, io, { metLeesvoortgang }] =
          await Promise.all([
            import('../ingest/valideer.js'),
            import('../ingest/rejects.js'),
            import('../reference/index.js'),
            import('../util/io.js'),
            import('./reading-progress.js'),
          ]);
        // Fenomeen labels as the workspace's taxonomy knows them (cter.config.json, if there is one).
        const [{ loadConfig, resolveInputs }, { taxonomyFromConfig, signaalBestanden }, { labelResolver }] = await Promise.all([
          import('../config/index.js'),
          import('../pipeline.js'),
          import('../classify/taxonomy.js'),
        ]);
        const config = await loadConfig({ file: opts.config });
        const fenomeenVoorLabel = labelResolver(await taxonomyFromConfig(config));
        // Paths typed here are relative to the working folder; the configuration's to its own folder (resolved).
        // Files are named in messages and --json as people read them: relative to the working folder when inside it.
        const { shownPath } = await import('../util/paths.js');
        const gevonden =
          paden.length > 0
            ? // Each argument on its own: a file named twice is read twice (its rows count as duplicates).
              (await Promise.all(paden.map((p) => signaalBestanden([p], process.cwd(), 'cter valideer <bestand of map...>')))).flat()
            : [
                ...(await signaalBestanden(config.values.signalen, config.baseDir, 'cter valideer <bestand of map...>')),
                ...(await resolveInputs(config.values.notities, config.baseDir)),
              ];
        const bestanden = gevonden.map((f) => shownPath(f));
        if (opts.afgewezen !== undefined) {
          const { outputGuardVoor } = await import('../config/output-guard.js');
          await (await outputGuardVoor(config, gevonden)).check(opts.afgewezen, '--afgewezen');
        }
        const soort = opts.soort;
        const verslag = await metLeesvoortgang(({ onProgress }) =>
          valideer(bestanden, loadReference(config.values), soort, { onProgress, fenomeenVoorLabel }),
        );
        if (opts.afgewezen !== undefined) {
          await writeRejects(opts.afgewezen, verslag.afgewezen);
          io.info(`${verslag.afgewezen.length} afgewezen regels geschreven naar ${opts.afgewezen}.`);
        } else if (verslag.totaal.afgewezen > 0 && !opts.json) {
          io.info('Tip: met --afgewezen <pad> bewaart u de afgewezen regels met hun reden als CSV, om ze te verbeteren.');
        }
        await io.out(opts.json ? verslagJson(verslag) : verslagTekst(verslag));
        return verslag.totaal.afgewezen > 0 ? EXIT.PARTIAL : EXIT.OK;
      }),
    );
}
