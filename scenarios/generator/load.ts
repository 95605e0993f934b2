/**
 * Hourly load from the grid's customers: profile shapes by kind of day, weather-driven load on an
 * effective temperature (buildings lag the air: the recency effect real forecasters exploit),
 * yearly growth, factories closing over Spring Festival, and noise that persists from day to day.
 */
import type { DayKindIndex } from '../../core/calendar/day-kind.ts';
import type { Rng } from '../../core/random/rng.ts';
import type { CustomerFile, ProfileFile } from '../../core/scenario/schema.ts';
import type { HourlyCalendar } from '../../core/time/hourly-calendar.ts';
import { HOUR_MS } from '../../core/time/timestamp.ts';
import { ar1 } from './climate.ts';
import { profileShare } from '../../core/scenario/profile-share.ts';
export { effectiveTemperature } from '../../core/scenario/profile-share.ts';

const YEAR_MS = 365.25 * 24 * HOUR_MS;
/** Yearly load growth (China's consumption grew 5–10 % a year in the 2010s–2020s). */
export const GROWTH_PER_YEAR = 0.05;

const INDUSTRIAL = new Set(['industry-1shift', 'industry-2shift', 'industry-3shift', 'high-energy-flat']);

/** Per day: industrial activity around Spring Festival (closed for the holiday, slow return after). */
export function industrialDayFactor(cal: HourlyCalendar, days: DayKindIndex): Map<number, number> {
  const factor = new Map<number, number>();
  const first = cal.day[0], last = cal.day[cal.hours - 1];
  for (let d = first; d <= last; d++) {
    if (days.holidayName(d) !== 'Spring Festival') continue;
    if (days.holidayName(d - 1) === 'Spring Festival') continue; // only at the start of a break
    let end = d;
    while (days.holidayName(end + 1) === 'Spring Festival') end++;
    for (let k = 1; k <= 3; k++) factor.set(d - k, Math.min(factor.get(d - k) ?? 1, 1 - 0.06 * (4 - k)));
    for (let k = 1; k <= 10; k++) factor.set(end + k, Math.min(factor.get(end + k) ?? 1, 0.55 + 0.045 * k));
  }
  return factor;
}

/**
 * Share of peak per hour for one profile at one weather station: the shape of the kind of day,
 * weather load, growth and the industrial factor. The same array serves every customer and
 * substation with that profile and station.
 */
export function profileSeries(
  profile: ProfileFile,
  cal: HourlyCalendar,
  days: DayKindIndex,
  effectiveTempC: Float64Array,
  referenceMs: number,
  industrial: Map<number, number>,
): Float64Array {
  const out = new Float64Array(cal.hours);
  const isIndustrial = INDUSTRIAL.has(profile.id);
  for (let i = 0; i < cal.hours; i++) {
    const kind = days.kind(cal.day[i]);
    const k = kind === 'workday' || kind === 'adjusted-workday' ? 'working' : kind;
    const growth = Math.exp((GROWTH_PER_YEAR * (cal.startMs + i * HOUR_MS - referenceMs)) / YEAR_MS);
    const dayFactor = isIndustrial ? (industrial.get(cal.day[i]) ?? 1) : 1;
    out[i] = growth * dayFactor * profileShare(profile, k, cal.hourOfDay[i], effectiveTempC[i]);
  }
  return out;
}

/** Sum of peak MW per profile for a group of customers. */
export function mwByProfile(customers: CustomerFile[], profileIndex: Map<string, number>, profiles: number): Float64Array {
  const mw = new Float64Array(profiles);
  for (const c of customers) mw[profileIndex.get(c.profile)!] += c.peakMW;
  return mw;
}

/** Σ_p mw[p] × series[p][i], with multiplicative noise that persists within and across days. */
export function aggregateLoad(
  mw: Float64Array,
  series: Float64Array[],
  cal: HourlyCalendar,
  noise: { daySd: number; hourSd: number } | null,
  rng: Rng,
  decimals: number,
): Float64Array {
  const n = cal.hours;
  const out = new Float64Array(n);
  for (let p = 0; p < mw.length; p++) {
    const w = mw[p];
    if (w === 0) continue;
    const s = series[p];
    for (let i = 0; i < n; i++) out[i] += w * s[i];
  }
  const scale = 10 ** decimals;
  if (!noise) {
    for (let i = 0; i < n; i++) out[i] = Math.round(out[i] * scale) / scale;
    return out;
  }
  const days = n ? cal.day[n - 1] - cal.day[0] + 1 : 0;
  const daily = ar1(days, noise.daySd, 0.6, rng.fork('day'));
  const hourly = ar1(n, noise.hourSd, 0.5, rng.fork('hour'));
  for (let i = 0; i < n; i++) {
    const v = out[i] * (1 + daily[cal.day[i] - cal.day[0]] + hourly[i]);
    out[i] = Math.max(0, Math.round(v * scale) / scale);
  }
  return out;
}
