/**
 * US federal holidays by rule (5 U.S.C. 6103), with the observed day when a fixed-date holiday
 * falls on a weekend (Saturday → Friday, Sunday → Monday). For US utilities' data read by CSV.
 */
import { formatDate, isoWeekday } from '../time/timestamp.ts';
import type { HolidayCalendar } from './day-kind.ts';

const day = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / 86_400_000;

/** The n-th given ISO weekday (1 = Monday) of a month; n = -1 for the last. */
function nthWeekday(y: number, m: number, weekday: number, n: number): number {
  if (n > 0) {
    const first = day(y, m, 1);
    return first + ((weekday - isoWeekday(first) + 7) % 7) + 7 * (n - 1);
  }
  const last = day(y, m + 1, 1) - 1;
  return last - ((isoWeekday(last) - weekday + 7) % 7);
}

function observed(d: number): number {
  const w = isoWeekday(d);
  return w === 6 ? d - 1 : w === 7 ? d + 1 : d;
}

export function usFederalHolidays(fromYear: number, toYear: number): HolidayCalendar {
  const days: HolidayCalendar['days'] = [];
  for (let y = fromYear; y <= toYear; y++) {
    const add = (d: number, name: string) => days.push({ date: formatDate(d), name });
    add(observed(day(y, 1, 1)), "New Year's Day");
    add(nthWeekday(y, 1, 1, 3), 'Birthday of Martin Luther King, Jr.');
    add(nthWeekday(y, 2, 1, 3), "Washington's Birthday");
    add(nthWeekday(y, 5, 1, -1), 'Memorial Day');
    if (y >= 2021) add(observed(day(y, 6, 19)), 'Juneteenth National Independence Day');
    add(observed(day(y, 7, 4)), 'Independence Day');
    add(nthWeekday(y, 9, 1, 1), 'Labor Day');
    add(nthWeekday(y, 10, 1, 2), 'Columbus Day');
    add(observed(day(y, 11, 11)), 'Veterans Day');
    add(nthWeekday(y, 11, 4, 4), 'Thanksgiving Day');
    add(observed(day(y, 12, 25)), 'Christmas Day');
  }
  days.sort((a, b) => a.date.localeCompare(b.date));
  // A year's New Year's Day observed on 31 December of the year before may repeat: keep one.
  const unique = days.filter((d, i) => i === 0 || d.date !== days[i - 1].date);
  return { calendar: 'US-federal', days: unique, workdays: [] };
}
