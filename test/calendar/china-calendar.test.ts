/**
 * The Chinese calendar from 2004 on: statutory breaks and 调休 from chinese-days, refusal before
 * its first year, a rule estimate (flagged) after its last.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { chinaCalendar, chinaCoverage, dayKindIndex } from '../../core/calendar/day-kind.ts';
import { estimateChinaYear, qingmingDay } from '../../core/calendar/china-estimate.ts';
import { chinaStatutoryDays } from '../../core/calendar/china-statutory.ts';
import { formatDate, isoWeekday, parseDate } from '../../core/time/timestamp.ts';

const day = (date: string) => parseDate(date)!;
const calendarOf = (from: string, to: string) => {
  const r = chinaCalendar(day(from), day(to));
  if (!r.ok) throw new Error(r.message);
  return r;
};
const namesIn = (year: number) => new Set(calendarOf(`${year}-01-01`, `${year}-12-31`).calendar.days.map((d) => d.name));

describe('the Chinese statutory calendar from chinese-days', () => {
  it('reads 20 and 21 February 2010 as adjusted working days (调休) after the Spring Festival break of 13–19 February', () => {
    const r = calendarOf('2010-02-01', '2010-02-28');
    const kinds = dayKindIndex(r.calendar);
    for (let d = day('2010-02-13'); d <= day('2010-02-19'); d++) expect(kinds.holidayName(d), formatDate(d)).toBe('Spring Festival');
    expect(kinds.kind(day('2010-02-20'))).toBe('adjusted-workday'); // a Saturday
    expect(kinds.kind(day('2010-02-21'))).toBe('adjusted-workday'); // a Sunday
    expect(kinds.kind(day('2010-02-27'))).toBe('weekend');
    expect(r.calendar.workdays).toEqual(['2010-02-20', '2010-02-21']);
  });

  it('covers every year 2004–2014 that the hand table did not, with the breaks of the law of each period', () => {
    for (let y = 2004; y <= 2014; y++) {
      const names = namesIn(y);
      expect(names.has("New Year's Day") && names.has('Spring Festival') && names.has('Labour Day'), String(y)).toBe(true);
      expect(names.has('National Day') || names.has('National Day and Mid-Autumn Festival'), String(y)).toBe(true);
      // Qingming, Dragon Boat and Mid-Autumn became statutory holidays in 2008 (国务院令第513号).
      expect(names.has('Qingming Festival'), String(y)).toBe(y >= 2008);
      expect(names.has('Dragon Boat Festival'), String(y)).toBe(y >= 2008);
    }
    // Before 2008 Labour Day was a golden week: 1–7 May 2007.
    const may2007 = calendarOf('2007-05-01', '2007-05-07').calendar.days.filter((d) => d.name === 'Labour Day');
    expect(may2007).toHaveLength(7);
  });

  it('names a break holding National Day and Mid-Autumn as one, as the notices do (2009, 2012, 2017, 2020, 2023, 2025)', () => {
    const merged = [];
    for (let y = 2004; y <= 2026; y++) if (namesIn(y).has('National Day and Mid-Autumn Festival')) merged.push(y);
    expect(merged).toEqual([2009, 2012, 2017, 2020, 2023, 2025]);
  });

  it('adds the weekend days that join a break to it: 1 May 2010 (Saturday) to 3 May', () => {
    const labour = calendarOf('2010-04-28', '2010-05-06').calendar.days.filter((d) => d.name === 'Labour Day').map((d) => d.date);
    expect(labour).toEqual(['2010-05-01', '2010-05-02', '2010-05-03']);
  });

  it('never leaves an ordinary weekend day touching a break, and never marks a day both off and worked (2004–2026)', () => {
    const { holidays, workdays } = chinaStatutoryDays();
    for (const [d] of holidays) {
      expect(workdays.has(d), formatDate(d)).toBe(false);
      for (const next of [d - 1, d + 1]) if (isoWeekday(next) >= 6) expect(holidays.has(next) || workdays.has(next), `${formatDate(next)} beside ${formatDate(d)}`).toBe(true);
    }
    for (const w of workdays) expect(isoWeekday(w), formatDate(w)).toBeGreaterThanOrEqual(6);
  });

  it('refuses 2003, naming the years it covers', () => {
    const r = chinaCalendar(day('2003-12-01'), day('2004-01-31'));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.missingYears).toEqual([2003]);
    expect(r.message).toMatch(/^expected years the Chinese statutory calendar covers \(2004–2026 from the State Council notices in chinese-days 1\.5\.7, later years up to 2099 estimated by rule\), found 2003$/);
  });

  it('refuses years past 2099 rather than estimating them off the lunar table', () => {
    const r = chinaCalendar(day('2100-01-01'), day('2100-03-01'));
    expect(r.ok).toBe(false);
  });

  it('refuses a range that is not one of whole day numbers, first before last, instead of answering an empty calendar', () => {
    for (const [from, to] of [[Number.NaN, 10], [day('2010-01-02'), day('2010-01-01')], [1.5, 20]]) {
      const r = chinaCalendar(from, to);
      expect(r.ok, `${from}..${to}`).toBe(false);
      if (!r.ok) expect(r.message).toMatch(/^expected a range of whole local day numbers, first ≤ last, found /);
    }
  });

  it('says which years it covers', () => {
    expect(chinaCoverage()).toEqual({ firstYear: 2004, lastYear: 2026, lastEstimatedYear: 2099, source: 'chinese-days 1.5.7' });
  });
});

describe('a year the State Council has not announced yet', () => {
  it('is estimated by rule, flagged in estimatedYears and explained in a note, with no adjusted working days', () => {
    const r = calendarOf('2026-12-01', '2027-03-31');
    expect(r.estimatedYears).toEqual([2027]);
    expect(r.notes).toHaveLength(1);
    expect(r.notes[0]).toMatch(/^2027: no State Council notice in chinese-days 1\.5\.7 yet; holidays estimated by rule/);
    expect(r.notes[0]).toContain('调休 not estimated');
    expect(r.notes[0].length).toBeLessThanOrEqual(300); // the command line cuts notes there
    expect(r.calendar.workdays.filter((w) => w >= '2027')).toEqual([]);
    // 2027's lunar new year is 6 February: 除夕 5 February (Friday) to 初七 12 February, and Saturday 13 joins it.
    const spring = r.calendar.days.filter((d) => d.name === 'Spring Festival').map((d) => d.date);
    expect(spring[0]).toBe('2027-02-05');
    expect(spring[spring.length - 1]).toBe('2027-02-14');
    expect(r.calendar.days.filter((d) => d.date.startsWith('2027-01')).map((d) => d.date)).toEqual(['2027-01-01', '2027-01-02', '2027-01-03']);
  });

  it('is not silently taken for a published year: a range inside 2004–2026 carries no note', () => {
    expect(calendarOf('2009-01-01', '2014-12-31').notes).toEqual([]);
  });

  it('would have put each published festival day of 2020–2026 in a break, and most published days off (the rule checked on years that are known)', () => {
    const { holidays } = chinaStatutoryDays();
    let published = 0, found = 0;
    for (let y = 2020; y <= 2026; y++) {
      const estimate = estimateChinaYear(y, 'test')!;
      for (let d = day(`${y}-01-01`); d <= day(`${y}-12-31`); d++) {
        if (!holidays.has(d)) continue;
        published++;
        if (estimate.holidays.has(d)) found++;
      }
      // The festival days themselves, whatever the notice did around them.
      for (const date of [`${y}-01-01`, `${y}-05-01`, `${y}-10-01`]) expect(estimate.holidays.has(day(date)), date).toBe(true);
      expect(estimate.holidays.has(qingmingDay(y)), `${y} Qingming`).toBe(true);
      expect(holidays.has(qingmingDay(y)), `${y} Qingming published`).toBe(true);
    }
    expect(found / published).toBeGreaterThan(0.85);
  });
});

describe('the calendar does not depend on the machine’s zone', () => {
  const saved = process.env.TZ;
  afterEach(() => { process.env.TZ = saved; });

  it('gives the same Qingming day under Asia/Shanghai, UTC and America/New_York (chinese-days writes it in local time)', () => {
    const days: Record<string, number[]> = {};
    for (const tz of ['Asia/Shanghai', 'UTC', 'America/New_York']) {
      process.env.TZ = tz;
      days[tz] = [2010, 2015, 2026, 2027].map(qingmingDay);
    }
    expect(days['America/New_York']).toEqual(days.UTC);
    expect(days['Asia/Shanghai']).toEqual(days.UTC);
    expect(days.UTC.map(formatDate)).toEqual(['2010-04-05', '2015-04-05', '2026-04-05', '2027-04-05']);
  });
});
