/**
 * The outlook: forecast demand with its P10–P90 band against available supply over the horizon,
 * the gap shaded where demand (plus reserve) is above supply, and beneath it the warning strip,
 * one cell per hour coloured by the expected level (blue IV, yellow III, orange II, red I), with
 * the probability of each level in the cell's tooltip. A d3 mark factory: data in, SVG out.
 */
import * as d3 from 'd3';
import { hourAxis } from './zoned-time.ts';

export const LEVEL_COLOURS = ['#2a3644', '#3b82f6', '#facc15', '#f97316', '#ef4444'];

export interface OutlookChartOptions {
  startMs: number;
  timeZone: string;
  demand: ArrayLike<number>;
  p10: ArrayLike<number>;
  p90: ArrayLike<number>;
  /** Available supply less the reserve requirement, MW. */
  supply: ArrayLike<number>;
  /** Expected level per hour (0 none … 4 level I) and the probability of each level per hour. */
  level: ArrayLike<number>;
  probabilities: ArrayLike<number>[];
  levelNames: string[];
  labels: { demand: string; band: string; supply: string; gap: string; strip: string };
  width?: number;
  height?: number;
}

export function outlookChart(o: OutlookChartOptions): SVGSVGElement {
  const width = o.width ?? 900, height = o.height ?? 300, stripH = 22;
  const margin = { top: 18, right: 20, bottom: 28 + stripH + 8, left: 64 };
  const n = o.demand.length;
  const { at, x } = hourAxis(o.startMs, n, o.timeZone, [margin.left, width - margin.right]);
  const top = Math.max(d3.max(Array.from(o.p90)) ?? 1, d3.max(Array.from(o.supply)) ?? 1);
  const bottom = Math.min(d3.min(Array.from(o.p10)) ?? 0, d3.min(Array.from(o.supply)) ?? 0);
  const y = d3.scaleLinear().domain([Math.max(0, bottom * 0.9), top * 1.04]).nice().range([height - margin.bottom, margin.top]);
  const svg = d3.create('svg').attr('viewBox', `0 0 ${width} ${height}`).attr('class', 'outlook-chart').attr('role', 'img');
  const idx = Array.from({ length: n }, (_, i) => i);
  const xs = (i: number) => x(at(i));

  // The gap: between supply and demand where demand is above.
  const gap = d3.area<number>().defined((i) => o.demand[i] > o.supply[i]).x(xs).y0((i) => y(o.supply[i])).y1((i) => y(o.demand[i])).curve(d3.curveStepAfter);
  svg.append('path').attr('class', 'gap-area').attr('d', gap(idx) ?? '');
  svg.append('path').attr('class', 'forecast-band').attr('d', d3.area<number>().x(xs).y0((i) => y(o.p10[i])).y1((i) => y(o.p90[i])).curve(d3.curveStepAfter)(idx) ?? '');
  svg.append('path').attr('class', 'load forecast').attr('d', d3.line<number>().x(xs).y((i) => y(o.demand[i])).curve(d3.curveStepAfter)(idx) ?? '');
  svg.append('path').attr('class', 'supply').attr('d', d3.line<number>().x(xs).y((i) => y(o.supply[i])).curve(d3.curveStepAfter)(idx) ?? '');

  svg.append('g').attr('class', 'axis x').attr('transform', `translate(0,${height - margin.bottom + stripH + 6})`).call(d3.axisBottom(x).ticks(width / 110).tickSizeOuter(0));
  svg.append('g').attr('class', 'axis y').attr('transform', `translate(${margin.left},0)`)
    .call(d3.axisLeft(y).ticks(6).tickFormat((d) => d3.format(',')(d as number)))
    .call((g) => g.append('text').attr('class', 'axis-title').attr('x', -8).attr('y', margin.top - 4).attr('text-anchor', 'end').text('MW'));

  // The warning strip.
  const strip = svg.append('g').attr('class', 'warning-strip').attr('transform', `translate(0,${height - margin.bottom + 4})`);
  for (let i = 0; i < n; i++) {
    const tip = o.levelNames.map((name, k) => `${name}: ${Math.round(100 * o.probabilities[k][i])} %`).join('\n');
    strip.append('rect').attr('class', `level-${o.level[i]}`).attr('x', xs(i)).attr('width', Math.max(1, xs(i + 1) - xs(i))).attr('height', stripH)
      .attr('fill', LEVEL_COLOURS[o.level[i]]).attr('data-level', o.level[i])
      .append('title').text(`${d3.utcFormat('%Y-%m-%d %H:00')(at(i))}\n${tip}`);
  }
  strip.append('text').attr('class', 'axis-title').attr('x', margin.left - 6).attr('y', stripH - 6).attr('text-anchor', 'end').text(o.labels.strip);

  const legend = svg.append('g').attr('class', 'legend').attr('transform', `translate(${margin.left + 8},${margin.top + 6})`);
  [['load forecast', o.labels.demand, 'line'], ['forecast-band', o.labels.band, 'rect'], ['supply', o.labels.supply, 'line'], ['gap-area', o.labels.gap, 'rect']].forEach(([cls, label, shape], i) => {
    const g = legend.append('g').attr('transform', `translate(${i * 170},0)`);
    if (shape === 'line') g.append('line').attr('class', cls).attr('x1', 0).attr('x2', 18).attr('y1', -4).attr('y2', -4);
    else g.append('rect').attr('class', cls).attr('x', 0).attr('y', -9).attr('width', 18).attr('height', 9);
    g.append('text').attr('x', 24).attr('y', 0).text(label);
  });
  return svg.node()!;
}
