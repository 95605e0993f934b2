import { describe, expect, it } from 'vitest';
import { fitLeastSquares, predictAll } from '../../core/forecast/regression/least-squares.ts';
import { crossLevels, design, factor, intercept, numeric, slopeBy } from '../../core/forecast/regression/terms.ts';

describe('least squares on sparse terms', () => {
  it('recovers an exact line', () => {
    const x = Float64Array.from({ length: 20 }, (_, i) => i);
    const y = x.map((v) => 2 + 3 * v);
    const d = design([intercept(), numeric('x', x)]);
    const fit = fitLeastSquares(d, y, 20);
    // Within a micro-unit: a ridge of 1e-10 of the mean diagonal guards against singular designs.
    expect(fit.coefficients[0]).toBeCloseTo(2, 6);
    expect(fit.coefficients[1]).toBeCloseTo(3, 6);
    expect(fit.sigma).toBeCloseTo(0, 6);
  });

  it('gives each factor level its mean (checked by hand)', () => {
    // Levels 0, 1, 2 with values (1, 3), (10, 14), (5): means 2, 12, 5.
    const level = [0, 0, 1, 1, 2];
    const y = [1, 3, 10, 14, 5];
    const d = design([intercept(), factor('g', level, 3)]);
    const fit = fitLeastSquares(d, y, 5);
    expect(Array.from(fit.coefficients).map((c) => Math.round(c * 1e6) / 1e6)).toEqual([2, 10, 3]);
    expect(Array.from(predictAll(d, fit.coefficients, 5)).map((v) => Math.round(v * 1e6) / 1e6)).toEqual([2, 2, 12, 12, 5]);
    // Residuals −1, 1, −2, 2, 0 → RSS 10 over n − p = 2 degrees of freedom.
    expect(fit.sigma).toBeCloseTo(Math.sqrt(10 / 2), 6);
  });

  it('fits a slope per level', () => {
    const level = Array.from({ length: 40 }, (_, i) => i % 2);
    const x = Array.from({ length: 40 }, (_, i) => Math.floor(i / 2));
    const y = x.map((v, i) => (level[i] ? 1 + 5 * v : 1 + 2 * v));
    const d = design([intercept(), numeric('x', x), slopeBy('x×g', x, level, 2)]);
    const fit = fitLeastSquares(d, y, 40);
    expect(fit.coefficients[1]).toBeCloseTo(2, 6);
    expect(fit.coefficients[2]).toBeCloseTo(3, 6);
  });

  it('skips rows that are not used or not finite', () => {
    const x = [0, 1, 2, 3, 4];
    const y = [0, 1, NaN, 3, 100];
    const d = design([numeric('x', x)]);
    const fit = fitLeastSquares(d, y, 5, (i) => i < 4);
    expect(fit.n).toBe(3);
    expect(fit.coefficients[0]).toBeCloseTo(1, 8);
  });

  it('crosses two factors into one level per pair', () => {
    expect(Array.from(crossLevels([0, 1, 6], [0, 23, 5], 24))).toEqual([0, 47, 149]);
  });
});
