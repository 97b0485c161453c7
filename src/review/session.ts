// The interactive review on a terminal: one signal at a time, with its description (review is the one place where the
// analyst reads the free text; it stays on the terminal, never in a report), the rules' suggestion and its reason,
// then a choice of fenomeen and ernst. Every decision is saved at once, so stopping or Ctrl-C loses nothing decided.
import { select, Separator } from '@inquirer/prompts';
import { colour } from '../util/io.js';
import { dutch } from '../util/prompt-theme.js';
import { ERNST_NIVEAUS, type Ernst, type Fenomeen } from '../domain.js';
import { maakBeoordeling, wachtredenTekst, type WachtrijItem } from './queue.js';
import { addBeoordelingen } from '../classify/beoordelingen.js';
import { fenomeenLabel, type Taxonomy } from '../classify/taxonomy.js';

/** Prompts talk on stderr: stdout stays for data. */
const PROMPT = { output: process.stderr };

// Choice values that can never be a fenomeen code.
const OVERSLAAN = ':overslaan';
const STOPPEN = ':stoppen';

export interface SessieContext {
  taxonomy: Taxonomy;
  gemeenteNaam: (code: string) => string;
  /** The decisions file; each decision is added to it at once. */
  bestand: string;
  wie: string;
  now?: () => Date;
}

export interface SessieUitkomst {
  vastgelegd: number;
  overgeslagen: number;
  /** Signals not shown because the analyst stopped. */
  resterend: number;
}

/** The review screen is the command's work, not a message: it shows also with --stil. */
const toon = (tekst: string) => void process.stderr.write(`${tekst}\n`);

/**
 * Lines the fenomeen list may take: the signal above it and the prompt's own lines must fit on the terminal, so
 * nothing printed before (the ingest summary) pushes the signal off the screen.
 */
function lijstHoogte(rijen: number | undefined, signaalRegels: number): number {
  if (!rijen) return 12;
  return Math.max(4, Math.min(12, rijen - signaalRegels - 5));
}

/** Free text from an export may hold control characters; on a terminal they could move the cursor or worse. */
function veiligeTekst(text: string): string {
  return text.replace(/\t/g, ' ').replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g, '\uFFFD');
}

/** Shows the signal; the number of lines it took. */
function toonSignaal(item: WachtrijItem, positie: string, ctx: SessieContext): number {
  const { signaal, suggestie } = item;
  const omschrijving = signaal.omschrijving?.trim()
    ? veiligeTekst(signaal.omschrijving).split('\n').map((l) => `  ${l}`).join('\n')
    : colour.dim('  (geen omschrijving)');
  toon('');
  toon(colour.bold(`Signaal ${positie}: ${veiligeTekst(signaal.id)}`));
  toon(`  gemeente:  ${ctx.gemeenteNaam(signaal.gemeente)}`);
  toon(`  datum:     ${signaal.datum}${signaal.tijd ? ` ${signaal.tijd}` : ''}`);
  toon(`  type/bron: ${veiligeTekst(signaal.type ?? '-')} / ${veiligeTekst(signaal.bron ?? '-')}`);
  toon(`  waarom:    ${wachtredenTekst(item, ctx.taxonomy)}`);
  toon('omschrijving:');
  toon(omschrijving);
  toon(`suggestie van de regels: ${colour.bold(fenomeenLabel(ctx.taxonomy, suggestie.fenomeen))}`);
  toon(`  reden: ${veiligeTekst(suggestie.reden)}`);
  toon(`  ernst volgens de regels: ${signaal.ernst} (${veiligeTekst(signaal.ernstReden)})`);
  return 10 + omschrijving.split('\n').length;
}

async function kiesFenomeen(item: WachtrijItem, taxonomy: Taxonomy, pageSize: number): Promise<string> {
  return select<string>(
    {
      message: 'Fenomeen',
      theme: dutch,
      pageSize,
      // Enter on the default never records a decision by accident.
      default: OVERSLAAN,
      choices: [
        { value: OVERSLAAN, name: 'Overslaan', description: 'Nu niet beslissen; het signaal blijft in de wachtrij.' },
        { value: STOPPEN, name: 'Stoppen', description: 'Klaar voor nu; wat al is vastgelegd blijft bewaard.' },
        new Separator(),
        ...taxonomy.definitie.fenomenen.map((f) => ({
          value: f.code,
          name: f.code === item.suggestie.fenomeen ? `${f.label} (suggestie)` : f.label,
          description: f.omschrijving,
        })),
      ],
    },
    PROMPT,
  );
}

async function kiesErnst(standaard: Ernst): Promise<Ernst> {
  return select<Ernst>(
    {
      message: 'Ernst',
      theme: dutch,
      default: standaard,
      choices: ERNST_NIVEAUS.map((e) => ({ value: e, name: e === standaard ? `${e} (volgens de regels)` : e })),
    },
    PROMPT,
  );
}

/** Walks the queue until it ends or the analyst stops. Ctrl-C propagates (ExitPromptError) after the summary. */
export async function reviewSession(queue: readonly WachtrijItem[], ctx: SessieContext): Promise<SessieUitkomst> {
  const uitkomst: SessieUitkomst = { vastgelegd: 0, overgeslagen: 0, resterend: queue.length };
  const now = ctx.now ?? (() => new Date());
  try {
    for (const [i, item] of queue.entries()) {
      const regels = toonSignaal(item, `${i + 1} van ${queue.length}`, ctx);
      const keuze = await kiesFenomeen(item, ctx.taxonomy, lijstHoogte(process.stderr.rows, regels));
      if (keuze === STOPPEN) break;
      uitkomst.resterend--;
      if (keuze === OVERSLAAN) {
        uitkomst.overgeslagen++;
        continue;
      }
      const fenomeen = keuze as Fenomeen;
      const ernst = await kiesErnst(item.signaal.ernst);
      await addBeoordelingen(ctx.bestand, [maakBeoordeling(item.signaal, { fenomeen, ernst }, ctx.wie, now())]);
      uitkomst.vastgelegd++;
      toon(colour.green(`Vastgelegd: ${veiligeTekst(item.signaal.id)} is ${fenomeen}, ernst ${ernst}.`));
    }
  } catch (err) {
    // Ctrl-C: say what is safe before the CLI reports the interruption.
    if (uitkomst.vastgelegd > 0) toon(`${uitkomst.vastgelegd} beoordeling(en) van deze sessie zijn bewaard in ${ctx.bestand}.`);
    throw err;
  }
  return uitkomst;
}
