/**
 * A plan, hour by hour: what each rung releases stacked (demand response at the bottom, feeders at
 * the top), the requirement of each area it covers as a dashed line (the system's, and each area
 * short of import capacity in a dash of its own), and the residual gap on top, hatched so nobody
 * can miss it whatever colours they see. Every mark is in the legend.
 */
import * as d3 from 'd3';
import type { Lang } from '../i18n.ts';
import { RUNG_COLOURS } from '../palette.ts';
import { tickText } from '../time-text.ts';
import { labelWidth } from './label-width.ts';
import { hourAxis } from './zoned-time.ts';

export { RUNG_COLOURS };

/** Dashes of the requirement lines: the system's first, then each local area's. */
const NEED_DASHES = ['6 3', '2 3', '10 3 2 3', '1 2'];

export interface PlanChartOptions {
  startMs: number;
  timeZone: string;
  /** Layers from the bottom up (rungs, or customer classes with their own colours). */
  rungs: { key: string; label: string; mw: ArrayLike<number>; colour?: string }[];
  residual: ArrayLike<number>;
  /** The requirement of each area the plan covers (the system first), MW. */
  needs: { label: string; mw: ArrayLike<number> }[];
  labels: { residual: string };
  lang: Lang;
  /** Names the chart's hatch on the page ("plan", "whatif", "doc"): ids must not clash between charts. */
  key?: string;
  /** Hour to mark (the play-out scrubber). */
  marker?: number;
  width?: number;
  height?: number;
}

export function planChart(o: PlanChartOptions): SVGSVGElement {
  const width = o.width ?? 900, height = o.height ?? 240;
  const margin = { top: 16, right: 20, bottom: 28, left: 64 };
  const n = o.residual.length;
  const { at, x } = hourAxis(o.startMs, n, o.timeZone, [margin.left, width - margin.right]);
  const colourOf = new Map<string, string>([...o.rungs.map((r) => [r.key, r.colour ?? RUNG_COLOURS[r.key] ?? '#888'] as [string, string]), ['residual', RUNG_COLOURS.residual]]);
  const layers = [...o.rungs.map((r) => ({ key: r.key, mw: r.mw })), { key: 'residual', mw: o.residual }];
  const stackTop = Array.from({ length: n }, (_, i) => layers.reduce((t, l) => t + (l.mw[i] ?? 0), 0));
  const needTop = Math.max(0, ...o.needs.map((need) => d3.max(Array.from(need.mw)) ?? 0));
  const y = d3.scaleLinear().domain([0, Math.max(1, d3.max(stackTop) ?? 1, needTop) * 1.05]).nice().range([height - margin.bottom, margin.top]);
  const svg = d3.create('svg').attr('viewBox', `0 0 ${width} ${height}`).attr('width', width).attr('height', height).attr('class', 'plan-chart').attr('role', 'img');
  // The residual's hatch: vermilion with light stripes.
  const hatch = `residual-hatch-${(o.key ?? 'plan').replace(/[^\w-]/g, '_')}`;
  const pat = svg.append('defs').append('pattern').attr('id', hatch).attr('width', 6).attr('height', 6).attr('patternUnits', 'userSpaceOnUse').attr('patternTransform', 'rotate(45)');
  pat.append('rect').attr('width', 6).attr('height', 6).attr('fill', RUNG_COLOURS.residual);
  pat.append('line').attr('x1', 0).attr('y1', 0).attr('x2', 0).attr('y2', 6).attr('stroke', '#ffffff').attr('stroke-width', 2);
  const fillOf = (key: string) => (key === 'residual' ? `url(#${hatch})` : colourOf.get(key)!);
  const idx = Array.from({ length: n }, (_, i) => i);
  const base = new Float64Array(n);
  for (const layer of layers) {
    const lo = Float64Array.from(base);
    for (let i = 0; i < n; i++) base[i] += layer.mw[i] ?? 0;
    const hi = Float64Array.from(base);
    svg.append('path').attr('class', `rung rung-${layer.key}`).attr('fill', fillOf(layer.key))
      .attr('d', d3.area<number>().x((i) => x(at(i))).y0((i) => y(lo[i])).y1((i) => y(hi[i])).curve(d3.curveStepAfter)(idx) ?? '');
  }
  o.needs.forEach((need, k) => {
    svg.append('path').attr('class', 'required').attr('data-need', k).attr('data-peak-mw', Math.round(10 * (d3.max(Array.from(need.mw)) ?? 0)) / 10).attr('stroke-dasharray', NEED_DASHES[k % NEED_DASHES.length])
      .attr('d', d3.line<number>().x((i) => x(at(i))).y((i) => y(need.mw[i])).curve(d3.curveStepAfter)(idx) ?? '');
  });
  if (o.marker !== undefined) svg.append('line').attr('class', 'marker').attr('x1', x(at(o.marker))).attr('x2', x(at(o.marker))).attr('y1', margin.top).attr('y2', height - margin.bottom);
  svg.append('g').attr('class', 'axis x').attr('transform', `translate(0,${height - margin.bottom})`).call(d3.axisBottom(x).ticks(Math.max(2, Math.floor(width / 110))).tickFormat((d) => tickText(d as Date, o.lang)).tickSizeOuter(0));
  svg.append('g').attr('class', 'axis y').attr('transform', `translate(${margin.left},0)`).call(d3.axisLeft(y).ticks(5).tickFormat((d) => d3.format(',')(d as number)))
    .call((g) => g.append('text').attr('class', 'axis-title').attr('x', -8).attr('y', margin.top - 4).attr('text-anchor', 'end').text('MW'));
  const legend = svg.append('g').attr('class', 'legend').attr('transform', `translate(${margin.left + 8},${margin.top + 6})`);
  // Items as wide as their labels, wrapping to a second row (classes can be many).
  let lx = 0, ly = 0;
  const room = width - margin.left - margin.right - 16;
  const place = (label: string, swatch = 12) => {
    const w = swatch + 16 + labelWidth(label);
    if (lx > 0 && lx + w > room) { lx = 0; ly += 14; }
    const g = legend.append('g').attr('transform', `translate(${lx},${ly})`);
    lx += w;
    g.append('text').attr('x', swatch + 4).attr('y', 0).text(label);
    return g;
  };
  [...o.rungs.map((r) => [r.key, r.label]), ['residual', o.labels.residual]].forEach(([key, label]) => {
    place(label).append('rect').attr('x', 0).attr('y', -9).attr('width', 12).attr('height', 9).attr('fill', fillOf(key));
  });
  o.needs.forEach((need, k) => {
    place(need.label, 22).append('line').attr('class', 'required').attr('stroke-dasharray', NEED_DASHES[k % NEED_DASHES.length]).attr('x1', 0).attr('x2', 22).attr('y1', -4).attr('y2', -4);
  });
  return svg.node()!;
}
