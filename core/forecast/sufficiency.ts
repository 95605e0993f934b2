/**
 * How much each metered area's history can carry, decided before anything is fitted:
 *  - a year or more of usable hours (load with its temperatures): the model, as it was built;
 *  - MIN_MODEL_DAYS to a year: the model on what there is, its errors measured on the last weeks
 *    held out (not on its own residuals, which a model of ~90 columns per hour fits to nothing),
 *    and a note that seasons not in the history are extrapolated;
 *  - less: no model at all. The area's forecast is its customers' load profiles at their peak
 *    MW on the forecast temperatures, with a band that is assumed and said to be, or — with no
 *    customers to speak for it — a refusal.
 * Also filled, and noted: short gaps in the temperatures the forecast reads (scenario/sufficiency.ts
 * refuses long ones), and a history that stops well before the study.
 */
import { dayKindIndex } from '../calendar/day-kind.ts';
import { DataError } from '../data-error.ts';
import type { DataNote } from '../notes.ts';
import type { Scenario } from '../scenario/model.ts';
import { effectiveTemperature, profileShare } from '../scenario/profile-share.ts';
import { FILLABLE_WEATHER_HOURS, RECENCY_HOURS } from '../scenario/sufficiency.ts';
import { HOUR_MS } from '../time/timestamp.ts';
import { formatInZone, resolveZone } from '../time/zone.ts';
import type { CalendarFeatures } from './calendar-features.ts';
import { probit, QUANTILE_LEVELS } from './quantiles.ts';

export { probit };

/** Fewest usable days of history a model is fitted on. */
export const MIN_MODEL_DAYS = 28;
/** Days of usable history below which the model is said to be fitted on too little. */
export const FULL_MODEL_DAYS = 365;
/** History that ends this many days before the study is said to be stale. */
export const STALE_HISTORY_DAYS = 14;
/** Relative standard deviation assumed for a forecast from profiles (no history to measure it). */
export const PROFILE_SPREAD = 0.1;

export type HistoryMode = 'model' | 'short' | 'profile';

export interface HistoryCoverage {
  /** Hours of training with load and every candidate station's temperature known. */
  usableHours: number;
  /** First and last usable hour on the axis (−1: none). */
  first: number;
  last: number;
  mode: HistoryMode;
}

interface AxisLike {
  startMs: number;
  n: number;
  timeZone: string;
  train: { from: number; to: number };
  study: { from: number; to: number };
  stations: Float64Array[];
  stationIds: string[];
}

/** Usable hours of one area's history, and which form its forecast takes. */
export function historyCoverage(axis: AxisLike, load: Float64Array, stations?: number[]): HistoryCoverage {
  const ids = stations ?? axis.stations.map((_, k) => k);
  let usable = 0, first = -1, last = -1;
  for (let i = axis.train.from; i < axis.train.to; i++) {
    if (!Number.isFinite(load[i])) continue;
    let ok = true;
    for (const k of ids) if (!Number.isFinite(axis.stations[k][i])) { ok = false; break; }
    if (!ok) continue;
    usable++;
    if (first < 0) first = i;
    last = i;
  }
  const mode: HistoryMode = usable < MIN_MODEL_DAYS * 24 ? 'profile' : usable < FULL_MODEL_DAYS * 24 ? 'short' : 'model';
  return { usableHours: usable, first, last, mode };
}

const hoursText = (h: number) => (h >= 48 ? `${Math.round(h / 24)} days` : `${h} h`);
const hoursZh = (h: number) => (h >= 48 ? `${Math.round(h / 24)} 天` : `${h} 小时`);

/**
 * Fills short gaps in the temperatures the forecast reads (RECENCY_HOURS before the study to its
 * end) with the same hour of the day before, in place, and notes each station filled.
 */
export function fillWeatherGaps(axis: AxisLike): DataNote[] {
  const zone = resolveZone(axis.timeZone)!;
  const from = Math.max(24, axis.study.from - RECENCY_HOURS);
  // Stations filled over the same hours share one note.
  const gaps = new Map<string, { ids: string[]; filled: number; first: number; last: number }>();
  axis.stations.forEach((t, k) => {
    let filled = 0, first = -1, last = -1;
    for (let i = from; i < axis.n; i++) {
      if (Number.isFinite(t[i])) continue;
      // A run of unknown hours: filled only if it is short (a longer one is refused by validation
      // and, reaching here anyway, is left for the finite check to stop).
      let end = i;
      while (end < axis.n && !Number.isFinite(t[end])) end++;
      if (end - i <= FILLABLE_WEATHER_HOURS) {
        for (let j = i; j < end; j++) {
          if (!Number.isFinite(t[j - 24])) continue;
          t[j] = t[j - 24];
          filled++;
          if (first < 0) first = j;
          last = j;
        }
      }
      i = end;
    }
    if (!filled) return;
    const key = `${filled}:${first}:${last}`;
    const gap = gaps.get(key) ?? { ids: [], filled, first, last };
    gap.ids.push(axis.stationIds[k]);
    gaps.set(key, gap);
  });
  const at = (i: number) => formatInZone(axis.startMs + i * HOUR_MS, zone);
  return [...gaps.values()].map((g) => {
    const ids = g.ids.join(', ');
    return {
      code: 'weather-filled' as const, subject: ids,
      en: `Weather station${g.ids.length > 1 ? 's' : ''} ${ids}: no temperatures for ${g.filled} h from ${at(g.first)} to ${at(g.last)}; the forecast uses the same hours of the day before.`,
      zh: `气象站 ${ids}：${at(g.first)} 至 ${at(g.last)} 共 ${g.filled} 小时缺少气温，预测按前一日同时刻气温代替。`,
    };
  });
}

