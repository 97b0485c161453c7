// Draws the report's map as inline SVG (vector: sharp in print, text stays text in the tagged PDF). Boundaries:
// data/reference/gemeentegrenzen-2025.topojson, in RD (planar metres, y pointing north), so no map projection: an
// identity transform with the y axis flipped, fitted to the drawing area (d3-geo), turns them into SVG paths.

import { geoIdentity, geoPath } from 'd3-geo';
import { readFileSync } from 'node:fs';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { reportTheme } from './theme.js';
import type { Kaart, KaartGemeente } from './model-types.js';

const GRENZEN = new URL('../../data/reference/gemeentegrenzen-2025.topojson', import.meta.url);

type Grenzen = Topology<{ gemeenten: GeometryCollection<{ naam: string }> }>;
let grenzen: Grenzen | undefined;

function loadGrenzen(): Grenzen {
  grenzen ??= JSON.parse(readFileSync(GRENZEN, 'utf8')) as Grenzen;
  return grenzen;
}

/** The boundaries of these gemeenten (by CBS code) as GeoJSON features; codes without a boundary are left out. */
export function gemeenteGrenzen(codes: readonly string[]): FeatureCollection<Geometry, { naam: string }> {
  const topo = loadGrenzen();
  const wanted = new Set(codes);
  const collection: GeometryCollection<{ naam: string }> = {
    type: 'GeometryCollection',
    geometries: topo.objects.gemeenten.geometries.filter((g) => wanted.has(String(g.id))),
  };
  return feature(topo, collection) as FeatureCollection<Geometry, { naam: string }>;
}

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Average glyph width of Liberation Sans relative to the font size, for deciding whether a name fits. */
const GLYPH = 0.56;

export interface GetekendeKaart {
  svg: string;
  /** Per gemeente (order of kaart.gemeenten): null when its name fits on the map, else its number there. */
  nummers: (number | null)[];
}

function fill(kaart: Kaart, g: KaartGemeente): string {
  if (kaart.soort === 'ligging') return g.focus ? '#1f3a5f' : '#dfe4ea';
  return g.klasse === null ? 'url(#kaart-arcering)' : kaart.klassen[g.klasse]!.kleur;
}

function textColour(kaart: Kaart, g: KaartGemeente): string {
  if (kaart.soort === 'ligging') return g.focus ? '#ffffff' : '#3b4653';
  if (g.klasse === null) return '#111111';
  const hex = kaart.klassen[g.klasse]!.kleur;
  const [r, gr, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return 0.299 * r! + 0.587 * gr! + 0.114 * b! < 140 ? '#ffffff' : '#111111';
}

/**
 * The map as an SVG element `width` CSS pixels wide and as high as the area's shape needs (at most `maxHeight`). Each gemeente is a path with its accessible name and
 * value (role img, aria-label and title); names are drawn where they fit, otherwise a number that the list beside the
 * map explains.
 */
export function kaartSvg(kaart: Kaart, width: number, maxHeight: number): GetekendeKaart {
  const collection = gemeenteGrenzen(kaart.gemeenten.map((g) => g.code));
  const byCode = new Map(collection.features.map((f) => [String(f.id), f as Feature<Geometry, { naam: string }>]));
  // Fit the width first; the height follows the area's shape, up to `maxHeight`.
  const M = 4;
  const projection = geoIdentity().reflectY(true).fitSize([width - 2 * M, 100 * width], collection);
  const [[, top], [, bottom]] = geoPath(projection).bounds(collection);
  const height = Math.min(maxHeight, Math.ceil(bottom - top) + 2 * M);
  projection.fitExtent(
    [
      [M, M],
      [width - M, height - M],
    ],
    collection,
  );
  const path = geoPath(projection);
  const shapes: string[] = [];
  const labels: string[] = [];
  const nummers: (number | null)[] = [];
  let volgnummer = 0;
  const placed: [number, number, number, number][] = [];
  const overlaps = (box: [number, number, number, number]) =>
    placed.some(([a0, b0, a1, b1]) => box[0] < a1 && box[2] > a0 && box[1] < b1 && box[3] > b0);
  kaart.gemeenten.forEach((g) => {
    const f = byCode.get(g.code);
    if (!f) {
      nummers.push(null);
      return;
    }
    const d = path(f) ?? '';
    const label = escape(g.label);
    shapes.push(
      `<path d="${d}" fill="${fill(kaart, g)}" stroke="#ffffff" stroke-width="${g.focus ? 1.6 : 1}" role="img" aria-label="${label}"><title>${label}</title></path>`,
    );
    const [[x0, y0], [x1, y1]] = path.bounds(f);
    const [cx, cy] = path.centroid(f);
    const size = kaart.soort === 'ligging' && !g.focus ? 9 : 10.5;
    const half = (g.naam.length * GLYPH * size) / 2;
    const box: [number, number, number, number] = [cx - half, cy - size * 0.7, cx + half, cy + size * 0.7];
    const fits = half * 2 < (x1 - x0) * 0.85 && size * 1.4 < (y1 - y0) * 0.6 && !overlaps(box);
    if (fits) placed.push(box);
    const colour = textColour(kaart, g);
    const style = `font-family:${reportTheme().lettertype};font-size:${size}px;fill:${colour}`;
    if (fits) {
      nummers.push(null);
      labels.push(
        `<text x="${cx.toFixed(1)}" y="${cy.toFixed(1)}" text-anchor="middle" dominant-baseline="middle" aria-hidden="true" style="${style};font-weight:${g.focus ? 'bold' : 'normal'}">${escape(g.naam)}</text>`,
      );
    } else {
      volgnummer += 1;
      nummers.push(volgnummer);
      labels.push(
        `<text x="${cx.toFixed(1)}" y="${cy.toFixed(1)}" text-anchor="middle" dominant-baseline="middle" aria-hidden="true" style="${style};font-weight:bold">${volgnummer}</text>`,
      );
    }
  });
  const arcering =
    '<defs><pattern id="kaart-arcering" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">' +
    '<rect width="6" height="6" fill="#ffffff"/><line x1="0" y1="0" x2="0" y2="6" stroke="#8a94a0" stroke-width="2"/></pattern></defs>';
  const svg =
    `<svg class="kaart-svg" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="group" aria-label="${escape(kaart.titel)}">` +
    `<title>${escape(kaart.titel)}</title>${arcering}<g>${shapes.join('')}</g><g>${labels.join('')}</g></svg>`;
  return { svg, nummers };
}
