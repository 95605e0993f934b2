/**
 * A year's Chinese statutory breaks estimated by rule, for a future year whose State Council
 * notice is not in chinese-days' data yet (each year's arrangement is published late in the year
 * before). Only the days off are estimated: where the adjusted working days (调休) will fall is a
 * choice of each notice, so none are guessed, and the caller is given a note saying so.
 *
 * The rules follow the notices under the 2025 revision of 全国年节及纪念日放假办法 (2025, 2026):
 * - 元旦 1 January, 清明 on the solar term 清明 (4 or 5 April), 端午 on 五月初五, 中秋 on 八月十五:
 *   one day; a day on Saturday or Sunday is made up on the Monday after (2022, 2023 元旦), and a
 *   day on Monday or Friday joins its weekend. A day on Tuesday to Thursday is left alone (the
 *   notices usually make it three days with 调休, which cannot be known ahead).
 * - 春节: 除夕 through 初七 (2025: 除夕–初七; 2026: 腊月二十八–初七 with the weekend).
 * - 劳动节: 1–5 May (every year 2020–2026).
 * - 国庆节: 1–7 October; when 中秋 falls between 29 September and 8 October the two merge into
 *   eight days from the earlier of 中秋 and 1 October (2017, 2020, 2023, 2025).
 * Weekend days joining a break are part of it, as for the published years.
 */
import chineseDays from 'chinese-days';
import { DAY_MS, formatDate, isoWeekday, parseDate } from '../time/timestamp.ts';
import { completeBreaks, MERGED_NATIONAL_DAY } from './china-statutory.ts';
import { lunarNewYear, solarDay } from './lunar.ts';

const day = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / DAY_MS;

/**
 * The solar term 清明 of a year from chinese-days. The library builds the date at UTC midnight and
 * writes it in the machine's local time, which west of UTC is the day before: undone here.
 */
export function qingmingDay(year: number): number {
  const text = chineseDays.getSolarTermDate(year, 4, 'pure_brightness');
  const shown = parseDate(text);
  if (shown === null) throw new Error(`chinese-days getSolarTermDate(${year}, 4): expected a date, found "${text}"`);
  return new Date(Date.UTC(year, 3, 4)).getTimezoneOffset() > 0 ? shown + 1 : shown;
}

function oneDay(out: Map<number, string>, d: number, name: string): void {
  out.set(d, name);
  const w = isoWeekday(d);
  if (w === 6) out.set(d + 2, name);
  if (w === 7) out.set(d + 1, name);
}

export interface EstimatedYear {
  year: number;
  /** Day number → holiday name, every day of every estimated break. */
  holidays: Map<number, string>;
  /** What was estimated and how, for the caller to show. */
  note: string;
}

/** The estimated breaks of a year (1901–2099: the lunar table must hold the year and its neighbours). */
export function estimateChinaYear(year: number, libraryLabel: string): EstimatedYear | null {
  const newYear = lunarNewYear(year);
  const dragonBoat = solarDay(year, 5, 5), midAutumn = solarDay(year, 8, 15);
  if (newYear === null || dragonBoat === null || midAutumn === null || year < 1901 || year > 2099) return null;
  const listed = new Map<number, string>();
  oneDay(listed, day(year, 1, 1), "New Year's Day");
  for (let d = newYear - 1; d <= newYear + 6; d++) listed.set(d, 'Spring Festival');
  oneDay(listed, qingmingDay(year), 'Qingming Festival');
  for (let d = day(year, 5, 1); d <= day(year, 5, 5); d++) listed.set(d, 'Labour Day');
  oneDay(listed, dragonBoat, 'Dragon Boat Festival');
  const oct1 = day(year, 10, 1);
  if (midAutumn >= oct1 - 2 && midAutumn <= oct1 + 7) {
    const start = Math.min(midAutumn, oct1);
    for (let d = start; d < start + 8; d++) listed.set(d, MERGED_NATIONAL_DAY);
  } else {
    oneDay(listed, midAutumn, 'Mid-Autumn Festival');
    for (let d = oct1; d < oct1 + 7; d++) listed.set(d, 'National Day');
  }
  const holidays = completeBreaks(listed, new Set());
  const spring = [...holidays].filter(([, n]) => n === 'Spring Festival').map(([d]) => d).sort((a, b) => a - b);
  // Short enough for the command line's notes (it cuts them at 300 characters).
  const note =
    `${year}: no State Council notice in ${libraryLabel} yet; holidays estimated by rule (Spring Festival ` +
    `${formatDate(spring[0])} to ${formatDate(spring[spring.length - 1])}, 除夕 to 初七 with the weekend; New Year, Qingming, ` +
    'Dragon Boat, Mid-Autumn one day each; Labour Day 1–5 May; National Day 1–7 Oct); 调休 not estimated';
  return { year, holidays, note };
}
