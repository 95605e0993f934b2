/**
 * Backtests score Orderly's model and vanilla on the same hours, and a missing hour blanks only
 * itself (not the 48 hours whose temperature lags and past-day means would reach it).
 */
import { describe, expect, it } from 'vitest';
import { backtestCsv } from '../../core/forecast/backtest-csv.ts';
import { backtestSeries } from '../../core/forecast/backtest.ts';
import { pointAccuracy } from '../../core/forecast/metrics.ts';
import { resolveZone } from '../../core/time/zone.ts';
import { gefcomLike, gefcomLikeCsv } from '../support/gefcom-like.ts';

const series = gefcomLike();
const train = { from: 0, to: (366 + 365 + 365) * 24 }; // 2004-01-01 .. 2006-12-31 (2004 a leap year)
const test = { from: train.to, to: train.to + 365 * 24 }; // 2007

describe('backtestSeries', () => {
  it('scores the model and vanilla on the same hours: those where both have a forecast and the load is known', () => {
    // Thirty hours of unknown temperature in the test window: vanilla (this hour's temperature
    // only) loses those thirty, the model (which also reads the last two days) loses more.
    const temperature = Float64Array.from(series.temperature);
    for (let i = test.from + 2000; i < test.from + 2030; i++) temperature[i] = Number.NaN;
    const load = Float64Array.from(series.load);
    load[test.from + 100] = Number.NaN; // and one hour of unknown load
    const r = backtestSeries({
      startMs: series.startMs, n: series.hours, load, temperature, zone: resolveZone('-05:00')!, holidays: null, train, test,
    });
    const actual = load.subarray(test.from, test.to);
    const both = (i: number) => Number.isFinite(actual[i]) && Number.isFinite(r.forecasts.model.point[i]) && Number.isFinite(r.forecasts.vanilla.point[i]);
    let shared = 0;
    const masked = Float64Array.from(actual, (a, i) => (both(i) ? (shared++, a) : Number.NaN));
    expect(r.hours.test).toBe(shared);
    expect(shared).toBeLessThan(365 * 24 - 30);
    expect(r.result.mape.vanilla).toBeCloseTo(pointAccuracy(masked, r.forecasts.vanilla.point).mape, 12);
    expect(r.result.mape.model).toBeCloseTo(pointAccuracy(masked, r.forecasts.model.point).mape, 12);
    expect(r.result.mae.vanilla).toBeCloseTo(pointAccuracy(masked, r.forecasts.vanilla.point).mae, 12);
    expect(r.notes.join(' ')).toMatch(/both are scored on the \d[\d,]* hours they share/);
  }, 120_000);
});

describe('a missing row in a backtest', () => {
  it('blanks exactly one test hour, for the model as for vanilla', () => {
    const missing = test.from + 24 * 100 + 14; // an afternoon in April 2007
    const csv = gefcomLikeCsv(series, new Set([missing]));
    const r = backtestCsv(csv, {
      file: 'gefcom-like.csv', time: 'time', load: 'load', temp: 'temp', tz: '-05:00',
      trainFrom: '2004-01-01', trainUntil: '2006-12-31', testFrom: '2007-01-01', testUntil: '2007-12-31',
    });
    if (!r.ok) throw new Error(r.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
    expect(r.report.hours.test).toBe(365 * 24 - 1);
    const finite = (a: Float64Array) => a.reduce((c, v) => c + (Number.isFinite(v) ? 1 : 0), 0);
    expect(finite(r.report.forecasts.model.point)).toBe(365 * 24 - 1);
    expect(finite(r.report.forecasts.vanilla.point)).toBe(365 * 24 - 1);
  }, 120_000);
});

describe('a test window without a single scorable hour', () => {
  it('is refused with the dates, instead of scores of NaN', () => {
    const csv = gefcomLikeCsv(series).split('\n').map((line) => (line >= '2007' && line < '2008' ? line.replace(/,[^,]*$/, ',') : line)).join('\n');
    const r = backtestCsv(csv, {
      file: 'gefcom-like.csv', time: 'time', load: 'load', temp: 'temp', tz: '-05:00',
      trainFrom: '2004-01-01', trainUntil: '2006-12-31', testFrom: '2007-01-01', testUntil: '2007-12-31',
    });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems).toEqual([{
        path: '--test-from',
        message: 'expected test hours with a known load that both models can forecast (a known temperature), found none in 2007-01-01..2007-12-31',
      }]);
    }
  }, 120_000);
});
