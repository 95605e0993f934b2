/**
 * Load (MW) over the last weeks of history, the temperature (°C) on a second axis, and the study
 * window shaded with its temperature forecast. A d3 mark factory: data and options in, an SVG
 * element out.
 */
import * as d3 from 'd3';
import type { Lang } from '../i18n.ts';
import { tickText } from '../time-text.ts';
import { wallClock } from './zoned-time.ts';

export interface Series {
  startMs: number;
  values: Float64Array;
}

export interface LoadChartOptions {
  load: Series;
  temperature?: { history?: Series; forecast?: Series };
  study: { startMs: number; hours: number };
  timeZone: string;
  /** Days of history to show before the study. */
  days?: number;
  width?: number;
  lang?: Lang;
  height?: number;
  labels: { load: string; temperature: string; forecast: string; study: string; loadForecast?: string };
  /** The load forecast over the study window: point and its P10–P90 band, MW. */
  loadForecast?: { startMs: number; point: Float64Array; p10: Float64Array; p90: Float64Array };
}

const HOUR = 3_600_000;

function points(s: Series | undefined, from: number, to: number): Array<[number, number]> {
  if (!s) return [];
  const out: Array<[number, number]> = [];
  const first = Math.max(0, Math.floor((from - s.startMs) / HOUR));
  const last = Math.min(s.values.length, Math.ceil((to - s.startMs) / HOUR));
  for (let i = first; i < last; i++) if (Number.isFinite(s.values[i])) out.push([s.startMs + i * HOUR, s.values[i]]);
  return out;
}

export function loadChart(o: LoadChartOptions): SVGSVGElement {
  const width = o.width ?? 900, height = o.height ?? 320;
  const margin = { top: 20, right: 56, bottom: 28, left: 64 };
  const studyEnd = o.study.startMs + o.study.hours * HOUR;
  const from = o.study.startMs - (o.days ?? 21) * 24 * HOUR;
  const clock = wallClock(o.timeZone);
  const load = points(o.load, from, studyEnd);
  const temps = [...points(o.temperature?.history, from, o.study.startMs), ...points(o.temperature?.forecast, o.study.startMs, studyEnd)];
  const forecast = points(o.temperature?.forecast, o.study.startMs, studyEnd);

  const x = d3.scaleUtc().domain([clock(from), clock(studyEnd)]).range([margin.left, width - margin.right]);
  const forecastMax = o.loadForecast ? d3.max(o.loadForecast.p90) ?? 0 : 0;
  const y = d3.scaleLinear().domain([0, Math.max(d3.max(load, (d) => d[1]) ?? 1, forecastMax) * 1.08]).nice().range([height - margin.bottom, margin.top]);
  const t = d3.scaleLinear().domain(d3.extent([...temps.map((d) => d[1]), 0]) as [number, number]).nice().range([height - margin.bottom, margin.top]);

  const svg = d3.create('svg').attr('viewBox', `0 0 ${width} ${height}`).attr('width', width).attr('height', height).attr('class', 'load-chart').attr('role', 'img');
  svg.append('rect').attr('class', 'study-window')
    .attr('x', x(clock(o.study.startMs))).attr('y', margin.top)
    .attr('width', x(clock(studyEnd)) - x(clock(o.study.startMs))).attr('height', height - margin.top - margin.bottom);
  svg.append('text').attr('class', 'study-label').attr('x', x(clock(o.study.startMs)) + 6).attr('y', margin.top + 14).text(o.labels.study);

  svg.append('g').attr('class', 'axis x').attr('transform', `translate(0,${height - margin.bottom})`)
    .call(d3.axisBottom(x).ticks(Math.max(2, Math.floor(width / 110))).tickFormat((d) => tickText(d as Date, o.lang ?? 'en')).tickSizeOuter(0));
  svg.append('g').attr('class', 'axis y').attr('transform', `translate(${margin.left},0)`)
    .call(d3.axisLeft(y).ticks(6).tickFormat((d) => `${d3.format(',')(d as number)}`))
    .call((g) => g.append('text').attr('class', 'axis-title').attr('x', -8).attr('y', margin.top - 4).attr('text-anchor', 'end').text('MW'));
  svg.append('g').attr('class', 'axis t').attr('transform', `translate(${width - margin.right},0)`)
    .call(d3.axisRight(t).ticks(6))
    .call((g) => g.append('text').attr('class', 'axis-title').attr('x', 8).attr('y', margin.top - 4).text('°C'));

  const line = d3.line<[number, number]>().x((d) => x(clock(d[0]))).defined((d) => Number.isFinite(d[1]));
  svg.append('path').attr('class', 'temperature').attr('d', line.y((d) => t(d[1]))(temps.filter((d) => d[0] < o.study.startMs)) ?? '');
  svg.append('path').attr('class', 'temperature forecast').attr('d', line.y((d) => t(d[1]))(forecast) ?? '');
  svg.append('path').attr('class', 'load').attr('d', line.y((d) => y(d[1]))(load) ?? '');
  if (o.loadForecast) {
    const f = o.loadForecast;
    const at = (i: number) => x(clock(f.startMs + i * HOUR));
    const band = d3.area<number>().x((_, i) => at(i)).y0((i) => y(f.p10[i])).y1((i) => y(f.p90[i]));
    svg.append('path').attr('class', 'forecast-band').attr('d', band(Array.from(f.point, (_, i) => i)) ?? '');
    svg.append('path').attr('class', 'load forecast').attr('d', d3.line<number>().x((_, i) => at(i)).y((v) => y(v))(Array.from(f.point)) ?? '');
  }

  const legend = svg.append('g').attr('class', 'legend').attr('transform', `translate(${margin.left + 8},${height - margin.bottom - 10})`);
  const entries = [['load', o.labels.load], ['temperature', o.labels.temperature], ['temperature forecast', o.labels.forecast]];
  if (o.loadForecast && o.labels.loadForecast) entries.push(['load forecast', o.labels.loadForecast]);
  entries.forEach(([cls, label], i) => {
    const g = legend.append('g').attr('transform', `translate(${i * 150},0)`);
    g.append('line').attr('class', cls).attr('x1', 0).attr('x2', 18).attr('y1', -4).attr('y2', -4);
    g.append('text').attr('x', 24).attr('y', 0).text(label);
  });
  return svg.node()!;
}

