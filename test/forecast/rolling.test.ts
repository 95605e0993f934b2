/**
 * The rolling day-ahead forecast: issued each day at a set hour with the load measured before
 * it, for the next 1–7 days, scored by horizon day.
 */
import { describe, expect, it } from 'vitest';
import { calendarFeatures } from '../../core/forecast/calendar-features.ts';
import { errorModel } from '../../core/forecast/quantiles.ts';
import { rollingBacktest } from '../../core/forecast/rolling-backtest.ts';
import { fitCorrection, issueForecast, issueIndices, SIGNALS } from '../../core/forecast/rolling.ts';
import { createRng } from '../../core/random/rng.ts';
import { resolveZone } from '../../core/time/zone.ts';
import { runCli } from '../support/cli.ts';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const DAYS = 3 * 365;
const n = DAYS * 24;
const cal = calendarFeatures(Date.UTC(2021, 0, 1, -8), n, resolveZone('Asia/Shanghai')!, null);

/**
 * A model whose error has a level that persists from day to day (AR(1), 0.8 a day) and hourly
 * noise: what the measured load can correct.
 */
function persistentError(seed: string) {
  const rng = createRng(seed);
  const model = new Float64Array(n), actual = new Float64Array(n);
  let level = 0;
  for (let i = 0; i < n; i++) {
    if (i % 24 === 0) level = 0.8 * level + 0.03 * rng.normal();
    const h = i % 24;
    model[i] = 1000 + 300 * Math.sin((Math.PI * (h - 6)) / 12);
    actual[i] = model[i] * (1 + level + 0.01 * rng.normal());
  }
  return { model, actual };
}

const test = { from: 2 * 365 * 24, to: n };
const heldOutOf = (m: Float64Array) => Float64Array.from(m, (v, i) => (i < test.from ? v : Number.NaN));
const onTest = (m: Float64Array) => Float64Array.from(m, (v, i) => (i >= test.from ? v : Number.NaN));

