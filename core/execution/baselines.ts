/**
 * Baselines by the rules in use (what a customer would have drawn without the order; the release
 * is baseline − actual):
 *  - jiangsu: the mean, hour by hour, of the last 5 normal working days before the day — working
 *    days of the scenario's calendar (调休 Saturdays included, holidays and weekends not) on which
 *    the meter was not itself under an order;
 *  - beijing: of the 10 days counted back from D−2 (D−2 … D−11, reaching further back past each
 *    holiday or day under an order skipped), the 5 with the highest energy, averaged hour by hour;
 *  - hour-before: the load of the hour before the first ordered hour, held for the day (short events);
 *  - day-adjusted: the Jiangsu days scaled to the day itself — by the ratio of the day's load to
 *    the baseline's in the three hours before the first order but one (14:00–17:00 for an order
 *    at 18:00: the hour just before, when customers ramp down, is left out), held within ±20 %
 *    (the same-day adjustment of North American demand-response baselines): a hotter day than
 *    the baseline days lifts the baseline with it;
 *  - similar-days: of the days of the same kind (working or not) in the 30 before, not under an
 *    order, the 5 whose peak temperature at the meter's weather station was closest to the day's
 *    (the day's own from the station's history, else its forecast), averaged hour by hour. (A
 *    regression on each customer's own temperature sensitivity is not built here.)
 * Only days on which the meter has all 24 hours count. A baseline that cannot be formed (too few
 * days in the readings) is refused with the days it found, never filled in.
 */
import type { DayKindIndex } from '../calendar/day-kind.ts';
import type { HourAxis } from './local-days.ts';
import { dateOfDay } from './local-days.ts';
import { meterAt, type MeterSeries } from './meters.ts';

export const BASELINE_POLICIES = ['jiangsu', 'beijing', 'hour-before', 'day-adjusted', 'similar-days'] as const;
export type BaselinePolicy = (typeof BASELINE_POLICIES)[number];

export const BASELINE_NAMES: Record<BaselinePolicy, { zh: string; en: string }> = {
  jiangsu: { zh: '前5个正常工作日平均(江苏)', en: 'mean of the last 5 normal working days (Jiangsu)' },
  beijing: { zh: 'D-2起10日中最高5日平均(北京)', en: 'mean of the highest 5 of the 10 days from D−2 (Beijing)' },
  'hour-before': { zh: '指令前一小时负荷', en: 'load of the hour before the order' },
  'day-adjusted': { zh: '前5个正常工作日平均，按当日指令前负荷修正(±20%)', en: 'mean of the last 5 normal working days, scaled to the day before the order (±20 %)' },
  'similar-days': { zh: '气温最接近的5个同类日平均', en: 'mean of the 5 days of the same kind whose peak temperature was closest' },
};

/** The hours the day-adjusted baseline compares (count of them, the last being `last` hours before the first order), and how far it may move. */
export const ADJUSTMENT_HOURS = { last: 2, count: 3 } as const;
export const ADJUSTMENT_LIMIT = 0.2;

/** How far back baseline days are sought (the readings kept before the plan). */
export const LOOKBACK_DAYS = 30;

export type Baseline =
  /** adjustment: the day-adjusted baseline's factor (within ±20 %). */
  | { ok: true; mw: Float64Array; days: string[]; adjustment?: number }
  | { ok: false; why: string };

/** The meter's 24 hours of a local day, or null unless it has every one. */
function wholeDay(series: MeterSeries, axis: HourAxis, day: number): Float64Array | null {
  const hours = axis.hoursOfDay(day);
  if (!hours) return null;
  const v = new Float64Array(24);
  for (let lh = 0; lh < 24; lh++) {
    if (hours[lh] < 0) return null;
    v[lh] = meterAt(series, hours[lh]);
    if (!Number.isFinite(v[lh])) return null;
  }
  return v;
}

const mean = (days: Float64Array[]) => {
  const out = new Float64Array(24);
  for (const d of days) for (let h = 0; h < 24; h++) out[h] += d[h] / days.length;
  return out;
};

export interface BaselineContext {
  axis: HourAxis;
  calendar: DayKindIndex;
  /** Days the meter was under an order (not normal days). */
  eventDays: ReadonlySet<number>;
  /** For hour-before and day-adjusted: the first ordered local hour of the day. */
  firstOrderedHour?: number;
  /** For similar-days: the peak temperature (°C) of a local day at the meter's station, null where not known. */
  peakTemperature?: (day: number) => number | null;
}

