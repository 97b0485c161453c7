#!/usr/bin/env node
// Part of the build (scripts/build.sh, after tsc): writes dist/stammen.json, the Dutch stems of every word of the
// built-in taxonomy (data/taxonomie.json). Every command that classifies compiles the taxonomy first; with these
// stems ready (src/classify/stem.ts fills its cache with them) it does not stem two thousand words at each start.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { stammen } from '../dist/classify/stem.js';
import { tokenize } from '../dist/classify/text.js';
import { writeFileAtomic } from '../dist/util/atomic-write.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const taxonomie = await readFile(`${ROOT}data/taxonomie.json`, 'utf8');
// Every string of the file, as the taxonomy's terms and signal texts are split into words.
const woorden = [...new Set(tokenize(taxonomie).lower)].sort();
await writeFileAtomic(`${ROOT}dist/stammen.json`, `${JSON.stringify(stammen(woorden))}\n`);
