/**
 * Customer baseline loads (CBL): what each curtailable customer would draw, hour by hour, if not
 * curtailed — the planner needs it to know how many MW a customer can really release.
 *  - similar days (default with metered history): the customer's own load on the days of the same
 *    kind, in the last weeks, whose peak temperature was closest to the forecast, averaged hour by
 *    hour, then adjusted for the remaining temperature difference by the customer's own sensitivity;
 *  - high X of Y: the average of the X highest-energy days among the last Y days of the same kind
 *    (the utilities' demand-response rule; a deliberately generous baseline);
 *  - profile (no metered history): the customer's load profile at its peak MW on the forecast.
 */
import { dayKindIndex, type DayKindIndex } from '../calendar/day-kind.ts';
import type { Customer, Scenario } from '../scenario/model.ts';
import { effectiveTemperature, profileShare, type ProfileDay } from '../scenario/profile-share.ts';
import { DAY_MS, HOUR_MS, parseTimestamp } from '../time/timestamp.ts';
import { resolveZone, type Zone } from '../time/zone.ts';

export type BaselineMethod = 'similar-days' | 'high-x-of-y' | 'profile';
export const BASELINE_METHODS: BaselineMethod[] = ['profile', 'high-x-of-y', 'similar-days'];

export interface BaselineOptions {
  /** 'auto': similar days where the customer has enough metered history, its profile otherwise. */
  method?: 'auto' | BaselineMethod;
  x?: number;
  y?: number;
  /** Similar days averaged. */
  similar?: number;
  /** How far back similar days are sought, days. */
  lookbackDays?: number;
  /** Which customers get a baseline (default: those with measures, i.e. curtailable ones). */
  include?: (c: Customer) => boolean;
}

export interface CustomerBaselines {
  startMs: number;
  hours: number;
  /** Curtailable customers, in scenario order. */
  customers: string[];
  /** Baseline MW, customer-major: values[c * hours + h]. */
  values: Float32Array;
  /** Index into BASELINE_METHODS per customer. */
  method: Uint8Array;
}

interface Ctx {
  zone: Zone;
  days: DayKindIndex;
  startMs: number;
  hours: number;
  stationTemp: (station: number, ms: number) => number;
}

const kindOf = (days: DayKindIndex, day: number): ProfileDay => {
  const k = days.kind(day);
  return k === 'workday' || k === 'adjusted-workday' ? 'working' : k === 'holiday' ? 'holiday' : 'weekend';
};
const sameKind = (a: ProfileDay, b: ProfileDay) => (a === 'working') === (b === 'working');

/** Local day number and hour of an instant. */
function local(ctx: Ctx, ms: number): { day: number; hour: number } {
  const localMs = ms + ctx.zone.offsetAt(ms) * 60_000;
  const day = Math.floor(localMs / DAY_MS);
  return { day, hour: Math.floor((localMs - day * DAY_MS) / HOUR_MS) };
}

/** A customer's metered hours as days: day number → 24 values (NaN where unknown). */
function meteredDays(ctx: Ctx, series: { startMs: number; values: Float64Array }, beforeMs: number): Map<number, Float64Array> {
  const out = new Map<number, Float64Array>();
  for (let i = 0; i < series.values.length; i++) {
    const ms = series.startMs + i * HOUR_MS;
    if (ms >= beforeMs) break;
    const { day, hour } = local(ctx, ms);
    let d = out.get(day);
    if (!d) out.set(day, (d = new Float64Array(24).fill(Number.NaN)));
    d[hour] = series.values[i];
  }
  for (const [day, v] of out) if (v.some((x) => !Number.isFinite(x))) out.delete(day); // whole days only
  return out;
}

function dailyMax(ctx: Ctx, station: number, day: number): number {
  let m = -Infinity;
  for (let h = 0; h < 24; h++) {
    const ms = day * DAY_MS + h * HOUR_MS;
    m = Math.max(m, ctx.stationTemp(station, ms - ctx.zone.offsetAt(ms) * 60_000));
  }
  return m;
}

const mean = (v: ArrayLike<number>) => {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i];
  return s / v.length;
};

function average(days: Float64Array[]): Float64Array {
  const out = new Float64Array(24);
  for (const d of days) for (let h = 0; h < 24; h++) out[h] += d[h] / days.length;
  return out;
}

function highXofY(history: Map<number, Float64Array>, ctx: Ctx, target: number, x: number, y: number): Float64Array | null {
  const kind = kindOf(ctx.days, target);
  const candidates = [...history.keys()].filter((d) => d < target && sameKind(kindOf(ctx.days, d), kind)).sort((a, b) => b - a).slice(0, y);
  if (candidates.length < Math.min(y, x + 1)) return null;
  const top = candidates.map((d) => history.get(d)!).sort((a, b) => mean(b) - mean(a)).slice(0, x);
  return average(top);
}

