/**
 * Plans compared on one chart: what each plan covers hour by hour (a step line in its own colour
 * and dash) against the requirement it was made for (the thick dashed line; one per distinct
 * requirement when plans answer different levels or areas), and below, a row per plan marking the
 * hours it leaves a residual, hatched — so "which plan falls short, when" is read without
 * switching plans. Every mark is in the legend, with the plan's residual in MWh.
 */
import * as d3 from 'd3';
import type { Lang } from '../i18n.ts';
import { PLAN_COLOURS } from '../palette.ts';
import { tickText } from '../time-text.ts';
import { labelWidth } from './label-width.ts';
import { hourAxis } from './zoned-time.ts';

const PLAN_DASHES = ['', '7 3', '2 2', '10 3 2 3', '4 4', '1 3'];
/** Plan j's dash: with its colour, a pair no other plan of the first 36 has. */
const dashOf = (j: number) => PLAN_DASHES[(j + Math.floor(j / PLAN_COLOURS.length)) % PLAN_DASHES.length];

export interface ComparedPlan {
  id: string;
  label: string;
  coveredMW: ArrayLike<number>;
  residualMW: ArrayLike<number>;
  residualMWh: number;
}

export interface CompareChartOptions {
  startMs: number;
  timeZone: string;
  lang: Lang;
  plans: ComparedPlan[];
  needs: { label: string; mw: ArrayLike<number> }[];
  labels: { residualRow: string; residual: string };
  width?: number;
}

