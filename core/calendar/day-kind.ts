/**
 * What kind of day a local date is: a working day, a weekend, a holiday, or a weekend day worked
 * instead of a holiday (调休). Load follows the kind of day, not the weekday: China's adjusted
 * Saturdays look like Mondays, and Spring Festival looks like nothing else.
 */
import { isoWeekday, parseDate } from '../time/timestamp.ts';
import { CHINA_STATUTORY } from './china-statutory.ts';

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'adjusted-workday';

export interface HolidayCalendar {
  calendar: string;
  days: Array<{ date: string; name: string }>;
  workdays: string[];
}

export interface DayKindIndex {
  kind(dayNumber: number): DayKind;
  /** Holiday name, when the day is a holiday. */
  holidayName(dayNumber: number): string | undefined;
  /** True on working days (including adjusted ones). */
  isWorking(dayNumber: number): boolean;
}

export function dayKindIndex(calendar: HolidayCalendar): DayKindIndex {
  const holidays = new Map<number, string>();
  for (const d of calendar.days) {
    const n = parseDate(d.date);
    if (n !== null) holidays.set(n, d.name);
  }
  const workdays = new Set<number>();
  for (const w of calendar.workdays) {
    const n = parseDate(w);
    if (n !== null) workdays.add(n);
  }
  const kind = (day: number): DayKind => {
    if (holidays.has(day)) return 'holiday';
    if (workdays.has(day)) return 'adjusted-workday';
    return isoWeekday(day) >= 6 ? 'weekend' : 'workday';
  };
  return {
    kind,
    holidayName: (day) => holidays.get(day),
    isWorking: (day) => {
      const k = kind(day);
      return k === 'workday' || k === 'adjusted-workday';
    },
  };
}

/** Years the built-in Chinese statutory table covers. */
export function chinaStatutoryYears(): number[] {
  return Object.keys(CHINA_STATUTORY).map(Number).sort((a, b) => a - b);
}

/**
 * The Chinese statutory calendar for the local dates fromDay..toDay (day numbers, inclusive), or
 * the list of years the table does not cover.
 */
export function chinaCalendar(fromDay: number, toDay: number): { ok: true; calendar: HolidayCalendar } | { ok: false; missingYears: number[] } {
  const firstYear = new Date(fromDay * 86_400_000).getUTCFullYear();
  const lastYear = new Date(toDay * 86_400_000).getUTCFullYear();
  const missingYears: number[] = [];
  const days: HolidayCalendar['days'] = [];
  const workdays: string[] = [];
  for (let y = firstYear; y <= lastYear + 1; y++) {
    const year = CHINA_STATUTORY[y];
    if (!year) {
      if (y <= lastYear) missingYears.push(y);
      continue;
    }
    for (const [date, en] of year.holidays) {
      const n = parseDate(date)!;
      if (n >= fromDay && n <= toDay) days.push({ date, name: en });
    }
    for (const w of year.workdays) {
      const n = parseDate(w)!;
      if (n >= fromDay && n <= toDay) workdays.push(w);
    }
  }
  if (missingYears.length) return { ok: false, missingYears };
  days.sort((a, b) => a.date.localeCompare(b.date));
  workdays.sort();
  return { ok: true, calendar: { calendar: 'CN', days, workdays } };
}
