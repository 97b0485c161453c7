// The cter program: every command registered on a fresh commander program, run on an argument list. bin/cter runs
// it through main.ts (one run per process); the tests run it in-process too (tests/e2e/init-cli.ts), so nothing here
// may end the process: parse errors and --help come back as an exit code instead of process.exit.
import { Command, CommanderError } from 'commander';
import { EXIT } from '../util/errors.js';
import { cterVersie } from '../util/package.js';
import { dutch } from './program.js';
import { reportError } from './action.js';
import { registerValideer } from './valideer.js';
import { registerConfig } from './config.js';
import { registerInit } from './init.js';
import { registerReview } from './review.js';
import { registerTrends } from './trends.js';
import { registerBeeld } from './beeld.js';
import { registerDuiding } from './duiding.js';
import { registerBatch } from './batch.js';
import { registerKwartaal } from './kwartaal.js';
import { registerClassificeer } from './classificeer.js';
import { registerGebieden } from './gebieden.js';

/**
 * A new program with every command. Registration modules stay light (commander only); each action imports its heavy
 * pipeline lazily, so `cter --help` starts fast.
 */
function createProgram(): Command {
  const program = dutch(new Command('cter'))
    .description('Lokaal beeld CTER: van signaalexports naar een betrouwbaar lokaal beeld (PDF, JSON, trends).')
    .version(cterVersie(), '-V, --version', 'toon het versienummer')
    .helpCommand('help [opdracht]', 'toon hulp bij een opdracht')
    .showSuggestionAfterError(false);
  for (const register of [registerValideer, registerInit, registerConfig, registerBeeld, registerDuiding, registerBatch, registerKwartaal, registerClassificeer, registerTrends, registerReview, registerGebieden]) register(program);
  return program;
}

/** Runs cter on `args` (without node and the script), sets process.exitCode and returns it. */
export async function runCter(args: readonly string[]): Promise<number> {
  try {
    await createProgram().parseAsync([...args], { from: 'user' });
  } catch (err) {
    // `dutch()` turns commander's own exits (help, version, parse errors) into a CommanderError with our exit code.
    process.exitCode = err instanceof CommanderError ? err.exitCode : reportError(err);
  }
  return Number(process.exitCode ?? EXIT.OK);
}
