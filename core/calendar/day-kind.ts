/**
 * What kind of day a local date is: a working day, a weekend, a holiday, or a weekend day worked
 * instead of a holiday (调休). Load follows the kind of day, not the weekday: China's adjusted
 * Saturdays look like Mondays, and Spring Festival looks like nothing else.
 */
import { formatDate, isoWeekday, parseDate } from '../time/timestamp.ts';
import { estimateChinaYear, type EstimatedYear } from './china-estimate.ts';
import { chinaStatutoryDays, CHINESE_DAYS_VERSION } from './china-statutory.ts';

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'adjusted-workday';

export interface HolidayCalendar {
  calendar: string;
  days: Array<{ date: string; name: string }>;
  workdays: string[];
}

export interface DayKindIndex {
  /** The calendar's name (HolidayCalendar.calendar): 'CN' gives the lunar features too. */
  calendar: string;
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
    calendar: calendar.calendar,
    kind,
    holidayName: (day) => holidays.get(day),
    isWorking: (day) => {
      const k = kind(day);
      return k === 'workday' || k === 'adjusted-workday';
    },
  };
}

/** The years of Chinese statutory holidays: published (chinese-days' data) and estimated by rule (later years). */
export function chinaCoverage(): { firstYear: number; lastYear: number; lastEstimatedYear: number; source: string } {
  const { firstYear, lastYear } = chinaStatutoryDays();
  return { firstYear, lastYear, lastEstimatedYear: 2099, source: `chinese-days ${CHINESE_DAYS_VERSION}` };
}

export type ChinaCalendarResult =
  | {
    ok: true;
    calendar: HolidayCalendar;
    /** Years whose holidays were estimated by rule (no notice in the data yet), each explained in notes. */
    estimatedYears: number[];
    notes: string[];
  }
  | {
    ok: false;
    /** Years of the range neither published nor estimable (before the first notice, or past 2099). */
    missingYears: number[];
    /** "expected …, found …" for the caller to show under its own path. */
    message: string;
  };

const yearOf = (day: number) => new Date(day * 86_400_000).getUTCFullYear();

/**
 * The Chinese statutory calendar for the local dates fromDay..toDay (day numbers in the data's own
 * zone, inclusive): holidays and adjusted working days (调休) from chinese-days, 2004 to its last
 * published year; a later year estimated by rule (china-estimate.ts) with a note; earlier years
 * refused.
 */
export function chinaCalendar(fromDay: number, toDay: number): ChinaCalendarResult {
  if (!Number.isInteger(fromDay) || !Number.isInteger(toDay) || toDay < fromDay || toDay - fromDay > 366 * 200) {
    return { ok: false, missingYears: [], message: `expected a range of whole local day numbers, first ≤ last, found ${fromDay}..${toDay}` };
  }
  const statutory = chinaStatutoryDays();
  const coverage = chinaCoverage();
  const firstYear = yearOf(fromDay), lastYear = yearOf(toDay);
  const missingYears: number[] = [];
  const estimates = new Map<number, EstimatedYear>();
  for (let y = firstYear; y <= lastYear; y++) {
    if (y >= coverage.firstYear && y <= coverage.lastYear) continue;
    const estimate = y > coverage.lastYear ? estimateChinaYear(y, coverage.source) : null;
    if (estimate) estimates.set(y, estimate);
    else missingYears.push(y);
  }
  if (missingYears.length) {
    return {
      ok: false,
      missingYears,
      message: `expected years the Chinese statutory calendar covers (${coverage.firstYear}–${coverage.lastYear} from the State Council notices in ${coverage.source}, ` +
        `later years up to ${coverage.lastEstimatedYear} estimated by rule), found ${missingYears.join(', ')}`,
    };
  }
  const days: HolidayCalendar['days'] = [];
  const workdays: string[] = [];
  for (let d = fromDay; d <= toDay; d++) {
    const estimate = estimates.get(yearOf(d));
    const name = estimate ? estimate.holidays.get(d) : statutory.holidays.get(d);
    if (name !== undefined) days.push({ date: formatDate(d), name });
    else if (!estimate && statutory.workdays.has(d)) workdays.push(formatDate(d));
  }
  const estimatedYears = [...estimates.keys()];
  return { ok: true, calendar: { calendar: 'CN', days, workdays }, estimatedYears, notes: estimatedYears.map((y) => estimates.get(y)!.note) };
}
