/**
 * A GEFCom-like hourly history, made up and seeded: four years of load in a fixed-offset zone
 * (UTC−05:00, as GEFCom2012's US utility) that follows the weekday and hour, the season, and the
 * heat and cold of the last hours and days (so the model's temperature lags matter), with noise.
 * Tests that need a realistic series without the real files use it.
 */
import { createRng } from '../../core/random/rng.ts';
import { formatTimestamp, HOUR_MS } from '../../core/time/timestamp.ts';

export interface GefcomLike {
  /** Local midnight of 2004-01-01 at UTC−05:00. */
  startMs: number;
  hours: number;
  load: Float64Array;
  temperature: Float64Array;
}

export const GEFCOM_LIKE_OFFSET = -300;

export function gefcomLike(seed = 'gefcom-like', years = 4): GefcomLike {
  const rng = createRng(seed);
  const startMs = Date.UTC(2004, 0, 1, 5);
  const hours = Math.round(years * 365.25) * 24;
  const temperature = new Float64Array(hours);
  const load = new Float64Array(hours);
  let weather = 0; // an AR(1) departure from the seasonal mean, °C
  let felt = 10; // what buildings feel: a slow average of the temperature
  for (let i = 0; i < hours; i++) {
    const day = Math.floor(i / 24), hour = i % 24;
    weather = 0.97 * weather + 0.8 * rng.normal();
    temperature[i] = 12 - 13 * Math.cos((2 * Math.PI * (day - 15)) / 365.25) + 5 * Math.sin((Math.PI * (hour - 9)) / 12) + weather;
    felt = 0.95 * felt + 0.05 * temperature[i];
    const weekday = (day + 4) % 7; // 2004-01-01 was a Thursday; 0 = Sunday
    const working = weekday >= 1 && weekday <= 5;
    const daily = (working ? 1 : 0.85) * (0.8 + 0.25 * Math.exp(-((hour - 18) ** 2) / 8) + 0.15 * Math.exp(-((hour - 10) ** 2) / 10));
    const heat = 9 * Math.max(0, felt - 18) + 3 * Math.max(0, temperature[i] - 22);
    const cold = 6 * Math.max(0, 10 - felt);
    load[i] = (1000 + 0.02 * i / 24) * daily + heat + cold + 15 * rng.normal();
  }
  return { startMs, hours, load, temperature };
}

/** As a CSV with offset stamps: `time,load,temp`, leaving out the rows of `drop` (axis indices). */
export function gefcomLikeCsv(series: GefcomLike, drop: ReadonlySet<number> = new Set()): string {
  const lines = ['time,load,temp'];
  for (let i = 0; i < series.hours; i++) {
    if (drop.has(i)) continue;
    const stamp = formatTimestamp(series.startMs + i * HOUR_MS, GEFCOM_LIKE_OFFSET);
    lines.push(`${stamp},${series.load[i].toFixed(2)},${series.temperature[i].toFixed(2)}`);
  }
  return lines.join('\n');
}
