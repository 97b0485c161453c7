import { Command } from 'commander';
import { cterVersie } from '../util/package.js';
import { installInterrupt } from './interrupt.js';
import { dutch } from './program.js';
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


// Registration modules stay light (commander only); each action imports its heavy pipeline lazily,
// so `cter --help` starts fast.
const program = dutch(new Command('cter'))
  .description('Lokaal beeld CTER: van signaalexports naar een betrouwbaar lokaal beeld (PDF, JSON, trends).')
  .version(cterVersie(), '-V, --version', 'toon het versienummer')
  .helpCommand('help [opdracht]', 'toon hulp bij een opdracht')
  .showSuggestionAfterError(false);

for (const register of [registerValideer, registerInit, registerConfig, registerBeeld, registerDuiding, registerBatch, registerKwartaal, registerClassificeer, registerTrends, registerReview, registerGebieden]) register(program);

installInterrupt();
await program.parseAsync(process.argv);
