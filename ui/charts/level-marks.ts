/**
 * How a warning level is drawn wherever it appears (the hourly strip, the energy days, the
 * legend): its colour (ui/palette.ts), a pattern of its own — none, sparse dots, one-way hatch,
 * cross-hatch, solid bars — and its numeral, so that no one needs to tell the colours apart.
 */
import type * as d3 from 'd3';
import { LEVEL_COLOURS, LEVEL_INK } from '../palette.ts';

type Selection = d3.Selection<SVGSVGElement, undefined, null, undefined>;

/**
 * Adds the level patterns to `svg`; returns the fill of level k's overlay. `key` names the chart
 * on the page ("outlook", "local-S03"): ids must not clash between charts (two charts of one key
 * draw the same patterns, so a clash there is harmless).
 */
export function levelPatterns(svg: Selection, key: string): (k: number) => string {
  const id = `lvl-${key.replace(/[^\w-]/g, '_')}`;
  const defs = svg.append('defs');
  const ink = (k: number) => (LEVEL_INK[k] === '#ffffff' ? '#ffffff88' : '#0b111877');
  // IV: dots.
  const p1 = defs.append('pattern').attr('id', `${id}-1`).attr('width', 6).attr('height', 6).attr('patternUnits', 'userSpaceOnUse');
  p1.append('circle').attr('cx', 3).attr('cy', 3).attr('r', 1).attr('fill', ink(1));
  // III: one-way hatch.
  const p2 = defs.append('pattern').attr('id', `${id}-2`).attr('width', 6).attr('height', 6).attr('patternUnits', 'userSpaceOnUse').attr('patternTransform', 'rotate(45)');
  p2.append('line').attr('x1', 0).attr('y1', 0).attr('x2', 0).attr('y2', 6).attr('stroke', ink(2)).attr('stroke-width', 1.5);
  // II: cross-hatch.
  const p3 = defs.append('pattern').attr('id', `${id}-3`).attr('width', 6).attr('height', 6).attr('patternUnits', 'userSpaceOnUse').attr('patternTransform', 'rotate(45)');
  p3.append('line').attr('x1', 0).attr('y1', 0).attr('x2', 0).attr('y2', 6).attr('stroke', ink(3)).attr('stroke-width', 1.5);
  p3.append('line').attr('x1', 0).attr('y1', 3).attr('x2', 6).attr('y2', 3).attr('stroke', ink(3)).attr('stroke-width', 1.5);
  // I: heavy horizontal bars.
  const p4 = defs.append('pattern').attr('id', `${id}-4`).attr('width', 4).attr('height', 4).attr('patternUnits', 'userSpaceOnUse');
  p4.append('rect').attr('x', 0).attr('y', 0).attr('width', 4).attr('height', 1.6).attr('fill', ink(4));
  return (k) => (k === 0 ? 'none' : `url(#${id}-${k})`);
}

/** A cell (or a legend swatch) of level k: colour, pattern on top, and its numeral where it fits. */
export function levelCell(
  g: d3.Selection<SVGGElement, undefined, null, undefined>, pattern: (k: number) => string,
  k: number, x: number, width: number, height: number, numeral: string | null,
): d3.Selection<SVGGElement, undefined, null, undefined> {
  const cell = g.append('g').attr('class', `level-cell level-${k}`).attr('data-level', k);
  cell.append('rect').attr('class', 'level-fill').attr('x', x).attr('width', width).attr('height', height).attr('fill', LEVEL_COLOURS[k]);
  if (k > 0) cell.append('rect').attr('class', 'level-pattern').attr('x', x).attr('width', width).attr('height', height).attr('fill', pattern(k));
  if (numeral && width >= 8 * numeral.length + 4) {
    cell.append('text').attr('class', 'level-numeral').attr('x', x + width / 2).attr('y', height / 2 + 4).attr('text-anchor', 'middle')
      .attr('fill', LEVEL_INK[k]).text(numeral);
  }
  return cell;
}
