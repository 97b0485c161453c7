import { InvalidArgumentError, type Command } from 'commander';
import { klaar, type AlgemeneOptieWaarden, type ExitCode } from '../util/errors.js';
import { info, out } from '../util/io.js';
import { metLeesvoortgang } from './reading-progress.js';
import { oneOf } from './program.js';
import { action, afsluitcodesHulp, algemeneOpties } from './action.js';

const FORMATEN = ['json', 'csv', 'tabel'] as const;
type Formaat = (typeof FORMATEN)[number];

interface ClassificeerOptions extends AlgemeneOptieWaarden {
  signalen?: string[];
  formaat?: Formaat;
  metOmschrijving?: boolean;
  afgewezen?: string;
  config?: string;
  evalueer?: boolean;
  vouwen?: number;
  json?: boolean;
}

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 2 || n > 100) {
    throw new InvalidArgumentError(`--vouwen verwacht een geheel getal van 2 tot en met 100, gevonden '${value}'`);
  }
  return n;
}

export function registerClassificeer(program: Command): void {
  const command = program
    .command('classificeer')
    .usage('[opties]')
    .summary('geef elk signaal een fenomeen en een ernst, met de reden erbij')
    .description(
      'geef elk signaal een fenomeen (met herkomst: analist, regel, handmatig of geen) en een ernst, elk met de ' +
        'reden, en schrijf ze naar stdout',
    )
    .option('-s, --signalen <bestand...>', "signaalexports (bestanden of mappen); standaard 'signalen' uit de configuratie")
    .option(
      '-f, --formaat <formaat>',
      'json, csv of tabel (standaard: tabel op een terminal, anders json)',
      oneOf('--formaat', FORMATEN),
    )
    .option('--met-omschrijving', 'neem de vrije tekst (omschrijving) op; die kan bijzondere persoonsgegevens bevatten')
    .option('--afgewezen <pad>', 'schrijf de afgewezen invoerregels, met reden en oorspronkelijke velden, naar dit CSV-bestand')
    .option('-c, --config <bestand>', 'dit configuratiebestand in plaats van het dichtstbijzijnde cter.config.json')
    .option(
      '--evalueer',
      'meet de classificatie op de gelabelde signalen (k-voudige kruisvalidatie): per fenomeen precisie, recall en F1, ' +
        'verwarringsmatrix en onthouding, voor alleen regels, alleen model en beide samen',
    )
    .option('--vouwen <k>', 'aantal vouwen voor --evalueer (standaard 10)', positiveInteger)
    .option('--json', 'met --evalueer: de uitkomst als JSON');
  algemeneOpties(command)
    .addHelpText(
      'after',
      [
        '',
        'Elk signaal krijgt: id, gemeente (CBS-code), datum, tijd, type en betrouwbaarheid met betrouwbaarheidSysteem',
        '(als de export ze heeft), fenomeen, herkomst,',
        'reden, ernst, ernstReden, afwijking (de regels wijzen op een ander fenomeen dan het label van de analist),',
        'regelSuggestie, en bestand en regel waar het signaal vandaan komt. Persoonssleutels komen nooit in de uitvoer.',
        '',
        'Herkomst: handmatig (een beoordeling uit cter review, zolang het signaal niet is gewijzigd), analist (het',
        'label in de export), regel (de taxonomie; de reden noemt de termen en de score), model (het tekstmodel, waar',
        'de regels geen conclusie trekken; de reden noemt de woorden die het zwaarst wogen en de kans) of geen',
        "(fenomeen 'onbekend'; ook als het model een zwakke regel, zoals een enkele term, tegenhoudt omdat het zeker",
        'is dat de tekst bij geen fenomeen hoort). Het tekstmodel is getraind op het meegeleverde basismodel plus de',
        'labels van de analist en de beoordelingen in de invoer; op stderr staat op hoeveel labels.',
        '',
        'Betrouwbaarheid: de waardering van de bron en de informatie staat in de uitvoer met haar systeem',
        '(Admiralty A-F/1-6 of 4x4 A/B/C/X/1-4); de letters van de twee systemen betekenen niet hetzelfde.',
        '',
        '--evalueer meet de classificatie op de signalen met een label (analist of beoordeling) met k-voudige',
        'kruisvalidatie: het model van elke vouw leert van het basismodel en de andere vouwen. Met --json als JSON.',
        'De taxonomie is data/taxonomie.json, uit te breiden of te vervangen met taxonomie en taxonomieModus in',
        'cter.config.json.',
        '',
        'Formaten: json (een lijst met een object per signaal, een per regel), csv (kopregel, puntkomma als',
        "scheidingsteken, UTF-8 zonder BOM, afwijking als 'ja'/'nee'), tabel (uitgelijnde kolommen om te lezen).",
        'De uitvoer bevat geen tijdstempels: dezelfde invoer geeft dezelfde uitvoer.',
        '',
        afsluitcodesHulp('--streng en er zijn invoerregels afgewezen'),
        '',
        'Voorbeelden:',
        '  cter classificeer --signalen exports/ --formaat tabel',
        '  cter classificeer --signalen politie.csv zvh.csv --formaat csv > classificatie.csv',
        '  cter classificeer --met-omschrijving --afgewezen afgewezen.csv > classificatie.json',
        '  cter classificeer --evalueer --vouwen 5',
      ].join('\n'),
    )
    .action(action((options: ClassificeerOptions) => runClassificeer(options)));
}

