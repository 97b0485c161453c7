import { Command, CommanderError, Help } from 'commander';
import { EXIT, UsageError } from '../util/errors.js';
import { error } from '../util/io.js';

const TITLES: Record<string, string> = {
  'Usage:': 'Gebruik:',
  'Options:': 'Opties:',
  'Commands:': 'Opdrachten:',
  'Arguments:': 'Argumenten:',
  'Global Options:': 'Algemene opties:',
};

/** Commander's own parse errors, in Dutch. */
function translate(err: CommanderError): string {
  const m = err.message.replace(/^error: /, '');
  const quoted = /'([^']+)'/.exec(m)?.[1] ?? '';
  switch (err.code) {
    case 'commander.unknownOption':
      return `onbekende optie '${quoted}'. Zie 'cter <opdracht> --help'.`;
    case 'commander.unknownCommand':
      return `onbekende opdracht '${quoted}'. Zie 'cter --help'.`;
    case 'commander.optionMissingArgument':
      return `optie '${quoted}' mist een waarde.`;
    case 'commander.missingArgument':
      return `argument '${quoted}' ontbreekt.`;
    case 'commander.missingMandatoryOptionValue':
      return `verplichte optie '${quoted}' ontbreekt.`;
    case 'commander.excessArguments':
      return `te veel argumenten. Zie 'cter <opdracht> --help'.`;
    case 'commander.invalidArgument':
      return m.replace(/^option /, 'optie ').replace('argument', 'waarde').replace(' is invalid.', ' is ongeldig.');
    case 'commander.conflictingOption': {
      const [first, second] = [...m.matchAll(/'([^']+)'/g)].map((match) => match[1]);
      return `optie '${first}' gaat niet samen met optie '${second}'.`;
    }
    default:
      return m;
  }
}

/** Commander's generated usage words ("[options]", "[command]"), in Dutch. */
function dutchUsage(text: string): string {
  return text.replace('[options]', '[opties]').replace('[command]', '[opdracht]');
}

/**
 * Dutch help, Dutch errors, exit code 2 for usage errors; applied to the program and inherited by its commands.
 * Commander's exits (help, version, parse errors) are thrown as a CommanderError carrying our exit code, never
 * process.exit: runCter (cli/cter.ts) returns it, so the program can also run in-process.
 */
export function dutch(cmd: Command): Command {
  return cmd
    .helpOption('-h, --help', 'toon deze hulp')
    .configureHelp({
      styleTitle: (title) => TITLES[title] ?? title,
      showGlobalOptions: false,
      commandUsage: (c) => dutchUsage(Help.prototype.commandUsage.call(new Help(), c)),
      subcommandTerm: (c) => dutchUsage(Help.prototype.subcommandTerm.call(new Help(), c)),
    })
    .configureOutput({ outputError: () => undefined })
    .exitOverride((err) => {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') {
        throw new CommanderError(EXIT.OK, err.code, err.message);
      }
      error(translate(err));
      throw new CommanderError(EXIT.USAGE, err.code, err.message);
    });
}

/** Parses a positive whole number option value with a Dutch error. */
export function positiveInt(name: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1) throw new UsageError(`optie ${name}: '${value}' is geen positief geheel getal.`);
    return n;
  };
}

/** Parses an option value that must be one of `values`, with a Dutch error. */
export function oneOf<T extends string>(name: string, values: readonly T[]) {
  return (value: string): T => {
    if ((values as readonly string[]).includes(value)) return value as T;
    throw new UsageError(`optie ${name}: '${value}' is ongeldig; kies uit ${values.join(', ')}.`);
  };
}