function similarDays(history: Map<number, Float64Array>, ctx: Ctx, station: number, target: number, n: number, lookback: number): Float64Array | null {
  const kind = kindOf(ctx.days, target);
  const pool = [...history.keys()].filter((d) => d < target && d >= target - lookback && sameKind(kindOf(ctx.days, d), kind));
  if (pool.length < n + 2) return null;
  const tTarget = dailyMax(ctx, station, target);
  const withT = pool.map((d) => ({ d, t: dailyMax(ctx, station, d), load: mean(history.get(d)!) }));
  const chosen = [...withT].sort((a, b) => Math.abs(a.t - tTarget) - Math.abs(b.t - tTarget)).slice(0, n);
  const base = average(chosen.map((c) => history.get(c.d)!));
  // Weather adjustment: the customer's own daily-mean load per °C of daily maximum, over the pool.
  const mt = mean(withT.map((w) => w.t)), ml = mean(withT.map((w) => w.load));
  let cov = 0, varT = 0;
  for (const w of withT) {
    cov += (w.t - mt) * (w.load - ml);
    varT += (w.t - mt) ** 2;
  }
  const slope = varT > 1e-9 ? cov / varT : 0;
  const chosenT = mean(chosen.map((c) => c.t)), chosenLoad = mean(base);
  const factor = chosenLoad > 0 ? Math.min(1.5, Math.max(0.7, 1 + (slope * (tTarget - chosenT)) / chosenLoad)) : 1;
  for (let h = 0; h < 24; h++) base[h] *= factor;
  return base;
}

export function customerBaselines(s: Scenario, window?: { startMs: number; hours: number }, options: BaselineOptions = {}): CustomerBaselines {
  const zone = resolveZone(s.timeZone)!;
  const startMs = window?.startMs ?? parseTimestamp(s.study.start)!.ms;
  const hours = window?.hours ?? s.study.hours;
  const days = dayKindIndex(s.policy.holidays);
  const stations = s.weather.stations;
  const stationTemp = (k: number, ms: number): number => {
    const st = stations[k];
    if (!st) return Number.NaN;
    for (const series of [st.forecast, st.history]) {
      if (!series) continue;
      const i = Math.round((ms - series.startMs) / HOUR_MS);
      if (i >= 0 && i < series.values.length) return series.values[i];
    }
    return Number.NaN;
  };
  const ctx: Ctx = { zone, days, startMs, hours, stationTemp };

  // Station of each customer: its feeder's substation, or the nearest area above that names one.
  const stationIndex = new Map(stations.map((st, k) => [st.id, k]));
  const areas = new Map(s.areas.map((a) => [a.id, a]));
  const feederArea = new Map(s.feeders.map((f) => [f.id, f.substation]));
  const stationCache = new Map<string, number>();
  const stationOf = (area: string | undefined): number => {
    if (!area) return 0;
    const cached = stationCache.get(area);
    if (cached !== undefined) return cached;
    let found = 0;
    for (let a = areas.get(area); a; a = a.parent ? areas.get(a.parent) : undefined) {
      if (a.weatherStation !== undefined && stationIndex.has(a.weatherStation)) {
        found = stationIndex.get(a.weatherStation)!;
        break;
      }
    }
    stationCache.set(area, found);
    return found;
  };

  // Profile shares per (profile, station) over the window, computed once.
  const profiles = new Map(s.profiles.map((p) => [p.id, p]));
  const hourInfo = Array.from({ length: hours }, (_, i) => local(ctx, startMs + i * HOUR_MS));
  const shareCache = new Map<string, Float64Array>();
  const shares = (profileId: string, station: number): Float64Array => {
    const key = `${profileId}@${station}`;
    let v = shareCache.get(key);
    if (v) return v;
    // Effective temperature needs the day before the window too.
    const raw = Float64Array.from({ length: hours + 24 }, (_, i) => stationTemp(station, startMs + (i - 24) * HOUR_MS));
    const eff = effectiveTemperature(raw).subarray(24);
    const p = profiles.get(profileId)!;
    v = Float64Array.from(hourInfo, ({ day, hour }, i) => profileShare(p, kindOf(days, day), hour, Number.isFinite(eff[i]) ? eff[i] : 20));
    shareCache.set(key, v);
    return v;
  };

  const metered = new Map<string, { startMs: number; values: Float64Array }>();
  for (const h of s.history.load) if (h.of === 'customer') metered.set(h.id, h);
  const curtailable: Customer[] = s.customers.filter(options.include ?? ((c) => c.measures !== undefined));
  const values = new Float32Array(curtailable.length * hours);
  const method = new Uint8Array(curtailable.length);
  const wanted = options.method ?? 'auto';
  const x = options.x ?? 5, y = options.y ?? 10, n = options.similar ?? 5, lookback = options.lookbackDays ?? 45;
  const targetDays = [...new Set(hourInfo.map((h) => h.day))];

  curtailable.forEach((c, k) => {
    const station = stationOf(feederArea.get(c.feeder));
    const series = metered.get(c.id);
    let done = false;
    if (series && wanted !== 'profile') {
      const history = meteredDays(ctx, series, startMs);
      const useHigh = wanted === 'high-x-of-y';
      const perDay = new Map<number, Float64Array>();
      for (const day of targetDays) {
        const b = useHigh ? highXofY(history, ctx, day, x, y) : similarDays(history, ctx, station, day, n, lookback);
        if (!b) break;
        perDay.set(day, b);
      }
      if (perDay.size === targetDays.length) {
        hourInfo.forEach(({ day, hour }, i) => (values[k * hours + i] = perDay.get(day)![hour]));
        method[k] = BASELINE_METHODS.indexOf(useHigh ? 'high-x-of-y' : 'similar-days');
        done = true;
      }
    }
    if (!done) {
      const share = shares(c.profile, station);
      for (let i = 0; i < hours; i++) values[k * hours + i] = c.peakMW * share[i];
      method[k] = 0;
    }
  });
  return { startMs, hours, customers: curtailable.map((c) => c.id), values, method };
}
