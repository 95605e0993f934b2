/**
 * The lunar calendar on local day numbers (core/calendar/lunar.ts) and the Spring Festival and
 * Lantern Festival features built on it.
 */
import chineseDays from 'chinese-days';
import { describe, expect, it } from 'vitest';
import { lunarDate, lunarDays, lunarNewYear, SPRING_FESTIVAL_NONE } from '../../core/calendar/lunar.ts';
import { formatDate, parseDate } from '../../core/time/timestamp.ts';

const day = (date: string) => parseDate(date)!;

describe('the lunar calendar', () => {
  it('puts 正月初一 on 2005-02-09, 2010-02-14, 2016-02-08 and 2023-01-22', () => {
    expect([2005, 2010, 2016, 2023].map((y) => formatDate(lunarNewYear(y)!))).toEqual(['2005-02-09', '2010-02-14', '2016-02-08', '2023-01-22']);
  });

  it('agrees with chinese-days getLunarDate on every day 2003–2027 (asked in UTC, where the library is right)', () => {
    const differ: string[] = [];
    for (let d = day('2003-01-01'); d <= day('2027-12-31'); d++) {
      const ours = lunarDate(d)!;
      const lib = chineseDays.getLunarDate(formatDate(d));
      if (ours.year !== lib.lunarYear || ours.month !== lib.lunarMon || ours.day !== lib.lunarDay || ours.leap !== lib.isLeap) {
        differ.push(`${formatDate(d)}: ours ${JSON.stringify(ours)}, chinese-days ${lib.lunarYear}-${lib.lunarMon}-${lib.lunarDay}${lib.isLeap ? ' leap' : ''}`);
      }
    }
    expect(differ.slice(0, 5)).toEqual([]);
  });

  it('knows leap months: 2023 has a leap second month (闰二月, 22 March – 19 April 2023)', () => {
    expect(lunarDate(day('2023-03-22'))).toEqual({ year: 2023, month: 2, day: 1, leap: true });
    expect(lunarDate(day('2023-04-20'))).toEqual({ year: 2023, month: 3, day: 1, leap: false });
  });

  it('refuses days outside the lunar table instead of guessing', () => {
    expect(lunarDate(day('1900-01-30'))).toBeNull();
    expect(lunarNewYear(1899)).toBeNull();
    const r = lunarDays(day('1899-12-01'), day('1900-03-01'));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/^expected dates the lunar table covers \(1900-01-31 to 2101-01-28\), found 1899-12-01 to 1900-03-01$/);
  });
});

describe('lunar days around Spring Festival', () => {
  const r = lunarDays(day('2009-12-01'), day('2011-12-31'));
  if (!r.ok) throw new Error(r.message);
  const at = (date: string) => day(date) - r.days.firstDay;

  it('counts days from 正月初一 within −20…+45 and gives the sentinel outside', () => {
    expect(r.days.springFestival[at('2010-02-14')]).toBe(0);
    expect(r.days.springFestival[at('2010-02-13')]).toBe(-1); // 除夕
    expect(r.days.springFestival[at('2010-01-25')]).toBe(-20);
    expect(r.days.springFestival[at('2010-01-24')]).toBe(SPRING_FESTIVAL_NONE);
    expect(r.days.springFestival[at('2010-03-31')]).toBe(45);
    expect(r.days.springFestival[at('2010-04-01')]).toBe(SPRING_FESTIVAL_NONE);
    expect(r.days.springFestival[at('2011-02-03')]).toBe(0); // 2011's new year
    expect(r.days.springFestival[at('2011-01-14')]).toBe(-20);
    // Every day either counts from its nearest new year or carries the sentinel.
    for (let k = 0; k < r.days.days; k++) {
      const v = r.days.springFestival[k];
      expect(v === SPRING_FESTIVAL_NONE || (v >= -20 && v <= 45), formatDate(r.days.firstDay + k)).toBe(true);
    }
  });

  it('flags the Lantern Festival on 正月十五 only: 28 February 2010 and 17 February 2011', () => {
    const flagged = [];
    for (let k = 0; k < r.days.days; k++) if (r.days.lantern[k]) flagged.push(formatDate(r.days.firstDay + k));
    expect(flagged).toEqual(['2010-02-28', '2011-02-17']);
  });

  it('names the lunar festivals as chinese-days does on the same days', () => {
    const differ: string[] = [];
    for (let k = 0; k < r.days.days; k++) {
      const date = formatDate(r.days.firstDay + k);
      const lib = chineseDays.getLunarFestivals(date).flatMap((f) => f.name);
      for (const name of r.days.festivals[k]) if (!lib.includes(name)) differ.push(`${date}: ${name} not in ${lib.join(' ')}`);
    }
    expect(differ).toEqual([]);
    const named = (name: string) => r.days.festivals.flatMap((f, k) => (f.includes(name) ? [formatDate(r.days.firstDay + k)] : []));
    expect(named('除夕')).toEqual(['2010-02-13', '2011-02-02']);
    expect(named('端午节')).toEqual(['2010-06-16', '2011-06-06']);
    expect(named('中秋节')).toEqual(['2010-09-22', '2011-09-12']);
    expect(named('元宵节')).toEqual(['2010-02-28', '2011-02-17']);
  });
});
