#!/usr/bin/env node
// Prepares the map boundaries shipped with cter (data/reference/gemeentegrenzen-2025.topojson) from the CBS/PDOK
// gemeentegrenzen 2025 as TopoJSON in RD (planar metres): keeps the 342 gemeenten of data/reference/gemeenten.csv and,
// per gemeente, only its CBS code (id) and name; the arcs (shared borders) stay as they are. Deterministic.
//
//   node scripts/gen-grenzen.mjs <bron.topojson> [doel]     (bron: e.g. ../shared/reference/gemeente_2025_rd.topojson)
//
// Source: CBS/PDOK gebiedsindelingen, CC BY 4.0, credit "Bron: CBS, PDOK".
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const [bron, doel = join(ROOT, 'data/reference/gemeentegrenzen-2025.topojson')] = process.argv.slice(2);
if (!bron) {
  console.error('gebruik: node scripts/gen-grenzen.mjs <bron.topojson> [doel]');
  process.exit(2);
}
const topo = JSON.parse(readFileSync(bron, 'utf8'));
const codes = new Set(
  readFileSync(join(ROOT, 'data/reference/gemeenten.csv'), 'utf8')
    .split('\n')
    .slice(1)
    .map((line) => line.split(',')[0])
    .filter(Boolean),
);
const object = topo.objects.gemeente_2025;
const geometries = object.geometries
  .filter((g) => codes.has(g.properties.statcode))
  .map((g) => ({ type: g.type, arcs: g.arcs, id: g.properties.statcode, properties: { naam: g.properties.statnaam } }))
  .sort((a, b) => (a.id < b.id ? -1 : 1));
const missing = [...codes].filter((c) => !geometries.some((g) => g.id === c));
if (missing.length > 0) {
  console.error(`geen grens voor: ${missing.join(', ')}`);
  process.exit(1);
}
const out = {
  type: 'Topology',
  bron: 'CBS/PDOK gebiedsindelingen, gemeentegrenzen 2025 (gegeneraliseerd), CC BY 4.0: Bron: CBS, PDOK',
  ...(topo.bbox ? { bbox: topo.bbox } : {}),
  ...(topo.transform ? { transform: topo.transform } : {}),
  objects: { gemeenten: { type: 'GeometryCollection', geometries } },
  arcs: topo.arcs,
};
writeFileSync(doel, `${JSON.stringify(out)}\n`);
console.error(`${geometries.length} gemeenten -> ${doel}`);
