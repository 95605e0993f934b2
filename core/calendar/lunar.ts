/**
 * The Chinese lunisolar calendar (农历) on our day numbers, from chinese-days' month table
 * (1900–2100: the length of each lunar month and the leap month of each year).
 *
 * Only the library's integer functions are used here (`monthDays`, `getYearLeapMonth`): its date
 * functions read and write dates through the machine's local time, so west of UTC they answer a
 * day early (`getLunarFestivals('2010-02-28')` dates 元宵 2010-02-27 under America/New_York).
 * Day numbers (days since 1970-01-01, local dates) keep this independent of the machine's zone.
 */
import chineseDays from 'chinese-days';
import { formatDate, parseDate } from '../time/timestamp.ts';

/** The lunar years the table covers: 正月初一 of 1900 (1900-01-31) to the last day of lunar 2100. */
export const LUNAR_FIRST_YEAR = 1900;
export const LUNAR_LAST_YEAR = 2100;

const BASE_DAY = parseDate('1900-01-31')!; // 正月初一 of lunar 1900

export interface LunarDate {
  /** Lunar year (the Gregorian year in which its 正月初一 falls). */
  year: number;
  /** Lunar month 1..12; a leap month (闰月) carries the number of the month it follows. */
  month: number;
  /** Day of the lunar month 1..30. */
  day: number;
  leap: boolean;
}

const monthCache = new Map<number, ReadonlyArray<readonly [number, boolean, number]>>();
/** Months of a lunar year in order: [month number, leap?, days]. */
function monthsOf(year: number): ReadonlyArray<readonly [number, boolean, number]> {
  const known = monthCache.get(year);
  if (known) return known;
  const leap = chineseDays.getYearLeapMonth(year);
  const months: Array<[number, boolean, number]> = [];
  for (let m = 1; m <= 12; m++) {
    months.push([m, false, chineseDays.monthDays(year, m)]);
    if (leap.leapMonth === m) months.push([m, true, leap.days]);
  }
  monthCache.set(year, months);
  return months;
}

let newYears: Int32Array | null = null;
/** Day number of 正月初一 for every lunar year 1900..2101 (2101's marks the end of 2100). */
function newYearDays(): Int32Array {
  if (newYears) return newYears;
  const out = new Int32Array(LUNAR_LAST_YEAR - LUNAR_FIRST_YEAR + 2);
  let day = BASE_DAY;
  for (let y = LUNAR_FIRST_YEAR; y <= LUNAR_LAST_YEAR + 1; y++) {
    out[y - LUNAR_FIRST_YEAR] = day;
    if (y <= LUNAR_LAST_YEAR) for (const [, , n] of monthsOf(y)) day += n;
  }
  newYears = out;
  return out;
}

/** Day number of 正月初一 (the lunar new year, 春节) of a lunar year, or null outside 1900–2100. */
export function lunarNewYear(year: number): number | null {
  if (!Number.isInteger(year) || year < LUNAR_FIRST_YEAR || year > LUNAR_LAST_YEAR) return null;
  return newYearDays()[year - LUNAR_FIRST_YEAR];
}

/** Whether a day number lies inside the lunar table (1900-01-31 to the last day of lunar 2100). */
export function inLunarRange(day: number): boolean {
  const ny = newYearDays();
  return day >= ny[0] && day < ny[ny.length - 1];
}

/** The lunar date of a local day number, or null outside the table's range. */
export function lunarDate(day: number): LunarDate | null {
  if (!inLunarRange(day)) return null;
  const ny = newYearDays();
  let lo = 0, hi = ny.length - 2; // last index whose new year is ≤ day
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (ny[mid] <= day) lo = mid;
    else hi = mid - 1;
  }
  const year = LUNAR_FIRST_YEAR + lo;
  let offset = day - ny[lo];
  for (const [month, leap, n] of monthsOf(year)) {
    if (offset < n) return { year, month, day: offset + 1, leap };
    offset -= n;
  }
  throw new Error(`lunarDate: ${formatDate(day)} ran past the months of lunar ${year}`);
}

/** Day number of a lunar date (not a leap month), or null outside the table or past the month's length. */
export function solarDay(year: number, month: number, day: number): number | null {
  const ny = lunarNewYear(year);
  if (ny === null) return null;
  let d = ny;
  for (const [m, leap, n] of monthsOf(year)) {
    if (m === month && !leap) return day >= 1 && day <= n ? d + day - 1 : null;
    d += n;
  }
  return null;
}

/**
 * The lunar festivals that move Chinese load, by lunar date, with chinese-days' Chinese names
 * (its getLunarFestivals gives these names on these days; test/calendar/lunar.test.ts checks it).
 * 除夕 is the last day of the twelfth month (29th or 30th), handled apart.
 */
