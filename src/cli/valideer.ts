import type { Command } from 'commander';
import { EXIT } from '../util/errors.js';
import { action } from './run.js';

interface ValideerOpties {
  soort?: string;
  json?: boolean;
  afgewezen?: string;
}

export function registerValideer(program: Command): void {
  program
    .command('valideer')
    .usage('[opties] <bestand...>')
    .summary('controleer exports: wat is geaccepteerd, afgewezen of dubbel, en waarom')
    .description(
      'controleer exports zonder rapport: per bestand hoeveel regels geaccepteerd, afgewezen of dubbel zijn, ' +
        'en waarom (bestand, regel, kolom, reden)',
    )
    .argument('<bestand...>', 'CSV-bestanden met signalen of trendnotities')
    .option('--soort <soort>', "'signalen' of 'notities' (standaard: herkend aan de kopregel van elk bestand)")
    .option('--json', 'het resultaat als JSON op stdout')
    .option('--afgewezen <pad>', 'schrijf de afgewezen regels, met reden en oorspronkelijke velden, naar dit CSV-bestand')
    .addHelpText(
      'after',
      '\nFenomeenlabels (kolom fenomeen) leest cter met de taxonomie uit cter.config.json, als die er is; anders met de\n' +
        'ingebouwde taxonomie (data/taxonomie.json).\n' +
        '\nAfsluitcode: 0 alles geaccepteerd; 1 er zijn regels afgewezen; 2 verkeerd gebruik of een onleesbaar bestand.',
    )
    .action(
      action(async (bestanden: string[], opts: ValideerOpties) => {
        const { UsageError } = await import('../util/errors.js');
        if (opts.soort !== undefined && opts.soort !== 'signalen' && opts.soort !== 'notities') {
          throw new UsageError(`--soort moet 'signalen' of 'notities' zijn, niet '${opts.soort}'.`);
        }
        const [{ valideer, verslagJson, verslagTekst }, { writeRejects }, { loadReference }, io, { metLeesvoortgang }] =
          await Promise.all([
            import('../ingest/valideer.js'),
            import('../ingest/index.js'),
            import('../reference/index.js'),
            import('./io.js'),
            import('./reading-progress.js'),
          ]);
        // Fenomeen labels as the workspace's taxonomy knows them (cter.config.json, if there is one).
        const [{ loadConfig }, { taxonomyFromConfig }, { labelResolver }] = await Promise.all([
          import('../config/index.js'),
          import('../pipeline.js'),
          import('../classify/index.js'),
        ]);
        const config = await loadConfig();
        if (opts.afgewezen !== undefined) {
          const { outputGuardVoor } = await import('../util/output-guard.js');
          await (await outputGuardVoor(config, bestanden)).check(opts.afgewezen, '--afgewezen');
        }
        const fenomeenVoorLabel = labelResolver(await taxonomyFromConfig(config));
        const soort = opts.soort;
        const verslag = await metLeesvoortgang(({ onProgress }) =>
          valideer(bestanden, loadReference(), soort, { onProgress, fenomeenVoorLabel }),
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
