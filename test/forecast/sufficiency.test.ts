/**
 * Histories too short to carry the model, and weather with short gaps, give a forecast that says
 * what it rests on: an area with hours of history is forecast from its customers' profiles (noted),
 * one with weeks from a compact model whose errors are held out (noted), one with neither history
 * nor customers is refused; no number that is not finite leaves the forecast. (Issue "Never
 * silently wrong", case 2.)
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isDataError } from '../../core/data-error.ts';
import { forecastScenario, forecastSystemOnly, type ScenarioForecast } from '../../core/forecast/scenario-forecast.ts';
import { probit } from '../../core/forecast/sufficiency.ts';
import { hydrate } from '../../core/scenario/hydrate.ts';
import type { Scenario } from '../../core/scenario/model.ts';
import type { ScenarioFile } from '../../core/scenario/schema.ts';
import { loadScenarioValue } from '../../core/scenario/validate.ts';
import { HOUR_MS, parseTimestamp } from '../../core/time/timestamp.ts';
import { formatInZone, resolveZone } from '../../core/time/zone.ts';

const text = readFileSync(new URL('../../scenarios/heat-wave.json', import.meta.url), 'utf8');
const heatWave = (): ScenarioFile => JSON.parse(text);
const load = (file: ScenarioFile): Scenario => {
  const r = loadScenarioValue(file);
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return r.scenario!;
};

/** The heat wave with S01's history cut to its last `hours` hours. */
function withShortS01(hours: number): ScenarioFile {
  const s = heatWave();
  const h = s.history.load.find((x) => x.of === 'area' && x.id === 'S01')!;
  h.values = h.values.slice(h.values.length - hours);
  h.start = formatInZone(parseTimestamp(s.study.start)!.ms - hours * HOUR_MS, resolveZone(s.timeZone)!);
  return s;
}

const full = forecastScenario(load(heatWave()));
const area = (f: ScenarioForecast, id: string) => f.areas.find((a) => a.area === id)!;
const meanRelativeDifference = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.abs(a[i] - b[i]) / b[i];
  return sum / a.length;
};
const allFinite = (f: ScenarioForecast) => f.areas.every((a) => [a.point, ...a.quantiles].every((q) => q.every(Number.isFinite)));

describe('an area with too little history', () => {
  it('is forecast from its customers\' profiles when it has one hour, and the forecast says so', () => {
    const f = forecastScenario(load(withShortS01(1)));
    expect(area(f, 'S01').source).toBe('profile');
    expect(f.notes?.map((n) => n.code)).toEqual(['profile-forecast']);
    expect(f.notes![0].en).toMatch(/S01\): forecast from its customers' load profiles only — 1 h of usable history \(a model needs 28 days\); its band \(±12\.8 % at P10–P90\) is assumed, not measured\./);
    expect(f.notes![0].zh).toMatch(/可用负荷历史仅 1 小时/);
    expect(allFinite(f)).toBe(true);
    // The profiles speak for the substation; the system is not short of it.
    expect(meanRelativeDifference(area(f, 'S01').point, area(full, 'S01').point)).toBeLessThan(0.1);
    expect(meanRelativeDifference(f.system.point, full.system.point)).toBeLessThan(0.02);
  }, 60_000);

  it('widens the system band by the profile area\'s assumed one instead of losing it', () => {
    const f = forecastScenario(load(withShortS01(1)));
    const p10 = f.levels.indexOf(0.1), p90 = f.levels.indexOf(0.9);
    const width = (x: ScenarioForecast) => x.system.quantiles[p90][18] - x.system.quantiles[p10][18];
    expect(width(f)).toBeGreaterThan(width(full));
  }, 60_000);

  it('gets the compact model with held-out errors from 60 days, and a note that says so', () => {
    const f = forecastScenario(load(withShortS01(60 * 24)));
    expect(area(f, 'S01').source).toBe('model');
    expect(f.notes?.map((n) => n.code)).toEqual(['short-history']);
    expect(f.notes![0].en).toMatch(/S01\): forecast from 60 days of history \(less than a year: seasons not in it are extrapolated\); its band is measured on the last 15 days held out\./);
    expect(meanRelativeDifference(area(f, 'S01').point, area(full, 'S01').point)).toBeLessThan(0.08);
    // A band measured out of sample: not the near-zero width of a model fitted to its own noise.
    const q = area(f, 'S01').quantiles, p10 = f.levels.indexOf(0.1), p90 = f.levels.indexOf(0.9);
    expect((q[p90][18] - q[p10][18]) / area(f, 'S01').point[18]).toBeGreaterThan(0.02);
  }, 60_000);

  it('gives the system-only quick forecast the same profile part', () => {
    const quick = forecastSystemOnly(load(withShortS01(1)));
    expect(quick.notes?.map((n) => n.code)).toEqual(['profile-forecast']);
    expect(meanRelativeDifference(quick.system.point, full.system.point)).toBeLessThan(0.03);
  }, 60_000);

  it('is refused, naming its series, when it has neither the history nor customers to stand in', () => {
    const s = withShortS01(1);
    const feeders = new Set(s.feeders.filter((f) => f.substation === 'S01').map((f) => f.id));
    s.customers = s.customers.filter((c) => !feeders.has(c.feeder));
    s.history.load = s.history.load.filter((h) => h.of === 'area' || s.customers.some((c) => c.id === h.id));
    try {
      forecastScenario(load(s));
      expect.unreachable('a forecast without data');
    } catch (error) {
      expect(isDataError(error)).toBe(true);
      const p = (error as { problems: Array<{ path: string; message: string }> }).problems[0];
      expect(p.path).toBe(`history.load[${s.history.load.findIndex((h) => h.id === 'S01')}]`);
      expect(p.message).toMatch(/^expected at least 28 days of hourly load with temperatures before the study for area S01 .*, found 1 h of usable history and no customers$/);
    }
  }, 60_000);
});

describe('weather with a short gap before the study', () => {
  it('is filled from the day before, noted once for the stations that share the gap, and the forecast is finite', () => {
    const s = heatWave();
    for (const st of s.weather.stations) st.history!.values = st.history!.values.slice(0, -18);
    const f = forecastScenario(load(s));
    expect(f.notes?.map((n) => n.en)).toEqual(['Weather stations W01, W02: no temperatures for 18 h from 2024-07-21T06:00+08:00 to 2024-07-21T23:00+08:00; the forecast uses the same hours of the day before.']);
    expect(allFinite(f)).toBe(true);
    expect(meanRelativeDifference(f.system.point, full.system.point)).toBeLessThan(0.01);
  }, 60_000);
});

describe('a forecast that is not finite', () => {
  it('never leaves the forecast: a temperature that is not a number stops it with the area and the hour', () => {
    const s = hydrate(heatWave());
    s.weather.stations[0].forecast!.values.fill(Number.NaN, 30, 60); // past validation, as a bug would
    try {
      forecastScenario(s);
      expect.unreachable('a NaN forecast');
    } catch (error) {
      expect(isDataError(error)).toBe(true);
      expect((error as Error).message).toMatch(/^forecast: area \S+ point\[\d+\]: expected a finite number, found NaN at 2024-07-2\dT\d\d:00\+08:00/);
    }
  }, 60_000);
});

describe('probit', () => {
  it('is the inverse of the standard normal distribution', () => {
    expect(probit(0.5)).toBeCloseTo(0, 9);
    expect(probit(0.9)).toBeCloseTo(1.2815516, 6);
    expect(probit(0.05)).toBeCloseTo(-1.6448536, 6);
    expect(probit(0.999)).toBeCloseTo(3.0902323, 6);
  });
});
