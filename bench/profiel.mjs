// Reads a V8 CPU profile (node --cpu-prof) and says where the time went: self time per function (file:line function)
// and inclusive time per source file, as shares of the sampled total. Used by `npm run bench -- --profiel`, or alone:
//   node bench/profiel.mjs <file.cpuprofile> [aantal]
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

function where(frame) {
  const url = frame.url.startsWith('file://') ? relative(ROOT, fileURLToPath(frame.url)) : frame.url || '(native)';
  return { file: url, label: `${url}:${frame.lineNumber + 1} ${frame.functionName || '(anoniem)'}` };
}

/** Top functions by self time and top files by inclusive time (a file counts once per sample stack). */
export function summarise(profile, top = 15) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const deltas = profile.timeDeltas;
  const self = new Map();
  const files = new Map();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const ms = (deltas[i] ?? 0) / 1000;
    total += ms;
    const node = byId.get(id);
    const { label } = where(node.callFrame);
    self.set(label, (self.get(label) ?? 0) + ms);
    const seen = new Set();
    for (let n = id; n !== undefined; n = parent.get(n)) {
      const { file } = where(byId.get(n).callFrame);
      if (!seen.has(file)) {
        seen.add(file);
        files.set(file, (files.get(file) ?? 0) + ms);
      }
    }
  });
  const rank = (map) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([naam, ms]) => ({ naam, ms: Math.round(ms), aandeel: Math.round((ms / total) * 1000) / 10 }));
  return { totaalMs: Math.round(total), zelf: rank(self), bestanden: rank(files) };
}

export function summaryText(s) {
  const line = (r) => `  ${String(r.aandeel).padStart(5)}%  ${String(r.ms).padStart(7)} ms  ${r.naam}`;
  return [
    `Profiel: ${s.totaalMs} ms bemonsterd.`,
    'Eigen tijd per functie:',
    ...s.zelf.map(line),
    'Tijd per bestand (inclusief aanroepen):',
    ...s.bestanden.filter((b) => b.naam.startsWith('dist/') || b.naam.startsWith('node_modules/')).map(line),
  ].join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [file, top] = process.argv.slice(2);
  process.stdout.write(`${summaryText(summarise(JSON.parse(readFileSync(file, 'utf8')), Number(top ?? 15)))}\n`);
}
