import { installInterrupt } from './interrupt.js';
import { runCter } from './cter.js';
import { exitQuietlyOnClosedPipe } from '../util/io.js';

// One run per process: the exit code is left in process.exitCode, so pending output is flushed before the exit.
installInterrupt();
exitQuietlyOnClosedPipe();
await runCter(process.argv.slice(2));