describe('the forecast issued each day with measured load', () => {
  const { model, actual } = persistentError('rolling');
  const errors = errorModel(actual, heldOutOf(model), cal.hour);
  const report = rollingBacktest({ cal, actual, model: onTest(model), vanilla: onTest(model), heldOut: heldOutOf(model), errors, test }, { issueHour: 10, horizonDays: 7 });

  it('beats the model without measured load tomorrow, and by less as the horizon grows', () => {
    const [d1, , , , , , d7] = report.byDay;
    expect(d1.day).toBe(1);
    expect(d1.mape.rolling).toBeLessThan(0.75 * d1.mape.model);
    expect(d7.mape.rolling).toBeLessThanOrEqual(d7.mape.model + 0.05);
    expect(d7.mape.model - d7.mape.rolling).toBeLessThan(d1.mape.model - d1.mape.rolling);
    // The correction itself fades: tomorrow's weight on a lasting measured error is above next week's.
    const weight = (k: number) => report.correction!.coefficients[k].reduce((a, b) => a + b, 0);
    expect(weight(1)).toBeGreaterThan(weight(7));
  });

  it('says how many issues the measured load could not correct: a meter that stops early leaves the model as it is, counted', () => {
    const stops = Float64Array.from(actual, (v, i) => (i >= test.from + 100 * 24 ? Number.NaN : v));
    const r = rollingBacktest({ cal, actual: stops, model: onTest(model), vanilla: onTest(model), heldOut: heldOutOf(model), errors, test }, { issueHour: 10, horizonDays: 7 });
    expect(report.uncorrected).toBe(0);
    expect(r.uncorrected).toBeGreaterThan(250);
    expect(r.issues - r.uncorrected).toBeGreaterThan(90);
    expect(r.byDay[0].hours).toBeLessThan(100 * 24);
  });

  it('gives 80 % intervals that hold 75–85 % of the hours it had not seen, and says how they were calibrated', () => {
    for (const d of report.byDay) {
      expect(d.coverage80).toBeGreaterThanOrEqual(75);
      expect(d.coverage80).toBeLessThanOrEqual(85);
    }
    expect(report.calibration).toMatch(/verified in the last 180 days/);
  });

  it('uses no load measured at or after the issue hour', () => {
    const correction = fitCorrection(actual, heldOutOf(model), cal, { issueHour: 10, horizonDays: 7 });
    const s = issueIndices(cal, test.from + 48, test.to, 10)[0];
    expect(cal.hour[s]).toBe(10);
    const a = issueForecast(actual, onTest(model), cal, s, test.to, correction, errors, 7);
    const later = Float64Array.from(actual, (v, i) => (i >= s ? v * 3 : v));
    const b = issueForecast(later, onTest(model), cal, s, test.to, correction, errors, 7);
    expect(b.days.map((d) => [...d.point])).toEqual(a.days.map((d) => [...d.point]));
    const earlier = Float64Array.from(actual, (v, i) => (i === s - 1 ? v * 1.2 : v));
    const c = issueForecast(earlier, onTest(model), cal, s, test.to, correction, errors, 7);
    expect(c.days[1].point[0]).not.toBe(a.days[1].point[0]);
  });

  it('forecasts tomorrow as the 24 local hours of the next day, from local midnight', () => {
    const correction = fitCorrection(actual, heldOutOf(model), cal, { issueHour: 10, horizonDays: 2 });
    const s = issueIndices(cal, test.from + 48, test.to, 10)[0];
    const f = issueForecast(actual, onTest(model), cal, s, test.to, correction, errors, 2);
    expect(f.days.map((d) => d.day)).toEqual([0, 1, 2]);
    expect(f.days[0].window).toEqual({ from: s, to: s + 14 });
    expect(f.days[1].window).toEqual({ from: s + 14, to: s + 38 });
    expect(cal.hour[f.days[1].window.from]).toBe(0);
  });

  it('falls back to the model, said so, where there are too few held-out days to fit a correction', () => {
    const none = rollingBacktest({ cal, actual, model: onTest(model), vanilla: onTest(model), heldOut: new Float64Array(n).fill(Number.NaN), errors, test }, { issueHour: 10, horizonDays: 3 });
    expect(none.correction).toBeNull();
    expect(none.uncorrected).toBe(none.issues);
    expect(none.calibration).toMatch(/no correction/);
    for (const d of none.byDay) expect(d.mape.rolling).toBeCloseTo(d.mape.model, 10);
  });
});