/** The note an area's history calls for, if any. */
export function historyNote(axis: AxisLike, area: { id: string; name: string }, c: HistoryCoverage, heldOutDays?: number): DataNote | null {
  const label = `${area.name} (${area.id})`;
  if (c.mode === 'profile') {
    const band = Math.round(PROFILE_SPREAD * probit(0.9) * 1000) / 10;
    return {
      code: 'profile-forecast', subject: area.id,
      en: `${label}: forecast from its customers' load profiles only — ${hoursText(c.usableHours)} of usable history (a model needs ${MIN_MODEL_DAYS} days); its band (±${band} % at P10–P90) is assumed, not measured.`,
      zh: `${label}：可用负荷历史仅 ${hoursZh(c.usableHours)}（建模至少需要 ${MIN_MODEL_DAYS} 天），负荷预测仅按用户负荷曲线估算；其区间（P10–P90 约 ±${band}%）为假定值，未经实测。`,
    };
  }
  if (c.mode === 'short') {
    return {
      code: 'short-history', subject: area.id,
      en: `${label}: forecast from ${hoursText(c.usableHours)} of history (less than a year: seasons not in it are extrapolated); its band is measured on the last ${heldOutDays ?? '?'} days held out.`,
      zh: `${label}：仅有 ${hoursZh(c.usableHours)} 负荷历史（不足一年，未覆盖的季节为外推），预测区间按最后 ${heldOutDays ?? '?'} 天留出数据的误差估计。`,
    };
  }
  const staleHours = axis.study.from - 1 - c.last;
  if (staleHours >= STALE_HISTORY_DAYS * 24) {
    const zone = resolveZone(axis.timeZone)!;
    const lastAt = formatInZone(axis.startMs + c.last * HOUR_MS, zone);
    return {
      code: 'stale-history', subject: area.id,
      en: `${label}: its load history ends ${Math.round(staleHours / 24)} days before the study (${lastAt}); the forecast carries the level of then forward.`,
      zh: `${label}：负荷历史止于研究期前 ${Math.round(staleHours / 24)} 天（${lastAt}），预测沿用当时的负荷水平。`,
    };
  }
  return null;
}

/** Days held out to measure a short history's errors: a quarter of it, at least a week. */
export function shortHeldOutHours(usableHours: number): number {
  return Math.max(7 * 24, Math.round(usableHours / 4 / 24) * 24);
}


/**
 * An area's forecast from its customers' profiles: every customer below it (protected ones too:
 * they are load all the same) at its peak MW times its profile's share for the kind of day and
 * the effective temperature. Null when no customer is connected below the area.
 */
export function profileForecast(
  s: Scenario, axis: AxisLike, area: string, cal: CalendarFeatures, stations?: number[],
): { point: Float64Array; quantiles: Float64Array[] } | null {
  const below = new Set<string>();
  const children = new Map<string, string[]>();
  for (const a of s.areas) if (a.parent !== null) children.set(a.parent, [...(children.get(a.parent) ?? []), a.id]);
  const walk = (id: string) => { below.add(id); for (const c of children.get(id) ?? []) walk(c); };
  walk(area);
  const feederArea = new Map(s.feeders.map((f) => [f.id, f.substation]));
  const customers = s.customers.filter((c) => below.has(feederArea.get(c.feeder) ?? ''));
  if (!customers.length) return null;
  // Temperature: the stations the area reads, averaged; as buildings feel it.
  const ids = stations ?? axis.stations.map((_, k) => k);
  const raw = new Float64Array(axis.n);
  for (let i = 0; i < axis.n; i++) {
    let sum = 0;
    for (const k of ids) sum += axis.stations[k][i];
    raw[i] = sum / ids.length;
  }
  const eff = effectiveTemperature(raw);
  const days = dayKindIndex(s.policy.holidays);
  const profiles = new Map(s.profiles.map((p) => [p.id, p]));
  const hours = axis.study.to - axis.study.from;
  const point = new Float64Array(hours);
  const peakByProfile = new Map<string, number>();
  for (const c of customers) peakByProfile.set(c.profile, (peakByProfile.get(c.profile) ?? 0) + c.peakMW);
  for (let h = 0; h < hours; h++) {
    const i = axis.study.from + h;
    const k = days.kind(cal.day[i]);
    const kind = k === 'workday' || k === 'adjusted-workday' ? 'working' : k === 'holiday' ? 'holiday' : 'weekend';
    const temperature = Number.isFinite(eff[i]) ? eff[i] : 20;
    let mw = 0;
    for (const [profile, peak] of peakByProfile) mw += peak * profileShare(profiles.get(profile)!, kind, cal.hour[i], temperature);
    point[h] = mw;
  }
  const quantiles = QUANTILE_LEVELS.map((level) => {
    const z = probit(level);
    return Float64Array.from(point, (v) => Math.max(0, v * (1 + PROFILE_SPREAD * z)));
  });
  return { point, quantiles };
}

/** The refusal when an area has neither the history for a model nor customers to stand in. */
export function nothingToForecast(area: { id: string; name: string }, path: string, c: HistoryCoverage): DataError {
  return new DataError([{
    path,
    message: `expected at least ${MIN_MODEL_DAYS} days of hourly load with temperatures before the study for area ${area.id} (${area.name}), ` +
      `or customers below it whose profiles could stand in, found ${hoursText(c.usableHours)} of usable history and no customers`,
  }]);
}
