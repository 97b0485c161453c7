#!/usr/bin/env node
// Generates a large, fictional police-style signal export for the streaming test and the benchmark: Windows-style
// UTF-8 with BOM, `;`, CRLF, Excel's `sep=;` line, quoted texts with `;`, doubled quotes and line breaks, one unknown
// column, and a small share of deliberately bad rows (a date that does not exist, an unknown gemeente).
// Deterministic: the same arguments give the same bytes.
//
//   node scripts/gen-signalen.mjs <pad> [--regels 1000000] [--seed 42] [--fout 0.001]
//
// Also importable: `generateSignalen(path, { regels, seed, fout })` resolves with the counts it wrote.
// Plain Node ESM without dependencies, written as a stream: the generator itself never holds the file in memory.
import { once } from 'node:events';
import { createWriteStream, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The 32 gemeenten of the Noord-Holland police unit (VR10-VR12), from the project's reference data. */
function noordHolland() {
  const [, ...rows] = readFileSync(resolve(ROOT, 'data/reference/gemeenten.csv'), 'utf8').trim().split(/\r?\n/);
  return rows
    .map((line) => line.match(/("[^"]*"|[^,]*)(,|$)/g).map((cell) => cell.replace(/,$/, '').replace(/^"|"$/g, '')))
    .filter(([, , vr]) => ['VR10', 'VR11', 'VR12'].includes(vr))
    .map(([, naam]) => naam);
}

/** xorshift32: tiny, fast and the same on every platform. */
function xorshift(seed) {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4294967296;
  };
}

const HEADER = ['Registratienummer', 'Datum melding', 'Gemeentenaam', 'Melder', 'Beoordeling', 'Soort signaal', 'Categorie', 'Toelichting', 'Persoon ID', 'Team'];
const MELDERS = ['Politie', 'ZVH', 'School', 'Jeugdzorg', 'Online monitoring', 'Sleutelfiguur', 'Burger'];
const CODES = ['A1', 'B2', 'b-2', 'C3', 'B/3', 'D4', 'E5', 'F6', ''];
const TYPES = ['Online uiting', 'Gedragsverandering', 'Graffiti', 'Demonstratie', 'Incident', 'Dreiging'];
const LABELS = ['', '', '', 'Extreemrechts', 'Jihadistisch', 'Anti-overheid', 'Polarisatie', 'Klimaatactivisme'];
const TEXTS = [
  'Sticker aangetroffen bij het station; melder maakte foto',
  'Bericht in besloten groep: "ze gaan het merken"',
  'Leerling uit zich negatief over "het systeem"; docent maakt zich zorgen',
  'Spandoek bij gemeentehuis; tekst verwijderd',
  'Melding via wijkagent\nbuurtbewoners ongerust',
  'Online oproep tot blokkade; ca. 40 deelnemers verwacht',
];
const TEAMS = ['Noord', 'Zuid', 'Oost', 'West'];

const p2 = (n) => String(n).padStart(2, '0');
const quote = (v) => (/[;"\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

export async function generateSignalen(path, { regels = 1_000_000, seed = 42, fout = 0.001 } = {}) {
  const random = xorshift(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const gemeenten = noordHolland();
  const out = createWriteStream(path);
  const write = async (text) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write(`\uFEFFsep=;\r\n${HEADER.join(';')}\r\n`);
  let bad = 0;
  for (let i = 1; i <= regels; i++) {
    const broken = random() < fout;
    if (broken) bad++;
    const day = 1 + Math.floor(random() * 28);
    const month = 1 + Math.floor(random() * 12);
    const datum = broken && i % 2 === 0 ? `31-02-2025` : `${p2(day)}-${p2(month)}-${2024 + (i % 2)} ${p2(Math.floor(random() * 24))}:${p2(Math.floor(random() * 60))}`;
    const gemeente = broken && i % 2 === 1 ? 'Atlantis' : pick(gemeenten);
    const row = [
      `PNH-${String(i).padStart(7, '0')}`,
      datum,
      gemeente,
      pick(MELDERS),
      pick(CODES),
      pick(TYPES),
      pick(LABELS),
      `${pick(TEXTS)} (${i})`,
      random() < 0.6 ? `P-${Math.floor(random() * 200_000)}` : '',
      pick(TEAMS),
    ];
    await write(`${row.map(quote).join(';')}\r\n`);
  }
  out.end();
  await once(out, 'finish');
  return { regels, fout: bad };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [path, ...rest] = process.argv.slice(2);
  if (!path) {
    process.stderr.write('gebruik: node scripts/gen-signalen.mjs <pad> [--regels N] [--seed S] [--fout fractie]\n');
    process.exit(2);
  }
  const option = (name, fallback) => {
    const i = rest.indexOf(`--${name}`);
    return i === -1 ? fallback : Number(rest[i + 1]);
  };
  const counts = await generateSignalen(path, { regels: option('regels', 1_000_000), seed: option('seed', 42), fout: option('fout', 0.001) });
  process.stderr.write(`${path}: ${counts.regels} signalen geschreven, waarvan ${counts.fout} bewust fout.\n`);
}
