/**
 * The outlook: forecast demand with its P10–P90 band against available supply over the horizon,
 * the gap shaded where demand (plus reserve) is above supply, and beneath it the warning strip —
 * one cell per hour in the level's colour and pattern, its numeral on each run of hours, the
 * probability of each level in the cell's tooltip — then, where supply has energy budgets, the
 * energy-short days as a strip of their own, and a legend of every mark. Also drawn small for an
 * area short of import capacity (its demand against inside supply plus the import limit). A d3
 * mark factory: data in, SVG out; text in fixed pixels (the SVG is drawn at its container's width).
 */
import * as d3 from 'd3';
import { LEVELS } from '../../core/warning/levels.ts';
import type { Lang } from '../i18n.ts';
import { tickText } from '../time-text.ts';
import { labelWidth } from './label-width.ts';
import { LEVEL_COLOURS } from '../palette.ts';
import { levelCell, levelPatterns } from './level-marks.ts';
import { hourAxis } from './zoned-time.ts';

export { LEVEL_COLOURS } from '../palette.ts';

export interface EnergyDayMark {
  /** First horizon hour of the day and how many of its hours are in the horizon. */
  startIndex: number;
  hours: number;
  level: number;
  tip: string;
}

export interface OutlookChartOptions {
  startMs: number;
  timeZone: string;
  lang: Lang;
  demand: ArrayLike<number>;
  p10?: ArrayLike<number>;
  p90?: ArrayLike<number>;
  /** Available supply less the reserve requirement (an area: inside supply plus its import limit), MW. */
  supply: ArrayLike<number>;
  /** Expected level per hour (0 none … 4 level I) and the probability of each level per hour. */
  level: ArrayLike<number>;
  probabilities: ArrayLike<number>[];
  /** Names of LEVELS for tooltips and the legend ("no warning", "level IV (blue)" …). */
  levelNames: string[];
  labels: { demand: string; band: string; supply: string; gap: string; strip: string; energy: string };
  energy?: EnergyDayMark[];
  /** A small multiple: no level legend (the main chart's serves). */
  compact?: boolean;
  title?: string;
  /** Names the chart's patterns on the page (see levelPatterns). */
  key?: string;
  width?: number;
  height?: number;
}

const STRIP_H = 22;

/**
 * The outlook chart; given the chart it drew before (`previous`), redrawn in it where only the
 * figures changed (a what-if: the same hours, size, language and labels) — the series, the y
 * axis, the strip's cells and their tooltips updated in place through d3's joins, the legends and
 * patterns kept — instead of building every element again. Returns the chart drawn (`previous`,
 * or a new one to put in its place).
 */
