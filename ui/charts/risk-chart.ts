/**
 * The risk of unserved load over every future played out, hour by hour, in two panels on one time
 * axis: above, how much (the P10–P90 band and the 95th percentile as a line — one future in twenty
 * is worse); below, how likely (the share of futures with any load unserved, as bars from 0 to
 * its largest share). The worst future's MW is marked where any is short. A tail the band hides — most futures fine, a few short — shows in both the P95 line and
 * the bars, never as a flat "nothing". Older play-outs kept by the page (no P95, no shares) draw
 * the band alone and say so.
 */
import * as d3 from 'd3';
import type { Lang } from '../i18n.ts';
import { tickText } from '../time-text.ts';
import { labelWidth } from './label-width.ts';
import { hourAxis } from './zoned-time.ts';

export interface RiskChartOptions {
  startMs: number;
  timeZone: string;
  lang: Lang;
  p10: ArrayLike<number>;
  p90: ArrayLike<number>;
  p95?: ArrayLike<number>;
  pAny?: ArrayLike<number>;
  /** The worst future's MW per hour (drawn as a mark where any future is short). */
  max?: ArrayLike<number>;
  labels: { band: string; p95: string; max: string; pAny: string; older: string };
  width?: number;
}

export function riskChart(o: RiskChartOptions): SVGSVGElement {
  const width = o.width ?? 900;
  const margin = { top: 30, right: 20, bottom: 26, left: 64 };
  const topH = 110, gapH = 14, barsH = o.pAny ? 56 : 0;
  const height = margin.top + topH + (o.pAny ? gapH + barsH : 0) + margin.bottom;
  const n = o.p90.length;
  const { at, x } = hourAxis(o.startMs, n, o.timeZone, [margin.left, width - margin.right]);
  const idx = Array.from({ length: n }, (_, i) => i);
  const top = Math.max(1, d3.max(Array.from(o.p90)) ?? 0, o.p95 ? d3.max(Array.from(o.p95)) ?? 0 : 0, o.max ? d3.max(Array.from(o.max)) ?? 0 : 0) * 1.1;
  const y = d3.scaleLinear().domain([0, top]).nice().range([margin.top + topH, margin.top]);
  const svg = d3.create('svg').attr('viewBox', `0 0 ${width} ${height}`).attr('width', width).attr('height', height).attr('class', 'fan-chart risk-chart').attr('role', 'img');
  svg.append('path').attr('class', 'fan-band').attr('d', d3.area<number>().x((i) => x(at(i))).y0((i) => y(o.p10[i])).y1((i) => y(o.p90[i])).curve(d3.curveStepAfter)(idx) ?? '');
  if (o.p95) {
    const p95 = o.p95;
    svg.append('path').attr('class', 'fan-p95').attr('data-peak-mw', Math.round(10 * (d3.max(Array.from(p95)) ?? 0)) / 10)
      .attr('d', d3.line<number>().x((i) => x(at(i))).y((i) => y(p95[i])).curve(d3.curveStepAfter)(idx) ?? '');
  }
  if (o.max) {
    const max = o.max;
    // The tail as marks: where one future in 200 is short, P95 is 0 and only this shows how much.
    const g = svg.append('g').attr('class', 'fan-max');
    idx.forEach((i) => {
      if (!(max[i] >= 0.001)) return;
      g.append('circle').attr('class', 'fan-max-mark').attr('data-hour', i).attr('data-mw', Math.round(10 * max[i]) / 10).attr('r', 2.5)
        .attr('cx', (x(at(i)) + x(at(i + 1))) / 2).attr('cy', y(max[i]));
    });
  }
  svg.append('g').attr('class', 'axis y').attr('transform', `translate(${margin.left},0)`).call(d3.axisLeft(y).ticks(3).tickFormat((d) => d3.format(',')(d as number)))
    .call((g) => g.append('text').attr('class', 'axis-title').attr('x', -8).attr('y', margin.top - 4).attr('text-anchor', 'end').text('MW'));
  let axisAt = margin.top + topH;
  if (o.pAny) {
    const pAny = o.pAny;
    const y0 = margin.top + topH + gapH;
    // Small shares matter (one future in 200 short is a risk): the scale reaches the largest share, at least 5 %.
    const yb = d3.scaleLinear().domain([0, Math.max(0.05, d3.max(Array.from(pAny)) ?? 0)]).nice().range([y0 + barsH, y0]);
    const g = svg.append('g').attr('class', 'p-any');
    idx.forEach((i) => {
      if (!(pAny[i] > 0)) return;
      const x0 = x(at(i)), x1 = x(at(i + 1));
      g.append('rect').attr('class', 'p-any-bar').attr('data-hour', i).attr('data-share', Math.round(1000 * pAny[i]) / 1000)
        .attr('x', x0 + 0.5).attr('width', Math.max(2, x1 - x0 - 1)).attr('y', Math.min(yb(pAny[i]), yb(0) - 2)).attr('height', Math.max(2, yb(0) - yb(pAny[i])));
    });
    svg.append('line').attr('class', 'p-any-base').attr('x1', margin.left).attr('x2', width - margin.right).attr('y1', yb(0)).attr('y2', yb(0));
    svg.append('g').attr('class', 'axis y').attr('transform', `translate(${margin.left},0)`).call(d3.axisLeft(yb).ticks(2).tickFormat((d) => `${d3.format('~r')(Math.round(1000 * (d as number)) / 10)} %`));
    axisAt = y0 + barsH;
  }
  svg.append('g').attr('class', 'axis x').attr('transform', `translate(0,${axisAt})`).call(d3.axisBottom(x).ticks(Math.max(2, Math.floor(width / 110))).tickFormat((d) => tickText(d as Date, o.lang)).tickSizeOuter(0));
  // The legend: every mark with its words (the band, the P95 line, the bars).
  const legend = svg.append('g').attr('class', 'legend').attr('transform', `translate(${margin.left + 8},${14})`);
  let lx = 0;
  const item = (label: string) => { const g = legend.append('g').attr('transform', `translate(${lx},0)`); g.append('text').attr('x', 26).attr('y', 0).text(label); lx += 26 + labelWidth(label) + 16; return g; };
  item(o.labels.band).append('rect').attr('class', 'fan-band').attr('x', 0).attr('y', -9).attr('width', 22).attr('height', 9);
  if (o.p95) item(o.labels.p95).append('line').attr('class', 'fan-p95').attr('x1', 0).attr('x2', 22).attr('y1', -4).attr('y2', -4);
  if (o.max) item(o.labels.max).append('circle').attr('class', 'fan-max-mark').attr('cx', 11).attr('cy', -4).attr('r', 2.5);
  if (o.pAny) item(o.labels.pAny).append('rect').attr('class', 'p-any-bar').attr('x', 0).attr('y', -9).attr('width', 22).attr('height', 9);
  if (!o.p95 || !o.pAny) item(o.labels.older);
  return svg.node()!;
}