export function baselineFor(policy: BaselinePolicy, series: MeterSeries, day: number, ctx: BaselineContext): Baseline {
  const { axis, calendar, eventDays } = ctx;
  if (policy === 'hour-before') {
    const first = ctx.firstOrderedHour;
    const hours = axis.hoursOfDay(day);
    if (first === undefined || !hours || hours[first] < 0) return { ok: false, why: 'no ordered hour on the day' };
    const before = hours[first] - 1;
    const v = meterAt(series, before);
    if (!Number.isFinite(v)) return { ok: false, why: `expected a reading in the hour before the order (${axis.time(Math.max(0, before))}), found none` };
    return { ok: true, mw: new Float64Array(24).fill(v), days: [axis.time(before)] };
  }
  if (policy === 'similar-days') return similarDays(series, day, ctx);
  const jiangsu = policy === 'jiangsu' || policy === 'day-adjusted';
  const chosen: { day: number; v: Float64Array }[] = [];
  const want = jiangsu ? 5 : 10;
  for (let d = day - (jiangsu ? 1 : 2); d >= day - LOOKBACK_DAYS && chosen.length < want; d--) {
    if (eventDays.has(d)) continue;
    if (jiangsu ? !calendar.isWorking(d) : calendar.kind(d) === 'holiday') continue;
    const v = wholeDay(series, axis, d);
    if (v) chosen.push({ day: d, v });
  }
  if (chosen.length < want) {
    const what = jiangsu ? '5 normal working days' : `10 days from ${dateOfDay(day - 2)} back without holidays`;
    return { ok: false, why: `expected ${what} with all 24 hours metered in the ${LOOKBACK_DAYS} days before ${dateOfDay(day)}, found ${chosen.length}${chosen.length ? ` (${chosen.map((c) => dateOfDay(c.day)).join(', ')})` : ''}` };
  }
  let used = chosen;
  if (policy === 'beijing') {
    const energy = (v: Float64Array) => v.reduce((a, b) => a + b, 0);
    // Highest energy first; of two equal days the nearer one.
    used = [...chosen].sort((a, b) => energy(b.v) - energy(a.v) || b.day - a.day).slice(0, 5);
  }
  const mw = mean(used.map((c) => c.v));
  const days = used.map((c) => dateOfDay(c.day)).sort();
  if (policy !== 'day-adjusted') return { ok: true, mw, days };
  const ratio = dayRatio(series, axis, day, ctx.firstOrderedHour, mw);
  if (ratio === null) return { ok: false, why: `expected readings in the ${ADJUSTMENT_HOURS.count} hours before the first order but one on ${dateOfDay(day)}, to scale the baseline to the day; found none (an order early in the day: use --baseline jiangsu)` };
  // A customer that draws nothing before its order (landscape lighting) has nothing to scale on: its baseline days stand.
  const k = ratio === 'idle' ? 1 : Math.min(1 + ADJUSTMENT_LIMIT, Math.max(1 - ADJUSTMENT_LIMIT, ratio));
  return { ok: true, mw: mw.map((v) => v * k), days, adjustment: k };
}

/**
 * The day's load over the baseline's in the hours before the order (the three before the first
 * ordered hour but one): above 1 the day runs hotter or busier than its baseline days.
 * Null where those hours are not on the day or not metered; 'idle' where the baseline is 0 there.
 */
export function dayRatio(series: MeterSeries, axis: HourAxis, day: number, firstOrderedHour: number | undefined, baseline: Float64Array): number | 'idle' | null {
  if (firstOrderedHour === undefined) return null;
  const hours = axis.hoursOfDay(day);
  const to = firstOrderedHour - ADJUSTMENT_HOURS.last, from = to - ADJUSTMENT_HOURS.count + 1;
  if (!hours || from < 0) return null;
  let actual = 0, base = 0;
  for (let lh = from; lh <= to; lh++) {
    const v = hours[lh] < 0 ? Number.NaN : meterAt(series, hours[lh]);
    if (!Number.isFinite(v)) return null;
    actual += v; base += baseline[lh];
  }
  return base > 1e-6 ? actual / base : 'idle';
}

/** The 5 days of the day's kind in the look-back whose peak temperature was closest to the day's. */
function similarDays(series: MeterSeries, day: number, ctx: BaselineContext): Baseline {
  const { axis, calendar, eventDays, peakTemperature } = ctx;
  const target = peakTemperature?.(day) ?? null;
  if (target === null) return { ok: false, why: `expected the peak temperature of ${dateOfDay(day)} at the meter's weather station (its history or forecast), found none` };
  const working = calendar.isWorking(day);
  const found: { day: number; v: Float64Array; dt: number }[] = [];
  for (let d = day - 1; d >= day - LOOKBACK_DAYS; d--) {
    if (eventDays.has(d) || calendar.isWorking(d) !== working) continue;
    const t = peakTemperature!(d);
    const v = t === null ? null : wholeDay(series, axis, d);
    if (v) found.push({ day: d, v, dt: Math.abs(t! - target) });
  }
  if (found.length < 5) return { ok: false, why: `expected 5 ${working ? 'working' : 'non-working'} days with all 24 hours metered and a temperature in the ${LOOKBACK_DAYS} days before ${dateOfDay(day)}, found ${found.length}` };
  // Closest temperature first; of two as close the nearer day.
  const used = found.sort((a, b) => a.dt - b.dt || b.day - a.day).slice(0, 5);
  return { ok: true, mw: mean(used.map((c) => c.v)), days: used.map((c) => dateOfDay(c.day)).sort() };
}