describe('the forecast issued each day, with the temperature the model forecast with', () => {
  // A model whose weather response has drifted since its fit: its error on a day grows with that
  // day's temperature (3 % per standard deviation, weather changing from day to day), on top of
  // a level that persists (AR(1), 0.5 a day). Yesterday's error says little of tomorrow's when
  // tomorrow's weather differs; tomorrow's temperature says the rest.
  const rng = createRng('drifted weather');
  const model = new Float64Array(n), actual = new Float64Array(n), temperature = new Float64Array(n);
  let level = 0, weather = 0;
  for (let i = 0; i < n; i++) {
    if (i % 24 === 0) { level = 0.5 * level + 0.01 * rng.normal(); weather = 0.3 * weather + rng.normal(); }
    const h = i % 24;
    temperature[i] = 20 + 6 * weather + 2 * Math.sin((Math.PI * (h - 9)) / 12);
    model[i] = 1000 + 300 * Math.sin((Math.PI * (h - 6)) / 12);
    actual[i] = model[i] * (1 + level + 0.03 * weather + 0.005 * rng.normal());
  }
  const errors = errorModel(actual, heldOutOf(model), cal.hour);
  const input = { cal, actual, model: onTest(model), vanilla: onTest(model), heldOut: heldOutOf(model), errors, test };
  const without = rollingBacktest(input, { issueHour: 10, horizonDays: 3 });
  const withT = rollingBacktest({ ...input, temperature }, { issueHour: 10, horizonDays: 3 });

  it('forecasts tomorrow better with it than from the measured load alone, with intervals still holding 75–85 %', () => {
    expect(withT.correction!.temperature).toBeDefined();
    expect(without.correction!.temperature).toBeUndefined();
    expect(withT.byDay[0].mape.rolling).toBeLessThan(0.7 * without.byDay[0].mape.rolling);
    for (const d of withT.byDay) {
      expect(d.coverage80).toBeGreaterThanOrEqual(75);
      expect(d.coverage80).toBeLessThanOrEqual(85);
    }
  });

  it('keeps the temperature\'s signals only where they forecast better on held-out issues: with a model whose error owes nothing to the weather, on no day', () => {
    expect(withT.correction!.temperatureKept![1]).toBe(true);
    const plain = persistentError('rolling');
    const r = rollingBacktest({ cal, actual: plain.actual, model: onTest(plain.model), vanilla: onTest(plain.model), heldOut: heldOutOf(plain.model), errors: errorModel(plain.actual, heldOutOf(plain.model), cal.hour), test, temperature }, { issueHour: 10, horizonDays: 3 });
    expect(r.correction!.temperatureKept).toEqual([false, false, false, false]);
    for (const c of r.correction!.coefficients) expect(c.slice(SIGNALS.length).every((v) => v === 0)).toBe(true);
  });

  it('refuses to issue from a correction fitted with a temperature without one, naming what it expected', () => {
    const correction = fitCorrection(actual, heldOutOf(model), cal, { issueHour: 10, horizonDays: 3 }, { temperature });
    const s = issueIndices(cal, test.from + 48, test.to, 10)[0];
    expect(() => issueForecast(actual, onTest(model), cal, s, test.to, correction, errors, 3)).toThrow(/^issueForecast temperature: expected the temperature the model forecast with/);
    const f = issueForecast(actual, onTest(model), cal, s, test.to, correction, errors, 3, undefined, temperature);
    for (const d of f.days) for (const v of d.point) expect(Number.isFinite(v)).toBe(true);
  });
});

describe('orderly backtest --rolling', () => {
  const dir = mkdtempSync(join(tmpdir(), 'orderly-rolling-'));
  const file = join(dir, 'load.csv');
  {
    const rng = createRng('csv');
    const lines = ['time,load,temp'];
    let level = 0;
    for (let i = 0; i < 3 * 8760; i++) {
      const t = new Date(Date.UTC(2019, 0, 1) + i * 3_600_000);
      const h = t.getUTCHours();
      if (h === 0) level = 0.8 * level + 0.03 * rng.normal();
      const day = Math.floor(i / 24);
      const temp = 15 + 12 * Math.sin((2 * Math.PI * (day - 110)) / 365) + 5 * Math.sin((Math.PI * (h - 9)) / 12);
      const load = (600 + 150 * Math.sin((Math.PI * (h - 6)) / 12) + 2 * (temp - 15) ** 2) * (1 + level) + 5 * rng.normal();
      lines.push(`${t.toISOString().slice(0, 16)}Z,${load.toFixed(2)},${temp.toFixed(2)}`);
    }
    writeFileSync(file, lines.join('\n'));
  }
  const args = ['backtest', '--csv', file, '--time', 'time', '--load', 'load', '--temp', 'temp', '--tz', 'UTC',
    '--train-from', '2019-01-01', '--train-until', '2020-12-31', '--test-from', '2021-01-01', '--test-until', '2021-12-31'];

  it('prints MAPE by horizon day, with and without measured load, and how the intervals were calibrated', async () => {
    const r = await runCli(...args, '--rolling', '--issue-hour', '10', '--horizon', '7');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/rolling day-ahead .*issued daily at 10:00 local/);
    const rows = r.stdout.split('\n').filter((l) => /^\s+[1-7]\s+\d/.test(l));
    expect(rows).toHaveLength(7);
    const [withLoad, without] = (rows[0].match(/\d+\.\d+/g) ?? []).map(Number);
    expect(withLoad).toBeLessThan(without);
    expect(r.stdout).toMatch(/intervals: .*calibrat|intervals: .*verified/);
  }, 120_000);

  it('refuses an issue hour that is not one, and --horizon without --rolling, as usage errors (exit 1)', async () => {
    const bad = await runCli(...args, '--rolling', '--issue-hour', '24');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/--issue-hour: expected a whole number 0–23, found "24"/);
    const alone = await runCli(...args, '--horizon', '3');
    expect(alone.code).toBe(1);
    expect(alone.stderr).toMatch(/--horizon goes with --rolling/);
  }, 60_000);
});

