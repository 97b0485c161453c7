#!/usr/bin/env node
// Part of the build (scripts/build.sh, after tsc): writes the built-in text model (data/tekstmodel.json) in its compact
// form, dist/tekstmodel.bin, which every command that classifies loads in a fraction of the time the JSON takes to
// parse and index. Without it (or when it was made from another version of the JSON) cter reads the JSON as before.
import { writeCompactModel } from '../dist/classify/tekstmodel.js';

if (!(await writeCompactModel())) {
  process.stderr.write('build: het tekstmodel heeft tellingen die geen gehele getallen zijn; geen compacte vorm, cter leest de JSON.\n');
}
