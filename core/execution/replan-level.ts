/**
 * The forecast's level for the rest of the day, from what the meters saw up to T — as simple as
 * it can honestly be: the system's demand over the last whole hours before T that have readings
 * (its root area's meter, plus what the plan in force ordered released in those hours less the
 * shifted energy it had coming back: the meters see the load with the orders carried out, the
 * forecast is of the load without them), against the forecast for those hours; their ratio
 * scales the remaining forecast of every area from T to the end of that local day. Nothing else
 * about the forecast (its shape, its spread, other days) is changed, and the output says so.
 */
import type { ScenarioForecast } from '../forecast/scenario-forecast.ts';
import type { Problem } from '../problems.ts';
import type { Scenario } from '../scenario/model.ts';
import { HOUR_MS } from '../time/timestamp.ts';
import { formatInZone } from '../time/zone.ts';
import type { HourAxis } from './local-days.ts';
import { localDay, localMidnight } from './local-days.ts';
import { meterAt, meterKey, type Meters } from './meters.ts';

/** Hours the ratio is measured over (at most): the last three whole hours before T. */
export const LEVEL_HOURS = 3;

export interface MeasuredLevel {
  ratio: number;
  fromMs: number;
  untilMs: number;
  measuredHours: string[];
  measuredMW: number[];
  forecastMW: number[];
  /** What the plan in force ordered released (less shifted energy coming back) in those hours, MW: added to the metered load. */
  orderedMW: number[];
  /**
   * Whole hours between the last hour read and T (0: the meters reach T). Meters that stop early
   * still give a level, from older hours: said here and in the method, never passed off as the
   * hours just before T.
   */
  staleHours: number;
  method: string;
}

export function measuredLevel(s: Scenario, forecast: ScenarioForecast, meters: Meters, axis: HourAxis, atMs: number, file: string, orderedAt: (ms: number) => number): { ok: true; level: MeasuredLevel } | { ok: false; problems: Problem[] } {
  const root = s.areas.find((a) => a.parent === null)!;
  const m = meters.index.get(meterKey('area', root.id));
  if (m === undefined) return { ok: false, problems: [{ path: file, message: `expected the system's meter (area ${root.id}, ${root.name}) with readings in the hours before ${formatInZone(atMs, axis.zone)}: the forecast's level is measured on it, found none` }] };
  const series = meters.series[m];
  // Whole hours ending at or before T, latest first, that the meter read and the forecast covers.
  const lastAxisHour = Math.floor((atMs - axis.startMs) / HOUR_MS) - 1;
  const hours: number[] = [], measured: number[] = [], expected: number[] = [], ordered: number[] = [];
  for (let a = lastAxisHour; a >= 0 && hours.length < LEVEL_HOURS; a--) {
    const mw = meterAt(series, a);
    if (!Number.isFinite(mw)) { if (hours.length) break; continue; }
    const ms = axis.startMs + a * HOUR_MS;
    const k = Math.round((ms - forecast.startMs) / HOUR_MS);
    if (k < 0 || k >= forecast.hours) break;
    hours.unshift(a); measured.unshift(mw); expected.unshift(forecast.system.point[k]); ordered.unshift(orderedAt(ms));
    if (a < lastAxisHour - 23) break;
  }
  const sumM = measured.reduce((x, y) => x + y, 0), sumF = expected.reduce((x, y) => x + y, 0), sumO = ordered.reduce((x, y) => x + y, 0);
  if (!hours.length || !(sumF > 0)) {
    return { ok: false, problems: [{ path: `${file}: area ${root.id}`, message: `expected readings of the system's meter in the forecast's hours before ${formatInZone(atMs, axis.zone)} (the level is measured over the last ${LEVEL_HOURS}), found none` }] };
  }
  const ratio = (sumM + sumO) / sumF;
  const fromMs = axis.startMs + (Math.floor((atMs - axis.startMs - 1) / HOUR_MS) + 1) * HOUR_MS;
  const untilMs = localMidnight(localDay(atMs, axis.zone) + 1, axis.zone);
  const round = (v: number) => Math.round(v * 1000) / 1000;
  const times = hours.map((a) => formatInZone(axis.startMs + a * HOUR_MS, axis.zone));
  const staleHours = lastAxisHour - hours[hours.length - 1];
  return {
    ok: true,
    level: {
      ratio: Math.round(ratio * 1e6) / 1e6, fromMs, untilMs, measuredHours: times, measuredMW: measured.map(round), forecastMW: expected.map(round), orderedMW: ordered.map(round), staleHours,
      method: `the remaining forecast of every area, from ${formatInZone(fromMs, axis.zone)} to the end of the day (${formatInZone(untilMs, axis.zone)}), scaled by the system's demand over the forecast in the last ${hours.length} measured hour${hours.length === 1 ? '' : 's'} before T (metered ${round(sumM)} + ordered by the plan in force ${round(sumO)} MWh, over ${round(sumF)} MWh forecast); shape, spread and later days unchanged` +
        (staleHours > 0 ? `; WARNING: the meters stop ${staleHours} h before T (last reading for the hour from ${times[times.length - 1]}), so the level is ${staleHours} h old` : ''),
    },
  };
}
