/**
 * A schematic map of the areas by their own warning: each substation where the scenario places it
 * (km east and north), joined to the area above it, coloured by the worst level of its own gap
 * (import capacity) with the level's numeral on it, so that a dispatcher sees where the trouble is,
 * which the tree of names alone does not show. Districts and cities are labelled at their place.
 * Every warned substation can be focused, saying its name and level; the system's own level is
 * written above the map (it covers every area).
 */
import * as d3 from 'd3';
import { LEVEL_COLOURS, LEVEL_INK } from '../palette.ts';

export interface MapArea {
  id: string;
  name: string;
  kind: string;
  parent: string | null;
  xKm: number;
  yKm: number;
  /** The worst level of the area's own gap over the horizon (0 none … 4 = I). */
  level: number;
}

export interface AreaMapOptions {
  areas: MapArea[];
  /** Level names by index ("no warning", "IV blue", …). */
  levelNames: string[];
  /** Roman numerals by index ('' for none). */
  numerals: string[];
  labels: { system: string; scale: string };
  systemLevel: number;
  width?: number;
}

export function areaMap(o: AreaMapOptions): SVGSVGElement {
  const width = o.width ?? 900, height = Math.max(280, Math.min(520, Math.round(width * 0.45)));
  const margin = { top: 30, right: 24, bottom: 24, left: 24 };
  const xs = o.areas.map((a) => a.xKm), ys = o.areas.map((a) => a.yKm);
  const [x0, x1] = [Math.min(...xs), Math.max(...xs)], [y0, y1] = [Math.min(...ys), Math.max(...ys)];
  // One km is as long east as north: the larger span sets the scale.
  const span = Math.max(1, x1 - x0, y1 - y0);
  const k = Math.min((width - margin.left - margin.right) / Math.max(1, x1 - x0 || span), (height - margin.top - margin.bottom) / Math.max(1, y1 - y0 || span));
  const cx = (width - (x1 - x0) * k) / 2, cy = (height + margin.top - margin.bottom - (y1 - y0) * k) / 2;
  const px = (a: MapArea) => cx + (a.xKm - x0) * k, py = (a: MapArea) => cy + (y1 - a.yKm) * k;
  const byId = new Map(o.areas.map((a) => [a.id, a]));
  const svg = d3.create('svg').attr('viewBox', `0 0 ${width} ${height}`).attr('width', width).attr('height', height).attr('class', 'area-map').attr('role', 'group');
  svg.append('text').attr('class', 'map-system').attr('x', margin.left).attr('y', 18).text(`${o.labels.system}: ${o.levelNames[o.systemLevel]}`);
  // The links to the area above: the schematic's lines.
  svg.append('g').attr('class', 'map-links').selectAll('line').data(o.areas.filter((a) => a.parent && byId.has(a.parent))).join('line')
    .attr('x1', (a) => px(a)).attr('y1', (a) => py(a)).attr('x2', (a) => px(byId.get(a.parent!)!)).attr('y2', (a) => py(byId.get(a.parent!)!));
  const middle = o.areas.filter((a) => a.kind !== 'substation' && a.parent !== null);
  svg.append('g').attr('class', 'map-middle').selectAll('text').data(middle).join('text').attr('x', (a) => px(a)).attr('y', (a) => py(a) - 8).attr('text-anchor', 'middle').text((a) => a.name);
  // Substations, warned ones last (on top) and larger, with their numeral.
  const subs = o.areas.filter((a) => a.kind === 'substation').sort((a, b) => a.level - b.level);
  const g = svg.append('g').attr('class', 'map-substations').selectAll('g').data(subs).join('g')
    .attr('class', (a) => `map-area${a.level > 0 ? ' warned' : ''}`).attr('data-area', (a) => a.id).attr('data-level', (a) => a.level)
    .attr('transform', (a) => `translate(${px(a)},${py(a)})`);
  g.filter((a) => a.level > 0).attr('tabindex', 0).attr('role', 'img').attr('aria-label', (a) => `${a.name} — ${o.levelNames[a.level]}`);
  g.append('title').text((a) => `${a.name} — ${o.levelNames[a.level]}`);
  g.append('circle').attr('r', (a) => (a.level > 0 ? 11 : 5)).attr('fill', (a) => LEVEL_COLOURS[a.level]);
  g.filter((a) => a.level > 0).append('text').attr('class', 'map-numeral').attr('y', 4).attr('text-anchor', 'middle').attr('fill', (a) => LEVEL_INK[a.level]).text((a) => o.numerals[a.level]);
  // Names: every warned one; the others too where few enough to read (a city's 40, not a province's 400).
  const named = subs.length <= 40 ? g : g.filter((a) => a.level > 0);
  named.append('text').attr('class', (a) => (a.level > 0 ? 'map-name' : 'map-name quiet')).attr('x', (a) => (a.level > 0 ? 14 : 8)).attr('y', 4).text((a) => a.name);
  // The root where it is placed: a small square with its name.
  const root = o.areas.find((a) => a.parent === null);
  if (root) {
    const r = svg.append('g').attr('class', 'map-root').attr('transform', `translate(${px(root)},${py(root)})`);
    r.append('rect').attr('x', -4).attr('y', -4).attr('width', 8).attr('height', 8);
    r.append('text').attr('x', 8).attr('y', -6).text(root.name);
  }
  // A scale bar: 10 km, or a round distance that fits.
  const km = [1, 2, 5, 10, 20, 50, 100, 200, 500].find((d) => d * k >= 60) ?? 1000;
  const bar = svg.append('g').attr('class', 'map-scale').attr('transform', `translate(${width - margin.right - km * k},${height - 10})`);
  bar.append('line').attr('x1', 0).attr('x2', km * k).attr('y1', 0).attr('y2', 0);
  bar.append('text').attr('x', (km * k) / 2).attr('y', -4).attr('text-anchor', 'middle').text(`${km} km${o.labels.scale ? ` ${o.labels.scale}` : ""}`);
  return svg.node()!;
}
