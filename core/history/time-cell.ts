/**
 * Time cells of hourly history files: "2024-07-01 13:00", "2024-07-01T13:00:00+08:00",
 * "2024/07/01 13:00", or a date cell plus an hour cell. These functions only read the text; whether
 * the wall time exists in the file's zone, and which hour it stands for, is decided by the caller.
 */
import { parseOffset } from '../time/timestamp.ts';

export interface WallClock {
  year: number;
  month: number; // 1..12
  day: number;
  /** 0..24: 24:00 is accepted here (end of the day, hour-ending data) and judged by the caller. */
  hour: number;
  minute: number;
  second: number;
}

export type TimeCell =
  | {
      ok: true;
      wall: WallClock;
      /** Minutes east of UTC when the cell carries an offset, and the offset as written. */
      offsetMinutes: number | null;
      offsetText: string | null;
    }
  | { ok: false; /** What was wrong, to follow "found "…"". */ why: string };

const DATE = /^(\d{4})([-/])(\d{1,2})\2(\d{1,2})$/;
/** The compact form of Chinese and ISO basic exports: "20240701". */
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;
const HOUR = /^(\d{1,2})(?::(\d{2})(?::(\d{2}))?)?$/;

const ZERO = 48, NINE = 57, DASH = 45, SLASH = 47, SPACE = 32, T = 84, COLON = 58, DOT = 46, PLUS = 43, Z = 90;

/**
 * Reads a date-and-time cell: YYYY-MM-DD or YYYY/M/D, then T or a space, H:MM, optional :SS and
 * fraction, optional offset (Z, ±HH, ±HHMM, ±HH:MM). Scanned by hand rather than by regular
 * expression: it runs once per row of histories with hundreds of thousands of rows.
 */
export function parseTimeCell(text: string): TimeCell {
  const s = text.trim();
  const scan = { s, at: 0 };
  const year = digits(scan, 4, 4);
  const separator = s.charCodeAt(scan.at);
  if (year < 0 || (separator !== DASH && separator !== SLASH)) return unreadable;
  scan.at++;
  const month = digits(scan, 1, 2);
  if (month < 0 || s.charCodeAt(scan.at++) !== separator) return unreadable;
  const day = digits(scan, 1, 2);
  const between = s.charCodeAt(scan.at++);
  if (day < 0 || (between !== T && between !== SPACE)) return unreadable;
  const hour = digits(scan, 1, 2);
  if (hour < 0 || s.charCodeAt(scan.at++) !== COLON) return unreadable;
  const minute = digits(scan, 2, 2);
  if (minute < 0) return unreadable;
  let second = 0;
  if (s.charCodeAt(scan.at) === COLON) {
    scan.at++;
    second = digits(scan, 2, 2);
    if (second < 0) return unreadable;
    if (s.charCodeAt(scan.at) === DOT) {
      // A fraction of a second is kept so that "13:00:00.5" is seen as off the hour, not rounded onto it.
      const from = ++scan.at;
      if (digits(scan, 1, 9) < 0) return unreadable;
      second += Number(`0.${s.slice(from, scan.at)}`);
    }
  }
  while (s.charCodeAt(scan.at) === SPACE) scan.at++;
  let offsetMinutes: number | null = null;
  let offsetText: string | null = null;
  if (scan.at < s.length) {
    offsetText = s.slice(scan.at);
    const sign = s.charCodeAt(scan.at);
    if (sign !== Z && sign !== PLUS && sign !== DASH) return unreadable;
    offsetMinutes = parseOffset(offsetText);
    if (offsetMinutes === null) return { ok: false, why: `${offsetText} is not a UTC offset` };
  }

  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return { ok: false, why: 'no such date' };
  if (hour > 24 || minute > 59 || second >= 60 || (hour === 24 && (minute > 0 || second > 0))) {
    return { ok: false, why: 'no such time of day' };
  }
  return { ok: true, wall: { year, month, day, hour, minute, second }, offsetMinutes, offsetText };
}

const unreadable: TimeCell = { ok: false, why: '' };

/** Reads min..max decimal digits at the cursor; -1 when there are fewer than min. */
function digits(scan: { s: string; at: number }, min: number, max: number): number {
  let value = 0, count = 0;
  for (; count < max; count++) {
    const c = scan.s.charCodeAt(scan.at);
    if (!(c >= ZERO && c <= NINE)) break;
    value = value * 10 + (c - ZERO);
    scan.at++;
  }
  return count < min ? -1 : value;
}

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

export type DateCell = { ok: true; date: CalendarDate } | { ok: false; why: string };

/** Reads a date cell: "2024-07-01", "2024/7/1" or "20240701". */
export function parseDateCell(text: string): DateCell {
  const t = text.trim();
  const m = DATE.exec(t);
  if (m) return checkDate(+m[1], +m[3], +m[4]);
  const c = COMPACT_DATE.exec(t);
  if (c) return checkDate(+c[1], +c[2], +c[3]);
  return { ok: false, why: '' };
}

/** Reads an hour cell: "7", "07", "07:00", "24:00". Returns the hour and minute, or null. */
export function parseHourCell(text: string): { hour: number; minute: number; second: number } | null {
  const m = HOUR.exec(text.trim());
  if (!m) return null;
  return { hour: +m[1], minute: m[2] ? +m[2] : 0, second: m[3] ? +m[3] : 0 };
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in a month (1..12) of the proleptic Gregorian calendar, without building a Date. */
function daysInMonth(year: number, month: number): number {
  if (month !== 2) return MONTH_DAYS[month - 1];
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
}

function checkDate(year: number, month: number, day: number): DateCell {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return { ok: false, why: 'no such date' };
  return { ok: true, date: { year, month, day } };
}

/** "2024-03-10 02:00" — an on-the-hour wall time as a dispatcher would write it in a message. */
export function formatWallClock(w: WallClock): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${w.year}-${p(w.month)}-${p(w.day)} ${p(w.hour)}:${p(w.minute)}`;
}

/** 24:00 of a day is 00:00 of the next: the form zone arithmetic needs. */
export function normaliseMidnight(w: WallClock): WallClock {
  if (w.hour !== 24) return w;
  const next = new Date(Date.UTC(w.year, w.month - 1, w.day + 1));
  return { year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate(), hour: 0, minute: 0, second: 0 };
}
