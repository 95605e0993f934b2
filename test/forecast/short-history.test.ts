/**
 * One year of history (a new substation, a newly metered area): the model is chosen inside the
 * history, never does worse than vanilla, and its intervals stay honest. On the synthetic Chinese
 * series (Spring Festival, 调休, 6 % growth a year) of test/support/chinese-series.ts.
 */
import { describe, expect, it } from 'vitest';
import { chinaCalendar } from '../../core/calendar/day-kind.ts';
import { backtestSeries, type BacktestReport } from '../../core/forecast/backtest.ts';
import { resolveZone } from '../../core/time/zone.ts';
import { chineseSeries } from '../support/chinese-series.ts';

function oneYear(seed: number, year: number, holidays: 'CN' | 'none' = 'CN'): BacktestReport {
  const s = chineseSeries({ seed, startYear: year, years: 2 });
  const n = s.load.length;
  const day = Math.floor(s.startMs / 86_400_000);
  const cal = chinaCalendar(day - 2, day + n / 24 + 2);
  if (!cal.ok) throw new Error('no calendar');
  const firstYear = year % 4 === 0 ? 8784 : 8760;
  return backtestSeries({
    startMs: s.startMs, n, load: s.load, temperature: s.temperature, zone: resolveZone('Asia/Shanghai')!,
    holidays: holidays === 'CN' ? cal.calendar : null, train: { from: 0, to: firstYear }, test: { from: firstYear, to: n },
  });
}

describe('a forecast from one year of history', () => {
  const cases = [[1, 2010], [2, 2012], [3, 2014]].map(([seed, year]) => ({ seed, year, r: oneYear(seed, year) }));

  it('is never above vanilla\'s error, on any of three series', () => {
    for (const { r } of cases) expect(r.result.mape.model).toBeLessThan(r.result.mape.vanilla);
  });

  it('has an 80 % interval covering 70–90 % of the next year\'s hours, and says how it was calibrated', () => {
    for (const { r } of cases) {
      expect(r.result.coverage80.model).toBeGreaterThanOrEqual(70);
      expect(r.result.coverage80.model).toBeLessThanOrEqual(90);
      expect(r.forecasts.model.calibration).toMatch(/cross-validated: each of 4 folds of whole months/);
      expect(r.forecasts.model.calibration).toMatch(/assumed, ±10 % a year/);
    }
  });

  it('carries no trend a year on: its level stays near the history\'s, where a trend fitted inside one year runs away', () => {
    for (const { seed, year, r } of cases) {
      const s = chineseSeries({ seed, startYear: year, years: 2 });
      const firstYear = year % 4 === 0 ? 8784 : 8760;
      const mean = (xs: ArrayLike<number>) => Array.from(xs).reduce((a, b) => a + b, 0) / xs.length;
      const history = mean(s.load.subarray(0, firstYear));
      expect(Math.abs(mean(r.forecasts.model.point) / history - 1)).toBeLessThan(0.08);
      expect(r.forecasts.model.shortChoice!.chosen).toMatch(/recency|compact|vanilla terms/);
    }
  });

  it('forecasts the Spring Festival weeks from the lunar date: their error with the Chinese calendar is less than half of what it is without', () => {
    const { seed, year } = cases[1];
    const s = chineseSeries({ seed, startYear: year, years: 2 });
    const withCn = oneYear(seed, year, 'CN'), without = oneYear(seed, year, 'none');
    // 初一 of 2013 is 10 February: days −14…+21 around it, in the test year.
    const firstYear = year % 4 === 0 ? 8784 : 8760;
    const sf = Math.round((Date.UTC(2013, 1, 10, -8) - s.startMs) / 3_600_000) - firstYear;
    const err = (r: BacktestReport) => {
      let sum = 0, count = 0;
      for (let j = sf - 14 * 24; j < sf + 21 * 24; j++) { const a = s.load[firstYear + j]; sum += Math.abs(r.forecasts.model.point[j] - a) / a; count++; }
      return sum / count;
    };
    expect(err(withCn)).toBeLessThan(0.5 * err(without));
  });
});
