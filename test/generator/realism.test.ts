/**
 * Synthetic load must look like real load, not noise: evening peaks that grow with heat, a trough
 * before dawn, lighter weekends, empty factories over Spring Festival, adjusted Saturdays that work,
 * temperatures with seasons, days and persistent weather.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { dayKindIndex } from '../../core/calendar/day-kind.ts';
import { hydrate } from '../../core/scenario/hydrate.ts';
import type { Scenario } from '../../core/scenario/model.ts';
import { systemLoadHistory } from '../../core/scenario/system-load.ts';
import { hourlyCalendar, type HourlyCalendar } from '../../core/time/hourly-calendar.ts';
import { resolveZone } from '../../core/time/zone.ts';
import { generateScenarioFile } from '../../scenarios/generator/generate.ts';
import { PROFILE_BY_ID, profileShare } from '../../scenarios/generator/profiles.ts';

let s: Scenario;
let load: Float64Array;
let temp: Float64Array;
let cal: HourlyCalendar;
let kinds: ReturnType<typeof dayKindIndex>;

beforeAll(() => {
  s = hydrate(generateScenarioFile({ scale: 'city', seed: 21 }));
  const system = systemLoadHistory(s)!;
  load = system.values;
  temp = s.weather.stations[0].history!.values;
  cal = hourlyCalendar(system.startMs, load.length, resolveZone(s.timeZone)!);
  kinds = dayKindIndex(s.policy.holidays);
});

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

function dailyMaxTemp(): Map<number, number> {
  const m = new Map<number, number>();
  for (let i = 0; i < cal.hours; i++) m.set(cal.day[i], Math.max(m.get(cal.day[i]) ?? -Infinity, temp[i]));
  return m;
}

describe('synthetic system load', () => {
  it('has an evening peak that grows with heat', () => {
    const tmax = dailyMaxTemp();
    const hot: number[] = [], mild: number[] = [];
    for (let i = 0; i < cal.hours; i++) {
      if (cal.hourOfDay[i] !== 20 || !kinds.isWorking(cal.day[i])) continue;
      const t = tmax.get(cal.day[i])!;
      if (t >= 34) hot.push(load[i]);
      else if (t >= 22 && t <= 27) mild.push(load[i]);
    }
    expect(hot.length).toBeGreaterThan(10);
    expect(mean(hot) / mean(mild)).toBeGreaterThan(1.15);
  });

  it('is lowest before dawn', () => {
    const byHour = Array.from({ length: 24 }, () => [] as number[]);
    for (let i = 0; i < cal.hours; i++) byHour[cal.hourOfDay[i]].push(load[i]);
    const means = byHour.map(mean);
    const trough = means.indexOf(Math.min(...means));
    expect(trough).toBeGreaterThanOrEqual(2);
    expect(trough).toBeLessThanOrEqual(6);
  });

  it('is lighter on Sundays than on Wednesdays', () => {
    const sunday: number[] = [], wednesday: number[] = [];
    for (let i = 0; i < cal.hours; i++) {
      const k = kinds.kind(cal.day[i]);
      if (cal.weekday[i] === 7 && k === 'weekend') sunday.push(load[i]);
      if (cal.weekday[i] === 3 && k === 'workday') wednesday.push(load[i]);
    }
    expect(mean(sunday) / mean(wednesday)).toBeLessThan(0.93);
  });

  it('drops over Spring Festival as factories close', () => {
    const festival: number[] = [], before: number[] = [];
    let firstDay = Infinity;
    for (let i = 0; i < cal.hours; i++) if (kinds.holidayName(cal.day[i]) === 'Spring Festival') firstDay = Math.min(firstDay, cal.day[i]);
    for (let i = 0; i < cal.hours; i++) {
      const d = cal.day[i];
      if (kinds.holidayName(d) === 'Spring Festival' && d - firstDay < 7) festival.push(load[i]);
      if (d < firstDay - 7 && d >= firstDay - 28 && kinds.isWorking(d)) before.push(load[i]);
    }
    expect(festival.length).toBeGreaterThan(0);
    expect(mean(festival) / mean(before)).toBeLessThan(0.8);
  });

  it('works on adjusted Saturdays as on working days', () => {
    const adjusted: number[] = [], saturdays: number[] = [];
    for (let i = 0; i < cal.hours; i++) {
      if (cal.weekday[i] !== 6 || cal.hourOfDay[i] < 9 || cal.hourOfDay[i] > 17) continue;
      const k = kinds.kind(cal.day[i]);
      if (k === 'adjusted-workday') adjusted.push(load[i]);
      else if (k === 'weekend') saturdays.push(load[i]);
    }
    expect(adjusted.length).toBeGreaterThan(0);
    expect(mean(adjusted) / mean(saturdays)).toBeGreaterThan(1.05);
  });

  it('peaks in summer, with spring or autumn the lightest season', () => {
    const byMonth = Array.from({ length: 12 }, () => [] as number[]);
    for (let i = 0; i < cal.hours; i++) byMonth[cal.month[i] - 1].push(load[i]);
    const means = byMonth.map(mean);
    expect([6, 7]).toContain(means.indexOf(Math.max(...means))); // July or August
    expect([2, 3, 4, 9, 10]).toContain(means.indexOf(Math.min(...means))); // Mar–May, Oct–Nov
    expect(means[6] / means[3]).toBeGreaterThan(1.15);
  });

  it('is not noise: tomorrow looks like today at the same hour', () => {
    let num = 0, den = 0;
    const m = mean(Array.from(load));
    for (let i = 24; i < load.length; i++) {
      num += (load[i] - m) * (load[i - 24] - m);
      den += (load[i] - m) ** 2;
    }
    expect(num / den).toBeGreaterThan(0.8);
  });
});

describe('synthetic temperature', () => {
  it('has seasons: July is 20 °C warmer than January', () => {
    const jul: number[] = [], jan: number[] = [];
    for (let i = 0; i < cal.hours; i++) (cal.month[i] === 7 ? jul : cal.month[i] === 1 ? jan : []).push(temp[i]);
    expect(mean(jul) - mean(jan)).toBeGreaterThan(20);
  });
  it('has days: warmest mid-afternoon, coolest before dawn, a 4–12 °C range', () => {
    const byHour = Array.from({ length: 24 }, () => [] as number[]);
    for (let i = 0; i < cal.hours; i++) byHour[cal.hourOfDay[i]].push(temp[i]);
    const means = byHour.map(mean);
    const warmest = means.indexOf(Math.max(...means)), coolest = means.indexOf(Math.min(...means));
    expect(warmest).toBeGreaterThanOrEqual(13);
    expect(warmest).toBeLessThanOrEqual(16);
    expect(coolest).toBeGreaterThanOrEqual(3);
    expect(coolest).toBeLessThanOrEqual(6);
    expect(Math.max(...means) - Math.min(...means)).toBeGreaterThan(4);
    expect(Math.max(...means) - Math.min(...means)).toBeLessThan(12);
  });
  it('has weather that lasts for days', () => {
    const daily = new Map<number, number[]>();
    for (let i = 0; i < cal.hours; i++) daily.set(cal.day[i], [...(daily.get(cal.day[i]) ?? []), temp[i]]);
    const means = [...daily.values()].map(mean);
    // Anomaly against a 31-day running mean, then its day-to-day correlation.
    const anomaly = means.map((v, i) => v - mean(means.slice(Math.max(0, i - 15), i + 16)));
    let num = 0, den = 0;
    for (let i = 1; i < anomaly.length; i++) {
      num += anomaly[i] * anomaly[i - 1];
      den += anomaly[i] ** 2;
    }
    expect(num / den).toBeGreaterThan(0.5);
  });
});

describe('load profiles', () => {
  const share = (id: string, hour: number, t = 26, kind: 'working' | 'weekend' = 'working') => profileShare(PROFILE_BY_ID.get(id)!, kind, hour, t);
  it('put the residential peak in the evening and raise it with heat', () => {
    expect(share('residential', 20)).toBeGreaterThan(share('residential', 10));
    expect(share('residential', 20, 36) / share('residential', 20, 26)).toBeGreaterThan(1.3);
  });
  it('keep offices busy by day and quiet at night and at weekends', () => {
    expect(share('commerce-office', 10) / share('commerce-office', 3)).toBeGreaterThan(3);
    expect(share('commerce-office', 10, 26, 'weekend') / share('commerce-office', 10)).toBeLessThan(0.5);
  });
  it('run factories by shift and smelters flat', () => {
    expect(share('industry-1shift', 10) / share('industry-1shift', 22)).toBeGreaterThan(3);
    expect(share('industry-2shift', 20) / share('industry-2shift', 3)).toBeGreaterThan(2.5);
    const flat = Array.from({ length: 24 }, (_, h) => share('high-energy-flat', h));
    expect(Math.max(...flat) - Math.min(...flat)).toBeLessThan(0.01);
  });
  it('light landscapes only after dusk', () => {
    expect(share('landscape-lighting', 12)).toBe(0);
    expect(share('landscape-lighting', 20)).toBe(1);
  });
});
