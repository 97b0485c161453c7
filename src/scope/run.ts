// A run over a scope: what trends, beeld, batch and kwartaal all do before they write anything. In two steps, so a
// command can check what needs no data (areas, period syntax, templates, browser) before minutes of reading:
//   prepareScopeRun: reference data, the period as typed, the areas of the run (resolved, or asked on a TTY);
//   plan.read:       read and classify the inputs once (runPipeline), choose the period (default: the latest
//                    complete quarter in the inputs), warn about how far the inputs cover it, and index the signals
//                    once, so every area of the run is aggregated from the same index.
import type { Periode, ScopeCijfers } from '../aggregate/result-types.js';
import type { LoadedConfig } from '../config/cter-config.js';
import type { AfgewezenRecord } from '../domain.js';
import { runPipelineGemeld, type PipelineResultaat } from '../pipeline.js';
import { loadReference, type Reference } from '../reference/index.js';
import { UsageError } from '../util/errors.js';
import { aggregateScope, dekking, indexSignals, type Scope, type SignaalIndex } from '../aggregate/aggregate.js';
import { latestCompleteQuarter, parsePeriode } from '../aggregate/periode.js';

/** Messages for people (stderr). */
export interface Log {
  info(text: string): void;
  warn(text: string): void;
}

/** What reading needs from its surroundings: a progress callback and a log that does not garble it. */
interface Leesomgeving {
  onProgress?: (bestand: string, regels: number) => void;
  log: Log;
}

/** Runs the read inside the caller's surroundings (on a TTY: a progress line); see metLeesvoortgang. */
export type Lezer = <T>(read: (omgeving: Leesomgeving) => Promise<T>) => Promise<T>;

export interface ScopeRunOptions<G> {
  /** The configuration with the command's options applied (signalen, notities, ...). */
  config: LoadedConfig;
  /** --periode as typed; checked before anything is read. Default: the latest complete quarter in the inputs. */
  periode?: string;
  /** The areas of the run (one scope, or a batch's list), resolved before anything is read. */
  gebied: (ref: Reference) => G | Promise<G>;
  /** The run only needs the figures (cter trends): keep only what counting needs of each signal (see runPipeline). */
  alleenTellen?: boolean;
}

interface ReadOptions {
  log: Log;
  /** Default: read without a progress display, messages to `log`. */
  lezer?: Lezer;
  /** Asks for the period when none was given (on a TTY), with the default filled in. */
  vraagPeriode?: (standaard: Periode) => Promise<Periode>;
}

export interface ScopeRun<G> {
  config: LoadedConfig;
  ref: Reference;
  gebied: G;
  invoer: PipelineResultaat;
  periode: Periode;
  /** The signals indexed once for the period's kind. */
  index: SignaalIndex;
  /** The rejected rows of both kinds of input, signals first. */
  afgewezen: AfgewezenRecord[];
  /** The figures of one area of the run, from the shared index. */
  cijfers(scope: Scope): ScopeCijfers;
}

export interface ScopeRunPlan<G> {
  ref: Reference;
  gebied: G;
  read(options: ReadOptions): Promise<ScopeRun<G>>;
}

/**
 * The period asked for, else the latest complete quarter in the inputs (asked on a TTY); warns when the inputs do not
 * cover it completely.
 */
async function choosePeriode(
  bereik: SignaalIndex['bereik'],
  gevraagd: Periode | undefined,
  { log, vraagPeriode }: Pick<ReadOptions, 'log' | 'vraagPeriode'>,
): Promise<Periode> {
  let periode = gevraagd;
  if (!periode && bereik) {
    const standaard = latestCompleteQuarter(bereik);
    periode = vraagPeriode ? await vraagPeriode(standaard.periode) : standaard.periode;
    if (!standaard.volledig && periode.code === standaard.periode.code) {
      log.warn(`de invoer bevat nog geen volledig kwartaal; ${periode.label} is niet compleet.`);
    }
  }
  if (!periode) throw new UsageError('geen signalen in de invoer: geef de periode op met --periode.');
  const gedekt = dekking(periode, bereik);
  if (gedekt === 'onvolledig') {
    log.warn(`${periode.label} is nog niet compleet in de invoer (laatste signaal ${bereik?.laatste}).`);
  }
  if (gedekt === 'geen') log.warn(`de invoer bevat geen signalen over ${periode.label}.`);
  return periode;
}

/** Step one: everything that needs no data. Errors in the period or the areas surface before any file is read. */
export async function prepareScopeRun<G>(options: ScopeRunOptions<G>): Promise<ScopeRunPlan<G>> {
  const { config } = options;
  const ref = loadReference(config.values);
  const gevraagd = options.periode === undefined ? undefined : parsePeriode(options.periode);
  const gebied = await options.gebied(ref);
  return {
    ref,
    gebied,
    async read({ log, lezer, vraagPeriode }: ReadOptions): Promise<ScopeRun<G>> {
      const { signalen, notities } = config.values;
      const lees: Lezer = lezer ?? ((read) => read({ log }));
      // The default period's kind is a quarter; counted while the signals are classified (runPipeline's indexeer). A
      // period of another kind, chosen afterwards, is indexed again (once) below.
      const soort = gevraagd?.soort ?? 'kwartaal';
      const invoer = await lees((omgeving) =>
        runPipelineGemeld(
          { signalen, notities, config, ref, onProgress: omgeving.onProgress, alleenTellen: options.alleenTellen, indexeer: soort },
          omgeving.log,
        ),
      );
      let index = invoer.index?.soort === soort ? invoer.index : indexSignals(invoer.telSignalen, soort);
      const periode = await choosePeriode(index.bereik, gevraagd, { log, vraagPeriode });
      if (index.soort !== periode.soort) index = indexSignals(invoer.telSignalen, periode.soort);
      return {
        config,
        ref,
        gebied,
        invoer,
        periode,
        index,
        afgewezen: [...invoer.ingest.signalen.afgewezen, ...invoer.ingest.notities.afgewezen],
        cijfers: (scope) => aggregateScope({ signalen: index, ref, scope, periode }),
      };
    },
  };
}
