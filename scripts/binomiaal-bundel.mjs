#!/usr/bin/env node
// Part of the build (scripts/build.sh, after tsc): bundles stdlib's binomial pmf and cdf, which src/aggregate/stats.ts
// computes its p-values with, into one file, dist/binomiaal.cjs. The packages are some 370 small modules; loading them
// one by one costs a command that tests changes about 0.2 s of CPU, the one file a sixth of that. The bundle is the
// packages' own code (rolldown only joins and minifies it) and names the versions it was made from: cter uses it only
// while those are the installed versions, and loads the packages otherwise. Without rolldown (an install without
// development packages) there is no bundle, and cter loads the packages.
import { createRequire } from 'node:module';
import { rename, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const PAKKETTEN = ['@stdlib/stats-base-dists-binomial-pmf', '@stdlib/stats-base-dists-binomial-cdf'];
const DOEL = fileURLToPath(new URL('../dist/binomiaal.cjs', import.meta.url));
const INGANG = fileURLToPath(new URL('../dist/.binomiaal-ingang.cjs', import.meta.url));

let rolldown;
try {
  rolldown = await import('rolldown');
} catch {
  process.stderr.write('build: rolldown ontbreekt (geen ontwikkelpakketten); cter laadt de binomiale verdeling uit de losse pakketten.\n');
  await rm(DOEL, { force: true });
  process.exit(0);
}

const require = createRequire(import.meta.url);
const versies = Object.fromEntries(PAKKETTEN.map((p) => [p, require(`${p}/package.json`).version]));
await writeFile(
  INGANG,
  `module.exports = { pmf: require(${JSON.stringify(PAKKETTEN[0])}), cdf: require(${JSON.stringify(PAKKETTEN[1])}), versies: ${JSON.stringify(versies)} };\n`,
);
try {
  await rolldown.build({
    input: INGANG,
    platform: 'node',
    logLevel: 'warn',
    output: { file: `${DOEL}.tmp`, format: 'cjs', minify: true },
  });
  await rename(`${DOEL}.tmp`, DOEL);
} finally {
  await rm(INGANG, { force: true });
  await rm(`${DOEL}.tmp`, { force: true });
}