export const LUNAR_FESTIVALS: ReadonlyArray<{ month: number; day: number; zh: string; en: string }> = [
  { month: 1, day: 1, zh: '春节', en: 'Spring Festival (lunar new year)' },
  { month: 1, day: 15, zh: '元宵节', en: 'Lantern Festival' },
  { month: 2, day: 2, zh: '春龙节', en: 'Dragon Head-raising Day (龙抬头)' },
  { month: 5, day: 5, zh: '端午节', en: 'Dragon Boat Festival' },
  { month: 7, day: 7, zh: '乞巧节', en: 'Qixi Festival (七夕)' },
  { month: 7, day: 15, zh: '中元(鬼)节', en: 'Ghost Festival (中元)' },
  { month: 8, day: 15, zh: '中秋节', en: 'Mid-Autumn Festival' },
  { month: 9, day: 9, zh: '重阳节', en: 'Double Ninth Festival' },
  { month: 12, day: 8, zh: '腊八节', en: 'Laba Festival' },
];
export const NEW_YEARS_EVE = { zh: '除夕', en: "Lunar New Year's Eve" } as const;

/** Sentinel of `LunarDays.springFestival` outside the window around 正月初一. */
export const SPRING_FESTIVAL_NONE = -32768;

export interface LunarWindow {
  /** Days before 正月初一 counted (default 20). */
  before: number;
  /** Days after 正月初一 counted (default 45: industry takes two to three weeks to come back, and 正月 ends ~30 days on). */
  after: number;
}
export const DEFAULT_LUNAR_WINDOW: LunarWindow = { before: 20, after: 45 };

export interface LunarDays {
  /** First local day number; entry k is the day firstDay + k. */
  firstDay: number;
  days: number;
  /** Days from 正月初一 (0 on the day, −1 on 除夕 of a 30-day twelfth month …) within the window, else SPRING_FESTIVAL_NONE. */
  springFestival: Int16Array;
  /** 1 on 正月十五 (元宵节, the Lantern Festival, when the new-year period ends), else 0. */
  lantern: Uint8Array;
  /** The lunar date of each day. */
  lunar: LunarDate[];
  /** Lunar festivals of each day (Chinese names; empty on most days). */
  festivals: string[][];
}

export type LunarDaysResult = { ok: true; days: LunarDays } | { ok: false; message: string };

/**
 * Lunar features of each local day firstDay..lastDay (inclusive): days from the nearest 正月初一
 * within the window, the Lantern Festival, the lunar date and festival names. Refused (not
 * guessed) outside the lunar table's years.
 */
export function lunarDays(firstDay: number, lastDay: number, window: LunarWindow = DEFAULT_LUNAR_WINDOW): LunarDaysResult {
  if (!Number.isInteger(firstDay) || !Number.isInteger(lastDay) || lastDay < firstDay) {
    return { ok: false, message: `expected whole day numbers with first ≤ last, found ${firstDay}..${lastDay}` };
  }
  if (!(window.before >= 0 && window.after >= 0 && window.before + window.after < 354)) {
    return { ok: false, message: `expected a window of 0 or more days before and after 正月初一 shorter than a lunar year, found −${window.before}…+${window.after}` };
  }
  const ny = newYearDays();
  if (firstDay < ny[0] || lastDay >= ny[ny.length - 1]) {
    return { ok: false, message: `expected dates the lunar table covers (${formatDate(ny[0])} to ${formatDate(ny[ny.length - 1] - 1)}), found ${formatDate(firstDay)} to ${formatDate(lastDay)}` };
  }
  const n = lastDay - firstDay + 1;
  const springFestival = new Int16Array(n).fill(SPRING_FESTIVAL_NONE);
  const lantern = new Uint8Array(n);
  const lunar: LunarDate[] = [];
  const festivals: string[][] = [];
  for (let k = 0; k < n; k++) {
    const day = firstDay + k;
    const ld = lunarDate(day)!;
    lunar.push(ld);
    const after = day - ny[ld.year - LUNAR_FIRST_YEAR];
    const next = ny[ld.year + 1 - LUNAR_FIRST_YEAR]; // the table holds 2101's new year as the end of 2100
    if (after <= window.after) springFestival[k] = after;
    else if (next - day <= window.before) springFestival[k] = day - next;
    const names: string[] = [];
    if (!ld.leap) {
      if (ld.month === 1 && ld.day === 15) lantern[k] = 1;
      for (const f of LUNAR_FESTIVALS) if (f.month === ld.month && f.day === ld.day) names.push(f.zh);
    }
    if (next === day + 1) names.push(NEW_YEARS_EVE.zh);
    festivals.push(names);
  }
  return { ok: true, days: { firstDay, days: n, springFestival, lantern, lunar, festivals } };
}
