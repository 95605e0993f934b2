/**
 * Timestamps in Orderly always carry their UTC offset ("2024-07-01T02:00+08:00"): a local time
 * without an offset is ambiguous at DST changes and between zones, so the scenario format refuses it.
 * In memory an instant is a number of milliseconds since the epoch (UTC).
 */

export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

export interface ParsedTimestamp {
  /** Milliseconds since 1970-01-01T00:00Z. */
  ms: number;
  /** The offset written in the text, in minutes east of UTC. */
  offsetMinutes: number;
}

const TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(Z|[+-]\d{2}(?::?\d{2})?)$/;

/** Days in a month of the proleptic Gregorian calendar (month 1..12). */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Parses an ISO 8601 timestamp that must carry an offset (Z or ±HH:MM); null when it does not. */
export function parseTimestamp(text: string): ParsedTimestamp | null {
  const m = TIMESTAMP.exec(text);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, zone] = m;
  const year = +y, month = +mo, day = +d, hour = +h, minute = +mi, second = s ? +s : 0;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  const offsetMinutes = parseOffset(zone);
  if (offsetMinutes === null) return null;
  const ms = Date.UTC(year, month - 1, day, hour, minute, second) - offsetMinutes * 60_000;
  return { ms, offsetMinutes };
}

/** "Z" → 0, "+08:00" / "+0800" / "+08" → 480; null when out of range. */
export function parseOffset(zone: string): number | null {
  if (zone === 'Z') return 0;
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (!m) return null;
  const hours = +m[2], minutes = m[3] ? +m[3] : 0;
  if (hours > 14 || minutes > 59) return null;
  return (m[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** "+08:00", "-05:00", "+00:00". */
export function formatOffset(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const a = Math.abs(offsetMinutes);
  return `${sign}${pad2(Math.floor(a / 60))}:${pad2(a % 60)}`;
}

/** Formats an instant at a given offset: "2024-07-01T02:00+08:00" (seconds only when non-zero). */
export function formatTimestamp(ms: number, offsetMinutes: number): string {
  const local = new Date(ms + offsetMinutes * 60_000);
  const base =
    `${local.getUTCFullYear()}-${pad2(local.getUTCMonth() + 1)}-${pad2(local.getUTCDate())}` +
    `T${pad2(local.getUTCHours())}:${pad2(local.getUTCMinutes())}`;
  const seconds = local.getUTCSeconds();
  return (seconds ? `${base}:${pad2(seconds)}` : base) + formatOffset(offsetMinutes);
}

/** A local calendar date as "YYYY-MM-DD". */
export interface DateParts { year: number; month: number; day: number }

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses "YYYY-MM-DD" into a day number (days since 1970-01-01); null when not a real date. */
export function parseDate(text: string): number | null {
  const m = DATE.exec(text);
  if (!m) return null;
  const year = +m[1], month = +m[2], day = +m[3];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

/** Day number (days since 1970-01-01) → "YYYY-MM-DD". */
export function formatDate(dayNumber: number): string {
  const d = new Date(dayNumber * DAY_MS);
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

/** ISO weekday of a day number: 1 = Monday … 7 = Sunday. */
export function isoWeekday(dayNumber: number): number {
  // 1970-01-01 was a Thursday (ISO 4).
  return ((((dayNumber + 3) % 7) + 7) % 7) + 1;
}
