/**
 * The local days execution is judged on. A notice, a baseline and a daily report all speak of
 * local dates (2024-07-22) and local hours (15:00), while meters and plans count instants: this
 * maps one to the other in the scenario's zone, clock changes included (a local day may have 23
 * or 25 hours; an hour that does not exist on it is simply absent).
 */
import { DAY_MS, HOUR_MS, formatDate, parseDate } from '../time/timestamp.ts';
import { formatInZone, type Zone } from '../time/zone.ts';

export interface HourAxis {
  zone: Zone;
  /** Instant of hour 0 of the axis (a local midnight). */
  startMs: number;
  hours: number;
  /** Local day number and local hour of every hour of the axis. */
  day: Int32Array;
  hour: Uint8Array;
  /** Local day number → the axis hour of each local hour 0..23 (−1 where the day lacks it). */
  hoursOfDay(day: number): Int32Array | null;
  time(h: number): string;
}

/** The local day (days since 1970-01-01) of an instant in a zone. */
export function localDay(ms: number, zone: Zone): number {
  return Math.floor((ms + zone.offsetAt(ms) * 60_000) / DAY_MS);
}

/** The instant of a local day's midnight (the first instant whose local date is that day). */
export function localMidnight(day: number, zone: Zone): number {
  // The offset in force a little after midnight is the one that places it (offsets change at 02:00 or later).
  let ms = day * DAY_MS - zone.offsetAt(day * DAY_MS) * 60_000;
  while (localDay(ms, zone) < day) ms += HOUR_MS;
  while (localDay(ms - HOUR_MS, zone) >= day) ms -= HOUR_MS;
  return ms;
}

/** An hourly axis over whole local days, firstDay..lastDay inclusive. */
export function hourAxis(zone: Zone, firstDay: number, lastDay: number): HourAxis {
  const startMs = localMidnight(firstDay, zone);
  const endMs = localMidnight(lastDay + 1, zone);
  const hours = Math.round((endMs - startMs) / HOUR_MS);
  const day = new Int32Array(hours), hour = new Uint8Array(hours);
  const byDay = new Map<number, Int32Array>();
  for (let h = 0; h < hours; h++) {
    const ms = startMs + h * HOUR_MS;
    const localMs = ms + zone.offsetAt(ms) * 60_000;
    day[h] = Math.floor(localMs / DAY_MS);
    hour[h] = Math.floor((localMs - day[h] * DAY_MS) / HOUR_MS);
    let of = byDay.get(day[h]);
    if (!of) byDay.set(day[h], (of = new Int32Array(24).fill(-1)));
    // A repeated local hour (clocks going back) keeps its first instance.
    if (of[hour[h]] < 0) of[hour[h]] = h;
  }
  // Each hour's text made once: a province day names the same hours for 100,000 meters.
  const times: (string | undefined)[] = new Array(hours);
  const time = (h: number): string => {
    if (!(h >= 0 && h < hours && Number.isInteger(h))) return formatInZone(startMs + h * HOUR_MS, zone);
    return (times[h] ??= formatInZone(startMs + h * HOUR_MS, zone));
  };
  return { zone, startMs, hours, day, hour, hoursOfDay: (d) => byDay.get(d) ?? null, time };
}

/** A local date's day number, or null when the text is not a real date. */
export const dayOfDate = (date: string): number | null => parseDate(date);
export const dateOfDay = (day: number): string => formatDate(day);
