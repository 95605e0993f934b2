/**
 * The synthetic Chinese series (Spring Festival, 调休, 6 % growth a year; test/support/chinese-series.ts)
 * read as a user reads it: written as CSV and backtested through `backtest --csv … --holidays CN`,
 * scored on the year after the training window.
 */
import { describe, expect, it } from 'vitest';
import { backtestCsv, type CsvBacktestOptions } from '../../core/forecast/backtest-csv.ts';
import { chineseSeries } from '../support/chinese-series.ts';

function csvBacktest(seed: number, start: number, trainYears: number, rolling = false) {
  const testYear = start + trainYears;
  const options: CsvBacktestOptions = {
    file: 'cn.csv', time: 'time', load: 'load_mw', temp: 'temp_c', tz: 'Asia/Shanghai', holidays: 'CN',
    trainFrom: `${start}-01-01`, trainUntil: `${testYear - 1}-12-31`, testFrom: `${testYear}-01-01`, testUntil: `${testYear}-12-31`,
    ...(rolling ? { rolling: { issueHour: 10, horizonDays: 7 } } : {}),
  };
  const r = backtestCsv(chineseSeries({ seed, startYear: start, years: trainYears + 1 }).csv(), options);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r;
}

describe('backtest --csv --holidays CN on the synthetic Chinese series', () => {
  it('from one year of training stays below vanilla\'s error with an 80 % interval covering 70–90 % of the next year, on three series', () => {
    for (const [seed, start] of [[1, 2010], [2, 2012], [3, 2014]]) {
      const { report } = csvBacktest(seed, start, 1);
      expect(report.result.mape.model, `seed ${seed}`).toBeLessThan(report.result.mape.vanilla);
      expect(report.result.coverage80.model, `seed ${seed}`).toBeGreaterThanOrEqual(70);
      expect(report.result.coverage80.model, `seed ${seed}`).toBeLessThanOrEqual(90);
    }
  });

  it('from three years of training has an 80 % interval covering 75–85 % of the next year, on three series', () => {
    // Before each held-out year was centred on its own bias: 86.9, 89.5 and 87.1 % (the year
    // forecast from one year alone ran +5.9 % high, the trend it was denied, and widened the band).
    for (const [seed, start] of [[1, 2010], [2, 2012], [3, 2014]]) {
      const { report } = csvBacktest(seed, start, 3);
      expect(report.result.coverage80.model, `seed ${seed}`).toBeGreaterThanOrEqual(75);
      expect(report.result.coverage80.model, `seed ${seed}`).toBeLessThanOrEqual(85);
      expect(report.forecasts.model.calibration).toMatch(/each centred on its own bias and counted once/);
    }
  }, 120_000);

  it('issued daily with measured load, forecasts every horizon day better than the model without it, keeps no temperature signal (none forecasts better held out there), and its intervals hold 75–85 %, from one year and from three', () => {
    for (const [seed, start, years] of [[2, 2012, 1], [1, 2010, 3]]) {
      const r = csvBacktest(seed, start, years, true).rolling!;
      expect(r.correction!.temperature).toBeDefined();
      expect(r.correction!.temperatureKept!.some(Boolean)).toBe(false);
      for (const d of r.byDay) {
        expect(d.mape.rolling, `${years} y, day ${d.day}`).toBeLessThan(d.mape.model);
        expect(d.coverage80, `${years} y, day ${d.day}`).toBeGreaterThanOrEqual(75);
        expect(d.coverage80, `${years} y, day ${d.day}`).toBeLessThanOrEqual(85);
      }
      // Tomorrow from one year: 2.55 % (2.69 % with the last day's signals alone), the model 6.26 %.
      if (years === 1) expect(r.byDay[0].mape.rolling).toBeLessThan(2.65);
    }
  }, 180_000); // two backtests: ~20 s quiet, past 60 s on a loaded 2-core machine
});