export function compareChart(o: CompareChartOptions): SVGSVGElement {
  const width = o.width ?? 900;
  const n = o.plans[0]?.coveredMW.length ?? 0;
  const room = width - 64 - 20 - 16;
  // The legend first: its rows set the top margin.
  const items = [...o.needs.map((x) => ({ label: x.label, w: 26 + labelWidth(x.label) + 16 })),
    ...o.plans.map((p) => { const label = `${p.label} — ${o.labels.residual} ${Math.round(p.residualMWh).toLocaleString(o.lang === 'zh' ? 'zh-CN' : 'en-US')} MWh`; return { label, w: 26 + labelWidth(label) + 16 }; })];
  const placed: { x: number; y: number }[] = [];
  let lx = 0, ly = 0;
  for (const it of items) { if (lx > 0 && lx + it.w > room) { lx = 0; ly += 15; } placed.push({ x: lx, y: ly }); lx += it.w; }
  const margin = { top: 26 + ly, right: 20, bottom: 26, left: 64 };
  const lineH = 150, rowH = 10, rowGap = 3, rowsTop = 10;
  const rowsH = o.plans.length * (rowH + rowGap);
  const height = margin.top + lineH + rowsTop + rowsH + margin.bottom;
  const { at, x } = hourAxis(o.startMs, n, o.timeZone, [margin.left, width - margin.right]);
  const idx = Array.from({ length: n }, (_, i) => i);
  const top = Math.max(1, ...o.needs.map((x) => d3.max(Array.from(x.mw)) ?? 0), ...o.plans.map((p) => d3.max(Array.from(p.coveredMW)) ?? 0)) * 1.08;
  const y = d3.scaleLinear().domain([0, top]).nice().range([margin.top + lineH, margin.top]);
  const svg = d3.create('svg').attr('viewBox', `0 0 ${width} ${height}`).attr('width', width).attr('height', height).attr('class', 'compare-chart').attr('role', 'img');
  const hatch = 'compare-residual-hatch';
  const pat = svg.append('defs').append('pattern').attr('id', hatch).attr('width', 5).attr('height', 5).attr('patternUnits', 'userSpaceOnUse').attr('patternTransform', 'rotate(45)');
  pat.append('rect').attr('width', 5).attr('height', 5).attr('fill', '#d55e00');
  pat.append('line').attr('x1', 0).attr('y1', 0).attr('x2', 0).attr('y2', 5).attr('stroke', '#ffffff').attr('stroke-width', 1.5);
  const step = (mw: ArrayLike<number>) => d3.line<number>().x((i) => x(at(i))).y((i) => y(mw[i] ?? 0)).curve(d3.curveStepAfter)([...idx, n - 1]) ?? '';
  o.needs.forEach((need, k) => {
    svg.append('path').attr('class', 'compare-need').attr('data-need', k).attr('stroke-dasharray', k === 0 ? '8 4' : '3 3').attr('d', step(need.mw));
  });
  o.plans.forEach((p, j) => {
    svg.append('path').attr('class', 'compare-plan').attr('data-plan', p.id).attr('stroke', PLAN_COLOURS[j % PLAN_COLOURS.length])
      .attr('stroke-dasharray', dashOf(j)).attr('d', step(p.coveredMW));
  });
  svg.append('g').attr('class', 'axis y').attr('transform', `translate(${margin.left},0)`).call(d3.axisLeft(y).ticks(4).tickFormat((d) => d3.format(',')(d as number)))
    .call((g) => g.append('text').attr('class', 'axis-title').attr('x', -8).attr('y', margin.top - 4).attr('text-anchor', 'end').text('MW'));
  // The residual rows: one per plan, its colour as a swatch at the left, hatched hours where it falls short.
  const rowsY = margin.top + lineH + rowsTop;
  svg.append('text').attr('class', 'row-title').attr('x', margin.left - 22).attr('y', rowsY + rowH - 1).attr('text-anchor', 'end').text(o.labels.residualRow);
  o.plans.forEach((p, j) => {
    const yy = rowsY + j * (rowH + rowGap);
    const g = svg.append('g').attr('class', 'residual-row').attr('data-plan', p.id);
    g.append('rect').attr('class', 'row-swatch').attr('x', margin.left - 18).attr('y', yy).attr('width', 12).attr('height', rowH).attr('fill', PLAN_COLOURS[j % PLAN_COLOURS.length]);
    g.append('rect').attr('class', 'row-track').attr('x', margin.left).attr('y', yy).attr('width', width - margin.left - margin.right).attr('height', rowH);
    idx.forEach((i) => {
      if (!((p.residualMW[i] ?? 0) > 0)) return;
      g.append('rect').attr('class', 'residual-hour').attr('data-hour', i).attr('x', x(at(i))).attr('width', Math.max(1, x(at(i + 1)) - x(at(i)))).attr('y', yy).attr('height', rowH).attr('fill', `url(#${hatch})`)
        .append('title').text(`${p.label}: ${Math.round(10 * (p.residualMW[i] ?? 0)) / 10} MW`);
    });
  });
  svg.append('g').attr('class', 'axis x').attr('transform', `translate(0,${rowsY + rowsH})`).call(d3.axisBottom(x).ticks(Math.max(2, Math.floor(width / 110))).tickFormat((d) => tickText(d as Date, o.lang)).tickSizeOuter(0));
  const legend = svg.append('g').attr('class', 'legend').attr('transform', `translate(${margin.left + 8},14)`);
  items.forEach((it, i) => {
    const g = legend.append('g').attr('transform', `translate(${placed[i].x},${placed[i].y})`);
    g.append('text').attr('x', 26).attr('y', 0).text(it.label);
    if (i < o.needs.length) g.append('line').attr('class', 'compare-need').attr('stroke-dasharray', i === 0 ? '8 4' : '3 3').attr('x1', 0).attr('x2', 22).attr('y1', -4).attr('y2', -4);
    else {
      const j = i - o.needs.length;
      g.append('line').attr('class', 'compare-plan').attr('stroke', PLAN_COLOURS[j % PLAN_COLOURS.length]).attr('stroke-dasharray', dashOf(j)).attr('x1', 0).attr('x2', 22).attr('y1', -4).attr('y2', -4);
    }
  });
  return svg.node()!;
}
