import { installInterrupt } from './interrupt.js';
import { runCter } from './cter.js';

// One run per process: the exit code is left in process.exitCode, so pending output is flushed before the exit.
installInterrupt();
await runCter(process.argv.slice(2));
