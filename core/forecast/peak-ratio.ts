/**
 * The hour's highest point against its mean. Load read at 15 or 30 minutes is kept as the
 * hourly mean (energy, what the model forecasts) and the hour's maximum (`maxValues` of a load
 * history). Supply must meet the highest quarter-hour, not the mean: an hour whose mean fits under
 * the supply can still be short for fifteen minutes. So where an area's history has its hourly
 * maxima, its warnings are measured against the forecast mean scaled by how far the maximum
 * stood above the mean at that hour of day — a ratio measured on its history, not assumed.
 */
import type { Scenario } from '../scenario/model.ts';
import { HOUR_MS } from '../time/timestamp.ts';
import type { DataNote } from '../notes.ts';
import { quantileOf } from './quantiles.ts';

/** Days of history the ratio is measured on (the latest): the load's make-up changes over years. */
export const PEAK_RATIO_DAYS = 365;
/** Fewest hours at an hour of day for its own ratio; below it the ratio of all hours serves. */
const MIN_HOURS_AT_HOUR = 20;

/** Per area, the hour's maximum over its mean at each local hour of day (0–23), ≥ 1. */
export type PeakRatios = Record<string, number[]>;

const median = (xs: number[]) => quantileOf(Float64Array.from(xs).sort(), 0.5);

/**
 * The peak ratios of the areas whose load history carries hourly maxima, measured on the last
 * PEAK_RATIO_DAYS before `untilMs`; `localHourOf` maps an instant to its local hour of day.
 */
export function peakRatios(s: Pick<Scenario, 'history'>, untilMs: number, localHourOf: (ms: number) => number): PeakRatios {
  const out: PeakRatios = {};
  const byArea = new Map<string, number[][]>();
  for (const h of s.history.load) {
    if (h.of !== 'area' || !h.maxValues) continue;
    const atHour = byArea.get(h.id) ?? Array.from({ length: 24 }, () => []);
    const from = untilMs - PEAK_RATIO_DAYS * 24 * HOUR_MS;
    for (let i = 0; i < h.values.length; i++) {
      const ms = h.startMs + i * HOUR_MS;
      if (ms < from || ms >= untilMs) continue;
      const mean = h.values[i], max = h.maxValues[i];
      if (!(mean > 0) || typeof max !== 'number' || !Number.isFinite(max)) continue;
      atHour[localHourOf(ms)].push(Math.max(1, max / mean));
    }
    byArea.set(h.id, atHour);
  }
  for (const [area, atHour] of byArea) {
    const all = atHour.flat();
    if (!all.length) continue;
    const overall = median(all);
    out[area] = atHour.map((xs) => (xs.length >= MIN_HOURS_AT_HOUR ? median(xs) : overall));
  }
  return out;
}

/**
 * The ratio of an area without maxima of its own, from its parts: their ratios weighted by their
 * forecast load hour by hour — but only where every part has one (a part whose peaks are unknown
 * would be counted as flat, and the sum's peak understated). Peaks of parts do not all fall in the
 * same quarter-hour, so the weighted ratio is at or above the sum's own: warned early, not late.
 */
export function combinedFactor(parts: Array<{ point: Float64Array; factor: Float64Array | undefined }>): Float64Array | undefined {
  if (!parts.length || parts.some((p) => !p.factor)) return undefined;
  const hours = parts[0].point.length;
  return Float64Array.from({ length: hours }, (_, h) => {
    let load = 0, peak = 0;
    for (const p of parts) { load += p.point[h]; peak += p.point[h] * p.factor![h]; }
    return load > 0 ? Math.max(1, peak / load) : 1;
  });
}

/** What a forecast whose areas have maxima says of it, in both languages. */
export function peakNote(area: string, name: string, ratios: number[]): DataNote {
  let top = 0;
  ratios.forEach((r, h) => { if (r > ratios[top]) top = h; });
  const pct = (100 * (ratios[top] - 1)).toFixed(1);
  const hh = String(top).padStart(2, '0');
  return {
    code: 'peak-within-hour', subject: area,
    en: `${name}: gaps are measured against the hour's highest point, not its mean — in its last year the highest 15/30-minute reading stood up to ${pct} % above the hour's mean (at ${hh}:00); energy is counted on the means`,
    zh: `${name}：缺口按小时内最大负荷计算，而非小时平均——近一年小时内最高点比小时均值最多高 ${pct}%（${hh} 时）；电量仍按小时平均计算`,
  };
}

/** An area whose history has maxima, none of them in its last year: its warnings stand on means. */
export function stalePeakNote(area: string, name: string): DataNote {
  return {
    code: 'peak-within-hour', subject: area,
    en: `${name}: its history's hourly maxima have none in the last ${PEAK_RATIO_DAYS} days before the study, so its gaps are measured against hourly means, which understate the highest 15/30-minute load`,
    zh: `${name}：历史小时内最大负荷在研究期前 ${PEAK_RATIO_DAYS} 天内无数据，缺口仅按小时平均负荷计算，会低估小时内最高负荷`,
  };
}
