/**
 * Local calendar fields for a run of hours, computed once and shared by everything that needs
 * "which local hour, weekday, day is hour i" (load shapes, regressions, periods of the day).
 */
import { DAY_MS, HOUR_MS, isoWeekday } from './timestamp.ts';
import type { Zone } from './zone.ts';

export interface HourlyCalendar {
  readonly startMs: number;
  readonly hours: number;
  /** Local hour of day 0..23. */
  readonly hourOfDay: Uint8Array;
  /** ISO weekday 1 = Monday … 7 = Sunday. */
  readonly weekday: Uint8Array;
  /** Local month 1..12. */
  readonly month: Uint8Array;
  /** Local date as a day number (days since 1970-01-01). */
  readonly day: Int32Array;
  /** Local day of year 0..365. */
  readonly dayOfYear: Uint16Array;
  /** UTC offset in force, minutes. */
  readonly offsetMinutes: Int16Array;
}

export function hourlyCalendar(startMs: number, hours: number, zone: Zone): HourlyCalendar {
  const hourOfDay = new Uint8Array(hours);
  const weekday = new Uint8Array(hours);
  const month = new Uint8Array(hours);
  const day = new Int32Array(hours);
  const dayOfYear = new Uint16Array(hours);
  const offsetMinutes = new Int16Array(hours);
  let cachedDay = Number.NaN, cachedMonth = 0, cachedDoy = 0;
  for (let i = 0; i < hours; i++) {
    const ms = startMs + i * HOUR_MS;
    const off = zone.offsetAt(ms);
    const localMs = ms + off * 60_000;
    const d = Math.floor(localMs / DAY_MS);
    if (d !== cachedDay) {
      const date = new Date(d * DAY_MS);
      cachedDay = d;
      cachedMonth = date.getUTCMonth() + 1;
      cachedDoy = d - Date.UTC(date.getUTCFullYear(), 0, 1) / DAY_MS;
    }
    offsetMinutes[i] = off;
    day[i] = d;
    month[i] = cachedMonth;
    dayOfYear[i] = cachedDoy;
    weekday[i] = isoWeekday(d);
    hourOfDay[i] = Math.floor((localMs - d * DAY_MS) / HOUR_MS);
  }
  return { startMs, hours, hourOfDay, weekday, month, day, dayOfYear, offsetMinutes };
}
