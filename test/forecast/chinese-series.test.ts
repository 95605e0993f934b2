/**
 * The synthetic Chinese series that model tests use (test/support/chinese-series.ts): it must
 * carry what real Chinese load carries, or tests on it prove nothing.
 */
import { describe, expect, it } from 'vitest';
import { lunarNewYear } from '../../core/calendar/lunar.ts';
import { readHourlyCsv } from '../../core/history/hourly-csv.ts';
import { DAY_MS, parseDate } from '../../core/time/timestamp.ts';
import { chineseSeries, industryFactor } from '../support/chinese-series.ts';

const s = chineseSeries({ seed: 7, startYear: 2009, years: 8 });
const day = (date: string) => parseDate(date)!;
/** Mean load of a local day. */
const dayMean = (d: number, series = s) => {
  const k = d - series.firstDay, n = series.pointsPerDay;
  let sum = 0;
  for (let i = k * n; i < (k + 1) * n; i++) sum += series.load[i];
  return sum / n;
};
const meanOver = (from: number, to: number) => {
  let sum = 0;
  for (let d = from; d <= to; d++) sum += dayMean(d);
  return sum / (to - from + 1);
};

describe('the synthetic Chinese series', () => {
  it('starts at local midnight 1 January in Asia/Shanghai, one point an hour, finite everywhere', () => {
    expect(s.startMs).toBe(Date.UTC(2009, 0, 1) - 8 * 3_600_000);
    expect(s.load.length).toBe((day('2016-12-31') - day('2009-01-01') + 1) * 24);
    expect(s.temperature.length).toBe(s.load.length);
    expect(s.load.every((x) => Number.isFinite(x) && x > 0)).toBe(true);
    expect(s.temperature.every(Number.isFinite)).toBe(true);
  });

  it('is the same for the same seed and differs for another', () => {
    const again = chineseSeries({ seed: 7, startYear: 2009, years: 8 });
    const other = chineseSeries({ seed: 8, startYear: 2009, years: 8 });
    expect(again.load).toEqual(s.load);
    expect(again.temperature).toEqual(s.temperature);
    expect(other.load).not.toEqual(s.load);
  });

  it('falls by more than a third in the week from 正月初一, keyed on the lunar new year, every year', () => {
    for (let y = 2009; y <= 2016; y++) {
      const ny = lunarNewYear(y)!;
      // Two ordinary weeks well before (2009's lie before the series: two weeks well after).
      const before = y === 2009 ? meanOver(ny + 42, ny + 55) : meanOver(ny - 35, ny - 22);
      const festival = meanOver(ny, ny + 6);
      expect(festival / before, String(y)).toBeLessThan(0.67);
    }
  });

  it('brings industry back slowly: below two thirds in the Lantern Festival week, whole again five weeks after 初一', () => {
    const industryOver = (from: number, to: number) => {
      let sum = 0;
      for (let d = from; d <= to; d++) sum += s.industry[d - s.firstDay];
      return sum / (to - from + 1);
    };
    for (const y of [2010, 2013, 2016]) {
      const ny = lunarNewYear(y)!;
      expect(industryOver(ny + 11, ny + 17), String(y)).toBeLessThan(0.67);
      expect(industryOver(ny + 31, ny + 37), String(y)).toBeGreaterThan(0.9); // a weekend day is 0.8
      // In the load too: the Lantern Festival week below the weeks before the festival.
      expect(meanOver(ny + 11, ny + 17) / meanOver(ny - 35, ny - 22), String(y)).toBeLessThan(0.85);
    }
    expect(industryFactor(14)).toBeCloseTo(0.6, 10);
    expect(industryFactor(-1)).toBeCloseTo(0.35, 10);
  });

  it('works 调休 days like working days: Saturday 25 September 2010 is near the working Fridays around it, ordinary Saturdays well below them', () => {
    const avg = (dates: string[]) => dates.reduce((sum, d) => sum + dayMean(day(d)), 0) / dates.length;
    const worked = dayMean(day('2010-09-25'));
    const saturdays = avg(['2010-09-04', '2010-09-11', '2010-09-18', '2010-10-16', '2010-10-23']);
    const fridays = avg(['2010-09-03', '2010-09-10', '2010-09-17', '2010-10-15', '2010-10-22']);
    expect(s.holidays.workdays).toContain('2010-09-25');
    expect(worked / fridays).toBeGreaterThan(0.95);
    expect(saturdays / fridays).toBeLessThan(0.95);
    // 20 and 21 February 2010 are worked too, but six days after 初一 the factories are still shut.
    expect(s.holidays.workdays).toEqual(expect.arrayContaining(['2010-02-20', '2010-02-21']));
    expect(s.industry[day('2010-02-20') - s.firstDay]).toBeCloseTo(0.3, 10);
  });

  it('rises with summer heat and with winter cold', () => {
    const mean = (m: string) => meanOver(day(`2012-${m}-01`), day(`2012-${m}-28`));
    expect(mean('07') / mean('05')).toBeGreaterThan(1.15);
    expect(mean('12') / mean('10')).toBeGreaterThan(1.03); // (January holds Spring Festival in 2012)
  });

  it('gives 96 points a day, matching the hourly series’ level', () => {
    const q = chineseSeries({ seed: 7, startYear: 2009, years: 1, pointsPerDay: 96 });
    expect(q.load.length).toBe(365 * 96);
    expect(q.stepMinutes).toBe(15);
    const h = chineseSeries({ seed: 7, startYear: 2009, years: 1 });
    const total = (a: Float64Array) => a.reduce((x, y) => x + y, 0) / a.length;
    expect(total(q.load) / total(h.load)).toBeGreaterThan(0.97);
    expect(total(q.load) / total(h.load)).toBeLessThan(1.03);
  });

  it('reads back through the hourly CSV reader as MW and °C on the same hours', () => {
    const one = chineseSeries({ seed: 3, startYear: 2015, years: 1 });
    const text = one.csv();
    expect(text.split('\n')[1]).toMatch(/^2015-01-01T00:00\+08:00,\d+\.\d,-?\d+\.\d$/);
    const r = readHourlyCsv(text, { file: 's.csv', tz: 'Asia/Shanghai', time: 'time', missing: 'leave', columns: [{ name: 'load_mw', as: 'load', unit: 'MW' }, { name: 'temp_c', as: 'temp', unit: '°C' }] });
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.table.startMs).toBe(one.startMs);
    expect(r.table.hours).toBe(365 * 24);
    expect(Array.from(r.table.series.load!)).toEqual(Array.from(one.load));
  });

  it('refuses options it cannot honour, naming the option', () => {
    expect(() => chineseSeries({ seed: 1, startYear: 2003, years: 1 })).toThrow(/^chineseSeries startYear: expected a year 2004–2026, found 2003$/);
    expect(() => chineseSeries({ seed: 1, startYear: 2025, years: 3 })).toThrow(/chineseSeries years: expected/);
    expect(() => chineseSeries({ seed: 1, startYear: 2010, years: 1, pointsPerDay: 48 as 24 })).toThrow(/pointsPerDay/);
    expect(DAY_MS).toBe(86_400_000);
  });
});
