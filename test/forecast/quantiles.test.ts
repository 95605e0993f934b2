import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accuracy, pinball } from '../../core/forecast/metrics.ts';
import { applyErrorModel, errorModel, LEVEL_SD_WITH_TREND, probit, QUANTILE_LEVELS } from '../../core/forecast/quantiles.ts';

describe('forecast quantiles', () => {
  it('never cross: each level is at or above the one below, for any errors and positive forecasts', () => {
    fc.assert(fc.property(
      fc.array(fc.double({ min: -0.5, max: 0.5, noNaN: true }), { minLength: 24, maxLength: 400 }),
      fc.array(fc.double({ min: 1, max: 5000, noNaN: true }), { minLength: 1, maxLength: 48 }),
      (errors, points) => {
        const hour = Uint8Array.from(errors, (_, i) => i % 24);
        const forecast = Float64Array.from(errors, () => 100);
        const actual = Float64Array.from(errors, (e) => 100 * (1 + e));
        const model = errorModel(actual, forecast, hour);
        const q = applyErrorModel(model, points, Uint8Array.from(points, (_, i) => i % 24));
        for (let k = 1; k < q.length; k++) for (let i = 0; i < points.length; i++) expect(q[k][i]).toBeGreaterThanOrEqual(q[k - 1][i] - 1e-9);
      },
    ), { seed: 42, numRuns: 100 });
  });

  it('are centred on the point forecast', () => {
    const hour = Uint8Array.from({ length: 240 }, (_, i) => i % 24);
    const forecast = Float64Array.from(hour, () => 100);
    const actual = Float64Array.from(hour, (_, i) => 95 + (i % 11)); // biased, spread 95..105
    const model = errorModel(actual, forecast, hour);
    const q = applyErrorModel(model, [200], [5]);
    expect(q[QUANTILE_LEVELS.indexOf(0.5)][0]).toBeCloseTo(200, 9);
  });

  it('centre each held-out year on its own bias: two years 6 % apart give the spread of one, widened only by the level\'s assumed error', () => {
    // Each year's errors spread evenly over ±5 %; the first year's are all 6 % higher.
    const n = 2 * 24 * 101;
    const hour = Uint8Array.from({ length: n }, (_, i) => i % 24);
    const spread = (i: number) => -0.05 + (0.1 * Math.floor(i / 24 % 101)) / 100;
    const year = Uint8Array.from({ length: n }, (_, i) => (i < n / 2 ? 1 : 2));
    const forecast = Float64Array.from(hour, () => 100);
    const actual = Float64Array.from(hour, (_, i) => 100 * (1 + spread(i) + (year[i] === 1 ? 0.06 : 0)));
    const p10 = QUANTILE_LEVELS.indexOf(0.1), p90 = QUANTILE_LEVELS.indexOf(0.9);
    const pooled = errorModel(actual, forecast, hour);
    const centred = errorModel(actual, forecast, hour, QUANTILE_LEVELS, 1, undefined, 1, year);
    // Pooled, the gap between the years widens the band: P10–P90 about 12.8 % wide instead of 8 %.
    expect(pooled.relative[5][p90] - pooled.relative[5][p10]).toBeGreaterThan(0.095);
    // Centred: one year's ±4 %, with 1.28 × 1 % added in quadrature.
    const expected = Math.sqrt(0.04 ** 2 + (probit(0.9) * LEVEL_SD_WITH_TREND) ** 2);
    expect(centred.relative[5][p90]).toBeCloseTo(expected, 3);
    expect(centred.relative[5][p10]).toBeCloseTo(-expected, 3);
    expect(centred.relative[5][QUANTILE_LEVELS.indexOf(0.5)]).toBe(0);
  });

  it('score by hand: pinball loss and 80 % coverage', () => {
    expect(pinball(10, 8, 0.9)).toBeCloseTo(1.8, 12); // under by 2 at the 90 % level
    expect(pinball(10, 12, 0.9)).toBeCloseTo(0.2, 12); // over by 2
    const a = accuracy([10, 20], [11, 18], [0.1, 0.5, 0.9], [[9, 21], [11, 18], [12, 19]]);
    expect(a.mape).toBeCloseTo(((1 / 10 + 2 / 20) / 2) * 100, 9);
    expect(a.mae).toBeCloseTo(1.5, 9);
    expect(a.rmse).toBeCloseTo(Math.sqrt(2.5), 9);
    expect(a.coverage80).toBe(50); // 10 in [9, 12]; 20 not in [21, 19]
  });
});