/** Writes text pieces to stdout in blocks of about a megabyte. */
async function writeAll(pieces: Iterable<string>): Promise<void> {
  let block = '';
  for (const piece of pieces) {
    block += piece;
    if (block.length >= 1 << 20) {
      await out(block);
      block = '';
    }
  }
  if (block) await out(block);
}

async function runClassificeer(options: ClassificeerOptions): Promise<ExitCode> {
  const { loadConfig } = await import('../config/index.js');
  const { loadReference } = await import('../reference/index.js');
  const { runPipelineGemeld } = await import('../pipeline.js');
  const { shownPath } = await import('../util/paths.js');
  const uitvoer = await import('../classify/output.js');

  const config = await loadConfig({ file: options.config, overrides: { signalen: options.signalen } });
  const ref = loadReference(config.values);
  if (options.afgewezen !== undefined) {
    const { outputGuardVoor } = await import('../config/output-guard.js');
    await (await outputGuardVoor(config)).check(options.afgewezen, '--afgewezen');
  }
  const invoer = await metLeesvoortgang(({ onProgress, log }) =>
    runPipelineGemeld({ signalen: config.values.signalen, notities: [], config, ref, onProgress }, log),
  );
  const taxonomie = invoer.taxonomy.bronnen.map((b) => `${shownPath(b.pad)} (${b.rol})`).join(' + ');
  info(`taxonomie ${invoer.taxonomy.definitie.versie}: ${taxonomie}.`);

  const afgewezen = invoer.ingest.signalen.afgewezen;
  if (options.afgewezen !== undefined) {
    const { writeRejects } = await import('../ingest/rejects.js');
    await writeRejects(options.afgewezen, afgewezen);
    info(`${afgewezen.length} afgewezen regels met hun reden: ${options.afgewezen}`);
  }
  uitvoer.classificatieSamenvatting(invoer.signalen).forEach((regel) => info(regel));

  if (options.evalueer) {
    const { evaluateClassifier, evaluationText } = await import('../classify/evaluatie.js');
    const { loadModelFile } = await import('../classify/tekstmodel.js');
    const { trainingsvoorbeelden } = await import('../classify/classify.js');
    const { loadBeoordelingen } = await import('../classify/beoordelingen.js');
    const beoordelingen = await loadBeoordelingen(config.values.beoordelingen);
    const { voorbeelden, analist, handmatig } = trainingsvoorbeelden(invoer.signalen, beoordelingen);
    const basis = await loadModelFile();
    const e = evaluateClassifier(voorbeelden, invoer.taxonomy, basis, options.vouwen ?? 10, { analist, handmatig });
    await out(options.json ? `${JSON.stringify(e, null, 2)}\n` : evaluationText(e));
    return klaar(afgewezen.length, options);
  }

  const formaat = options.formaat ?? (process.stdout.isTTY ? 'tabel' : 'json');
  const opties = { metOmschrijving: options.metOmschrijving === true, pad: (bestand: string) => shownPath(bestand) };
  const schrijf = { json: uitvoer.classificatieJson, csv: uitvoer.classificatieCsv, tabel: uitvoer.classificatieTabel };
  await writeAll(schrijf[formaat](invoer.signalen, opties));
  return klaar(afgewezen.length, options);
}
