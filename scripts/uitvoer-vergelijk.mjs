#!/usr/bin/env node
// Guard for performance work (issue 13): cter's output must stay byte for byte the same. Saves the output of the
// data commands on the shipped sample data and on a generated export (with bad rows and duplicates), and later
// compares a new build against that baseline.
//
//   node scripts/uitvoer-vergelijk.mjs opslaan <map>     run bin/cter (dist/) and save every output in <map>
//   node scripts/uitvoer-vergelijk.mjs vergelijk <map>   run again and compare with <map>; exit code 1 on a difference
//
// Compared: stdout and stderr of each command, and the files a command writes. The one field that changes by itself
// is the report JSON's `gegenereerd` block (iso, tekst, datum: the moment the report was made), replaced by a marker
// before comparing; everything else must be identical.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateSignalen } from './gen-signalen.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CTER = join(ROOT, 'bin/cter');
const SAMPLES = join(ROOT, 'data-samples');
const REGIO = 'Politie-eenheid Noord-Holland';

/** The report's generation moment, the only field that differs between two identical runs. */
const normalise = (text) => text.replace(/"gegenereerd": \{[^}]*\}/g, '"gegenereerd": "<moment>"');

async function cases(werk) {
  const gegenereerd = join(werk, 'signalen-20000.csv');
  if (!existsSync(gegenereerd)) await generateSignalen(gegenereerd, { regels: 20_000, seed: 7, fout: 0.01 });
  const beeld = join(werk, 'beeld');
  return [
    { naam: 'trends-json', argv: ['trends', '--formaat', 'json'] },
    { naam: 'trends-alle-csv', argv: ['trends', '--alle', '--formaat', 'csv'] },
    { naam: 'trends-zaanstad-md', argv: ['trends', '--gemeente', 'Zaanstad', '--formaat', 'md'] },
    { naam: 'classificeer-json', argv: ['classificeer', '--formaat', 'json'] },
    { naam: 'classificeer-omschrijving', argv: ['classificeer', '--met-omschrijving', '--formaat', 'csv'] },
    // beeld writes the report to --uit and the rejected rows to prive/ beside the configuration.
    { naam: 'beeld-zaanstad-json', argv: ['beeld', '--gemeente', 'Zaanstad', '--formaat', 'json', '--uit', beeld], mappen: [beeld, join(SAMPLES, 'prive')] },
    { naam: 'gen-trends-json', argv: ['trends', '--regio', REGIO, '--alle', '--signalen', gegenereerd, '--formaat', 'json'] },
    { naam: 'gen-classificeer-json', argv: ['classificeer', '--signalen', gegenereerd, '--formaat', 'json'] },
  ];
}

/** Runs every case and returns name -> text (stdout, stderr, exit code and written files). */
async function outputs(werk) {
  const result = new Map();
  for (const c of await cases(werk)) {
    for (const map of c.mappen ?? []) await rm(map, { recursive: true, force: true });
    const r = spawnSync(process.execPath, [CTER, ...c.argv], {
      cwd: SAMPLES,
      encoding: 'utf8',
      maxBuffer: 1 << 30,
      env: { ...process.env, NO_COLOR: '1' },
    });
    const stderr = r.stderr.replaceAll(werk, '<werk>');
    result.set(`${c.naam}.stdout`, r.stdout.replaceAll(werk, '<werk>'));
    result.set(`${c.naam}.stderr`, `afsluitcode ${r.status}\n${stderr}`);
    for (const map of c.mappen ?? []) {
      for (const file of (await readdir(map)).sort()) {
        result.set(`${c.naam}.${file}`, normalise(await readFile(join(map, file), 'utf8')));
      }
      await rm(map, { recursive: true, force: true });
    }
  }
  return result;
}

async function main() {
  const [mode, map] = process.argv.slice(2);
  if (!['opslaan', 'vergelijk'].includes(mode) || !map) {
    process.stderr.write('gebruik: node scripts/uitvoer-vergelijk.mjs (opslaan|vergelijk) <map>\n');
    process.exit(2);
  }
  const werk = await mkdtemp(join(tmpdir(), 'cter-vergelijk-'));
  try {
    const nu = await outputs(werk);
    if (mode === 'opslaan') {
      await mkdir(map, { recursive: true });
      for (const [naam, text] of nu) await writeFile(join(map, naam), text);
      process.stderr.write(`${nu.size} uitvoerbestanden opgeslagen in ${map}\n`);
      return;
    }
    const verschillen = [];
    const eerder = new Set(await readdir(map));
    for (const [naam, text] of nu) {
      if (!eerder.has(naam)) verschillen.push(`${naam}: nieuw (niet in de basis)`);
      else if ((await readFile(join(map, naam), 'utf8')) !== text) verschillen.push(`${naam}: verschilt`);
      eerder.delete(naam);
    }
    for (const naam of eerder) verschillen.push(`${naam}: ontbreekt`);
    if (verschillen.length) {
      process.stderr.write(`${verschillen.join('\n')}\n`);
      process.exit(1);
    }
    process.stderr.write(`${nu.size} uitvoerbestanden byte voor byte gelijk aan ${map}\n`);
  } finally {
    await rm(werk, { recursive: true, force: true });
  }
}

await main();