export function outlookChart(o: OutlookChartOptions, previous: SVGSVGElement | null = null): SVGSVGElement {
  const width = o.width ?? 900, height = o.height ?? 300;
  const energy = o.energy?.length ? o.energy : null;
  const strips = STRIP_H + 4 + (energy ? STRIP_H + 4 : 0);
  const legendH = o.compact ? 0 : 22;
  const margin = { top: o.title ? 46 : 24, right: 20, bottom: 24 + strips + 6 + legendH, left: 64 };
  const n = o.demand.length;
  // What the frame (everything but the figures) is drawn from: a chart drawn from the same is redrawn in place.
  const frame = JSON.stringify([width, height, n, o.startMs, o.timeZone, o.lang, o.compact ?? false, o.title ?? '', o.key ?? '', !!energy, !!(o.p10 && o.p90), o.labels, o.levelNames]);
  const reuse = previous !== null && previous.dataset.frame === frame;
  const { at, x } = hourAxis(o.startMs, n, o.timeZone, [margin.left, width - margin.right]);
  const hi = o.p90 ?? o.demand, lo = o.p10 ?? o.demand;
  const top = Math.max(d3.max(Array.from(hi)) ?? 1, d3.max(Array.from(o.supply)) ?? 1);
  const bottom = Math.min(d3.min(Array.from(lo)) ?? 0, d3.min(Array.from(o.supply)) ?? 0);
  const plotBottom = height - margin.bottom;
  const y = d3.scaleLinear().domain([Math.max(0, bottom * 0.9), top * 1.04]).nice().range([plotBottom, margin.top]);
  const svg: d3.Selection<SVGSVGElement, undefined, null, undefined> = reuse ? d3.select(previous) : d3.create('svg').attr('viewBox', `0 0 ${width} ${height}`).attr('width', width).attr('height', height)
    .attr('class', `outlook-chart${o.compact ? ' compact' : ''}`).attr('role', 'img').attr('data-frame', frame);
  const key = `lvl-${(o.key ?? 'outlook').replace(/[^\w-]/g, '_')}`;
  const pattern = reuse ? (k: number) => (k === 0 ? 'none' : `url(#${key}-${k})`) : levelPatterns(svg, o.key ?? 'outlook');
  const idx = Array.from({ length: n }, (_, i) => i);
  const xs = (i: number) => x(at(i));
  if (o.title && !reuse) svg.append('text').attr('class', 'chart-title').attr('x', margin.left).attr('y', 16).text(o.title);
  /** The one element of `cls` under `parent`: made the first time, the same one after. */
  const one = <P extends d3.BaseType>(parent: d3.Selection<P, undefined, null, undefined>, tag: string, cls: string) =>
    parent.selectChildren<SVGElement, undefined>(`${tag}.${cls.replace(/ /g, '.')}`).data([undefined]).join(tag).attr('class', cls) as unknown as d3.Selection<SVGElement, undefined, null, undefined>;

  // The gap: between supply and demand where demand is above.
  const gap = d3.area<number>().defined((i) => o.demand[i] > o.supply[i]).x(xs).y0((i) => y(o.supply[i])).y1((i) => y(o.demand[i])).curve(d3.curveStepAfter);
  one(svg, 'path', 'gap-area').attr('d', gap(idx) ?? '');
  if (o.p10 && o.p90) {
    const p10 = o.p10, p90 = o.p90;
    one(svg, 'path', 'forecast-band').attr('d', d3.area<number>().x(xs).y0((i) => y(p10[i])).y1((i) => y(p90[i])).curve(d3.curveStepAfter)(idx) ?? '');
  }
  one(svg, 'path', 'load forecast').attr('d', d3.line<number>().x(xs).y((i) => y(o.demand[i])).curve(d3.curveStepAfter)(idx) ?? '');
  one(svg, 'path', 'supply').attr('d', d3.line<number>().x(xs).y((i) => y(o.supply[i])).curve(d3.curveStepAfter)(idx) ?? '');

  if (!reuse) {
    svg.append('g').attr('class', 'axis x').attr('transform', `translate(0,${plotBottom + strips + 4})`)
      .call(d3.axisBottom(x).ticks(Math.max(2, Math.floor(width / 110))).tickFormat((d) => tickText(d as Date, o.lang)).tickSizeOuter(0));
  }
  const yAxis = one(svg, 'g', 'axis y').attr('transform', `translate(${margin.left},0)`) as unknown as d3.Selection<SVGGElement, undefined, null, undefined>;
  yAxis.call(d3.axisLeft(y).ticks(o.compact ? 3 : 6).tickFormat((d) => d3.format(',')(d as number)));
  one(yAxis, 'text', 'axis-title').attr('x', -8).attr('y', margin.top - 6).attr('text-anchor', 'end').text('MW');

  // The warning strip: a cell per hour (kept, its level and tooltip set), the numeral once per run of hours at one level.
  const strip = one(svg, 'g', 'warning-strip').attr('transform', `translate(0,${plotBottom + 4})`) as unknown as d3.Selection<SVGGElement, undefined, null, undefined>;
  const clock = d3.utcFormat('%Y-%m-%d %H:00');
  const tipOf = (i: number) => `${clock(at(i))}\n${o.levelNames.map((name, j) => `${name}: ${Math.round(100 * o.probabilities[j][i])} %`).join('\n')}`;
  if (!reuse) {
    for (let i = 0; i < n; i++) levelCell(strip, pattern, o.level[i], xs(i), Math.max(1, xs(i + 1) - xs(i)), STRIP_H, null).append('title').text(tipOf(i));
  } else {
    // The same hours at the same places: a cell changes only where its level or its tooltip does.
    const cells = strip.node()!.querySelectorAll<SVGGElement>(':scope > g.level-cell');
    for (let i = 0; i < n; i++) {
      const cell = cells[i], k = o.level[i];
      if (cell.dataset.level !== String(k)) {
        cell.setAttribute('class', `level-cell level-${k}`);
        cell.dataset.level = String(k);
        const fill = cell.querySelector<SVGRectElement>('rect.level-fill')!;
        fill.setAttribute('fill', LEVEL_COLOURS[k]);
        cell.querySelector('rect.level-pattern')?.remove();
        if (k > 0) {
          const over = fill.cloneNode() as SVGRectElement;
          over.setAttribute('class', 'level-pattern');
          over.setAttribute('fill', pattern(k));
          fill.after(over);
        }
      }
      const title = cell.querySelector('title')!, tip = tipOf(i);
      if (title.textContent !== tip) title.textContent = tip;
    }
  }
  strip.selectChildren('.level-numeral, .strip-run, .strip-title').remove();
  const hhmm = d3.utcFormat('%H:%M'), day = d3.utcFormat('%m-%d');
  for (const [from, to, k] of runs(o.level)) {
    const w = xs(to) - xs(from);
    if (k > 0 && w >= 8 * LEVELS[k].length + 4) {
      strip.append('text').attr('class', 'level-numeral').attr('x', xs(from) + w / 2).attr('y', STRIP_H / 2 + 4).attr('text-anchor', 'middle').attr('data-level', k).text(LEVELS[k]);
    }
    // Each warned run is one stop in the tab order, saying what the cells' tooltips say.
    if (k > 0) {
      const label = `${o.levelNames[k]} · ${day(at(from))} ${hhmm(at(from))}–${hhmm(at(to))}`;
      strip.append('rect').attr('class', 'strip-run').attr('x', xs(from)).attr('width', Math.max(2, w)).attr('height', STRIP_H)
        .attr('tabindex', 0).attr('role', 'img').attr('aria-label', label).attr('data-level', k)
        .append('title').text(label);
    }
  }
  strip.append('text').attr('class', 'strip-title').attr('x', margin.left - 6).attr('y', STRIP_H / 2 + 4).attr('text-anchor', 'end').text(o.labels.strip);

  // The energy-short days: one cell per day (few: drawn again).
  if (energy) {
    const days = one(svg, 'g', 'energy-strip').attr('transform', `translate(0,${plotBottom + 4 + STRIP_H + 4})`) as unknown as d3.Selection<SVGGElement, undefined, null, undefined>;
    days.selectChildren().remove();
    for (const d of energy) {
      const x0 = xs(d.startIndex), w = Math.max(1, xs(d.startIndex + d.hours) - x0);
      levelCell(days, pattern, d.level, x0, w - 1, STRIP_H, d.level > 0 ? LEVELS[d.level] : null).append('title').text(d.tip);
    }
    days.append('text').attr('class', 'strip-title').attr('x', margin.left - 6).attr('y', STRIP_H / 2 + 4).attr('text-anchor', 'end').text(o.labels.energy);
  }
  if (reuse) return previous;

  // The legend of the lines and areas, above the plot; the levels' under the axis.
  const legend = svg.append('g').attr('class', 'legend').attr('transform', `translate(${margin.left + 8},${margin.top - 10})`);
  let lx = 0;
  const items: [string, string, 'line' | 'rect'][] = [['load forecast', o.labels.demand, 'line'], ...(o.p10 ? [['forecast-band', o.labels.band, 'rect'] as [string, string, 'rect']] : []), ['supply', o.labels.supply, 'line'], ['gap-area', o.labels.gap, 'rect']];
  for (const [cls, label, shape] of items) {
    const g = legend.append('g').attr('transform', `translate(${lx},0)`);
    if (shape === 'line') g.append('line').attr('class', cls).attr('x1', 0).attr('x2', 22).attr('y1', -4).attr('y2', -4);
    else g.append('rect').attr('class', cls).attr('x', 0).attr('y', -9).attr('width', 22).attr('height', 10);
    g.append('text').attr('x', 28).attr('y', 0).text(label);
    lx += 40 + labelWidth(label);
  }
  if (!o.compact) {
    const levels = svg.append('g').attr('class', 'level-legend').attr('transform', `translate(${margin.left},${height - 16})`);
    let kx = 0;
    for (let k = 0; k < LEVELS.length; k++) {
      const g = levels.append('g').attr('transform', `translate(${kx},0)`);
      levelCell(g, pattern, k, 0, 28, 16, k > 0 ? LEVELS[k] : null);
      g.append('text').attr('x', 34).attr('y', 12).text(o.levelNames[k]);
      kx += 48 + labelWidth(o.levelNames[k]);
    }
  }
  return svg.node()!;
}

/** Runs of equal values: [from, to (exclusive), value]. */
function runs(a: ArrayLike<number>): [number, number, number][] {
  const out: [number, number, number][] = [];
  for (let i = 0; i < a.length;) {
    let j = i + 1;
    while (j < a.length && a[j] === a[i]) j++;
    out.push([i, j, a[i]]);
    i = j;
  }
  return out;
}
