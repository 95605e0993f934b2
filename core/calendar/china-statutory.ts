/**
 * China's statutory holidays (法定节假日) and adjusted working days (调休上班) from 2004 on, from
 * chinese-days' published data (`dist/chinese-days.json`: every State Council notice
 * 国务院办公厅关于YYYY年部分节假日安排的通知 and its amendments, each cited in the library's
 * src/holidays/generate.ts). The hand-kept 2015–2026 table this replaces is the test fixture
 * test/calendar/fixtures/china-statutory-2015-2026.ts, and the two are checked to agree.
 *
 * Only the library's data is read: its date functions go through the machine's local time, and
 * west of UTC they answer a day early (getDayDetail('2010-02-13') says 2010-02-12 under
 * America/New_York), which would make the calendar depend on where it runs.
 *
 * Days off are every day of each break: the days the library lists, plus the ordinary weekend
 * days that join them when a notice says 与周末连休 or names a single day next to a weekend (the
 * rule the hand table followed, so a Saturday beside a break reads as part of it, not as an
 * ordinary Saturday).
 */
import data from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { formatDate, isoWeekday, parseDate } from '../time/timestamp.ts';
import { lunarDate } from './lunar.ts';

/** The version of chinese-days whose data this reads (test/calendar checks it against the installed one). */
export const CHINESE_DAYS_VERSION = '1.5.7';

const NAMES: Record<string, string> = {
  "New Year's Day": "New Year's Day",
  'Spring Festival': 'Spring Festival',
  'Tomb-sweeping Day': 'Qingming Festival',
  'Labour Day': 'Labour Day',
  'Dragon Boat Festival': 'Dragon Boat Festival',
  'Mid-autumn Festival': 'Mid-Autumn Festival',
  'National Day': 'National Day',
  'Anti-Fascist 70th Day': 'Victory Day (70th anniversary of the War of Resistance)',
};
/**
 * A break holding both National Day and Mid-Autumn (中秋, the 15th of the 8th lunar month) carries
 * one name, as the notices write it (国庆节、中秋节: 2009, 2012, 2017, 2020, 2023, 2025). The
 * library names all of 2020's break National Day (中秋 fell on 1 October itself), so the lunar date
 * decides, not the library's label.
 */
export const MERGED_NATIONAL_DAY = 'National Day and Mid-Autumn Festival';

export interface StatutoryDays {
  /** Day number → holiday name (English), every day of every break. */
  holidays: ReadonlyMap<number, string>;
  /** Adjusted working days (调休上班): weekend days that are worked. */
  workdays: ReadonlySet<number>;
  /** First and last years with a notice in the data. */
  firstYear: number;
  lastYear: number;
}

/** Names a break's days: weekend days joining it are added, and a break holding National Day and Mid-Autumn takes the merged name. */
export function completeBreaks(listed: ReadonlyMap<number, string>, workdays: ReadonlySet<number>): Map<number, string> {
  const out = new Map(listed);
  const isWeekend = (d: number) => isoWeekday(d) >= 6;
  for (const [day, name] of listed) {
    for (const step of [-1, 1]) {
      for (let d = day + step; isWeekend(d) && !out.has(d) && !workdays.has(d); d += step) out.set(d, name);
    }
  }
  const days = [...out.keys()].sort((a, b) => a - b);
  for (let i = 0; i < days.length;) {
    let j = i;
    while (j + 1 < days.length && days[j + 1] === days[j] + 1) j++;
    const run = days.slice(i, j + 1);
    const names = new Set(run.map((d) => out.get(d)));
    // Mid-Autumn is a statutory holiday from 2008 (国务院令第513号): 中秋 inside 2006's golden week was not.
    const midAutumn = run.some((d) => {
      const l = lunarDate(d);
      return l !== null && l.year >= 2008 && !l.leap && l.month === 8 && l.day === 15;
    });
    if (names.has('National Day') && (names.has('Mid-Autumn Festival') || midAutumn)) for (const d of run) out.set(d, MERGED_NATIONAL_DAY);
    i = j + 1;
  }
  return out;
}

let cached: StatutoryDays | null = null;

/** The statutory calendar of every year chinese-days has a notice for. */
export function chinaStatutoryDays(): StatutoryDays {
  if (cached) return cached;
  const source = data as { holidays: Record<string, string>; workdays: Record<string, string> };
  const listed = new Map<number, string>();
  const years = new Set<number>();
  for (const [date, value] of Object.entries(source.holidays)) {
    const day = parseDate(date);
    const en = value.split(',')[0];
    if (day === null || !(en in NAMES)) throw new Error(`chinese-days data: expected a date and a known holiday, found "${date}": "${value}"`);
    listed.set(day, NAMES[en]);
    years.add(+date.slice(0, 4));
  }
  const workdays = new Set<number>();
  for (const date of Object.keys(source.workdays)) {
    const day = parseDate(date);
    if (day === null) throw new Error(`chinese-days data: expected a date, found "${date}"`);
    workdays.add(day);
  }
  const sorted = [...years].sort((a, b) => a - b);
  cached = { holidays: completeBreaks(listed, workdays), workdays, firstYear: sorted[0], lastYear: sorted[sorted.length - 1] };
  return cached;
}

