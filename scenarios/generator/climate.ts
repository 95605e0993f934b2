/**
 * Synthetic hourly temperature with seasons, days and weather systems: a yearly cycle, a daily
 * cycle (coolest before dawn, warmest mid-afternoon, wider in dry seasons), and day-to-day anomalies
 * that persist for days (AR(1)) and are shared by the stations of a region, as real weather is.
 */
import type { HourlyCalendar } from '../../core/time/hourly-calendar.ts';
import type { Rng } from '../../core/random/rng.ts';

export interface Climate {
  name: string;
  /** Yearly mean (°C) and half the January–July swing. */
  meanC: number;
  amplitudeC: number;
  /** Day of year (0-based) of the warmest climatological day. */
  warmestDay: number;
  /** Typical daily max − min (°C) in summer and in winter. */
  dailyRangeSummerC: number;
  dailyRangeWinterC: number;
  /** Day-to-day anomaly: standard deviation (°C) and persistence (0..1). */
  anomalySdC: number;
  persistence: number;
}

export const CLIMATES = {
  /** Middle Yangtze (Wuhan, Hangzhou): hot humid summers, cool winters. */
  yangtze: { name: 'middle Yangtze', meanC: 17.3, amplitudeC: 13.2, warmestDay: 200, dailyRangeSummerC: 7.5, dailyRangeWinterC: 7, anomalySdC: 2.6, persistence: 0.78 },
  /** Liaoning (Shenyang): cold winters, warm short summers. */
  northeast: { name: 'Liaoning', meanC: 8.6, amplitudeC: 18, warmestDay: 199, dailyRangeSummerC: 9, dailyRangeWinterC: 10.5, anomalySdC: 3.2, persistence: 0.75 },
  /** Sichuan basin (Chengdu): mild winters, humid summers, small daily range. */
  sichuan: { name: 'Sichuan basin', meanC: 16.4, amplitudeC: 10.6, warmestDay: 205, dailyRangeSummerC: 6.5, dailyRangeWinterC: 5.5, anomalySdC: 2.2, persistence: 0.8 },
} satisfies Record<string, Climate>;

export type ClimateName = keyof typeof CLIMATES;

/** Diurnal shape in [-0.5, 0.5]: minimum near 05:00, maximum near 15:00. */
function diurnal(hour: number): number {
  // Warming 05→15 h is faster than the evening cooling 15→05 h.
  if (hour >= 5 && hour <= 15) return -0.5 + 0.5 * (1 - Math.cos((Math.PI * (hour - 5)) / 10));
  const since = hour > 15 ? hour - 15 : hour + 9; // 0..14 hours after the maximum
  return 0.5 - 0.5 * (1 - Math.cos((Math.PI * since) / 14));
}

/**
 * Hourly temperatures for several stations over the hours of `cal`. Stations share the regional
 * anomaly (correlation about 0.85) and each has its own small offset.
 */
export function synthesizeTemperatures(cal: HourlyCalendar, climate: Climate, stations: number, rng: Rng): Float64Array[] {
  return synthesizeWeather(cal, climate, stations, rng).map((w) => w.actual);
}

export interface StationWeather {
  /** The weather that happened (with its anomalies), °C. */
  actual: Float64Array;
  /** The climatological normal of each hour at the station (season and time of day only), °C. */
  normal: Float64Array;
}

export function synthesizeWeather(cal: HourlyCalendar, climate: Climate, stations: number, rng: Rng): StationWeather[] {
  const days = cal.hours ? cal.day[cal.hours - 1] - cal.day[0] + 1 : 0;
  const regional = ar1(days, climate.anomalySdC, climate.persistence, rng.fork('regional'));
  const out: StationWeather[] = [];
  for (let s = 0; s < stations; s++) {
    const r = rng.fork(`station-${s}`);
    const offset = s === 0 ? 0 : r.uniform(-1.2, 0.8);
    const local = ar1(days, climate.anomalySdC * 0.45, 0.6, r.fork('local'));
    const hourlyNoise = ar1(cal.hours, 0.35, 0.7, r.fork('hourly'));
    const temps = new Float64Array(cal.hours);
    const normal = new Float64Array(cal.hours);
    for (let i = 0; i < cal.hours; i++) {
      const d = cal.day[i] - cal.day[0];
      const seasonal = Math.cos((2 * Math.PI * (cal.dayOfYear[i] - climate.warmestDay)) / 365.25);
      const mean = climate.meanC + climate.amplitudeC * seasonal;
      const range = climate.dailyRangeWinterC + (climate.dailyRangeSummerC - climate.dailyRangeWinterC) * (seasonal + 1) / 2;
      normal[i] = mean + offset + range * diurnal(cal.hourOfDay[i]);
      const value = normal[i] + regional[d] + local[d] + hourlyNoise[i];
      temps[i] = Math.round(value * 10) / 10 + 0; // + 0 turns -0 into 0, which JSON cannot keep
    }
    out.push({ actual: temps, normal });
  }
  return out;
}

/** Stationary AR(1) with the given standard deviation and persistence. */
export function ar1(n: number, sd: number, phi: number, rng: Rng): Float64Array {
  const out = new Float64Array(n);
  const innovation = sd * Math.sqrt(1 - phi * phi);
  let x = sd * rng.normal();
  for (let i = 0; i < n; i++) {
    out[i] = x;
    x = phi * x + innovation * rng.normal();
  }
  return out;
}