/** Daily peaks of the whole history, for a glance at seasons and growth. */
export function dailyPeakChart(o: { load: Series; timeZone: string; width?: number; height?: number; lang?: Lang }): SVGSVGElement {
  const width = o.width ?? 900, height = o.height ?? 120;
  const margin = { top: 8, right: 56, bottom: 24, left: 64 };
  const clock = wallClock(o.timeZone);
  const byDay = new Map<number, number>();
  o.load.values.forEach((v, i) => {
    if (!Number.isFinite(v)) return;
    const day = Math.floor(clock(o.load.startMs + i * HOUR).getTime() / 86_400_000);
    byDay.set(day, Math.max(byDay.get(day) ?? 0, v));
  });
  const days = [...byDay].sort((a, b) => a[0] - b[0]);
  const x = d3.scaleUtc().domain(d3.extent(days, (d) => new Date(d[0] * 86_400_000)) as [Date, Date]).range([margin.left, width - margin.right]);
  const y = d3.scaleLinear().domain([0, d3.max(days, (d) => d[1]) ?? 1]).nice().range([height - margin.bottom, margin.top]);
  const svg = d3.create('svg').attr('viewBox', `0 0 ${width} ${height}`).attr('width', width).attr('height', height).attr('class', 'overview-chart');
  svg.append('g').attr('class', 'axis x').attr('transform', `translate(0,${height - margin.bottom})`).call(d3.axisBottom(x).ticks(Math.max(2, Math.floor(width / 100))).tickFormat((d) => monthTick(d as Date, o.lang ?? 'en')).tickSizeOuter(0));
  svg.append('g').attr('class', 'axis y').attr('transform', `translate(${margin.left},0)`).call(d3.axisLeft(y).ticks(3).tickFormat((d) => d3.format(',')(d as number)));
  svg.append('path').attr('class', 'load').attr('d', d3.line<[number, number]>().x((d) => x(new Date(d[0] * 86_400_000))).y((d) => y(d[1]))(days) ?? '');
  return svg.node()!;
}

/** A tick on the daily-peak overview: the month ("2024-07" / "2024年7月") at a month's first day, else the day. */
function monthTick(d: Date, lang: Lang): string {
  if (d.getUTCDate() !== 1) return tickText(d, lang);
  return lang === 'zh' ? `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月` : `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}