describe('a scenario whose load is measured up to the study\'s eve', () => {
  it('is forecast with that measured load: a last day 10 % above the model raises tomorrow\'s forecast, and next week\'s by less', async () => {
    const { readFileSync } = await import('node:fs');
    const { loadScenarioText } = await import('../../core/scenario/validate.ts');
    const { scenarioForecastInputs, forecastArea, axisCalendar } = await import('../../core/forecast/scenario-forecast.ts');
    const r = loadScenarioText('heat-wave.json', readFileSync(new URL('../../scenarios/heat-wave.json', import.meta.url), 'utf8'));
    if (!r.ok) throw new Error('unreadable');
    const { axis, series } = scenarioForecastInputs(r.scenario!);
    const cal = axisCalendar(axis);
    const input = series[0];
    const plain = forecastArea(axis, input, 'best', cal);
    expect(plain.measuredLoad?.issuedAt).toBe(axis.study.from);
    const high = Float64Array.from(input.load, (v, i) => (i >= axis.study.from - 24 && i < axis.study.from ? v * 1.1 : v));
    const raised = forecastArea(axis, { ...input, load: high, ...(plain.recency ? { recency: plain.recency } : {}) }, 'best', cal);
    const dayMean = (p: Float64Array, d: number) => p.subarray(d * 24, d * 24 + 24).reduce((a, b) => a + b, 0) / 24;
    const rise = (d: number) => dayMean(raised.point, d) / dayMean(plain.point, d) - 1;
    expect(rise(0)).toBeGreaterThan(0.02);
    expect(rise(6)).toBeLessThan(rise(0));
    for (const q of raised.quantiles) for (const v of q) expect(Number.isFinite(v)).toBe(true);
  }, 60_000);

  it('fits the same model as a forecast without it: the measured day is predicted beside the target, not made part of it (a target inside the history is fitted as a backcast)', async () => {
    const { readFileSync } = await import('node:fs');
    const { loadScenarioText } = await import('../../core/scenario/validate.ts');
    const { scenarioForecastInputs, axisCalendar } = await import('../../core/forecast/scenario-forecast.ts');
    const { forecastSeries } = await import('../../core/forecast/forecast.ts');
    const r = loadScenarioText('heat-wave.json', readFileSync(new URL('../../scenarios/heat-wave.json', import.meta.url), 'utf8'));
    const { axis, series } = scenarioForecastInputs(r.scenario!);
    const input = { startMs: axis.startMs, n: axis.n, load: series[0].load, stations: axis.stations, zone: resolveZone(axis.timeZone)!, holidays: axis.holidays };
    const options = { model: 'best' as const, train: axis.train, target: axis.study, calendar: axisCalendar(axis) };
    const plain = forecastSeries(input, options);
    const withDay = forecastSeries(input, { ...options, context: 24 });
    expect([...withDay.point]).toEqual([...plain.point]);
    expect(withDay.context).toHaveLength(24);
    for (const v of withDay.context!) expect(Number.isFinite(v)).toBe(true);
  }, 60_000);
});
