import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chinaCalendar, dayKindIndex } from '../../core/calendar/day-kind.ts';
import { usFederalHolidays } from '../../core/calendar/us-federal.ts';
import { calendarFeatures, SPRING_FESTIVAL_NONE } from '../../core/forecast/calendar-features.ts';
import { parseGefcomHolidays } from '../../core/history/gefcom2012.ts';
import { DAY_MS, parseDate } from '../../core/time/timestamp.ts';
import { resolveZone } from '../../core/time/zone.ts';
import { dataFolder } from '../support/data-dir.ts';

const shanghai = resolveZone('Asia/Shanghai')!;
const midnight = (date: string) => parseDate(date)! * DAY_MS - 8 * 3_600_000;

describe('calendar features for load models', () => {
  const cn = chinaCalendar(parseDate('2024-09-20')!, parseDate('2024-10-20')!);
  if (!cn.ok) throw new Error('no table');
  const days = dayKindIndex(cn.calendar);
  const cal = calendarFeatures(midnight('2024-09-27'), 24 * 16, shanghai, days);
  const at = (date: string, hour = 12) => Math.round((midnight(date) - cal.startMs) / 3_600_000) + hour;

  it('reads a holiday as a Sunday', () => {
    expect(cal.effectiveWeekday[at('2024-10-02')]).toBe(6); // a Wednesday of the National Day break
    expect(cal.holiday[at('2024-10-02')]).toBe(1);
  });
  it('reads an adjusted working Sunday (调休) as a working day', () => {
    expect(cal.weekday[at('2024-09-29')]).toBe(6); // Sunday…
    expect(cal.effectiveWeekday[at('2024-09-29')]).toBe(0); // …worked as a Monday
  });
  it('marks the working day after a holiday break and the one before it', () => {
    expect(cal.holiday[at('2024-10-08')]).toBe(2); // first working day after the break
    expect(cal.holiday[at('2024-09-30')]).toBe(3); // last working day before it
    expect(cal.holiday[at('2024-10-10')]).toBe(0);
  });
  it('keeps local hours in the scenario zone', () => {
    expect(cal.hour[at('2024-10-08', 0)]).toBe(0);
    expect(cal.hour[at('2024-10-08', 23)]).toBe(23);
  });
});

describe('lunar calendar features for Chinese load', () => {
  const hoursFrom = (first: string, last: string) => (parseDate(last)! - parseDate(first)! + 1) * 24;
  const featuresFor = (first: string, last: string, calendar: 'CN' | 'US') => {
    const days = calendar === 'CN' ? (() => {
      const cn = chinaCalendar(parseDate(first)!, parseDate(last)!);
      if (!cn.ok) throw new Error(cn.message);
      return dayKindIndex(cn.calendar);
    })() : dayKindIndex(usFederalHolidays(2004, 2024));
    return calendarFeatures(midnight(first), hoursFrom(first, last), shanghai, days);
  };

  it('count days from 正月初一 for every hour, 0 on the lunar new year of 2005, 2010, 2016 and 2023', () => {
    for (const [year, newYear] of [[2005, '2005-02-09'], [2010, '2010-02-14'], [2016, '2016-02-08'], [2023, '2023-01-22']] as const) {
      const f = featuresFor(`${year}-01-01`, `${year}-04-30`, 'CN');
      const hourOf = (date: string, h: number) => Math.round((midnight(date) - f.startMs) / 3_600_000) + h;
      for (const h of [0, 12, 23]) expect(f.springFestival[hourOf(newYear, h)], `${newYear} ${h}:00`).toBe(0);
      expect(f.springFestival[hourOf(newYear, 0) - 1], `${year}: the last hour of 除夕`).toBe(-1);
      expect(f.springFestival[hourOf(newYear, 0) + 24 * 14], `${year}: 元宵`).toBe(14);
      expect(f.lantern[hourOf(newYear, 0) + 24 * 14]).toBe(1);
      expect(f.lantern[hourOf(newYear, 0) + 24 * 13]).toBe(0);
      // Window −20…+45, the sentinel outside.
      expect(f.springFestival[hourOf(newYear, 0) + 24 * 46]).toBe(SPRING_FESTIVAL_NONE);
      expect(f.springFestival[hourOf(newYear, 0) + 24 * 45]).toBe(45);
    }
  });

  it('follow the local date in Asia/Shanghai, not the UTC one (正月初一 2016 starts at 16:00 UTC on 7 February)', () => {
    const f = featuresFor('2016-02-01', '2016-02-15', 'CN');
    const utcMidnight = Date.UTC(2016, 1, 8); // 08:00 local on 初一
    const i = Math.round((utcMidnight - f.startMs) / 3_600_000);
    expect(f.springFestival[i - 8]).toBe(0); // local midnight, 16:00 UTC on 7 February
    expect(f.springFestival[i - 9]).toBe(-1);
  });

  it('carry the sentinel on every hour for a calendar that is not Chinese, and without a calendar', () => {
    const us = featuresFor('2016-01-01', '2016-03-31', 'US');
    expect(us.springFestival.every((v) => v === SPRING_FESTIVAL_NONE)).toBe(true);
    expect(us.lantern.every((v) => v === 0)).toBe(true);
    const none = calendarFeatures(midnight('2016-01-01'), 24 * 60, shanghai, null);
    expect(none.springFestival.every((v) => v === SPRING_FESTIVAL_NONE)).toBe(true);
    expect(none.springFestival).toHaveLength(24 * 60);
  });
});

describe('US federal holidays by rule', () => {
  it('observe a Saturday holiday on the Friday and a Sunday one on the Monday', () => {
    const h = usFederalHolidays(2004, 2005).days.map((d) => d.date);
    expect(h).toContain('2004-07-05'); // 4 July 2004 was a Sunday
    expect(h).toContain('2004-12-24'); // Christmas 2004 was a Saturday
    expect(h).toContain('2004-11-25'); // fourth Thursday of November
  });
  it('observe Veterans Day on the Friday or Monday too (2017-11-10, 2018-11-12, 2023-11-10), which date-holidays gives only as a bank holiday', () => {
    const h = usFederalHolidays(2017, 2023).days.filter((d) => d.name === 'Veterans Day').map((d) => d.date);
    expect(h).toEqual(expect.arrayContaining(['2017-11-10', '2018-11-12', '2023-11-10']));
    expect(h).not.toContain('2017-11-11');
  });
  const dir = dataFolder('gefcom2012_load');
  it.skipIf(!dir)('match the holiday list shipped with GEFCom2012 for every listed day', () => {
    const listed = parseGefcomHolidays(readFileSync(join(dir!, 'Holiday_List.csv'), 'utf8'));
    if (!listed.ok) throw new Error('unreadable');
    const ours = new Set(usFederalHolidays(2003, 2009).days.map((d) => d.date));
    expect(listed.holidays.filter((h) => !ours.has(h.date)).map((h) => `${h.date} ${h.name}`)).toEqual([]);
  });
});
