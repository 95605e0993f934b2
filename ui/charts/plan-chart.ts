/**
 * A plan, hour by hour: what each rung releases stacked (demand response at the bottom, feeders at
 * the top), the requirement as a line, and the residual gap on top in a red nobody can miss.
 */
import * as d3 from 'd3';
import { labelWidth } from './label-width.ts';
import { hourAxis } from './zoned-time.ts';

export const RUNG_COLOURS: Record<string, string> = {
  'demand-response': '#39c0a4', shift: '#5ab0ff', 'avoid-peak': '#a78bfa', limit: '#f5a524', 'feeder-open': '#f97316', residual: '#ff2d2d', emergency: '#ff5c5c',
};

export interface PlanChartOptions {
  startMs: number;
  timeZone: string;
  /** Layers from the bottom up (rungs, or customer classes with their own colours). */
  rungs: { key: string; label: string; mw: ArrayLike<number>; colour?: string }[];
  residual: ArrayLike<number>;
  required: ArrayLike<number>;
  labels: { residual: string; required: string };
  /** Hour to mark (the play-out scrubber). */
  marker?: number;
  width?: number;
  height?: number;
}

export function planChart(o: PlanChartOptions): SVGSVGElement {
  const width = o.width ?? 900, height = o.height ?? 240;
  const margin = { top: 16, right: 20, bottom: 28, left: 64 };
  const n = o.required.length;
  const { at, x } = hourAxis(o.startMs, n, o.timeZone, [margin.left, width - margin.right]);
  const colourOf = new Map<string, string>([...o.rungs.map((r) => [r.key, r.colour ?? RUNG_COLOURS[r.key] ?? '#888'] as [string, string]), ['residual', RUNG_COLOURS.residual]]);
  const layers = [...o.rungs.map((r) => ({ key: r.key, mw: r.mw })), { key: 'residual', mw: o.residual }];
  const stackTop = Array.from({ length: n }, (_, i) => layers.reduce((t, l) => t + (l.mw[i] ?? 0), 0));
  const y = d3.scaleLinear().domain([0, Math.max(d3.max(stackTop) ?? 1, d3.max(Array.from(o.required)) ?? 1) * 1.05]).nice().range([height - margin.bottom, margin.top]);
  const svg = d3.create('svg').attr('viewBox', `0 0 ${width} ${height}`).attr('class', 'plan-chart').attr('role', 'img');
  const idx = Array.from({ length: n }, (_, i) => i);
  const base = new Float64Array(n);
  for (const layer of layers) {
    const lo = Float64Array.from(base);
    for (let i = 0; i < n; i++) base[i] += layer.mw[i] ?? 0;
    const hi = Float64Array.from(base);
    svg.append('path').attr('class', `rung rung-${layer.key}`).attr('fill', colourOf.get(layer.key)!)
      .attr('d', d3.area<number>().x((i) => x(at(i))).y0((i) => y(lo[i])).y1((i) => y(hi[i])).curve(d3.curveStepAfter)(idx) ?? '');
  }
  svg.append('path').attr('class', 'required').attr('d', d3.line<number>().x((i) => x(at(i))).y((i) => y(o.required[i])).curve(d3.curveStepAfter)(idx) ?? '');
  if (o.marker !== undefined) svg.append('line').attr('class', 'marker').attr('x1', x(at(o.marker))).attr('x2', x(at(o.marker))).attr('y1', margin.top).attr('y2', height - margin.bottom);
  svg.append('g').attr('class', 'axis x').attr('transform', `translate(0,${height - margin.bottom})`).call(d3.axisBottom(x).ticks(width / 110).tickSizeOuter(0));
  svg.append('g').attr('class', 'axis y').attr('transform', `translate(${margin.left},0)`).call(d3.axisLeft(y).ticks(5).tickFormat((d) => d3.format(',')(d as number)))
    .call((g) => g.append('text').attr('class', 'axis-title').attr('x', -8).attr('y', margin.top - 4).attr('text-anchor', 'end').text('MW'));
  const legend = svg.append('g').attr('class', 'legend').attr('transform', `translate(${margin.left + 8},${margin.top + 6})`);
  // Items as wide as their labels, wrapping to a second row (classes can be many).
  let lx = 0, ly = 0;
  const room = width - margin.left - margin.right - 16;
  [...o.rungs.map((r) => [r.key, r.label]), ['residual', o.labels.residual]].forEach(([key, label]) => {
    const w = 28 + labelWidth(label);
    if (lx > 0 && lx + w > room) { lx = 0; ly += 14; }
    const g = legend.append('g').attr('transform', `translate(${lx},${ly})`);
    lx += w;
    g.append('rect').attr('x', 0).attr('y', -9).attr('width', 12).attr('height', 9).attr('fill', colourOf.get(key)!);
    g.append('text').attr('x', 16).attr('y', 0).text(label);
  });
  return svg.node()!;
}

/** The unserved load over all futures, hour by hour: P10–P90 band and the mean. */
export function fanChart(o: { startMs: number; timeZone: string; p10: number[]; p90: number[]; mean: number[]; label: string; width?: number; height?: number }): SVGSVGElement {
  const width = o.width ?? 900, height = o.height ?? 140;
  const margin = { top: 14, right: 20, bottom: 26, left: 64 };
  const n = o.mean.length;
  const { at, x } = hourAxis(o.startMs, n, o.timeZone, [margin.left, width - margin.right]);
  const y = d3.scaleLinear().domain([0, Math.max(1, d3.max(o.p90) ?? 1, d3.max(o.mean) ?? 1) * 1.1]).nice().range([height - margin.bottom, margin.top]);
  const idx = Array.from({ length: n }, (_, i) => i);
  const svg = d3.create('svg').attr('viewBox', `0 0 ${width} ${height}`).attr('class', 'fan-chart').attr('role', 'img');
  svg.append('path').attr('class', 'fan-band').attr('d', d3.area<number>().x((i) => x(at(i))).y0((i) => y(o.p10[i])).y1((i) => y(o.p90[i])).curve(d3.curveStepAfter)(idx) ?? '');
  svg.append('path').attr('class', 'fan-mean').attr('d', d3.line<number>().x((i) => x(at(i))).y((i) => y(o.mean[i])).curve(d3.curveStepAfter)(idx) ?? '');
  svg.append('g').attr('class', 'axis x').attr('transform', `translate(0,${height - margin.bottom})`).call(d3.axisBottom(x).ticks(width / 110).tickSizeOuter(0));
  svg.append('g').attr('class', 'axis y').attr('transform', `translate(${margin.left},0)`).call(d3.axisLeft(y).ticks(3))
    .call((g) => g.append('text').attr('class', 'axis-title').attr('x', -8).attr('y', margin.top - 4).attr('text-anchor', 'end').text('MW'));
  svg.append('text').attr('class', 'legend').attr('x', margin.left + 8).attr('y', margin.top + 8).text(o.label);
  return svg.node()!;
}
